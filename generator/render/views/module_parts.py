"""How a generated module too large for one file is split: `models.py`, `enums.py` and
`strategies.py` of a large API become packages of the same name (`models/__init__.py`, lazy
like the package's own, and parts such as `models/_part_pa.py`), so that no file is larger
than editors and type checkers handle well and `from PKG.models import Pet` still works.

A module is split when its size, estimated from the IR, passes the budget (`MODULE_BUDGET`,
a render option). Parts are cut by the leading letters of the class names: all names
starting with `A`, unless those are over the budget too, then by `Ab`, `Ac`... This keeps
part names stable: a new model changes only the part its name falls in, and a part is named
after the prefix its names share (`_part_pa`), whatever else the API holds.

What a part needs at the time its classes are created lives in the same part: a subtype is
kept with its base (its `class Sub(Base)` line names the base), and every model with an XML
form with the others (their shape table names them all). Everything else a part uses from
other parts is reached in one of two ways:
- a part of the models (and of the client, and the client's `__init__.py`) reads another
  part's models, enums and decoders through its package, as `_models.Pet` (`through`): the
  package's `__getattr__` imports that part on first use, so importing one part imports no
  other, and the first call of one operation of a large API loads only the models its answer
  holds. Annotations name the same real classes (`typing.get_type_hints` resolves them),
  which stand-ins bound in the module would not;
- a part of the strategies imports them at the bottom, after its own definitions: cycles
  between parts then work, since each part has defined its own names before it imports
  another's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from generator.ir.kinds import TypeKind
from generator.ir.nodes import Api, Model, Operation
from generator.ir.types import TypeRef
from generator.naming import export_sort_key, import_sort_key, package_alias
from generator.render.views.imports import ModuleImports, client_part_imports, module_imports
from generator.render.views.lazy_modules import LazyModule, lazy_module

MODULE_BUDGET = 700_000
"""The estimated size in bytes past which `models.py`, `enums.py` or `strategies.py` is split.
The estimate is rough, so this leaves room below the 1 MB that no generated module reaches."""

_LOADED_SHARE = {"models": 10, "enums": 20}
"""Once split, the models and enums are cut into parts this many times smaller than the
budget: a program loads a part when it first uses one of its names, and a part's classes cost
about a third of a millisecond each to create (an enum's members more than their bytes say),
so that the first call of one of Stripe's operations, whose answer holds models of a dozen
parts, stays well under a tenth of a second. The client, whose parts all load with it, and the
strategies (loaded whole by the tests that use them) keep the budget."""

SPLIT_KINDS = ("models", "enums", "strategies", "client")
"""What a manifest entry's `split` may name: the kind of module it renders."""

PART_PREFIX = "_part_"
LAZY_TABLES = "lazy_field_tables"
"""The runtime function a models part that reads other parts makes its field tables with."""
SUPPORT_PART = "_support"
"""The strategies' shared helpers, which every part of a split strategies module imports."""

STRATEGY_HELPERS = (
    "E",
    "T",
    "_MAX_DEPTH",
    "_MAX_SIZE",
    "_as_json",
    "_aware_datetimes",
    "_datetime_texts",
    "_decimals",
    "_dicts",
    "_enum_allowed",
    "_enum_json",
    "_enum_members",
    "_extras",
    "_float_durations",
    "_floats",
    "_integers",
    "_lists",
    "_optional",
    "_or_absent",
    "_or_none",
    "_present",
    "_read_once",
    "_tag_instance",
    "_tag_json",
    "_text",
    "_told_apart",
    "_untagged",
    "_untagged_json",
    "_when_shallow",
    "_whole_second_datetimes",
    "_with_extras",
    "_json_values",
)
"""The names of `strategies.py`'s helpers (its text before the first model) that strategy
nodes call: a part of a split strategies module imports them from `_support`."""

# Rough sizes of what each kind of module prints (bytes), measured on Stripe's API.
_MODEL_BYTES, _MODEL_FIELD_BYTES = 1200, 900
_CODEC_BYTES, _CODEC_VARIANT_BYTES = 700, 350
_ENUM_BYTES, _ENUM_MEMBER_BYTES = 250, 60
_STRATEGY_BYTES, _STRATEGY_FIELD_BYTES = 700, 300
_OPERATION_BYTES = 10_000
_NOT_NAME = re.compile(r"[^a-z0-9]")


@dataclass(frozen=True, slots=True, kw_only=True)
class ModulePart:
    """One file of a split module, as its template renders it."""

    module: str
    """The part's module name inside the split package (`_part_pa`, `_support`)."""
    api: Api
    """The API as the part's template sees it: only the part's models (or enums) and the
    decoders it defines; every enum stays, for the enum facts models print."""
    imports: ModuleImports
    """What the part's module imports, computed from its `api`."""
    defines: tuple[str, ...]
    """The names it defines that other modules import (classes, decoders, strategies)."""
    imports_from: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The names it uses from other parts, by part (module names in order, names in isort's):
    printed at the bottom of the part (a part of the strategies; a client part's names of the
    client's `__init__.py`). A models part has none: it reads them `through` its package."""
    through: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The names it reads through a package of the generated package, by package (`models`,
    `enums`): the part imports the package as `_models`, and every use of such a name in its
    code and annotations is printed as `_models.Name` (see `qualified_names`)."""
    support: bool = False
    """The strategies' helpers (`_support`), which draw no model."""

    @property
    def helpers(self) -> tuple[str, ...]:
        """What a part of a split strategies module imports from `_support`."""
        return STRATEGY_HELPERS

    @property
    def package_imports(self) -> tuple[str, ...]:
        """The import statements of the packages it reads names through (`through`)."""
        return package_imports(self.through)

    def template_context(self) -> dict[str, Any]:
        """What the template rendering this part gets instead of the whole API's."""
        return {"api": self.api, "imports": self.imports, "part": self}


@dataclass(frozen=True, slots=True, kw_only=True)
class SplitModule:
    """A module rendered as a package of parts."""

    kind: str
    """`models`, `enums` or `strategies`."""
    parts: tuple[ModulePart, ...]
    """Its files but `__init__.py`, in the order of their names' prefixes."""
    lazy: LazyModule
    """What its `__init__.py` prints: each name and the part that defines it."""
    exports: tuple[str, ...] = field(default=())
    """Its `__all__`: the unsplit module's; for strategies (whose module has none), the
    strategies, so that type checkers count them as exported without `as` imports."""
    moved: frozenset[str] = frozenset()
    """For the client: the operations (`py_name`) whose methods, builders and parsers are in
    the parts; the client module's `__init__.py` keeps the rest, and its classes take the
    parts' methods as base classes."""
    through: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For the client: what its `__init__.py` reads through the models and enums packages
    (see `ModulePart.through`)."""

    @property
    def package_imports(self) -> tuple[str, ...]:
        """The import statements of the packages its `__init__.py` reads names through."""
        return package_imports(self.through)

    def template_context(self) -> dict[str, Any]:
        """What `package/lazy_init.py.j2` gets, for the package's `__init__.py`."""
        return {"split": self}


@dataclass(frozen=True, slots=True)
class _Unit:
    """What the partition moves as one: a family of models, a lone enum, one model's
    strategies. `key` is the lower-case name that decides its part."""

    key: str
    size: int
    models: tuple[Model, ...] = ()
    enum_index: tuple[int, ...] = ()
    operations: tuple[Operation, ...] = ()


def split_module(kind: str, api: Api, budget: int) -> SplitModule | None:
    """`kind`'s module of `api` as parts, or None when its estimate is within `budget`."""
    if kind == "client":
        return _client_split(api, budget)
    if kind == "enums":
        units = [
            _Unit(
                key=_key(e.class_name),
                size=_ENUM_BYTES + _ENUM_MEMBER_BYTES * len(e.members),
                enum_index=(index,),
            )
            for index, e in enumerate(api.enums)
        ]
        codec_size = 0
    elif kind == "strategies":
        units = [
            _Unit(
                key=_key(m.class_name),
                size=_STRATEGY_BYTES + _STRATEGY_FIELD_BYTES * len(m.fields),
                models=(m,),
            )
            for m in api.models
        ]
        codec_size = 0
    else:
        units = _model_families(api)
        codec_size = sum(_codec_size(c) for c in api.codecs)
    if sum(unit.size for unit in units) + codec_size <= budget or len(units) < 2:
        return None
    groups = _partition(units, budget // _LOADED_SHARE.get(kind, 1), 1)
    if kind == "enums":
        return _enum_split(api, groups)
    if kind == "strategies":
        return _strategy_split(api, groups)
    return _model_split(api, groups)


def _key(class_name: str) -> str:
    return _NOT_NAME.sub("_", class_name.lower())


def _codec_size(codec: TypeRef) -> int:
    return _CODEC_BYTES + _CODEC_VARIANT_BYTES * len(codec.variants)


def _model_families(api: Api) -> list[_Unit]:
    """Each base model with its subtypes (at any depth), every model with an XML form
    together, and each other model alone; keyed by the first one's name."""
    root: dict[str, str] = {}
    for model in api.models:  # a subtype comes after its base
        base = model.polymorphism.base if model.polymorphism else None
        root[model.class_name] = root.get(base, base) if base else model.class_name
    xml = [m.class_name for m in api.models if m.xml is not None]
    for name in xml:
        root[name] = root.get(xml[0], xml[0])
    families: dict[str, list[Model]] = {}
    for model in api.models:
        families.setdefault(root[model.class_name], []).append(model)
    return [
        _Unit(
            key=_key(members[0].class_name),
            size=sum(_MODEL_BYTES + _MODEL_FIELD_BYTES * len(m.fields) for m in members),
            models=tuple(members),
        )
        for members in families.values()
    ]


def _partition(units: Sequence[_Unit], budget: int, depth: int) -> list[tuple[str, list[_Unit]]]:
    """(prefix, units) groups: units by the first `depth` characters of their key, a group
    over `budget` cut again by one more character, until its keys cannot be told apart.
    """
    by_prefix: dict[str, list[_Unit]] = {}
    for unit in units:
        by_prefix.setdefault(unit.key[:depth], []).append(unit)
    groups: list[tuple[str, list[_Unit]]] = []
    for prefix in sorted(by_prefix):
        members = by_prefix[prefix]
        keys = sorted({unit.key for unit in members})
        if sum(unit.size for unit in members) > budget and len(keys) > 1:
            # Cut past the prefix they all share (`Post...` in Stripe's API).
            shared = len(os.path.commonprefix([keys[0], keys[-1]]))
            groups += _partition(members, budget, shared + 1)
        else:
            groups.append((prefix, members))
    return groups


def _part_name(prefix: str) -> str:
    return PART_PREFIX + (prefix or "_")


def _enum_split(api: Api, groups: list[tuple[str, list[_Unit]]]) -> SplitModule:
    parts = []
    for prefix, units in groups:
        indexes = sorted(i for unit in units for i in unit.enum_index)
        enums = tuple(api.enums[i] for i in indexes)
        sub = _part_api(api, models=(), codecs=(), enums=enums)
        parts.append(
            ModulePart(
                module=_part_name(prefix),
                api=sub,
                imports=module_imports(sub),
                defines=tuple(e.class_name for e in enums),
            )
        )
    exports = tuple(e.class_name for e in api.enums)
    return _split("enums", parts, exports)


def _model_split(api: Api, groups: list[tuple[str, list[_Unit]]]) -> SplitModule:
    order = {m.class_name: i for i, m in enumerate(api.models)}
    part_models = [
        sorted(
            (m for unit in units for m in unit.models),
            key=lambda m: order[m.class_name],
        )
        for _, units in groups
    ]
    part_of_model = {m.class_name: i for i, ms in enumerate(part_models) for m in ms}
    # A decoder lives with the first model that names it, else with its first model variant.
    codec_home: dict[str, int] = {}
    for i, models in enumerate(part_models):
        for model in models:
            for type_ref in _nested(_model_types(model)):
                if type_ref.decoder:
                    codec_home.setdefault(type_ref.decoder, i)
    part_codecs: list[list[TypeRef]] = [[] for _ in groups]
    for codec in api.codecs:
        home = codec_home.get(codec.decoder)
        if home is None:
            targets = [t.target for t in _nested([codec]) if t.kind is TypeKind.MODEL and t.target]
            home = part_of_model.get(targets[0], 0) if targets else 0
        part_codecs[home].append(codec)
    defined_in = {}
    for i, (models, codecs) in enumerate(zip(part_models, part_codecs)):
        for name in [m.class_name for m in models] + [n for c in codecs for n in _codec_names(c)]:
            defined_in[name] = i
    defines: list[list[str]] = [[] for _ in groups]
    for name, home in defined_in.items():
        defines[home].append(name)
    parts = []
    for i, (prefix, _) in enumerate(groups):
        sub = _part_api(api, models=tuple(part_models[i]), codecs=tuple(part_codecs[i]))
        used = {name for t in _model_types(*part_models[i]) for name in _field_names(t)}
        used |= {name for codec in part_codecs[i] for name in _codec_uses(codec)}
        # And what annotations name (mypy and ruff read them; Python does not).
        used |= {
            t.target
            for t in _nested(_model_types(*part_models[i]) + part_codecs[i])
            if t.kind is TypeKind.MODEL and t.target
        }
        foreign = {name for name in used if defined_in.get(name, i) != i}
        imports = module_imports(sub)
        if foreign and sub.models:  # its field tables are built on first use
            imports = replace(imports, model_runtime=(*imports.model_runtime, LAZY_TABLES))
        parts.append(
            ModulePart(
                module=_part_name(prefix),
                api=sub,
                imports=imports,
                defines=tuple(defines[i]),
                through=_through(models=foreign),
            )
        )
    return _split("models", parts, tuple(sorted(order, key=export_sort_key)))


def _strategy_split(api: Api, groups: list[tuple[str, list[_Unit]]]) -> SplitModule:
    defined_in = {}
    for i, (_, units) in enumerate(groups):
        for model in (m for unit in units for m in unit.models):
            defined_in[model.strategy_name] = i
            defined_in[model.json_strategy_name] = i
    support_api = _part_api(api, models=(), codecs=())
    support = ModulePart(
        module=SUPPORT_PART,
        api=support_api,
        imports=module_imports(support_api),
        defines=STRATEGY_HELPERS,
        support=True,
    )
    parts = [support]
    order = {m.class_name: i for i, m in enumerate(api.models)}
    for i, (prefix, units) in enumerate(groups):
        models = sorted(
            (m for unit in units for m in unit.models),
            key=lambda m: order[m.class_name],
        )
        sub = _part_api(api, models=tuple(models), codecs=())
        used = set()
        for model in models:
            used |= {model.strategy_name, model.json_strategy_name}
            for t in _nested(_model_types(model)):
                if t.kind is TypeKind.MODEL and t.target:
                    used |= {t.strategy, t.json_strategy}
            if model.polymorphism is not None:
                for case in model.polymorphism.subtypes:
                    used |= {case.strategy, case.json_strategy}
        parts.append(
            ModulePart(
                module=_part_name(prefix),
                api=sub,
                imports=module_imports(sub),
                defines=tuple(m.strategy_name for m in models)
                + tuple(m.json_strategy_name for m in models),
                imports_from=_imports_from(used, defined_in, i, groups),
            )
        )
    exports = tuple(sorted((n for p in parts[1:] for n in p.defines), key=export_sort_key))
    return _split("strategies", parts, exports)


def _part_api(api: Api, **parts: Any) -> Api:
    """The API a part's template sees: its share of the models, enums or decoders, and no
    operations (a part prints none; what the client imports is no part's business)."""
    return replace(api, operations=(), groups=(), **parts)


def _client_split(api: Api, budget: int) -> SplitModule | None:
    """The client's operations in parts; long-running ones (and the operations whose builders
    their pollers call) stay in the client module, whose pollers name them."""
    kept = {op.py_name for op in api.long_running_operations}
    status_builders = {
        op.long_running.status_builder_name
        for op in api.long_running_operations
        if op.long_running is not None and op.long_running.status_builder_name
    }
    kept |= {op.py_name for op in api.operations if op.builder_name in status_builders}
    units = [
        _Unit(key=_key(op.py_name), size=_OPERATION_BYTES, operations=(op,))
        for op in api.operations
        if op.py_name not in kept
    ]
    if sum(unit.size for unit in units) <= budget or len(units) < 2:
        return None
    order = {op.py_name: i for i, op in enumerate(api.operations)}
    whole = module_imports(api)
    parts = []
    for prefix, members in _partition(units, budget, 1):
        operations = sorted(
            (op for unit in members for op in unit.operations), key=lambda op: order[op.py_name]
        )
        sub = replace(api, operations=tuple(operations), groups=())
        shared = ["USER_AGENT", *(["_READ_ONLY"] if api.read_only_rules else [])]
        shared += [op.headers_class for op in operations if op.headers_class]
        imports = client_part_imports(whole, sub)
        parts.append(
            ModulePart(
                module=_part_name(prefix),
                api=sub,
                imports=imports,
                defines=(),
                imports_from=(("", tuple(sorted(shared, key=import_sort_key))),),
                through=_client_through(imports),
            )
        )
    moved = frozenset(op.py_name for part in parts for op in part.api.operations)
    return SplitModule(
        kind="client",
        parts=tuple(parts),
        lazy=lazy_module((), ()),
        moved=moved,
        through=_client_through(whole),
    )


def _client_through(imports: ModuleImports) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A split client reads the models and enums through their packages: importing it then
    creates none of the classes its thousands of operations name."""
    return _through(
        enums=set(imports.client_enums),
        models={*imports.client_models, *imports.client_decoders},
    )


def _through(**names: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (package, tuple(sorted(found, key=import_sort_key)))
        for package, found in sorted(names.items())
        if found
    )


def package_imports(through: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """`from .. import models as _models` for each package in `through`."""
    return tuple(f"from .. import {package} as {package_alias(package)}" for package, _ in through)


def qualified_names(through: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    """Each name read through a package → how the module spells it (`_models.Pet`)."""
    return {
        name: f"{package_alias(package)}.{name}" for package, names in through for name in names
    }


def _imports_from(
    used: set[str],
    defined_in: dict[str, int],
    own: int,
    groups: list[tuple[str, list[_Unit]]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    by_part: dict[int, list[str]] = {}
    for name in used:
        home = defined_in.get(name)
        if home is not None and home != own:
            by_part.setdefault(home, []).append(name)
    return tuple(
        (_part_name(groups[home][0]), tuple(sorted(names, key=import_sort_key)))
        for home, names in sorted(by_part.items())
    )


def _split(kind: str, parts: list[ModulePart], exports: tuple[str, ...]) -> SplitModule:
    defined_in = [(name, "." + part.module) for part in parts for name in part.defines]
    return SplitModule(
        kind=kind,
        parts=tuple(parts),
        lazy=lazy_module(defined_in, exports),
        exports=exports,
    )


def _model_types(*models: Model) -> list[TypeRef]:
    types = [f.type for m in models for f in m.fields]
    return types + [m.additional for m in models if m.additional is not None]


def _codec_names(codec: TypeRef) -> list[str]:
    return [name for name in (codec.decoder, codec.encoder, codec.counter) if name]


def _decoded_names(type_ref: TypeRef) -> Iterator[str]:
    """The name decoding `type_ref` calls: its model or enum, else its decoder."""
    if type_ref.kind in (TypeKind.MODEL, TypeKind.ENUM) and type_ref.target:
        yield type_ref.target
    elif type_ref.decoder:
        yield type_ref.decoder


def _encoded_names(type_ref: TypeRef) -> Iterator[str]:
    """The names encoding `type_ref` calls: a union's encoder, also inside the lists and
    maps that are encoded in line."""
    if type_ref.kind is TypeKind.UNION and type_ref.encoder:
        yield type_ref.encoder
    elif type_ref.kind in (TypeKind.ARRAY, TypeKind.MAP) and type_ref.item is not None:
        yield from _encoded_names(type_ref.item)


def _field_names(type_ref: TypeRef) -> Iterator[str]:
    """What a model's code names for a field of type `type_ref`."""
    yield from _decoded_names(type_ref)
    yield from _encoded_names(type_ref)


def _codec_uses(codec: TypeRef) -> Iterator[str]:
    """What a decoder's (and a union's encoder's and counter's) code names."""
    if codec.item is not None:
        yield from _decoded_names(codec.item)
    for variant in codec.variants:
        yield from _field_names(variant)
        # `isinstance` tests name each model and enum, in nested unions too.
        yield from (
            t.target
            for t in _nested([variant])
            if t.kind in (TypeKind.MODEL, TypeKind.ENUM) and t.target
        )
    yield from (case.target for case in codec.discriminator_mapping)


def _nested(roots: list[TypeRef]) -> Iterator[TypeRef]:
    """Every TypeRef in `roots`, with their items and union variants, at any depth."""
    stack = list(roots)
    while stack:
        type_ref = stack.pop()
        yield type_ref
        if type_ref.item is not None:
            stack.append(type_ref.item)
        stack.extend(type_ref.variants)
