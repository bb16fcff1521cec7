"""Runs every Spector scenario against every generated document: one outcome per scenario and
OpenAPI version (passed, failed with a reason, or not-run with a reason)."""

from __future__ import annotations

import importlib
import json
import re
import sys
import time
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spector_driver import (
    Connections,
    Document,
    Failure,
    NotRunnable,
    build_arguments,
    call,
    check_result,
    response_union_tag,
    response_xml_schema,
    result_notes,
    scenario_path,
    spec_operation,
    union_members,
)
from spector_paging import check_pages

PASSED, FAILED, NOT_RUN = "passed", "failed", "not-run"
FAR_FUTURE = 4102444800  # 2100-01-01: a token that never needs refreshing during a run


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str
    reason: str = ""
    notes: tuple[str, ...] = ()
    """For a pass: the formats the caller had to hand over in their wire form."""


def _load_document(
    package: str, output: Path, document: Path, clients: Path
) -> Document:
    if str(output) not in sys.path:
        sys.path.insert(0, str(output))
    api = json.loads((clients / f"{package}.inspect.json").read_text())["api"]
    spec = yaml.safe_load(document.read_text())
    spec_paths = {
        path: item
        for path, item in (spec.get("paths") or {}).items()
        if isinstance(item, dict)
    }
    label = document.stem.removeprefix("openapi").strip(".")
    document_ = Document.load(
        package, importlib.import_module(package), api, spec_paths, label
    )
    schemas = (spec.get("components") or {}).get("schemas")
    document_.spec_schemas = schemas if isinstance(schemas, dict) else {}
    return document_


class _StaticToken:
    """A TokenCredential handing out one fixed bearer token (the scenario's)."""

    def __init__(self, token: str, access_token: type) -> None:
        self._token = access_token(token, FAR_FUTURE)

    def get_token(self, *scopes: str, **kwargs: Any) -> Any:
        return self._token


def credential_for(
    client_class: Any, headers: dict[str, Any], module: Any, expected_status: int
) -> dict[str, Any]:
    """The `credential=` argument an application would pass for the scenario's auth header."""
    hints = typing.get_type_hints(client_class.__init__)
    annotation = hints.get("credential")
    if annotation is None or annotation is type(None):
        return {}
    members = union_members(annotation)
    credentials = importlib.import_module(module.__name__ + ".credentials")
    authorization = next(
        (str(v) for k, v in headers.items() if k.lower() == "authorization"), None
    )
    others = {
        k: str(v)
        for k, v in headers.items()
        if k.lower() not in ("authorization", "content-type", "accept")
    }
    if authorization is not None:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and any(
            getattr(m, "__name__", "") == "TokenCredential" for m in members
        ):
            return {"credential": _StaticToken(value, credentials.AccessToken)}
        for member in members:
            if isinstance(member, type) and member.__name__ not in (
                "TokenCredential",
                "ApiKeyCredential",
                "NoneType",
            ):
                for candidate in (value, authorization):
                    try:
                        return {"credential": member(candidate)}
                    except (TypeError, ValueError):
                        continue
        raise NotRunnable(
            f"the client offers no credential for an Authorization of scheme {scheme!r}"
        )
    api_key = next(
        (m for m in members if getattr(m, "__name__", "") == "ApiKeyCredential"), None
    )
    if api_key is not None and others:
        return {"credential": api_key(next(iter(others.values())))}
    if type(None) in members:
        return {"credential": None}
    if expected_status >= 400:
        # An invalid-credential scenario: the application has some credential, a wrong one.
        if any(getattr(m, "__name__", "") == "TokenCredential" for m in members):
            return {
                "credential": _StaticToken("invalid-token", credentials.AccessToken)
            }
        if api_key is not None:
            return {"credential": api_key("invalid-key")}
    raise Failure(
        "the client requires a credential, and the scenario calls without one (anonymous access allowed)"
    )


