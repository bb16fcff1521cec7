"""Errors raised by this package; all derive from ClientError.

Every failure of a call is one of them:

- ApiError: the service answered with an error status; by status, one of BadRequestError
  (400), AuthenticationError (401), PermissionDeniedError (403), NotFoundError (404),
  ConflictError (409), UnprocessableEntityError (422), RateLimitError (429) or ServerError
  (5xx), else ApiError itself.
- DeserializationError: a response does not match its schema (or is not JSON at all).
- TransportError: the request could not be sent or its answer not received (connection
  refused or reset, a broken response); the httpx exception is its `__cause__`.
- RequestTimeoutError: the call's `timeout` ran out (also a builtin TimeoutError).
- ResponseTooLargeError: the body was larger than `max_response_size`.
- InvalidRequestError: the request cannot be written as HTTP (a header value with CR or
  LF); nothing was sent, nor retried (also a ValueError).
- OperationFailedError, PollingTimeoutError: a long-running operation failed, or is still
  running when the wait for it ended.

Messages built from text the server sent show its control characters escaped (`\\x1b`,
`\\n`), so that a response cannot forge log lines or drive a terminal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def printable(text: str) -> str:
    """`text` with control characters (and line separators) as Python escapes."""
    return _CONTROL.sub(_escape, text)


class ClientError(Exception):
    """Base class of every error this package raises."""


class TransportError(ClientError):
    """The request could not be sent, or its response not received: a connection refused,
    reset or broken, a malformed response. The httpx exception is the `__cause__`.

    Attributes:
        request: the request, without its credentials.
    """

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        self.request = request
        super().__init__(message)


class RequestTimeoutError(ClientError, TimeoutError):
    """The call ran out of time: its `timeout` covers connecting, sending, reading the whole
    body, every retry and the waits between them. A timeout httpx raised is the
    `__cause__`.

    Attributes:
        timeout: the seconds the call had in all (None when it had no total limit).
    """

    def __init__(self, message: str, *, timeout: float | None) -> None:
        self.timeout = timeout
        super().__init__(message)


class ResponseTooLargeError(ClientError):
    """A response body was larger than `max_response_size` bytes (counted both as sent and
    decompressed); the connection was closed without reading the rest.

    Attributes:
        limit: the largest size allowed, in bytes.
        status_code: the status of the response.
    """

    def __init__(self, *, limit: int, status_code: int) -> None:
        self.limit = limit
        self.status_code = status_code
        super().__init__(
            f"the response body (status {status_code}) is larger than"
            f" max_response_size={limit} bytes; the rest was not read"
        )


class InvalidRequestError(ClientError, ValueError):
    """The request cannot be written as HTTP (for example a header value holding CR or
    LF); nothing was sent, and it is never retried."""


class DeserializationError(ClientError, ValueError):
    """A value from the wire does not match its schema.

    `path` locates the offending value, e.g. `Pet.createdDateTime` or
    `Pet.tags[2]`, and `reason` says what is wrong with it.
    """

    def __init__(self, reason: str, *, root: str = "value", suffix: str = "") -> None:
        self.reason = reason
        self.root = root
        self.suffix = suffix
        super().__init__(printable(f"{root}{suffix}: {reason}"))

    @property
    def path(self) -> str:
        """Where the problem is: the type name followed by the JSON path inside it."""
        return self.root + self.suffix

    @classmethod
    def missing(cls, root: str, segment: str) -> DeserializationError:
        return cls("required field missing", root=root, suffix=segment)

    def at(self, root: str, segment: str) -> DeserializationError:
        """The same problem, seen from one level up: inside `segment` of a `root`
        value."""
        return DeserializationError(
            self.reason, root=root, suffix=segment + self.suffix
        )

    def at_index(self, index: int) -> DeserializationError:
        return DeserializationError(
            self.reason, root=self.root, suffix=f"[{index}]{self.suffix}"
        )

    def at_key(self, key: str) -> DeserializationError:
        return DeserializationError(
            self.reason, root=self.root, suffix=f"[{key!r}]{self.suffix}"
        )


REQUEST_ID_HEADERS = (
    "x-ms-request-id",
    "apim-request-id",
    "x-request-id",
    "request-id",
)
"""Headers naming the service's id of a request, the first one present wins."""


