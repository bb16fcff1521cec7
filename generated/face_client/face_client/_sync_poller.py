# Derived from _async_poller.py by `python -m generator.runtime.unasync`: edit that.
"""Poller: waits for a long-running operation (blocking)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import httpx

from ._polling import Reader, T, _PollerBase


class Poller(_PollerBase[T]):
    """Waits for a long-running operation (blocking).

    A method that starts an operation returns one; `result()` waits for the end and
    returns the final value, or raises OperationFailedError when the operation failed.
    `wait()`, `poll()`, `status()` and `done()` look at it step by step, and
    `continuation_token()` lets another process resume it.

    Between status requests it waits what the service asks (Retry-After), else the
    polling interval, which grows by half each time up to `max_interval`. A poller is
    meant for one thread at a time: it is not thread-safe.
    """

    __slots__ = ("_send", "_sleep")

    def __init__(
        self,
        *,
        operation: str,
        send: Callable[[httpx.Request], httpx.Response],
        request: Callable[[], httpx.Request],
        read: Reader[T],
        succeeded: Iterable[str],
        failed: Iterable[str],
        state: Mapping[str, Any],
        polling_interval: float = 1.0,
        retry_after: float | None = None,
        max_interval: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(
            operation=operation,
            request=request,
            read=read,
            succeeded=succeeded,
            failed=failed,
            state=state,
            polling_interval=polling_interval,
            retry_after=retry_after,
            max_interval=max_interval,
            clock=clock,
        )
        self._send = send
        self._sleep = sleep

    def poll(self) -> str:
        """Ask for the status once, now, and return it; once done, just return it."""
        if self._outcome is None:
            response = self._send(self._request())
            self._record(response)
        return self._status

    def wait(self, timeout: float | None = None) -> bool:
        """Poll until the operation ends or `timeout` seconds pass: True when it ended.

        A failed operation has ended too: this never raises OperationFailedError.
        None waits as long as it takes; 0 or less only looks at what is known, without
        a request. It never sleeps past the timeout.
        """
        deadline = self._deadline(timeout)
        if deadline is None:
            return self._outcome is not None
        while self._outcome is None:
            pause, due = self._plan(deadline)
            if pause > 0:
                self._sleep(pause)
            if not due:
                return False
            self.poll()
        return True

    def result(self, timeout: float | None = None) -> T:
        """Wait for the end (see `wait`) and return the operation's final value.

        Raises OperationFailedError when it failed, PollingTimeoutError when `timeout`
        passed first (calling `result()` again keeps waiting), and ApiError when a
        status request was answered with an error.
        """
        if not self.wait(timeout):
            raise self._timed_out(timeout)
        return self._final()