def _one_call(
    connections: Connections,
    document: Document,
    api: dict[str, Any],
    expected_status: int,
    base_url: str,
    with_async: bool,
    notes: list[str],
    chain: list[dict[str, Any]] | None = None,
) -> None:
    """`chain`: the scenario's calls, which a paged list's pager makes from `api` on."""
    path, _ = scenario_path(api["uri"])
    request = api.get("request") or {}
    client_class = document.module.Client
    found = document.find(api["method"], path)
    assert found is not None
    operation, variables = found
    method = getattr(client_class, operation.py_name, None)
    if method is None:
        raise Failure(f"Client has no method {operation.py_name}")
    client_kwargs, kwargs = build_arguments(
        document, operation, variables, request, method, notes, api.get("response")
    )
    if expected_status < 400 and (api.get("response") or {}).get("body"):
        notes.extend(result_notes(document, operation, method))
    if "://localhost:" in json.dumps(api.get("response") or {}) and operation.description.get(
        "paging"
    ):
        # Some mock responses write next links on http://localhost:PORT (others follow the
        # request's Host); a pager follows links only on the client's own origin, so such a
        # paged call names the same loopback server that way too.
        base_url = base_url.replace("://127.0.0.1:", "://localhost:", 1)
    if document.endpoint_variable:
        client_kwargs[document.endpoint_variable] = base_url
    else:
        client_kwargs["base_url"] = base_url + _server_path(document, client_kwargs)
        client_kwargs = {k: v for k, v in client_kwargs.items() if k == "base_url"}
    client_kwargs.update(
        credential_for(
            client_class, request.get("headers") or {}, document.module, expected_status
        )
    )
    client_kwargs.update(max_retries=0)
    classes = (
        [client_class, document.module.AsyncClient] if with_async else [client_class]
    )
    for cls in classes:
        try:
            result = call(
                connections,
                cls,
                client_kwargs,
                operation.py_name,
                kwargs,
                expected_status,
            )
            if expected_status < 400:
                spec = spec_operation(document, operation)
                structured = response_xml_schema(spec, expected_status)
                tag = response_union_tag(spec, expected_status, document.spec_schemas)
                if operation.description.get("paging") is not None:
                    check_pages(document, operation, result, chain or [api], structured, tag)
                else:
                    check_result(result, api.get("response") or {}, structured, tag)
        except Failure as failure:
            raise Failure(
                f"{'AsyncClient: ' if cls is not client_class else ''}{failure}"
            ) from failure


def _pages_of_one_call(documents: list[Document], first: dict[str, Any]) -> bool:
    """Whether the scenario's first call is a paged list operation."""
    path, _ = scenario_path(first["uri"])
    target = _document_for(documents, first["method"], path)
    found = target.find(first["method"], path) if target is not None else None
    return found is not None and found[0].description.get("paging") is not None


def _server_path(document: Document, client_kwargs: dict[str, Any]) -> str:
    prefix = document.server_prefix
    for name, value in client_kwargs.items():
        prefix = prefix.replace("{server:" + name + "}", str(value))
    return prefix


def _document_for(documents: list[Document], method: str, path: str) -> Document | None:
    """The document with the operation; of a versioned project's, the one whose API version
    the URI names (`api-version:v2`), else the latest."""
    fits = [(d, found) for d in documents if (found := d.find(method, path))]
    for document, (_, variables) in fits:
        if document.label and document.label in variables.values():
            return document
    return fits[0][0] if fits else None


# Scenarios whose compiled OpenAPI document says something other than what the mock server
# expects, each checked by hand against the document: calling them would judge the emitter,
# not the client, so they are reported as not run, with why.
NOT_IN_THE_DOCUMENT = (
    (
        r"^Routes_PathParameters_PathExpansion_Explode_(array|record)$",
        ("OpenAPI has no path-segment expansion ({/name*}: `/a/b`, `/a=1/b=2`), nor a style"
        " that writes it"),
    ),
    (
        r"^Routes_PathParameters_ReservedExpansion_",
        ("OpenAPI's allowReserved is for query parameters only: the emitter drops it from the"
        " path parameter"),
    ),
    (
        r"^Payload_Pageable_ServerDrivenPagination_nestedLink$",
        ("the mock's last page leaves out `nestedNext`, which main.tsp (and so the document)"
        " requires: the client refuses that page"),
    ),
)


def not_in_the_document(name: str) -> str | None:
    return next((why for pattern, why in NOT_IN_THE_DOCUMENT if re.search(pattern, name)), None)


