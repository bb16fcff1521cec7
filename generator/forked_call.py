"""Run one pure function in a forked child process while this one goes on.

The generator uses it for the validator, which needs nothing from the later stages and costs
about as much as all of them together on a big spec. Where fork is missing (Windows), where
there is one CPU, or where threads are running (forking them is unsafe), the function runs in
this process instead when its result is asked for, and the outcome is the same.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")


def start(function: Callable[[Any], T], argument: Any) -> Callable[[], T]:
    """Begin `function(argument)`; the returned callable waits for and returns its result."""
    if not can_fork():
        return lambda: function(argument)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(function, argument, sender), daemon=True
    )
    child.start()
    sender.close()

    def finish() -> T:
        try:
            ok, payload = receiver.recv()
        except (EOFError, OSError):
            ok, payload = False, None  # the child died (killed, out of memory)
        finally:
            receiver.close()
            child.join()
        if ok:
            result: T = payload
            return result
        # Whatever went wrong there happens again here, with a traceback for --debug.
        return function(argument)

    return finish


def can_fork() -> bool:
    """Whether forking worker processes is safe and useful here."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and not os.environ.get("CLIENTGEN_NO_FORK")
    )


def _child(function: Callable[[Any], Any], argument: Any, sender: Connection) -> None:
    try:
        result = function(argument)
    except BaseException:  # noqa: BLE001 - the parent runs the function itself to report it
        sender.send((False, None))
    else:
        sender.send((True, result))
    finally:
        sender.close()


# A worker serves at most this many requests: every loop is bounded, and one run of the
# generator sends a handful.
_MAX_REQUESTS = 10_000


class Worker:
    """A forked process that ran a `preload` (typically, slow imports) at once, while this one
    went on, and then runs the functions it is sent. Whatever goes wrong there (the process
    died, the function raised) is done again here, so the outcome is always the same."""

    def __init__(self, connection: Connection, process: Any) -> None:
        self._connection: Connection | None = connection
        self._process = process

    def map(self, function: Callable[..., T], *iterables: Any) -> list[T]:
        """`[function(*args) for args in zip(*iterables)]`, computed in the worker.
        `function` must be a module-level function (it is sent by name)."""
        return self.submit(function, *iterables)()

    def submit(self, function: Callable[..., T], *iterables: Any) -> Callable[[], list[T]]:
        """`map`, begun: the worker computes while this process goes on, and the returned
        callable waits for the results. Call it before anything else is sent."""
        calls = list(zip(*iterables))
        sent = False
        if calls and self._connection is not None:
            try:
                self._connection.send((function, calls))
                sent = True
            except (OSError, ValueError):
                self.close()

        def results() -> list[T]:
            if sent and self._connection is not None:
                try:
                    ok, found = self._connection.recv()
                except (EOFError, OSError, ValueError):
                    ok, found = False, None
                    self.close()
                if ok:
                    return list(found)
            return [function(*args) for args in calls]

        return results

    def close(self) -> None:
        """End the worker. It is killed, not asked: it holds nothing of the run, and one still in
        its preload (a small spec that never needed it) would otherwise be waited for."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
            self._process.kill()
            self._process.join(timeout=5)


def start_worker(preload: Callable[[], object]) -> Worker | None:
    """A `Worker` that begins with `preload()`; None where forking is not possible."""
    if not can_fork():
        return None
    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe(duplex=True)
    process = context.Process(target=_serve, args=(preload, theirs, mine), daemon=True)
    process.start()
    theirs.close()
    return Worker(mine, process)


def _serve(preload: Callable[[], object], connection: Connection, parent_end: Connection) -> None:
    parent_end.close()  # the fork's copy: the worker must see EOF when the parent closes its end
    try:
        preload()
    except BaseException:  # noqa: BLE001, S110 - the calls fail too and the parent runs them
        pass
    for _ in range(_MAX_REQUESTS):
        reply: tuple[bool, Any]
        try:
            function, calls = connection.recv()
        except (EOFError, OSError):
            break
        except BaseException:  # noqa: BLE001 - e.g. the function's module fails to import here
            reply = (False, None)
        else:
            try:
                reply = (True, [function(*args) for args in calls])
            except BaseException:  # noqa: BLE001 - the parent computes it again and reports it
                reply = (False, None)
        connection.send(reply)
    connection.close()