def request_id(headers: httpx.Headers) -> str | None:
    """The service's id of the request a response answers (see REQUEST_ID_HEADERS)."""
    for name in REQUEST_ID_HEADERS:
        if name in headers:
            value: str = headers[name]
            return value
    return None


class ApiError(ClientError):
    """The service answered with an error status (anything but 2xx).

    A subclass names the common statuses: catch NotFoundError, RateLimitError... or
    ApiError for them all.

    Attributes:
        status_code: the HTTP status.
        error_code: the service's error code, from the error-code header the spec
            declares, else from the body; None when neither has one.
        model: the error body parsed as the spec's error schema, or None when the body
            is not that shape (or not JSON at all).
        request_id: the service's id of the request (x-ms-request-id, apim-request-id,
            x-request-id or request-id), or None; quote it to the service's support.
        response: the httpx.Response, body already read; its `request` carries no
            credential (an API key in the query shows as ***, secret headers are left
            out).

    The message quotes the service's text with control characters escaped.
    """

    def __init__(
        self,
        *,
        response: httpx.Response,
        error_code: str | None,
        service_message: str | None,
        model: Any,
    ) -> None:
        self.status_code = response.status_code
        self.error_code = error_code
        self.service_message = service_message
        self.model = model
        self.request_id = request_id(response.headers)
        self.response = response
        text = f"{response.status_code} {response.reason_phrase}".rstrip()
        if error_code:
            text += f" ({error_code})"
        if service_message:
            text += f": {service_message}"
        request = response.request
        text += f" [{request.method} {request.url.copy_with(query=None)}]"
        super().__init__(printable(text))


class BadRequestError(ApiError):
    """The service answered 400 Bad Request."""


class AuthenticationError(ApiError):
    """The service answered 401 Unauthorized: no credential, or one it does not accept."""


class PermissionDeniedError(ApiError):
    """The service answered 403 Forbidden: the credential may not do this."""


class NotFoundError(ApiError):
    """The service answered 404 Not Found."""


class ConflictError(ApiError):
    """The service answered 409 Conflict."""


class UnprocessableEntityError(ApiError):
    """The service answered 422 Unprocessable Entity."""


class RateLimitError(ApiError):
    """The service answered 429 Too Many Requests (after the client's own retries).

    Attributes:
        retry_after: the seconds the service asked to wait (Retry-After, retry-after-ms
            or x-ms-retry-after-ms), or None when it named none.
    """

    def __init__(
        self,
        *,
        response: httpx.Response,
        error_code: str | None,
        service_message: str | None,
        model: Any,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(
            response=response,
            error_code=error_code,
            service_message=service_message,
            model=model,
        )
        self.retry_after = retry_after


class ServerError(ApiError):
    """The service answered with a 5xx status (after the client's own retries)."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class(status_code: int) -> type[ApiError]:
    """The ApiError subclass of a status (ApiError itself for one without its own)."""
    if 500 <= status_code <= 599:
        return ServerError
    return _BY_STATUS.get(status_code, ApiError)


class OperationFailedError(ClientError):
    """A long-running operation ended in a failed state.

    Attributes:
        operation: the operation's name.
        status: the final status, as the service spelled it.
        message: the service's message about the failure, or None.
        result: the final status value, parsed (the whole status body).
    """

    def __init__(
        self, *, operation: str, status: str, message: str | None, result: object
    ) -> None:
        self.operation = operation
        self.status = status
        self.message = message
        self.result = result
        text = f"{operation} failed (status {status!r})"
        if message:
            text += f": {message}"
        super().__init__(printable(text))


class ContinuationTokenError(ClientError, ValueError):
    """A continuation token that cannot be resumed: not one, damaged or tampered with,
    made for another operation or by a newer version of this package."""


class PollingTimeoutError(ClientError, TimeoutError):
    """A long-running operation was still running when the wait for it timed out.

    The operation goes on: call `result()` again to keep waiting, or keep
    `continuation_token()` to resume it later.

    Attributes:
        operation: the operation's name.
        status: the last status seen, as the service spelled it.
        timeout: the seconds waited.
    """

    def __init__(self, *, operation: str, status: str, timeout: float) -> None:
        self.operation = operation
        self.status = status
        self.timeout = timeout
        super().__init__(
            f"{operation} is still running (status {status!r}) after waiting"
            f" {timeout:g} s; call result() again to keep waiting, or keep"
            " continuation_token() to resume it later"
        )
