"""What Poller and AsyncPoller share: continuation tokens, the status of an operation and
the timing of its status requests (see polling)."""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any, Generic, TypeVar

import httpx

from ._calls import MAX_RETRY_AFTER, retry_after
from .errors import (
    ContinuationTokenError,
    OperationFailedError,
    PollingTimeoutError,
)

T = TypeVar("T")

Reader = Callable[[httpx.Response], tuple[str, T, str | None]]
"""Reads one status response: (status text, the parsed value, the service's failure
message or None). It raises ApiError for an error response."""

IN_PROGRESS = "InProgress"
"""The status a poller reports before its first status response."""

GROWTH = 1.5
"""Each wait without a Retry-After is this many times longer than the one before."""

TOKEN_VERSION = 1
"""The format version of continuation tokens."""

MAX_TOKEN_INTERVAL = MAX_RETRY_AFTER
"""The longest polling interval a continuation token holds (seconds): a token asking
for more is refused, and a poller's token records at most this."""

_SUCCEEDED = "succeeded"
_FAILED = "failed"
_TOKEN_KEYS = frozenset({"v", "operation", "state", "interval"})
_TOKEN_TEXT = re.compile(r"[A-Za-z0-9_-]+={0,2}")
_MAX_TOKEN_LENGTH = 65536
_SCALARS = (str, int, float, bool, type(None))
_MAX_URL_LENGTH = 8192


def status_text(value: object) -> str:
    """A status field's value as text: an Enum's value, a str as it is, else str()."""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str):
        return value
    return str(value)


def _seconds(name: str, value: float) -> float:
    seconds = float(value)
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(
            f"{name} must be a finite number of seconds, 0 or more: {value!r}"
        )
    return seconds


def check_polling_interval(value: float) -> float:
    """`value` as seconds, checked the way a poller checks it: `begin_` methods call this
    before sending anything, so a bad interval never leaves an operation started."""
    return _seconds("polling_interval", value)


def _asked(seconds: float | None) -> float | None:
    """A Retry-After in seconds, within 0 and MAX_RETRY_AFTER; None when unusable."""
    if seconds is None or math.isnan(seconds):
        return None
    return min(max(float(seconds), 0.0), MAX_RETRY_AFTER)


def _is_scalar(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, _SCALARS)


def _damaged(reason: str) -> ContinuationTokenError:
    return ContinuationTokenError(f"not a usable continuation token: {reason}")


def read_continuation_token(
    token: str, operation: str, fields: Iterable[str] | None = None
) -> tuple[dict[str, Any], float]:
    """The state and polling interval saved in `token` by `continuation_token()`.

    `fields` are the state's keys the operation expects (all of them, no others); a
    `url` among them must be an absolute http(s) URL without userinfo or fragment.
    Raises ContinuationTokenError (a ValueError) when `token` is not a continuation
    token, is damaged, belongs to another operation than `operation`, or was made by a
    newer format version.
    """
    payload = _decode(token)
    made_for = payload["operation"]
    if made_for != operation:
        raise ContinuationTokenError(
            f"the continuation token is for operation {made_for!r}, not {operation!r}"
        )
    state = _checked_state(payload["state"], fields)
    return state, _checked_interval(payload["interval"])


def _decode(token: str) -> dict[str, Any]:
    """The token's payload, checked for its format version and shape."""
    text = token.strip() if isinstance(token, str) else ""
    if len(text) > _MAX_TOKEN_LENGTH or not _TOKEN_TEXT.fullmatch(text):
        raise _damaged("expected the URL-safe base64 text continuation_token() returns")
    text = text.rstrip("=")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        payload = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise _damaged("it does not decode (damaged or cut short?)") from None
    version = payload.get("v") if isinstance(payload, dict) else None
    if not isinstance(version, int) or isinstance(version, bool):
        raise _damaged("it holds no format version")
    if version > TOKEN_VERSION:
        raise ContinuationTokenError(
            f"the continuation token has format version {version}, newer than this"
            f" package reads ({TOKEN_VERSION}); resume it with a newer client"
        )
    if version != TOKEN_VERSION or set(payload) != _TOKEN_KEYS:
        raise _damaged(f"it is not the format of version {version}")
    if not isinstance(payload["operation"], str):
        raise _damaged("it names no operation")
    checked: dict[str, Any] = payload
    return checked


def _checked_state(state: object, fields: Iterable[str] | None) -> dict[str, Any]:
    if not isinstance(state, dict) or not all(map(_is_scalar, state.values())):
        raise _damaged("its state is not a mapping of scalar values")
    if fields is not None and set(state) != set(fields):
        # The token's own keys stay out of the message: they are anyone's text.
        expected = ", ".join(sorted(fields)) or "none"
        raise _damaged(f"its state does not hold exactly the fields {expected}")
    if "url" in state:
        _check_status_url(state["url"])
    return dict(state)


def _check_status_url(value: object) -> None:
    """A status URL as the client saves it: absolute http(s), no credentials in
    userinfo, no fragment (never the URL itself in the message: it is the token's)."""
    if not isinstance(value, str) or len(value) > _MAX_URL_LENGTH:
        raise _damaged("its status URL is not a URL")
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise _damaged("its status URL is not a URL") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise _damaged("its status URL is not an absolute http(s) URL")
    if url.userinfo or url.fragment or "#" in value:
        raise _damaged("its status URL has userinfo or a fragment")


