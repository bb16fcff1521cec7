"""Long-running operations of this package: Poller and AsyncPoller.

A method of this package's clients that starts a long-running operation returns a
poller, which asks for the operation's status until it ends.
"""

from __future__ import annotations

from . import _polling
from ._async_poller import AsyncPoller
from ._polling import (
    Reader,
    check_polling_interval,
    read_continuation_token,
    status_text,
)
from ._sync_poller import Poller

# Where they were before the pollers moved to their own modules (see _polling).
IN_PROGRESS = _polling.IN_PROGRESS
GROWTH = _polling.GROWTH
TOKEN_VERSION = _polling.TOKEN_VERSION
MAX_TOKEN_INTERVAL = _polling.MAX_TOKEN_INTERVAL

__all__ = [
    "AsyncPoller",
    "Poller",
    "Reader",
    "check_polling_interval",
    "read_continuation_token",
    "status_text",
]
