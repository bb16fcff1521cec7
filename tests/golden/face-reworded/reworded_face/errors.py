"""Errors raised by reworded_face; all derive from ClientError."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx


class ClientError(Exception):
    """Base class of every error this package raises."""


class DeserializationError(ClientError, ValueError):
    """A value from the wire does not match its schema.

    `path` locates the offending value, e.g. `Pet.createdDateTime` or
    `Pet.tags[2]`, and `reason` says what is wrong with it.
    """

    def __init__(self, reason: str, *, root: str = "value", suffix: str = "") -> None:
        self.reason = reason
        self.root = root
        self.suffix = suffix
        super().__init__(f"{root}{suffix}: {reason}")

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


class ApiError(ClientError):
    """The service answered with an error status (anything but 2xx).

    Attributes:
        status_code: the HTTP status.
        error_code: the service's error code, from the error-code header the spec
            declares, else from the body; None when neither has one.
        model: the error body parsed as the spec's error schema, or None when the body
            is not that shape (or not JSON at all).
        response: the httpx.Response, body already read.
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
        self.response = response
        text = f"{response.status_code} {response.reason_phrase}".rstrip()
        if error_code:
            text += f" ({error_code})"
        if service_message:
            text += f": {service_message}"
        request = response.request
        text += f" [{request.method} {request.url.copy_with(query=None)}]"
        super().__init__(text)


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
        super().__init__(text)


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