def run_one(
    connections: Connections,
    scenario: dict[str, Any],
    documents: list[Document],
    base_url: str,
    with_async: bool,
) -> Outcome:
    if not scenario["apis"]:
        return Outcome(NOT_RUN, "the scenario defines no API call")
    inexpressible = not_in_the_document(scenario["name"])
    if inexpressible is not None:
        return Outcome(NOT_RUN, inexpressible)
    notes: list[str] = []
    apis = scenario["apis"]
    if _pages_of_one_call(documents, apis[0]):
        # A paged list: one call whose pager fetches every page the scenario expects.
        apis = apis[:1]
    for api in apis:
        path, _ = scenario_path(api["uri"])
        target = _document_for(documents, api["method"], path)
        if target is None:
            if any(d.declares(api["method"], path) for d in documents):
                return Outcome(
                    FAILED,
                    f"the generated client has no method for {api['method'].upper()} {path}",
                )
            linked = any(
                path in json.dumps((earlier.get("response") or {}).get("body") or {})
                for earlier in scenario["apis"]
                if earlier is not api
            )
            what = (
                "a next-page link of an earlier response"
                if linked
                else "not an operation"
            )
            return Outcome(
                NOT_RUN,
                f"{api['method'].upper()} {path} is {what}: the OpenAPI document has no"
                " operation for it",
            )
        status = scenario["code"] or (api.get("response") or {}).get("status") or 200
        try:
            _one_call(
                connections, target, api, int(status), base_url, with_async, notes,
                scenario["apis"],
            )
        except NotRunnable as reason:
            checked_by = (
                " (its handler checks the request in code)"
                if api.get("has_handler")
                else ""
            )
            return Outcome(NOT_RUN, f"{reason}{checked_by}")
        except Failure as failure:
            return Outcome(FAILED, str(failure))
        # Anything else: the expected request did not fit the method's types (a finding).
        except Exception as error:  # noqa: BLE001
            text = f"{type(error).__name__}: {error}".replace("\n", " ")
            return Outcome(FAILED, "arguments: " + text[:200])
    return Outcome(PASSED, notes=tuple(sorted(set(notes))))


def run_scenarios(
    scenarios: list[dict[str, Any]],
    layout: dict[tuple[str, str], list[tuple[str, Path]]],
    generated: dict[str, tuple[Path, str | None]],
    compile_errors: dict[str, str],
    work: Path,
    base_url: str,
    openapi_versions: tuple[str, ...],
    *,
    with_async: bool,
    log: Callable[[str], None],
) -> dict[str, dict[str, Outcome]]:
    """{OpenAPI version: {scenario name: outcome}}."""
    outcomes: dict[str, dict[str, Outcome]] = {
        version: {} for version in openapi_versions
    }
    loaded: dict[tuple[str, str], list[Document] | str] = {}
    connections = Connections()
    try:
        for version in openapi_versions:
            _run_version(
                connections,
                version,
                scenarios,
                layout,
                generated,
                compile_errors,
                work,
                base_url,
                loaded,
                outcomes[version],
                with_async,
                log,
            )
    finally:
        connections.close()
    return outcomes


def _run_version(
    connections: Connections,
    version: str,
    scenarios: list[dict[str, Any]],
    layout: dict[tuple[str, str], list[tuple[str, Path]]],
    generated: dict[str, tuple[Path, str | None]],
    compile_errors: dict[str, str],
    work: Path,
    base_url: str,
    loaded: dict[tuple[str, str], list[Document] | str],
    results: dict[str, Outcome],
    with_async: bool,
    log: Callable[[str], None],
) -> None:
    started = time.monotonic()
    done = 0
    for scenario in scenarios:
        project = scenario["spec"]
        if project in compile_errors:
            results[scenario["name"]] = Outcome(
                NOT_RUN, "the project does not compile with @typespec/openapi3"
            )
            continue
        key = (project, version)
        if key not in loaded:
            loaded[key] = _load_all(layout.get(key, []), generated, work)
        documents = loaded[key]
        if isinstance(documents, str):
            results[scenario["name"]] = Outcome(FAILED, documents)
            continue
        if not documents:
            results[scenario["name"]] = Outcome(
                NOT_RUN, "the emitter wrote no document for the project"
            )
            continue
        results[scenario["name"]] = run_one(
            connections, scenario, documents, base_url, with_async
        )
        done += 1
        if done % 100 == 0:
            log(f"OpenAPI {version}: {done} scenarios run")
    passed = sum(1 for o in results.values() if o.status == PASSED)
    log(
        f"OpenAPI {version}: {passed} of {len(scenarios)} scenarios pass ({time.monotonic() - started:.0f} s)"
    )


def _load_all(
    entries: list[tuple[str, Path]],
    generated: dict[str, tuple[Path, str | None]],
    work: Path,
) -> list[Document] | str:
    documents = []
    for package, document in entries:
        output, error = generated.get(package, (Path(), "not generated"))
        if error:
            return error
        try:
            documents.append(
                _load_document(package, output, document, work / "clients")
            )
        # An import error of generated code is a finding, not a crash of the run.
        except Exception as failure:  # noqa: BLE001
            return f"import failed: {type(failure).__name__}: {failure}"[:250]
    return documents
