"""What a lazily loading module prints: the package's `__init__.py` and, for a split module,
its package's `__init__.py` (`models/__init__.py`; see `module_parts`).

Such a module imports nothing heavy when it is imported: under `if TYPE_CHECKING:` it imports
every name it exports, exactly as an eager module would (so type checkers and IDEs see the
same names), and at run time a module `__getattr__` (PEP 562) imports the one submodule that
defines a name on first use. `import PKG` then costs a few milliseconds, not the seconds the
dataclasses of a large API take to create.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.ir.nodes import Api
from generator.naming import export_sort_key, import_sort_key

# What the package's `__init__` exports from the runtime modules, by module.
_RUNTIME_EXPORTS: dict[str, tuple[str, ...]] = {
    "._raw_response": ("ApiResponse",),
    "._runtime": ("UNSET", "Unset"),
    "._wire": ("FilePart",),
    ".credentials": (
        "AccessToken",
        "ApiKeyCredential",
        "HttpCredential",
        "TokenCredential",
    ),
    ".errors": (
        "ApiError",
        "AuthenticationError",
        "BadRequestError",
        "ClientError",
        "ConflictError",
        "ContinuationTokenError",
        "DeserializationError",
        "InvalidRequestError",
        "NotFoundError",
        "OperationFailedError",
        "PermissionDeniedError",
        "PollingTimeoutError",
        "RateLimitError",
        "RequestTimeoutError",
        "ResponseTooLargeError",
        "ServerError",
        "TransportError",
        "UnprocessableEntityError",
    ),
    ".paging": ("AsyncPager", "Page", "Pager", "PagingError"),
    ".polling": ("AsyncPoller", "Poller"),
    ".streams": ("AsyncStream", "ServerSentEvent", "Stream"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class LazyImport:
    """One `from MODULE import (...)` of the `if TYPE_CHECKING:` block."""

    module: str
    """The relative module (`.client`, `._part_a`)."""
    names: tuple[str, ...]
    """Its names, in isort's order."""
    reexported: frozenset[str]
    """The names printed `NAME as NAME`: not in `__all__`, so mypy --strict counts them as
    exported only in that spelling."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LazyModule:
    """A module whose names are imported on first use."""

    imports: tuple[LazyImport, ...]
    """What the `if TYPE_CHECKING:` block imports, by module in isort's order."""
    modules: tuple[tuple[str, str], ...]
    """(name, the relative module defining it), sorted by name: the `__getattr__` table."""


def lazy_module(defined_in: Iterable[tuple[str, str]], exported: Iterable[str]) -> LazyModule:
    """The lazy module of the names `defined_in` lists as (name, relative module); names not in
    `exported` (its `__all__`) are imported `as` themselves."""
    table = dict(defined_in)
    public = frozenset(exported)
    by_module: dict[str, list[str]] = {}
    for name, module in table.items():
        by_module.setdefault(module, []).append(name)
    imports = tuple(
        LazyImport(
            module=module,
            names=tuple(sorted(names, key=import_sort_key)),
            reexported=frozenset(name for name in names if name not in public),
        )
        for module, names in sorted(by_module.items())
    )
    return LazyModule(imports=imports, modules=tuple(sorted(table.items())))


def package_exports(api: Api) -> LazyModule:
    """The package's `__init__`: every name of `api.exports` (but `API_VERSION`, which it
    defines itself) with the submodule that defines it."""
    defined_in: list[tuple[str, str]] = [
        (name, module) for module, names in _RUNTIME_EXPORTS.items() for name in names
    ]
    defined_in += [(name, ".client") for name in api.client_names]
    defined_in += [(enum.class_name, ".enums") for enum in api.enums]
    defined_in += [(model.class_name, ".models") for model in api.models]
    exports = [name for name in api.exports if name != "API_VERSION"]
    assert sorted(exports, key=export_sort_key) == sorted(
        (name for name, _ in defined_in), key=export_sort_key
    ), "the package's exports and the modules defining them disagree"
    return lazy_module(defined_in, exports)
