"""Run one pure function in a forked child process while this one goes on.

The generator uses it for the validator, which needs nothing from the later stages and costs
about as much as all of them together on a big spec. Where fork is missing (Windows), where
there is one CPU, or where threads are running (forking them is unsafe), the function runs in
this process instead when its result is asked for, and the outcome is the same.

Plain `os.fork` and pipes carry the pickled calls and results: `multiprocessing` would do the
same, but importing it costs a small spec's run a twentieth of its time.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_LENGTH = struct.Struct("<Q")
# Every child this process forked and has not reaped yet (see `end_children`).
_CHILDREN: set[int] = set()


def start(function: Callable[[Any], T], argument: Any) -> Callable[[], T]:
    """Begin `function(argument)`; the returned callable waits for and returns its result."""
    if not can_fork():
        return lambda: function(argument)
    reader, writer = os.pipe()
    pid = _fork()
    if pid == 0:  # the child: compute, send, and end here whatever happens
        try:
            os.close(reader)
            try:
                reply: tuple[bool, Any] = (True, function(argument))
            except BaseException:  # noqa: BLE001 - the parent runs the function itself
                reply = (False, None)
            _send(writer, reply)
        finally:
            os._exit(0)
    os.close(writer)

    def finish() -> T:
        try:
            ok, payload = _receive(reader)
        except (EOFError, OSError, pickle.UnpicklingError):
            ok, payload = False, None  # the child died (killed, out of memory)
        finally:
            os.close(reader)
            _reap(pid)
        if ok:
            result: T = payload
            return result
        # Whatever went wrong there happens again here, with a traceback for --debug.
        return function(argument)

    return finish


def can_fork() -> bool:
    """Whether forking worker processes is safe and useful here."""
    return (
        hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and not os.environ.get("CLIENTGEN_NO_FORK")
    )


def end_children() -> None:
    """Kill and reap every child still running (a failure left it behind): for a process that
    is about to exit without Python's shutdown."""
    for pid in sorted(_CHILDREN):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass  # already gone; reaped below
        _reap(pid)


def _fork() -> int:
    pid = os.fork()
    if pid:
        _CHILDREN.add(pid)
    else:
        _CHILDREN.clear()  # the parent's children are not this one's
    return pid


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # reaped already
    _CHILDREN.discard(pid)


def _send(descriptor: int, value: object) -> None:
    """`value`, pickled, with its length first (raises OSError when the reader has gone)."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(descriptor, view) :]


def _receive(descriptor: int) -> Any:
    """What `_send` sent; EOFError when the writer ended first."""
    (length,) = _LENGTH.unpack(_read_exactly(descriptor, _LENGTH.size))
    return pickle.loads(_read_exactly(descriptor, length))


def _read_exactly(descriptor: int, count: int) -> bytes:
    chunks = []
    while count:
        chunk = os.read(descriptor, min(count, 1 << 20))
        if not chunk:
            raise EOFError("the other process ended")
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


# A worker serves at most this many requests: every loop is bounded, and one run of the
# generator sends a handful.
_MAX_REQUESTS = 10_000


class Worker:
    """A forked process that ran a `preload` (typically, slow imports) at once, while this one
    went on, and then runs the functions it is sent. Whatever goes wrong there (the process
    died, the function raised) is done again here, so the outcome is always the same."""

    def __init__(self, requests: int, replies: int, pid: int) -> None:
        self._requests: int | None = requests
        self._replies = replies
        self._pid = pid

    def map(self, function: Callable[..., T], *iterables: Any) -> list[T]:
        """`[function(*args) for args in zip(*iterables)]`, computed in the worker.
        `function` must be a module-level function (it is sent by name)."""
        return self.submit(function, *iterables)()

    def submit(self, function: Callable[..., T], *iterables: Any) -> Callable[[], list[T]]:
        """`map`, begun: the worker computes while this process goes on, and the returned
        callable waits for the results. Call it before anything else is sent."""
        calls = list(zip(*iterables))
        sent = False
        if calls and self._requests is not None:
            try:
                _send(self._requests, (function, calls))
                sent = True
            except (OSError, pickle.PicklingError, AttributeError, TypeError):
                self.close()

        def results() -> list[T]:
            if sent and self._requests is not None:
                try:
                    ok, found = _receive(self._replies)
                except (EOFError, OSError, pickle.UnpicklingError):
                    ok, found = False, None
                    self.close()
                if ok:
                    return list(found)
            return [function(*args) for args in calls]

        return results

    def close(self) -> None:
        """End the worker. It is killed, not asked: it holds nothing of the run, and one still in
        its preload (a small spec that never needed it) would otherwise be waited for."""
        if self._requests is not None:
            os.close(self._requests)
            os.close(self._replies)
            self._requests = None
            try:
                os.kill(self._pid, signal.SIGKILL)
            except OSError:
                pass  # it ended by itself
            _reap(self._pid)


def start_worker(preload: Callable[[], object]) -> Worker | None:
    """A `Worker` that begins with `preload()`; None where forking is not possible."""
    if not can_fork():
        return None
    requests_in, requests_out = os.pipe()
    replies_in, replies_out = os.pipe()
    pid = _fork()
    if pid == 0:
        try:
            os.close(requests_out)  # the worker must see EOF when the parent closes its end
            os.close(replies_in)
            _serve(preload, requests_in, replies_out)
        finally:
            os._exit(0)
    os.close(requests_in)
    os.close(replies_out)
    return Worker(requests_out, replies_in, pid)


def _serve(preload: Callable[[], object], requests: int, replies: int) -> None:
    try:
        preload()
    except BaseException:  # noqa: BLE001, S110 - the calls fail too and the parent runs them
        pass
    for _ in range(_MAX_REQUESTS):
        reply: tuple[bool, Any]
        try:
            function, calls = _receive(requests)
        except (EOFError, OSError):
            break
        except BaseException:  # noqa: BLE001 - e.g. the function's module fails to import here
            reply = (False, None)
        else:
            try:
                reply = (True, [function(*args) for args in calls])
            except BaseException:  # noqa: BLE001 - the parent computes it again and reports it
                reply = (False, None)
        try:
            _send(replies, reply)
        except (OSError, pickle.PicklingError, AttributeError, TypeError):
            break
