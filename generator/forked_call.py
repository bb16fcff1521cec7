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
