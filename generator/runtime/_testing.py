"""The testing kit's engine: a fake service, passed to a client as `transport=`, that checks
each request against the operation table the package's `testing` module holds (generated from
the spec) and answers with scripted or spec-drawn responses.

Everything spec-specific is data in that table; everything here is the same in every package.
It imports only the standard library and httpx; hypothesis is imported only when an
unscripted operation answers with a value drawn from its model's strategy.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx

from ._runtime import to_json
from ._testing_spec import (
    BodySpec,
    OperationSpec,
    ParameterSpec,
    RecordedCall,
    RequestChecker,
    ResponseSpec,
    SchemeSpec,
    SpecViolation,
    ValueRules,
    is_json,
)

__all__ = [
    "BodySpec",
    "FakeServiceBase",
    "NotScripted",
    "OperationScript",
    "OperationSpec",
    "ParameterSpec",
    "RecordedCall",
    "ResponseSpec",
    "SchemeSpec",
    "SpecViolation",
    "ValueRules",
]

T = TypeVar("T")

_NOTHING: Any = object()
"""`returns()` without a value: the declared status with no body."""


class NotScripted(AssertionError):
    """An operation was called that nobody scripted and for which the spec gives no example
    and no strategy (or hypothesis is not installed)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Answer:
    value: Any = _NOTHING
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    error: BaseException | None = None
    response: httpx.Response | None = None


class OperationScript(Generic[T]):
    """How one operation answers, and what it was called with (`calls`).

    Scripted answers are used in order, one per request; the last one keeps answering.
    Nothing scripted: the spec's example, else a value drawn from the model's strategy.
    """

    def __init__(self, spec: OperationSpec) -> None:
        self.spec = spec
        self.calls: list[RecordedCall] = []
        self._answers: list[_Answer] = []
        self._last_used = False

    def __repr__(self) -> str:
        return f"OperationScript({self.spec.operation_id!r}, calls={len(self.calls)})"

    @property
    def call(self) -> RecordedCall:
        """The last call (AssertionError when there was none)."""
        if not self.calls:
            raise AssertionError(f"{self.spec.method_name} was not called")
        return self.calls[-1]

    def returns(
        self,
        *values: T,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        delay: float = 0.0,
    ) -> OperationScript[T]:
        """Answer with each value in turn (a model, a headers object, bytes...), encoded
        as the spec's success response of its type; none: the success status, no body.
        `delay` seconds pass (really) before each answer."""
        for value in values or (_NOTHING,):
            self._add(
                _Answer(value=value, status=status, headers=headers or {}, delay=delay)
            )
        return self

    def fails(
        self,
        status: int,
        error: object = _NOTHING,
        *,
        error_code: str | None = None,
        headers: Mapping[str, str] | None = None,
        delay: float = 0.0,
    ) -> OperationScript[T]:
        """Answer with an error status the spec declares (or its `default`), `error` (the
        error model) as the body; `error_code` goes in the error-code header the spec
        declares (`x-ms-error-code`)."""
        spec = _response_for(self.spec, status)
        if spec is None:
            operation = self.spec.operation_id
            raise ValueError(
                f"{operation} declares no {status} response (nor 'default')"
            )
        sent = dict(headers or {})
        if error_code is not None:
            if spec.error_code_header is None:
                operation = self.spec.operation_id
                raise ValueError(
                    f"{operation}'s {status} response declares no error-code header"
                )
            sent[spec.error_code_header] = error_code
        self._add(_Answer(value=error, status=status, headers=sent, delay=delay))
        return self

    def responds(self, response: httpx.Response) -> OperationScript[T]:
        """Answer with this response as it is (not checked against the spec)."""
        self._add(_Answer(response=response))
        return self

    def disconnects(self, error: BaseException | None = None) -> OperationScript[T]:
        """Fail the exchange as a network failure would (`httpx.ConnectError` by default).
        The client retries idempotent requests after a backoff: give it
        `backoff_factor=0` so the test does not wait."""
        self._add(_Answer(error=error or httpx.ConnectError("disconnected")))
        return self

    def reset(self) -> None:
        """Forget the script and the calls."""
        self._answers.clear()
        self._last_used = False
        self.calls.clear()

    def _add(self, answer: _Answer) -> None:
        # The last answer keeps answering only until something new is scripted.
        if self._last_used:
            self._answers.clear()
            self._last_used = False
        self._answers.append(answer)

    def _next(self) -> _Answer | None:
        if not self._answers:
            return None
        if len(self._answers) > 1:
            return self._answers.pop(0)
        self._last_used = True
        return self._answers[0]


# -- The fake service -------------------------------------------------------------------------