def _checked_interval(interval: object) -> float:
    if (
        not isinstance(interval, (int, float))
        or isinstance(interval, bool)
        or not math.isfinite(interval)
        or not 0 <= interval <= MAX_TOKEN_INTERVAL
    ):
        raise _damaged(
            f"its polling interval is not a number of seconds from 0 to"
            f" {MAX_TOKEN_INTERVAL:g}"
        )
    return float(interval)


class _PollerBase(Generic[T]):
    """What Poller and AsyncPoller share: the last status seen and the timing."""

    __slots__ = (
        "_base",
        "_clock",
        "_delay",
        "_delay_asked",
        "_failed",
        "_interval",
        "_last",
        "_max_interval",
        "_operation",
        "_outcome",
        "_read",
        "_request",
        "_since",
        "_state",
        "_status",
        "_succeeded",
    )

    def __init__(
        self,
        *,
        operation: str,
        request: Callable[[], httpx.Request],
        read: Reader[T],
        succeeded: Iterable[str],
        failed: Iterable[str],
        state: Mapping[str, Any],
        polling_interval: float,
        retry_after: float | None,
        max_interval: float,
        clock: Callable[[], float],
    ) -> None:
        if isinstance(succeeded, str) or isinstance(failed, str):
            raise TypeError("succeeded and failed take a collection of statuses")
        self._operation = operation
        self._request = request
        self._read = read
        self._succeeded = frozenset(status.lower() for status in succeeded)
        self._failed = frozenset(status.lower() for status in failed)
        if self._succeeded & self._failed:
            raise ValueError("a status cannot be both succeeded and failed")
        self._state = dict(state)
        self._clock = clock
        self._base = _seconds("polling_interval", polling_interval)
        self._max_interval = _seconds("max_interval", max_interval)
        self._interval = self._base
        asked = _asked(retry_after)
        self._delay = self._base if asked is None else asked
        self._delay_asked = asked is not None
        self._since = clock()
        self._status = IN_PROGRESS
        self._outcome: str | None = None
        self._last: tuple[str, T, str | None] | None = None

    @property
    def polling_interval(self) -> float:
        """Seconds between status requests when the service does not say (Retry-After).

        Setting it also restarts the growth of the interval from the new value.
        """
        return self._base

    @polling_interval.setter
    def polling_interval(self, value: float) -> None:
        self._base = _seconds("polling_interval", value)
        self._interval = self._base
        if not self._delay_asked:
            self._delay = self._base

    def status(self) -> str:
        """The last status the service reported, as it spelled it (no request)."""
        return self._status

    def done(self) -> bool:
        """Whether the operation has ended, succeeded or failed (no request)."""
        return self._outcome is not None

    def continuation_token(self) -> str:
        """Text that resumes this operation elsewhere: see `read_continuation_token`."""
        for key, value in self._state.items():
            if not isinstance(key, str) or not _is_scalar(value):
                raise TypeError(
                    "a continuation token holds only str keys with str, int, float,"
                    f" bool or None values; {key!r} is {type(value).__name__}"
                )
        payload = {
            "interval": min(self._base, MAX_TOKEN_INTERVAL),
            "operation": self._operation,
            "state": self._state,
            "v": TOKEN_VERSION,
        }
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
        return base64.urlsafe_b64encode(text.encode("utf-8")).decode().rstrip("=")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(operation={self._operation!r},"
            f" status={self._status!r})"
        )

    def _record(self, response: httpx.Response) -> None:
        """Take in one status response: its status, and the wait before the next."""
        status, value, message = self._read(response)
        self._last = (status, value, message)
        self._status = status
        if status.lower() in self._succeeded:
            self._outcome = _SUCCEEDED
        elif status.lower() in self._failed:
            self._outcome = _FAILED
        asked = _asked(retry_after(response))
        if asked is None:
            self._delay = self._interval
            ceiling = max(self._max_interval, self._base)
            self._interval = min(self._interval * GROWTH, ceiling)
        else:
            self._delay = asked
        self._delay_asked = asked is not None
        self._since = self._clock()

    def _deadline(self, timeout: float | None) -> float | None:
        """When waiting must stop; None for a timeout of 0 or less (no waiting)."""
        if timeout is None:
            return math.inf
        if math.isnan(timeout):
            raise ValueError("timeout must be a number of seconds or None")
        if timeout <= 0:
            return None
        return self._clock() + timeout

    def _plan(self, deadline: float) -> tuple[float, bool]:
        """(seconds to sleep now, whether to poll then) on the way to `deadline`."""
        now = self._clock()
        due = self._since + self._delay
        if deadline < due:
            return max(deadline - now, 0.0), False
        return max(due - now, 0.0), True

    def _timed_out(self, timeout: float | None) -> PollingTimeoutError:
        return PollingTimeoutError(
            operation=self._operation,
            status=self._status,
            timeout=0.0 if timeout is None else max(timeout, 0.0),
        )

    def _final(self) -> T:
        """The final value once done, or the failure as OperationFailedError."""
        if self._last is None:
            raise RuntimeError("the operation has not ended")
        status, value, message = self._last
        if self._outcome == _FAILED:
            raise OperationFailedError(
                operation=self._operation, status=status, message=message, result=value
            )
        return value
