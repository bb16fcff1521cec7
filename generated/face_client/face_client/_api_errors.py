"""The ApiError a response with an error status becomes: the subclass its status names
(NotFoundError, RateLimitError...), the service's error code and message, the error
body parsed as the spec's error schema."""

from __future__ import annotations

from typing import Any

import httpx

from ._calls import asked_wait
from ._wire import dig
from .errors import ApiError, DeserializationError, RateLimitError, error_class


def api_error(
    response: httpx.Response,
    model: Any,
    *,
    code_header: str | None = None,
    code_path: tuple[str, ...] = (),
    message_path: tuple[str, ...] = (),
) -> ApiError:
    """An ApiError for a non-2xx response, of the class its status names; a body of any
    shape never hides the status."""
    try:
        body: Any = response.json()
    except (ValueError, RecursionError):
        body = None
    parsed = None
    if model is not None and body is not None:
        try:
            parsed = model.from_dict(body)
        except (DeserializationError, RecursionError):
            parsed = None
    elif hasattr(model, "from_xml") and "xml" in response.headers.get(
        "content-type", "?"
    ):
        # An XML error body (models an XML body holds have `from_xml`).
        try:
            parsed = model.from_xml(response.content)
            body = parsed.to_dict()
        except DeserializationError:
            parsed = None
    code = response.headers.get(code_header) if code_header else None
    error_code = code or dig(body, code_path)
    service_message = dig(body, message_path)
    if response.status_code == 429:
        return RateLimitError(
            response=response,
            error_code=error_code,
            service_message=service_message,
            model=parsed,
            retry_after=asked_wait(response),
        )
    return error_class(response.status_code)(
        response=response,
        error_code=error_code,
        service_message=service_message,
        model=parsed,
    )
