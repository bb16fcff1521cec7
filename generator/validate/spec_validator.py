"""Check a loaded Document against the OpenAPI specification, collecting every problem found.

openapi-spec-validator does the schema work (the official JSON Schema of the version the document
declares, plus its own checks of schemas, defaults and parameters). Around it, this module:

* picks the validator from the `openapi`/`swagger` field itself, so that a missing, unquoted or
  unsupported version gets one clear message instead of a validator crash;
* asks jsonschema-rs first whether the document matches the version's JSON Schema, and walks
  it with `jsonschema` (whose errors the messages are made from) only when it does not;
* runs the library's two passes directly (not `SpecValidator.iter_errors`, whose per-instance
  lru_cache would keep every validated document alive) and tags each error raised by the
  library's keyword walkers with where the walker stood, since those errors carry no path;
* maps each error to the node it is really about, following local `$ref`s the walker followed,
  so a problem in a shared schema points into `components`, not at some operation using it;
* never fetches anything: `http(s)` and every other scheme are refused, and `file:` references
  are read through `load`, with its limits;
* adds checks the schema cannot express (`semantic_problems`): unique operationIds, path
  templates matching their `in: path` parameters, and local `$ref`s that lead somewhere.

Diagnostic codes: validate.version, validate.schema, validate.default, validate.duplicate-parameter,
validate.required-undefined, validate.duplicate-operation-id, validate.path-param-undeclared,
validate.path-param-unused, validate.unresolved-ref, validate.remote-ref, validate.ref,
validate.too-deep, validate.timeout, validate.internal, validate.truncated (warning).
"""

from __future__ import annotations

import ast
import importlib
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from jsonschema_path import SchemaPath
from openapi_spec_validator import (
    OpenAPIV2SpecValidator,
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
    OpenAPIV32SpecValidator,
)
from openapi_spec_validator.schemas.backend.jsonschema import (
    create_validator as create_python_validator,
)
from openapi_spec_validator.validation.exceptions import (
    DuplicateOperationIDError,
    ExtraParametersError,
    ParameterDuplicateError,
    UnresolvableParameterError,
)
from openapi_spec_validator.validation.validators import SpecValidator

from generator.diagnostics import (
    Diagnostic,
    Severity,
    error,
    has_errors,
    join_pointer,
)
from generator.load.document import Document, load
from generator.validate.backtracking import first_backtracking_pattern
from generator.validate.semantics import iter_refs, resolve_local, semantic_problems

MAX_REPORTED = 50
# Past this many raw errors the document is too broken for the rest to matter; stop early.
MAX_COLLECTED = 1000
MAX_MESSAGE = 300
# What openapi-spec-validator uses by default; without it every $ref is re-resolved per visit.
_RESOLVED_CACHE = 128

# The library checks defaults and examples against the spec's own `pattern`s with Python's
# backtracking `re`, so a pattern such as `^(\w+\s?)*$` can make it run for hours. CPU seconds,
# not wall-clock ones: on a loaded machine (CI, parallel builds) a big valid spec may take
# long in real time while using little CPU.
VALIDATOR_SECONDS = 120.0

_SPEC_VALIDATORS: dict[tuple[str, str], type[SpecValidator]] = {
    ("swagger", "2.0"): OpenAPIV2SpecValidator,
    ("openapi", "3.0"): OpenAPIV30SpecValidator,
    ("openapi", "3.1"): OpenAPIV31SpecValidator,
    ("openapi", "3.2"): OpenAPIV32SpecValidator,
}
_VERSION = re.compile(r"(\d+)\.(\d+)(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?\Z")
_SUPPORTED = "OpenAPI 3.0.x, 3.1.x and 3.2.x, and Swagger 2.0"

# The library's own versions of these come without a location; semantic_problems reports them.
_REPLACED = (DuplicateOperationIDError, UnresolvableParameterError)

_LOCATION = "_clientgen_location"


def validate(document: Document) -> tuple[Diagnostic, ...]:
    """Every problem found in `document`, in document order, with file and line:column."""
    data = document.data
    chosen = _pick_validator(data)
    if isinstance(chosen, Diagnostic):
        return (document.diagnostic(chosen),)
    problems = semantic_problems(data)
    problems += _schema_problems(document, chosen, already_broken=has_errors(problems))
    return _finish(document, problems)