class FakeServiceBase(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport, sync and async, that stands in for the service.

    Each request is routed to its operation by method and path template and checked against
    the spec; a request the spec would not allow raises `SpecViolation` (an AssertionError)
    and is kept in `violations`: every later request raises it again, and
    `assert_no_violations()` raises it, so the test fails even when application code
    swallowed the exception. `violations.clear()` goes on.
    """

    OPERATIONS: tuple[OperationSpec, ...] = ()
    BASE_PATHS: tuple[str, ...] = ()
    """Regular expressions of the servers' URL paths (`/api/v[^/]*`)."""
    STRATEGIES: str = ""
    """The module with the JSON strategies (`<package>.strategies`)."""

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed
        self.calls: list[RecordedCall] = []
        self.violations: list[SpecViolation] = []
        self._scripts: dict[str, OperationScript[Any]] = {}
        self._routes: list[tuple[re.Pattern[str], OperationScript[Any]]] = []
        prefixes = [*self.BASE_PATHS, ""]
        # Literal paths before templated ones, so `/items/mine` wins over `/items/{id}`.
        ordered = sorted(
            self.OPERATIONS, key=lambda op: -len(re.sub(r"\{[^}]*\}", "", op.path))
        )
        for spec in self.OPERATIONS:
            script: OperationScript[Any] = OperationScript(spec)
            self._scripts[spec.method_name] = script
            if spec.method_name.isidentifier() and not hasattr(
                type(self), spec.method_name
            ):
                setattr(self, spec.method_name, script)
        for prefix in prefixes:
            for spec in ordered:
                self._routes.append(
                    (spec.pattern(prefix), self._scripts[spec.method_name])
                )
        for spec in ordered:
            self._routes.append(
                (spec.pattern("(?:/[^?]*)?"), self._scripts[spec.method_name])
            )

    def __repr__(self) -> str:
        calls, violations = len(self.calls), len(self.violations)
        return f"{type(self).__name__}(calls={calls}, violations={violations})"

    def route(self, method: str, path: str) -> OperationScript[Any]:
        """A script for requests the spec does not describe, such as the status monitor an
        `Operation-Location` header points at: `path` is a template matched anywhere after
        the host (`/operations/{id}`); its requests are recorded but not checked."""
        spec = OperationSpec(
            operation_id=f"{method.upper()} {path}",
            method_name=f"{method.upper()} {path}",
            http_method=method.upper(),
            path=path,
        )
        script: OperationScript[Any] = OperationScript(spec)
        self._scripts[spec.method_name] = script
        self._routes.insert(0, (spec.pattern("(?:/[^?]*)?"), script))
        return script

    def operation(self, method_name: str) -> OperationScript[Any]:
        """The script of an operation by its client method name."""
        try:
            return self._scripts[method_name]
        except KeyError:
            raise KeyError(f"no operation has the method {method_name!r}") from None

    def assert_no_violations(self) -> None:
        """Raise the first violation seen (the others listed), if any."""
        if self.violations:
            first = self.violations[0]
            more = len(self.violations) - 1
            raise SpecViolation(str(first) + (f" (and {more} more)" if more else ""))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer, script = self._exchange(request)
        if answer.delay > 0:
            time.sleep(answer.delay)
        return self._respond(script, answer, request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        answer, script = self._exchange(request)
        if answer.delay > 0:
            await asyncio.sleep(answer.delay)
        return self._respond(script, answer, request)

    # -- routing and checking

    def _exchange(self, request: httpx.Request) -> tuple[_Answer, OperationScript[Any]]:
        if self.violations:
            # Application code may have swallowed it: every later request fails too.
            first = self.violations[0]
            raise SpecViolation(
                f"an earlier request broke the spec (fake.violations): {first}"
            )
        request.read()
        script, path_values = self._route(request)
        checker = RequestChecker(script.spec, request)
        call = checker.call(path_values)
        script.calls.append(call)
        self.calls.append(call)
        if checker.problems:
            violation = SpecViolation("; ".join(checker.problems))
            self.violations.append(violation)
            raise violation
        answer = script._next()
        if answer is None:
            answer = self._default(script)
        if answer.error is not None:
            if isinstance(answer.error, httpx.RequestError):
                answer.error.request = request
            raise answer.error
        return answer, script

    def _route(
        self, request: httpx.Request
    ) -> tuple[OperationScript[Any], dict[str, str]]:
        path = request.url.raw_path.decode("ascii").partition("?")[0]
        allowed: list[str] = []
        for pattern, script in self._routes:
            found = pattern.match(path)
            if found is None:
                continue
            if script.spec.http_method != request.method:
                allowed.append(script.spec.http_method)
                continue
            parts = re.split(r"(\{[^{}]*\})", script.spec.path)
            names = {f"p{i}": p[1:-1] for i, p in enumerate(parts) if p.startswith("{")}
            return script, {
                names[k]: v for k, v in found.groupdict().items() if k in names
            }
        if allowed:
            problem = (
                f"{request.method} {path}: the spec declares only"
                f" {', '.join(sorted(set(allowed)))} for this path"
            )
        else:
            problem = f"{request.method} {path}: no operation in the spec has this path"
        violation = SpecViolation(problem)
        self.violations.append(violation)
        raise violation

    # -- answers

    def _default(self, script: OperationScript[Any]) -> _Answer:
        spec = script.spec
        success = _success_responses(spec)
        if not success:
            return _Answer()
        response = success[0]
        if response.media_type is None:
            return _Answer()
        if response.example is not None:
            return _Answer(
                response=_json_response(response, json.loads(response.example))
            )
        if response.strategy and self.STRATEGIES:
            drawn = _draw(
                self.STRATEGIES, response.strategy, self.seed + len(script.calls)
            )
            if drawn is not _NOTHING:
                return _Answer(response=_json_response(response, drawn))
        hint = (
            " (install hypothesis to draw one from its strategy)"
            if response.strategy
            else ""
        )
        name = spec.method_name
        raise NotScripted(
            f"{name} ({spec.operation_id}) was called but not scripted, and the spec"
            f" gives no example{hint}: script it with fake.{name}.returns(...)"
        )

    def _respond(
        self, script: OperationScript[Any], answer: _Answer, request: httpx.Request
    ) -> httpx.Response:
        if answer.response is not None:
            response = answer.response
        else:
            response = _build(script.spec, answer)
        response.request = request
        return response


def _status_code(status: str) -> int:
    if status.isdigit():
        return int(status)
    if len(status) == 3 and status[0].isdigit():
        return int(status[0]) * 100
    return 200


def _success_responses(spec: OperationSpec) -> list[ResponseSpec]:
    found = [r for r in spec.responses if r.status[0] == "2"]
    return found or [r for r in spec.responses if r.status == "default"]


def _response_for(spec: OperationSpec, status: int) -> ResponseSpec | None:
    for wanted in (str(status), f"{str(status)[0]}XX", "default"):
        for response in spec.responses:
            if response.status.upper() == wanted.upper():
                return response
    return None


def _build(spec: OperationSpec, answer: _Answer) -> httpx.Response:
    value = answer.value
    if answer.status is not None:
        chosen = _response_for(spec, answer.status)
        if chosen is None:
            raise ValueError(
                f"{spec.operation_id} declares no {answer.status} response"
            )
        status = answer.status
    else:
        candidates = _success_responses(spec)
        chosen = next(
            (
                r
                for r in candidates
                if r.model is not None and isinstance(value, r.model)
            ),
            candidates[0] if candidates else ResponseSpec(status="200"),
        )
        status = _status_code(chosen.status)
    headers = {"Retry-After": "0"}
    if value is _NOTHING or value is None and chosen.media_type is None:
        headers.update(answer.headers)
        return httpx.Response(status, headers=headers)
    if callable(getattr(value, "from_headers", None)):
        for wire, py_name in chosen.headers:
            item = getattr(value, py_name, None)
            if item is not None:
                headers[wire] = _header_text(item)
        headers.update(answer.headers)
        return httpx.Response(status, headers=headers)
    media_type = chosen.media_type or "application/json"
    headers["Content-Type"] = media_type
    headers.update(answer.headers)
    if isinstance(value, bytes):
        return httpx.Response(status, headers=headers, content=value)
    if isinstance(value, str) and not is_json(media_type):
        return httpx.Response(status, headers=headers, content=value.encode("utf-8"))
    return httpx.Response(status, headers=headers, content=json.dumps(to_json(value)))


def _json_response(spec: ResponseSpec, value: Any) -> httpx.Response:
    headers = {
        "Retry-After": "0",
        "Content-Type": spec.media_type or "application/json",
    }
    return httpx.Response(
        _status_code(spec.status), headers=headers, content=json.dumps(value)
    )


def _header_text(value: object) -> str:
    wire = to_json(value)
    if isinstance(wire, bool):
        return "true" if wire else "false"
    return str(wire)


def _draw(module: str, name: str, seed: int) -> Any:
    """A JSON value from the strategy `name`, the same for the same seed; _NOTHING when
    hypothesis is not installed."""
    try:
        hypothesis = importlib.import_module("hypothesis")
    except ImportError:
        return _NOTHING
    strategy = getattr(importlib.import_module(module), name.removeprefix("[]"))()
    if name.startswith("[]"):
        strategy = hypothesis.strategies.lists(strategy, min_size=1, max_size=3)
    drawn: list[Any] = []

    def take(value: Any) -> None:
        drawn.append(value)

    # hypothesis is imported by name only (it is optional), so its decorators are applied
    # as calls on Any: the type checker sees no untyped decorator.
    settings = hypothesis.settings(
        max_examples=5,
        database=None,
        deadline=None,
        phases=[hypothesis.Phase.generate],
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    run: Any = hypothesis.seed(seed)(settings(hypothesis.given(strategy)(take)))
    run()
    return drawn[-1]


def public_names() -> frozenset[str]:
    """The attributes a generated fake cannot give an operation's script (the view keeps
    these names off the typed attributes; `fake.operation(name)` still finds them)."""
    names = {n for n in dir(FakeServiceBase) if not n.startswith("_")}
    return frozenset(names | {"seed", "calls", "violations"})
