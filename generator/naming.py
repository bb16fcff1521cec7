"""Every Python name in the generated code is decided here, and only here.

Spec names are arbitrary text. They are split into words, transliterated to ASCII, cased, kept
clear of keywords, dunders, builtins that generated code relies on, and the generated code's own
members, and finally made unique within their scope. Uniqueness is deterministic: callers claim
names in a deterministic order (spec order, or sorted where the spec gives none), and a clash gets
the smallest free numeric suffix.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import sys
import unicodedata
from collections.abc import Iterable

from generator.ir.kinds import KIND_FACTS, PYTHON_CLASS_NAMES, TypeKind

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

# Generated modules use these names in annotations and at module level (the kinds' classes,
# generator/ir/kinds.py, and a few more). A class or field that
# reused one would shadow it (a field named `list` breaks a later `list[int]` annotation).
_ANNOTATION_NAMES = PYTHON_CLASS_NAMES | {"tuple", "object", "bytes"}

# Builtins that not every Python the generator runs on (3.10 and later) has: reserved always, so
# a schema named like one is renamed the same way whichever Python runs the generator.
_NEWER_BUILTINS = frozenset(
    {"BaseExceptionGroup", "EncodingWarning", "ExceptionGroup", "PythonFinalizationError"}
)

# Model and enum classes share their modules' namespace with everything the generated code
# imports, defines at module level or takes from builtins: a schema called `ValueError` would
# turn `except ValueError` into a TypeError at run time. Every builtin is reserved (a class name
# is PascalCase, so only the capitalised ones could ever meet one); tests/unit/test_naming.py renders
# the built-in templates and fails when a module refers to a name missing here.
RESERVED_CLASS_NAMES = frozenset(dir(builtins)) | _NEWER_BUILTINS | frozenset(
    {
        "AccessToken",
        "Any",
        # the testing kit (_testing.py, _testing_spec.py, testing.py)
        "BodySpec",
        "FakeService",
        "FakeServiceBase",
        "NotScripted",
        "OperationScript",
        "OperationSpec",
        "ParameterSpec",
        "RecordedCall",
        "RequestChecker",
        "ResponseSpec",
        "SchemeSpec",
        "SpecViolation",
        "ValueRules",
        "ApiError",
        "ApiResponse",
        "AuthenticationError",
        "BadRequestError",
        "ConflictError",
        "NotFoundError",
        "PermissionDeniedError",
        "RateLimitError",
        "ServerError",
        "UnprocessableEntityError",
        "ApiKeyCredential",
        "AsyncPager",
        "AsyncPageSender",
        "AsyncIterator",
        "AsyncPoller",
        "AsyncStream",
        "AsyncTokenCredential",
        "AsyncClient",
        "Client",
        "ClientError",
        "ContinuationTokenError",
        "Decimal",
        "DeserializationError",
        "Enum",
        "FilePart",
        "Final",
        "HttpCredential",
        "Literal",
        "Mapping",
        "OperationFailedError",
        "CursorPaging",
        "NextLinkPaging",
        "OffsetPaging",
        "OnePagePaging",
        "Page",
        "PageReader",
        "PageSender",
        "Pager",
        "PagingError",
        "PagingStyle",
        "Sequence",
        "TokenPaging",
        "Poller",
        "PollingTimeoutError",
        "InvalidRequestError",
        "RequestTimeoutError",
        "ResponseTooLargeError",
        "ServerSentEvent",
        "Stream",
        "TransportError",
        "TokenCredential",
        "Unset",
        "UNSET",
        # What the generated modules import or define at module level.
        "Decoder",
        "EventDecoder",
        "JsonItemDecoder",
        "AsyncPipeline",
        "AsyncSender",
        "Sender",
        "Auth",
        "BodyBuffer",
        "Call",
        "CallOptions",
        "Inflater",
        "Iterator",
        "Watchdog",
        "GROWTH",
        "LOGGER",
        "Pipeline",
        "PartTypes",
        "QueryItems",
        "ReadOnlyRules",
        "Reader",
        "Styles",
        "Awaitable",
        "Callable",
        "ClassVar",
        "E",
        "FieldTable",
        "Generic",
        "IO",
        "Iterable",
        "NamedTuple",
        "NoReturn",
        "Protocol",
        "T",
        "TypeAlias",
        "TypeVar",
        "XmlModel",
        "XmlNode",
        "Element",
        "Shapes",
        "TreeBuilder",
        "ContextVar",
        "P",
        "ParamSpec",
        "R",
    }
)

# Names a model's class body uses at class scope (decorators, the closed-model constant), where
# a field of the same name would replace them.
RESERVED_FIELD_NAMES = _ANNOTATION_NAMES | {
    "self",
    "cls",
    "from_dict",
    "to_dict",
    "from_xml",
    "to_xml",
    "wire_to_xml",
    "classmethod",
    "staticmethod",
    "property",
    "frozenset",
}

# Method and request-builder bodies call these; a parameter of the same name would hide them
# (`polling_interval` is the keyword every `begin_` method of a long-running operation adds;
# `timeout` and `max_response_size` are the per-call options every operation method takes).
RESERVED_PARAMETER_NAMES = _ANNOTATION_NAMES | {
    "polling_interval",
    "max_response_size",
    # the other per-call options every operation method takes
    "max_retries",
    "extra_headers",
    "extra_query",
    "self",
    "cls",
    "request",
    "response",
    "timeout",
    "isinstance",
    "httpx",
}

# Fields of a headers dataclass: its `from_headers` classmethod is in the same class body.
RESERVED_HEADER_NAMES = RESERVED_PARAMETER_NAMES | {"from_headers", "classmethod"}

# The client constructor's own arguments, which server variables join.
RESERVED_SERVER_VARIABLE_NAMES = RESERVED_PARAMETER_NAMES | {
    "credential",
    "max_retries",
    "transport",
    "http_client",
    "base_url",
    "backoff_factor",
    "backoff_max",
}

# Module-level names of the generated strategies module (and Python keywords, handled apart).
# Every builtin too: strategy functions share the module with helpers that call `max`, `len`...
RESERVED_STRATEGY_NAMES = _ANNOTATION_NAMES | frozenset(dir(builtins)) | {
    "base64",
    "st",
    "annotations",
    "timezone",
    "Any",
    "depth",
    "json",
    "reject",
}

# A method of the client class named like a builtin type would shadow it in the annotations
# of the methods after it (`def list(...)` breaks a later `-> list[Item]`; `def httpx(...)`
# a later `timeout: float | httpx.Timeout | None`, which every operation method has).
RESERVED_METHOD_NAMES = _ANNOTATION_NAMES | {
    "httpx",
    "close",
    "send_request",
    "from_dict",
    "to_dict",
    "aclose",
    "request",
    "stream",
    "with_options",
    "with_raw_response",
}


def words(text: str) -> list[str]:
    """Split arbitrary text into ASCII words: camelCase, PascalCase, acronyms, separators, digits."""
    return list(_words(text))


# A big spec names the same parameters and properties thousands of times over.
@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return tuple(_WORD.findall(ascii_text))


@functools.lru_cache(maxsize=1 << 16)
def snake_case(text: str) -> str:
    return "_".join(w.lower() for w in _words(text))


def pascal_case(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] if not w.isupper() else w.capitalize() for w in words(text))


def constant_case(text: str) -> str:
    return "_".join(w.upper() for w in words(text))


def _finish(name: str, *, fallback: str, digit_prefix: str, reserved: Iterable[str]) -> str:
    if not name:
        name = fallback
    if name[0].isdigit():
        name = digit_prefix + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        name += "_"
    if not name.isidentifier():  # pragma: no cover - words() only yields [A-Za-z0-9]
        raise ValueError(f"cannot make an identifier from {name!r}")
    return name


def class_name(text: str) -> str:
    return _finish(
        pascal_case(text), fallback="Model", digit_prefix="Model", reserved=RESERVED_CLASS_NAMES
    )


def field_name(text: str) -> str:
    return _finish(
        snake_case(text), fallback="field", digit_prefix="field_", reserved=RESERVED_FIELD_NAMES
    )


def parameter_name(text: str) -> str:
    return _finish(
        snake_case(text), fallback="param", digit_prefix="param_", reserved=RESERVED_PARAMETER_NAMES
    )


# Modules a generated package already has: a per-model or per-enum file a user template writes
# (`package/models/{model}.py.j2`) is named off them, and off keywords, so it is importable.
RESERVED_MODULE_NAMES = frozenset(
    {
        # generator/runtime/'s modules, copied into every package (its tests check the list)
        "_api_errors",
        "_async_paging",
        "_async_pipeline",
        "_async_poller",
        "_raw_response",
        "_async_streams",
        "_auth",
        "_calls",
        "_paging",
        "_polling",
        "_sync_paging",
        "_sync_pipeline",
        "_sync_poller",
        "_streams",
        "_sync_streams",
        "_testing",
        "_testing_spec",
        "_wire",
        "_xml",
        "paging",
        "polling",
        "streams",
        "__init__",
        "__main__",
        "_http",
        "_runtime",
        "client",
        "credentials",
        "enums",
        "errors",
        "models",
        "strategies",
        "testing",
    }
)


MAX_MODULE_NAME = 100
"""The longest module name: it is a file stem (`{model}` in a template's path), and file
systems refuse names past 255 bytes, which must also hold a numbered suffix and the template's
own prefix and suffix."""


def module_name(class_name_: str) -> str:
    """The snake_case module (file stem) for a model or enum class: `PetStatus` →
    `pet_status`. Callers claim it in one scope shared by models and enums. Past
    MAX_MODULE_NAME characters it is cut and ends with a hash of the whole name."""
    name = _finish(
        snake_case(class_name_), fallback="model", digit_prefix="model_",
        reserved=RESERVED_MODULE_NAMES,
    )
    if len(name) <= MAX_MODULE_NAME:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[: MAX_MODULE_NAME - len(digest) - 1].rstrip('_')}_{digest}"


def strategy_name(text: str) -> str:
    return _finish(
        snake_case(text), fallback="model", digit_prefix="model_", reserved=RESERVED_STRATEGY_NAMES
    )


def split_operation_id(operation_id: str) -> tuple[str, str]:
    """Azure-style `Group_Operation` ids → (group, operation); other ids → ("", the id)."""
    head, sep, tail = operation_id.partition("_")
    if sep and "_" not in tail and head[:1].isupper() and tail[:1].isalpha():
        return head, tail
    return "", operation_id


def method_name(operation_id: str) -> str:
    """Azure-style `Group_Operation` ids (`PetOperations_GetPetStatus`) keep the
    operation part; the group belongs to a sub-client. Other ids are snake_cased whole."""
    return _finish(
        snake_case(split_operation_id(operation_id)[1]),
        fallback="operation",
        digit_prefix="operation_",
        reserved=RESERVED_METHOD_NAMES,
    )


def qualified_method_name(operation_id: str) -> str:
    """The whole id snake_cased (`pets_list`): the flat name when the short one is ambiguous."""
    return _finish(
        snake_case(operation_id),
        fallback="operation",
        digit_prefix="operation_",
        reserved=RESERVED_METHOD_NAMES,
    )


def _group_words(group: str) -> list[str]:
    parts = [w.lower() for w in words(group)]
    if len(parts) > 1 and parts[-1] in ("operations", "operation", "api", "apis"):
        parts = parts[:-1]
    return parts


def group_attribute(group: str) -> str:
    """The client attribute of a sub-client: `PetStoreOperations` → `pet_store`."""
    return _finish(
        "_".join(_group_words(group)),
        fallback="operations",
        digit_prefix="group_",
        reserved=RESERVED_METHOD_NAMES,
    )


def group_class_name(group: str) -> str:
    """The sub-client class: `Pet Store Operations` → `PetStoreOperations`."""
    return class_name("".join(w.capitalize() for w in _group_words(group)) + "Operations")


# A sub-client method may be called `list` (its class puts that method last, after every
# annotation that says `list[...]`); other builtin names still get a trailing underscore.
RESERVED_GROUP_METHOD_NAMES = RESERVED_METHOD_NAMES - {"list"}


def group_method_name(operation_id: str, group: str) -> str:
    """A method inside its sub-client, without the group's own words:
    (`PetStoreOperations_GetPetStoreStatus`, group `PetStoreOperations`) →
    `get_status`; (`Pets_List`, `Pets`) → `list`."""
    parts = [w.lower() for w in words(split_operation_id(operation_id)[1])]
    group_parts = _group_words(group)
    size = len(group_parts)
    for start in range(len(parts) - size + 1):
        if size and parts[start : start + size] == group_parts and len(parts) > size:
            parts = parts[:start] + parts[start + size :]
            break
    return _finish(
        "_".join(parts),
        fallback="operation",
        digit_prefix="operation_",
        reserved=RESERVED_GROUP_METHOD_NAMES,
    )


def enum_member_name(value: object) -> str:
    text = str(value)
    name = constant_case(text)
    if not name:
        name = "EMPTY" if text == "" else "VALUE"
    if isinstance(value, int) and not isinstance(value, bool):
        name = ("NEGATIVE_" if value < 0 else "VALUE_") + str(abs(value))
    return _finish(name, fallback="VALUE", digit_prefix="VALUE_", reserved=("NAME", "VALUE"))


# The import name of the generated package, from `--package` or the configuration: ASCII only,
# so Python's NFKC normalisation of identifiers (`ﬁle` is imported as `file`) cannot make the
# directory written differ from the name imported, and every name is a bare TOML key too.
_PACKAGE_NAME = re.compile(r"[a-z_][a-z0-9_]*")


def package_name_problem(name: str) -> str | None:
    """Why `name` cannot be the generated package's import name; None when it can."""
    if not _PACKAGE_NAME.fullmatch(name):
        return (
            "use lower-case ASCII letters, digits and underscores (`[a-z_][a-z0-9_]*`),"
            " not starting with a digit"
        )
    if keyword.iskeyword(name):
        return f"{name!r} is a Python keyword"
    if name in _SHADOWED_MODULES:
        return (
            f"a package named {name!r} would hide the module of that name, which Python, the"
            " generated code or httpx imports"
        )
    return None


# Top-level modules a generated package must not be named after: once the package is on
# sys.path, `import json` (in its own modules) or httpx's `import idna` would find it instead.
# The standard library's names on every supported Python, not only the running one, so that
# a name is refused the same way everywhere (3.12 and 3.13 removed these).
_SHADOWED_MODULES = (
    frozenset(sys.stdlib_module_names)
    | frozenset(
        {
            *("asynchat", "asyncore", "distutils", "imp", "smtpd", "aifc", "audioop", "cgi"),
            *("cgitb", "chunk", "crypt", "imghdr", "lib2to3", "mailcap", "msilib", "nis"),
            *("nntplib", "ossaudiodev", "pipes", "sndhdr", "spwd", "sunau", "telnetlib"),
            *("uu", "xdrlib", "tomllib"),
        }
    )
    | frozenset({"httpx", "httpcore", "h11", "anyio", "sniffio", "idna", "certifi", "hypothesis"})
)


def distribution_name(package: str) -> str:
    return package.replace("_", "-")


class NameScope:
    """Hands out unique names within one scope (a module, a class, a parameter list)."""

    __slots__ = ("_taken",)

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = set(taken)

    def claim(self, name: str) -> str:
        candidate = name
        suffix = 2
        while candidate in self._taken:
            candidate = f"{name}_{suffix}" if name[-1:] != "_" else f"{name}{suffix}"
            suffix += 1
        self._taken.add(candidate)
        return candidate

    def __contains__(self, name: object) -> bool:
        return name in self._taken


def codec_name(container: str, item: str, item_nullable: bool) -> str:
    """A unique helper-name suffix for one container shape: `list_str`, `dict_nullable_Pet`.

    Class names start upper-case and the prefixes and primitive names are lower-case, so two
    different shapes never share a name.
    """
    prefix = KIND_FACTS[TypeKind(container)].python_class
    return f"{prefix}_{'nullable_' if item_nullable else ''}{item}"


def decoder_name(codec: str) -> str:
    """The module-private decoder function for one container shape."""
    return "_decode_" + codec


def encoder_name(codec: str) -> str:
    """The module-private encoder function for one union shape."""
    return "_encode_" + codec


def narrowed_enum_codec_name(enum_class: str, values: list[str]) -> str:
    """A name for the shape "these values of one enum" (`MessageType_in_4`), for containers
    and unions that hold it; long ones end in a digest."""
    cleaned = ["".join(c if c.isascii() and c.isalnum() else "_" for c in v) for v in values]
    name = f"{enum_class}_in_{'_'.join(cleaned)}"
    if len(name) > 60 or any(c != v for c, v in zip(cleaned, values)):
        digest = hashlib.sha256("|".join([enum_class, *values]).encode()).hexdigest()[:12]
        name = f"{enum_class}_in_{digest}"
    return name


def counter_name(codec: str) -> str:
    """The module-private function that counts how many of a union's variants read a value."""
    return "_count_" + codec


def union_codec_name(
    variants: list[str],
    discriminator: str = "",
    *,
    annotations: list[str] | None = None,
    exclusive: bool = False,
) -> str:
    """A unique name for a union shape: `union_A_or_B` (anyOf), `union_A_xor_B` (oneOf, which
    decodes differently). Long, discriminated or nested shapes end in a digest of the whole
    structure (the annotations tell `list[A | B] | C` from `list[A | B | C]`)."""
    cleaned = ["".join(c if c.isalnum() else "_" for c in v) for v in variants]
    name = "union_" + ("_xor_" if exclusive else "_or_").join(cleaned)
    structure = annotations or variants
    nested = any("[" in a or "|" in a for a in structure)
    if len(name) > 60 or discriminator or nested:
        source = "|".join([*variants, *structure, discriminator, "xor" if exclusive else "or"])
        digest = hashlib.sha256(source.encode()).hexdigest()[:12]
        name = f"union_{cleaned[0][:24]}_{digest}"
    return name


def path_segment(wire_name: str) -> str:
    """How a property appears in an error path: `.name`, or `['odd name']` when not plain."""
    if wire_name.isascii() and wire_name.isidentifier():
        return "." + wire_name
    return "[" + repr(wire_name) + "]"


ADDITIONAL_PROPERTIES = "additional_properties"
"""The field of an open model that keeps the keys its schema does not declare."""


def export_sort_key(name: str) -> tuple[int, list[str | tuple[int, str | int]]]:
    """isort's order for `__all__`: CONSTANTS, then Classes, then the rest, numbers naturally.

    "Naturally" is ruff's (the natord crate's): a digit run compares as a number, unless one of
    the two starts with 0, when they compare digit by digit (`0f1` < `021` < `1b4` < `13d`,
    which matters for the digests in union helper names).
    """
    # A single capital letter is a class to isort and ruff, not a constant.
    if len(name) > 1 and name.isupper():
        category = 0
    elif name[:1].isupper():
        category = 1
    else:
        category = 2
    chunks: list[str | tuple[int, str | int]] = [
        _digit_key(chunk) if chunk.isdigit() else chunk
        for chunk in re.split(r"([0-9]+)", name)
    ]
    return category, chunks


def _digit_key(run: str) -> tuple[int, str | int]:
    # A run with a leading 0 sorts before every run without one (its first digit is smaller),
    # and among themselves such runs compare as text.
    return (0, run) if run.startswith("0") else (1, int(run))


def with_headers_name(method: str) -> str:
    """The variant of a method that also returns the response's typed headers."""
    return method.rstrip("_") + "_with_headers"


def begin_method_name(method: str) -> str:
    """The method that starts a long-running operation and returns a poller."""
    return "begin_" + method


def resume_method_name(method: str) -> str:
    """The method that makes a poller from a continuation token."""
    return "resume_" + method


def poller_factory_name(method: str) -> str:
    """The client's private method that makes the poller of a long-running operation."""
    return f"_{method}_poller"


def status_reader_name(method: str) -> str:
    """The module-level function that reads one status response of a long-running operation."""
    return f"_read_{method}_status"


def stream_item_decoder_name(method: str) -> str:
    """The module-level function that decodes one JSON item of a method's streamed response."""
    return f"_decode_{method}_item"


def request_builder_name(method: str) -> str:
    """The module-level function that builds a method's httpx.Request."""
    return "_build_" + method


def response_parser_name(method: str) -> str:
    """The module-level function that turns an httpx.Response into a method's result."""
    return "_parse_" + method


def import_sort_key(name: str) -> tuple[int, list[str | tuple[int, str | int]], str]:
    """isort's order inside `from m import (...)`: like `export_sort_key`, but ignoring case
    within a category (ruff's I001 and RUF022 disagree on case)."""
    category, chunks = export_sort_key(name)
    return category, [c.lower() if isinstance(c, str) else c for c in chunks], name


def package_alias(package: str) -> str:
    """How a module of a split package names a sibling package it reads names through
    (`from .. import models as _models`): no parameter, field or class name of the generated
    code starts with an underscore, so none shadows it."""
    return "_" + package