def _pick_validator(data: Any) -> type[SpecValidator] | Diagnostic:
    if not isinstance(data, dict):
        return error("validate.version", "", "the document is not a mapping of OpenAPI fields")
    for key in ("openapi", "swagger"):
        if key not in data:
            continue
        value = data[key]
        pointer = f"/{key}"
        if not isinstance(value, str):
            return error(
                "validate.version",
                pointer,
                f'`{key}` must be a string such as "{"2.0" if key == "swagger" else "3.0.3"}",'
                f" not the {type(value).__name__} {value!r}",
                hint=f'quote the version: {key}: "{value}"' if value is not None else None,
            )
        match = _VERSION.match(value)
        found = _SPEC_VALIDATORS.get((key, f"{match[1]}.{match[2]}")) if match else None
        if found is None:
            message = f"unsupported {key} version {value!r}; clientgen reads {_SUPPORTED}"
            return error("validate.version", pointer, message)
        return found
    return error(
        "validate.version",
        "",
        "no `openapi` field: this does not look like an OpenAPI document",
        hint="start the document with `openapi: 3.0.3` (or the version it follows)",
    )


def _finish(document: Document, problems: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    unique: dict[tuple[str, str, str], Diagnostic] = {}
    for problem in problems:
        unique.setdefault((problem.code, problem.pointer, problem.message), problem)
    located = sorted(
        (document.diagnostic(problem) for problem in unique.values()),
        key=lambda d: (d.line or 0, d.column or 0, d.pointer),
    )
    if len(located) <= MAX_REPORTED:
        return tuple(located)
    hidden = len(located) - MAX_REPORTED
    more = f"at least {hidden}" if len(problems) >= MAX_COLLECTED else str(hidden)
    note = Diagnostic(
        code="validate.truncated",
        severity=Severity.WARNING,
        pointer="",
        message=f"{more} more problems not shown; fix the ones above first",
        file=str(document.path),
    )
    return (*located[:MAX_REPORTED], note)


# --- the library's checks ----------------------------------------------------------------------


class _RefRefused(Exception):
    def __init__(self, uri: str) -> None:
        super().__init__(uri)
        self.uri = uri


class _RefUnreadable(Exception):
    def __init__(self, uri: str, diagnostics: tuple[Diagnostic, ...]) -> None:
        super().__init__(uri)
        self.uri = uri
        self.diagnostics = diagnostics


def _refuse(uri: str) -> Any:
    raise _RefRefused(uri)


class _RefOutside(Exception):
    def __init__(self, uri: str) -> None:
        super().__init__(uri)
        self.uri = uri


def _local_reader(base: Path) -> Callable[[str], Any]:
    """Reads `file:` URIs under `base` only (symlinks resolved first). The bundle stage has
    already made every reference it follows local; this guards the ones it leaves alone."""

    def read(uri: str) -> Any:
        path = _file_path(uri).resolve()
        if not path.is_relative_to(base):
            raise _RefOutside(uri)
        document, diagnostics = load(path)
        if document is None or has_errors(diagnostics):
            raise _RefUnreadable(uri, diagnostics)
        return document.data

    return read


def _file_path(uri: str) -> Path:
    return Path(url2pathname(urlsplit(uri).path))


class _LocalOnlyHandlers(dict[str, Callable[[str], Any]]):
    """Handlers for every URI scheme, so jsonschema-path never falls back to urlopen."""

    def __init__(self, base: Path) -> None:
        super().__init__(file=_local_reader(base))

    def __contains__(self, scheme: object) -> bool:
        return True

    def __missing__(self, scheme: str) -> Callable[[str], Any]:
        return _refuse


def _located(keyword_cls: type[Any], suffix: tuple[str, ...]) -> type[Any]:
    """`keyword_cls` whose errors remember the SchemaPath it was walking when it made them."""

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        where = next((arg for arg in args if isinstance(arg, SchemaPath)), None)
        for err in keyword_cls.__call__(self, *args, **kwargs):
            # Walkers recurse through this same method, so the innermost one tags first.
            if where is not None and getattr(err, _LOCATION, None) is None:
                setattr(err, _LOCATION, (*where.parts, *suffix))
            yield err

    return type(f"Located{keyword_cls.__name__}", (keyword_cls,), {"__call__": __call__})


def _located_validator(spec_cls: type[SpecValidator]) -> type[SpecValidator]:
    keywords = {
        name: _located(cls, ("default",) if name == "default" else ())
        for name, cls in spec_cls.keyword_validators.items()
    }
    return type(f"Located{spec_cls.__name__}", (spec_cls,), {"keyword_validators": keywords})


_LOCATED = {key: _located_validator(cls) for key, cls in _SPEC_VALIDATORS.items()}


_PYTHON_VALIDATORS: dict[type[SpecValidator], Any] = {}
_RUST_VALIDATORS: dict[type[SpecValidator], Any] = {}


def _python_validator(spec_cls: type[SpecValidator]) -> Any:
    """The `jsonschema` validator of the version's JSON Schema, whatever backend the library
    would pick: the messages are made from its errors."""
    if spec_cls not in _PYTHON_VALIDATORS:
        schema = spec_cls.schema_validator.schema
        _PYTHON_VALIDATORS[spec_cls] = create_python_validator(schema)
    return _PYTHON_VALIDATORS[spec_cls]


def _rust_validator(spec_cls: type[SpecValidator]) -> Any:
    """jsonschema-rs's validator of the same schema, offline, formats not asserted (as
    `jsonschema` without a format checker); None when jsonschema-rs is not installed."""
    if spec_cls not in _RUST_VALIDATORS:
        try:
            rust = importlib.import_module("jsonschema_rs")
        except ImportError:
            _RUST_VALIDATORS[spec_cls] = None
        else:
            schema = dict(spec_cls.schema_validator.schema)
            try:
                _RUST_VALIDATORS[spec_cls] = rust.validator_cls_for(schema)(
                    schema, validate_formats=False, offline=True
                )
            except (TypeError, ValueError):  # a version without these options
                _RUST_VALIDATORS[spec_cls] = None
    return _RUST_VALIDATORS[spec_cls]


def _is_valid_quickly(spec_cls: type[SpecValidator], data: Any) -> bool:
    """Whether the document matches the version's JSON Schema, answered by jsonschema-rs (about
    ten times faster than `jsonschema` on a big spec; what openapi-spec-validator itself uses
    when it is installed). False means "walk it with `jsonschema`", which names each problem:
    on an invalid document, on data the Rust side cannot take, or without jsonschema-rs."""
    validator = _rust_validator(spec_cls)
    if validator is None:
        return False
    try:
        return bool(validator.is_valid(data))
    except Exception:  # noqa: BLE001 - any doubt means the thorough path
        return False


def _raw_errors(document: Document, spec_cls: type[SpecValidator]) -> Iterator[tuple[bool, Any]]:
    """(came from the keyword walkers, error) for each error of the library's two passes."""
    located_cls = next(_LOCATED[key] for key, cls in _SPEC_VALIDATORS.items() if cls is spec_cls)
    base_uri = document.path.resolve().as_uri()
    schema_path = SchemaPath.from_dict(
        document.data,
        base_uri=base_uri,
        handlers=_LocalOnlyHandlers(document.path.resolve().parent),
        resolved_cache_maxsize=_RESOLVED_CACHE,
    )
    validator = located_cls(schema_path, base_uri=base_uri)
    if not _is_valid_quickly(spec_cls, document.data):
        for err in _python_validator(spec_cls).iter_errors(document.data):
            yield False, err
    for err in validator.root_validator(validator.schema_path):
        yield True, err


def _schema_problems(
    document: Document, spec_cls: type[SpecValidator], *, already_broken: bool
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    try:
        with _time_limit(VALIDATOR_SECONDS):
            _collect(document, spec_cls, problems)
    except _ValidatorTimeout:
        problems.append(_timeout(document.data))
    except RecursionError:
        message = (
            "the document nests too deeply for the validator (Python's recursion limit);"
            " flatten deeply nested schemas with $ref"
        )
        problems.append(error("validate.too-deep", _deepest_pointer(document.data), message))
    except Exception as exc:  # noqa: BLE001 - a validator crash must become a diagnostic
        problems.extend(_crash(document, exc, already_broken=already_broken or bool(problems)))
    return problems


def _collect(document: Document, spec_cls: type[SpecValidator], problems: list[Diagnostic]) -> None:
    first_pass: set[str] = set()
    for from_walker, err in _raw_errors(document, spec_cls):
        if isinstance(err, _REPLACED):
            continue
        problem = _from_error(document.data, err)
        if not from_walker:
            first_pass.add(problem.pointer)
        elif problem.code == "validate.schema" and problem.pointer in first_pass:
            # The walker re-checks schemas the first pass already checked, with another
            # copy of the same meta-schema; one message per problem is enough.
            continue
        problems.append(problem)
        if len(problems) >= MAX_COLLECTED:
            return


def _timeout(data: Any) -> Diagnostic:
    """Why the validator was stopped: a pattern that can backtrack, when the spec has one."""
    limit = f"the schema validator used {VALIDATOR_SECONDS:g} s of CPU time and was stopped"
    suspect = first_backtracking_pattern(data)
    if suspect is None:
        message = f"{limit}; the spec may be too large to validate within that limit"
        return error("validate.timeout", "", message, hint="split the spec into smaller ones")
    pointer, pattern = suspect
    message = (
        f"{limit}; this pattern repeats a group that holds a quantifier or an alternative, such"
        f" as (a+)+, which can backtrack for hours when checked against a default or example:"
        f" `{pattern}`"
    )
    return error("validate.timeout", pointer, message, hint="simplify the pattern")


class _ValidatorTimeout(BaseException):
    """Raised from SIGALRM; a BaseException so no `except Exception` in a library swallows it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block once the process has used `seconds` of CPU time (POSIX, main
    thread: `re` checks for signals while it backtracks). Elsewhere the block runs without a
    limit. The validator runs alone in its forked process, so that is the validator's time."""
    on_main_thread = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not on_main_thread:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise _ValidatorTimeout

    previous = signal.signal(signal.SIGPROF, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _crash(document: Document, exc: BaseException, *, already_broken: bool) -> list[Diagnostic]:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, _RefRefused):
            message = (
                f"reference {cause.uri!r} was not followed: clientgen never reads over the network"
            )
            pointer = _find_ref(document, cause.uri)
            hint = "save the referenced file next to the spec and refer to it by relative path"
            return [error("validate.remote-ref", pointer, message, hint=hint)]
        if isinstance(cause, _RefOutside):
            message = f"reference {cause.uri!r} leads outside the spec's directory"
            hint = "only files under the spec's own directory are read"
            return [error("validate.outside", _find_ref(document, cause.uri), message, hint=hint)]
        if isinstance(cause, _RefUnreadable):
            pointer = _find_ref(document, cause.uri)
            reasons = "; ".join(d.format() for d in cause.diagnostics[:3]) or "unreadable"
            return [error("validate.ref", pointer, f"cannot read referenced file: {reasons}")]
        cause = cause.__cause__ or cause.__context__
    if already_broken:
        # The library's walkers assume a schema-valid document; the errors already found
        # explain the crash better than the crash does.
        return []
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    message = f"the validator stopped early: {type(exc).__name__}" + (f": {text}" if text else "")
    return [error("validate.internal", "", message)]


def _find_ref(document: Document, uri: str) -> str:
    base = document.path.resolve().as_uri()
    wanted = uri.split("#", 1)[0]
    for everywhere in (False, True):
        for pointer, ref in iter_refs(document.data, everywhere=everywhere):
            if urljoin(base, ref).split("#", 1)[0] == wanted:
                return pointer
    return ""


def _from_error(data: Any, err: Any) -> Diagnostic:
    base = tuple(getattr(err, _LOCATION, None) or ())
    leaf = _most_specific(err)
    parts = (*base, *leaf.absolute_path)
    message, child = _describe(leaf)
    if child is not None:
        parts = (*parts, child)
    pointer = _real_pointer(data, parts)
    if isinstance(err, ParameterDuplicateError):
        code = "validate.duplicate-parameter"
    elif isinstance(err, ExtraParametersError):
        code = "validate.required-undefined"
    elif base[-1:] == ("default",):
        code = "validate.default"
        message = f"default value: {message}"
    else:
        code = "validate.schema"
    return error(code, pointer, message)


def _most_specific(err: Any) -> Any:
    """For a failed oneOf/anyOf, the error inside the alternative that got furthest.

    OpenAPI's schemas are full of `oneOf: [Reference, Thing]`; the top error ("not valid under
    any of the given schemas") and jsonschema's best_match ("'$ref' is a required property")
    both hide the real problem, which is the deepest error of the alternative that matched best.
    """
    while getattr(err, "context", None):
        branches: dict[Any, list[Any]] = {}
        for sub in err.context:
            branch = sub.relative_schema_path[0] if sub.relative_schema_path else None
            branches.setdefault(branch, []).append(sub)

        def score(errors: list[Any]) -> tuple[bool, bool, int, int]:
            only_ref = all(e.validator == "required" and "'$ref'" in e.message for e in errors)
            # A one-value enum or const that fails marks an alternative meant for other input
            # (`in: query` when the parameter says `in: path`).
            wrong_kind = any(
                e.validator == "const"
                or (e.validator == "enum" and len(e.validator_value or ()) == 1)
                for e in errors
            )
            depth = max(len(e.absolute_path) for e in errors)
            return not only_ref, not wrong_kind, depth, -len(errors)

        best = max(branches.values(), key=score)
        err = max(best, key=lambda e: len(e.absolute_path))
    return err


_UNEXPECTED = re.compile(r"\((?P<names>.*) (?:was|were) unexpected\)\Z")
_NO_REGEX = re.compile(r"\A(?P<names>.*) (?:does|do) not match any of the regexes: ")


def _describe(err: Any) -> tuple[str, str | None]:
    """A short message, and the offending child key when the error is about one."""
    message = str(err.message)
    if err.validator in ("additionalProperties", "unevaluatedProperties"):
        match = _UNEXPECTED.search(message) or _NO_REGEX.search(message)
        names = _literal_names(match["names"]) if match else []
        if names:
            listed = ", ".join(repr(name) for name in names)
            extension = (
                " (only `x-` extension fields may be added here)" if "'^x-'" in message else ""
            )
            plural = "s" if len(names) > 1 else ""
            return f"unexpected field{plural} {listed}{extension}", names[0]
    if len(message) > MAX_MESSAGE and isinstance(err.instance, (dict, list)):
        message = message.replace(repr(err.instance), _summary(err.instance))
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return message, None


def _literal_names(text: str) -> list[str]:
    try:
        value = ast.literal_eval(f"[{text}]")
    except (ValueError, SyntaxError):
        return []
    return [name for name in value if isinstance(name, str)]


def _summary(instance: dict[Any, Any] | list[Any]) -> str:
    if isinstance(instance, list):
        return f"a list of {len(instance)} items"
    keys = ", ".join(repr(key) for key in list(instance)[:4])
    more = ", …" if len(instance) > 4 else ""
    return f"{{{keys}{more}}}" if instance else "{}"


def _real_pointer(data: Any, parts: Iterable[Any]) -> str:
    """Pointer to where `parts` really lead, jumping through local $refs the walker followed."""
    node = data
    real: list[str] = []
    walking = True
    for part in parts:
        key = str(part)
        hops = 0
        while (
            walking
            and isinstance(node, dict)
            and key not in node
            and isinstance(node.get("$ref"), str)
            and node["$ref"].startswith("#")
            and hops < 32
        ):
            target = resolve_local(data, node["$ref"])
            if target is None:
                break
            real, node = target
            hops += 1
        real.append(key)
        if walking and isinstance(node, dict) and key in node:
            node = node[key]
        elif walking and isinstance(node, list) and key.isdecimal() and int(key) < len(node):
            node = node[int(key)]
        else:
            walking = False
    return join_pointer("", *real)


def _deepest_pointer(data: Any) -> str:
    best: tuple[int, str] = (0, "")
    stack: list[tuple[Any, int, str]] = [(data, 0, "")]
    while stack:
        node, depth, pointer = stack.pop()
        if depth > best[0]:
            best = (depth, pointer)
        if isinstance(node, dict):
            stack.extend((v, depth + 1, join_pointer(pointer, k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, depth + 1, join_pointer(pointer, i)) for i, v in enumerate(node))
    # The full pointer may be hundreds of segments; an ancestor a few levels down is enough.
    return "".join("/" + token for token in best[1].split("/")[1:9])


__all__ = ["MAX_REPORTED", "semantic_problems", "validate"]
