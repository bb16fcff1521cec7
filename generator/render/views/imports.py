"""The import lists and name sets the built-in templates print, computed from an `Api`.

Which names each generated module imports (from the standard library, `_runtime`, the models
module) depends on everything the API holds, at any depth. That is a fact about the rendered
modules, not about the API, so it lives beside the renderer: `module_imports(api)` computes it
once per run, and templates read it as the context variable `imports` (`imports.model_runtime`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from generator.ir.kinds import KIND_FACTS, TypeKind
from generator.ir.nodes import Api, Enum, LongRunning
from generator.ir.requests import BodyEncoding
from generator.ir.types import TypeRef
from generator.naming import export_sort_key, import_sort_key
from generator.render.views.codecs import enum_decoder


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleImports:
    """What the built-in templates' modules import, and the facts about the API that decide it
    (the context variable `imports`, given to every template)."""

    client_stdlib: tuple[str, ...]
    """The client module's standard-library import lines, in isort's order."""
    client_typing: tuple[str, ...]
    """Names the client module imports from `typing`."""
    client_uses_unset: bool
    """Some client method has an optional argument, so the client module imports `UNSET` and
    `Unset`."""
    client_file_parts: bool = False
    """Some client method takes a raw body or a multipart file, so the client module imports
    `FilePart`."""
    model_kinds: frozenset[str]
    """Every TypeKind value used by a model field or decoder, at any depth (imports)."""
    field_kinds: frozenset[str]
    """Every TypeKind value of a model field, at any depth (the strategies' imports)."""
    encoder_kinds: frozenset[str]
    """Every TypeKind value that `to_dict` or a union encoder writes, at any depth (which
    `format_*` helpers the models module imports; container decoders format nothing)."""
    model_stdlib: tuple[str, ...]
    """The models module's standard-library import lines, in isort's order."""
    models_catch_deserialization_errors: bool
    """Whether the models module names DeserializationError outside docstrings."""
    model_runtime: tuple[str, ...]
    """What the models module imports from `_runtime` (exactly what it uses)."""
    models_read_datetimes: bool
    """Some field holds a date-time directly (the fast path parses it inline)."""
    fast_path_enums: tuple[str, ...]
    """Enums that a field holds directly, not narrowed: the fast path of from_dict looks their
    values up in a module-level copy of each one's value-to-member map."""
    integer_enums: frozenset[str]
    """Enums of integers, whose value map a JSON boolean would match (True == 1)."""
    models_encode_by_runtime_type: bool
    """Some union encoder needs the runtime function `_runtime.to_json` (for variants isinstance
    cannot tell apart)."""
    model_enums: tuple[str, ...]
    """Enums that model fields or container/union decoders use (the models module's imports)."""
    model_exports: tuple[str, ...]
    """The models module's `__all__`: every model's class name in isort's order (`api.models`
    puts each subtype after its base)."""
    field_enums: tuple[str, ...]
    """Enums that model fields use, at any depth (the strategies module's imports)."""
    strategy_codecs: tuple[str, ...]
    """Union codecs (from the models module) that the strategies module calls: to draw only values
    their JSON tells apart, and `oneOf` JSON that one variant reads."""
    client_annotation_kinds: frozenset[str]
    """Every TypeKind in the client's annotations, at any depth (decides its imports)."""
    client_models: tuple[str, ...]
    """Models the client module names (annotations, decoding, error models, the results of
    long-running operations)."""
    client_enums: tuple[str, ...]
    """Enums the client module names (parameter and result annotations, decoding)."""
    client_decoders: tuple[str, ...]
    """Container decoders (from the models module) that response parsing calls, and the
    encoders of discriminated-union request bodies."""
    client_kinds: frozenset[str]
    """TypeKinds of success-response bodies (decides which runtime decoders to import)."""

    def poller_annotation(self, long_running: LongRunning, is_async: bool) -> str:
        """What a `begin_` method returns, as the client module spells it (it imports
        `polling`): `polling.Poller[ExportStatus]`, or `polling.AsyncPoller[...]` for
        `AsyncClient`."""
        poller = "AsyncPoller" if is_async else "Poller"
        return f"polling.{poller}[{long_running.result_annotation}]"


def module_imports(api: Api) -> ModuleImports:
    """The import lists and name sets of `api`'s generated modules. The last answer is kept:
    the renderer and the split of a big client ask it of the same `api` (an immutable value),
    and each answer scans all of it."""
    last = _LAST_IMPORTS[0]
    if last is not None and last[0] is api:
        return last[1]
    found = _module_imports(api)
    _LAST_IMPORTS[0] = (api, found)
    return found


_LAST_IMPORTS: list[tuple[Api, ModuleImports] | None] = [None]


def _module_imports(api: Api) -> ModuleImports:
    scan = _Scan(api)
    return ModuleImports(
        client_stdlib=scan.client_stdlib,
        client_typing=scan.client_typing,
        client_uses_unset=scan.client_uses_unset,
        client_file_parts=scan.client_file_parts,
        model_kinds=scan.model_kinds,
        field_kinds=scan.field_kinds,
        encoder_kinds=scan.encoder_kinds,
        model_stdlib=scan.model_stdlib,
        models_catch_deserialization_errors=scan.models_catch_deserialization_errors,
        model_runtime=scan.model_runtime,
        models_read_datetimes=scan.models_read_datetimes,
        fast_path_enums=scan.fast_path_enums,
        integer_enums=scan.integer_enums,
        models_encode_by_runtime_type=scan.models_encode_by_runtime_type,
        model_enums=scan.model_enums,
        model_exports=tuple(
            sorted((m.class_name for m in api.models), key=export_sort_key)
        ),
        field_enums=scan.field_enums,
        strategy_codecs=scan.strategy_codecs,
        client_annotation_kinds=scan.client_annotation_kinds,
        client_models=scan.client_models,
        client_enums=scan.client_enums,
        client_decoders=scan.client_decoders,
        client_kinds=scan.client_kinds,
    )


def client_part_imports(whole: ModuleImports, part: Api) -> ModuleImports:
    """What a part of a split client module imports: `whole`'s (the API's) for the models,
    which the part's API holds all of, and for the client only what its own operations use.
    Scanning every model again for each part made a big spec's split cost seconds."""
    scan = _Scan(part)
    return replace(
        whole,
        client_stdlib=scan.client_stdlib,
        client_typing=scan.client_typing,
        client_uses_unset=scan.client_uses_unset,
        client_file_parts=scan.client_file_parts,
        client_annotation_kinds=scan.client_annotation_kinds,
        client_models=scan.client_models,
        client_enums=scan.client_enums,
        client_decoders=scan.client_decoders,
        client_kinds=scan.client_kinds,
    )


class _Scan:
    """The answers `ModuleImports` holds, each computed once: several read the others."""

    def __init__(self, api: Api) -> None:
        self.api = api

    def _field_types(self) -> list[TypeRef]:
        types = [f.type for m in self.api.models for f in m.fields]
        return types + [m.additional for m in self.api.models if m.additional is not None]

    def _client_types(self) -> list[TypeRef]:
        types = [p.type for o in self.api.operations for p in o.parameters]
        types += [
            r.type for o in self.api.operations for r in o.success_responses if r.type
        ]
        # An error response is decoded only when its body is a model (the ApiError's `model`).
        types += [
            r.type
            for o in self.api.operations
            for r in o.error_responses
            if r.type is not None and r.type.kind is TypeKind.MODEL
        ]
        types += [h.type for o in self.api.header_operations for h in o.headers]
        types += [o.paging.item_type for o in self.api.operations if o.paging is not None]
        for operation in self.api.operations:
            body = operation.body
            if body is not None and body.spread:
                types += [f.type for f in body.fields]
            elif body is not None and body.type is not None:
                types.append(body.type)
        return types

    @functools.cached_property
    def client_stdlib(self) -> tuple[str, ...]:
        kinds = self.client_annotation_kinds
        # `copy` for `with_options`, Mapping for the per-call options.
        lines = ["import copy", "from collections.abc import Mapping"]
        if self.api.header_operations:
            lines.append("from dataclasses import dataclass")
        times = _stdlib_names(kinds, "datetime")
        if times:
            lines.append("from datetime import " + ", ".join(times))
        if _stdlib_names(kinds, "decimal"):
            lines.append("from decimal import Decimal")
        if self.client_typing:
            lines.append("from typing import " + ", ".join(self.client_typing))
        return tuple(lines)

    @functools.cached_property
    def client_typing(self) -> tuple[str, ...]:
        names = set(_stdlib_names(self.client_annotation_kinds, "typing"))
        if any(
            (o.body is not None and o.body.spread)
            or o.long_running is not None
            or (o.stream is not None and (o.stream.item is not None or o.stream.format != "sse"))
            for o in self.api.operations
        ):
            # spread bodies, the state of a long-running operation's poller, streams' items
            names.add("Any")
        if any(
            o.body is not None
            and (o.body.encoding is BodyEncoding.BINARY or o.body.has_files)
            for o in self.api.operations
        ):
            names.add("IO")
        return tuple(sorted(names, key=import_sort_key))

    @functools.cached_property
    def client_file_parts(self) -> bool:
        return any(
            o.body is not None
            and (o.body.encoding is BodyEncoding.BINARY or o.body.has_files)
            for o in self.api.operations
        )

    @functools.cached_property
    def client_uses_unset(self) -> bool:
        return any(not a.required for o in self.api.operations for a in o.signature)

    @functools.cached_property
    def model_kinds(self) -> frozenset[str]:
        kinds = {t.kind.value for t in _nested(self._field_types() + list(self.api.codecs))}
        if any(not f.required for m in self.api.models for f in m.fields):
            kinds.add("unset")
        return frozenset(kinds)

    @functools.cached_property
    def field_kinds(self) -> frozenset[str]:
        return frozenset(t.kind.value for t in _nested(self._field_types()))

    @functools.cached_property
    def encoder_kinds(self) -> frozenset[str]:
        roots = self._field_types() + [
            c for c in self.api.codecs if c.kind is TypeKind.UNION
        ]
        return frozenset(t.kind.value for t in _nested(roots))

    @functools.cached_property
    def model_stdlib(self) -> tuple[str, ...]:
        kinds = self.model_kinds
        lines = []
        if self.api.models:
            lines.append("from dataclasses import dataclass")
            if any(m.additional for m in self.api.models):
                lines.append("from dataclasses import field as _field")
        times = _stdlib_names(kinds, "datetime")
        if times:
            lines.append("from datetime import " + ", ".join(times))
        if _stdlib_names(kinds, "decimal"):
            lines.append("from decimal import Decimal")
        typing = set(_stdlib_names(kinds, "typing"))
        # Models' to_dict and union encoders return Any.
        if self.api.models or any(c.kind is TypeKind.UNION for c in self.api.codecs):
            typing.add("Any")
        if self.api.models:
            typing.add("ClassVar")
        if typing:
            names = sorted(typing, key=import_sort_key)
            lines.append("from typing import " + ", ".join(names))
        return tuple(lines)

    @functools.cached_property
    def models_catch_deserialization_errors(self) -> bool:
        return bool(self.api.codecs) or any(m.additional for m in self.api.models)

    @functools.cached_property
    def model_runtime(self) -> tuple[str, ...]:
        kinds = self.model_kinds
        direct = {f.type.kind for m in self.api.models for f in m.fields}
        names = {
            name
            for name, used in (
                ("UNSET", "unset" in kinds),
                ("Unset", "unset" in kinds),
                ("FieldTable", bool(self.api.models)),
                ("decode_fields", bool(self.api.models)),
                ("decode_enum", "decode_enum" in self._models_enum_decoders()),
                ("decode_int_enum", "decode_int_enum" in self._models_enum_decoders()),
                (
                    "enum_member",
                    any(
                        c.kind is TypeKind.UNION
                        and not c.discriminator
                        and any(v.unknown_class for v in c.variants)
                        for c in self.api.codecs
                    ),
                ),
                ("fail", self._models_call_fail()),
                ("parse_rfc3339_utc", self.models_read_datetimes),
                ("RFC3339_SEPARATORS", self.models_read_datetimes),
                ("to_json", self.models_encode_by_runtime_type),
                ("best_fit", any(c.fit_variants for c in self.api.codecs)),
                (
                    "no_variant_reads",
                    any(
                        c.kind is TypeKind.UNION and not c.discriminator
                        for c in self.api.codecs
                    ),
                ),
                (
                    "cannot_encode",
                    any(
                        c.kind is TypeKind.UNION
                        and c.encode_order[-1].kind is not TypeKind.ANY
                        for c in self.api.codecs
                    ),
                ),
            )
            if used
        }
        # Each kind's own reader and writer (generator/ir/kinds.py). A reader at depth is
        # called by the code that decodes the container in line (a field's, or a decoder's
        # own, which may be in another part of a split module).
        in_line = {t.kind for t in _in_line(list(self.api.codecs), self._field_types())}
        for kind, facts in KIND_FACTS.items():
            read = kind in in_line if facts.decoder_at_depth else kind in direct
            if facts.decoder is not None and read:
                names.add(facts.decoder)
            if facts.formatter is not None and kind.value in self.encoder_kinds:
                names.add(facts.formatter)
        return tuple(sorted(names))

    def _models_enum_decoders(self) -> frozenset[str]:
        # A field table names a plain enum's class; decode_enum (decode_int_enum for an
        # integer enum) is called for a narrowed one and by the `decode` macro inside
        # containers, unions and an open model's extra keys.
        extras = [m.additional for m in self.api.models if m.additional]
        in_line = _in_line(list(self.api.codecs), extras)
        called = [t for t in in_line if t.kind is TypeKind.ENUM] + [
            f.type
            for m in self.api.models
            for f in m.fields
            if f.type.kind is TypeKind.ENUM and f.type.constraints.enum_values
        ]
        return frozenset(enum_decoder(t) for t in called)

    def _models_call_fail(self) -> bool:
        # Container decoders call it, and so does the `decode` macro for a string or boolean
        # inside a container, a union or an open model's extra keys.
        extras = [m.additional for m in self.api.models if m.additional]
        return any(c.kind is not TypeKind.UNION for c in self.api.codecs) or any(
            t.kind in (TypeKind.STRING, TypeKind.BOOLEAN)
            for t in _in_line(list(self.api.codecs), extras)
        )

    @functools.cached_property
    def models_read_datetimes(self) -> bool:
        return any(
            f.type.kind is TypeKind.DATETIME for m in self.api.models for f in m.fields
        )

    @functools.cached_property
    def fast_path_enums(self) -> tuple[str, ...]:
        return _targets(
            [
                f.type
                for m in self.api.models
                for f in m.fields
                if f.type.kind is TypeKind.ENUM and not f.type.constraints.enum_values
            ],
            TypeKind.ENUM,
        )

    @functools.cached_property
    def integer_enums(self) -> frozenset[str]:
        return _integer_enums(self.api.enums)

    @functools.cached_property
    def models_encode_by_runtime_type(self) -> bool:
        return any(
            c.kind is TypeKind.UNION and c.encodes_by_runtime_type for c in self.api.codecs
        )

    @functools.cached_property
    def model_enums(self) -> tuple[str, ...]:
        return _targets(self._field_types() + list(self.api.codecs), TypeKind.ENUM)

    @functools.cached_property
    def field_enums(self) -> tuple[str, ...]:
        return _targets(self._field_types(), TypeKind.ENUM)

    @functools.cached_property
    def strategy_codecs(self) -> tuple[str, ...]:
        names: set[str] = set()
        for type_ref in _nested(self._field_types()):
            if type_ref.kind is TypeKind.UNION and not type_ref.discriminator:
                names |= {type_ref.decoder, type_ref.encoder}
            if type_ref.kind is TypeKind.UNION and type_ref.counter:
                names.add(type_ref.counter)
        return tuple(sorted(names))

    @functools.cached_property
    def client_annotation_kinds(self) -> frozenset[str]:
        return frozenset(t.kind.value for t in _nested(self._client_types()))

    @functools.cached_property
    def client_models(self) -> tuple[str, ...]:
        names = set(_targets(self._client_types(), TypeKind.MODEL))
        names.update(
            o.long_running.result_model
            for o in self.api.operations
            if o.long_running is not None and o.long_running.result_model
        )
        return tuple(sorted(names, key=export_sort_key))

    @functools.cached_property
    def client_enums(self) -> tuple[str, ...]:
        return _targets(self._client_types(), TypeKind.ENUM)

    @functools.cached_property
    def client_decoders(self) -> tuple[str, ...]:
        # And the encoders of discriminated-union request bodies (client_view._tags_union).
        encoders = {
            o.body.type.encoder
            for o in self.api.operations
            if o.body is not None and o.body.type is not None and o.body.type.discriminator
            and o.body.type.encoder and not o.body.type.nullable and not o.body.spread
        }  # fmt: skip
        return tuple(
            sorted(
                {
                    r.type.decoder
                    for o in self.api.operations
                    for r in o.success_responses
                    if r.type is not None and r.type.decoder
                }
                | encoders
            )
        )

    @functools.cached_property
    def client_kinds(self) -> frozenset[str]:
        return frozenset(
            r.type.kind.value
            for o in self.api.operations
            for r in o.success_responses
            if r.type is not None
        )


def _stdlib_names(kinds: frozenset[str], module: str) -> list[str]:
    """What the annotations of `kinds` (TypeKind values) need from the standard library's
    `module`, in isort's order."""
    names = {
        facts.stdlib_import[1]
        for kind, facts in KIND_FACTS.items()
        if facts.stdlib_import is not None
        and facts.stdlib_import[0] == module
        and kind.value in kinds
    }
    return sorted(names, key=import_sort_key)


def _nested(roots: list[TypeRef]) -> Iterator[TypeRef]:
    """Every TypeRef in `roots`, with their items and union variants, at any depth."""
    stack = list(roots)
    while stack:
        type_ref = stack.pop()
        yield type_ref
        if type_ref.item is not None:
            stack.append(type_ref.item)
        stack.extend(type_ref.variants)


def _in_line(codecs: list[TypeRef], uses: Sequence[TypeRef] = ()) -> Iterator[TypeRef]:
    """The TypeRefs that code decodes in line: each decoder of `codecs` and what it holds,
    and each type of `uses` (fields), but not inside a container or union that has a decoder
    of its own (that decoder is code of its own, perhaps in another part of a split
    module)."""
    stack = list(uses)
    for codec in codecs:
        yield codec
        stack += [codec.item] if codec.item is not None else []
        stack += codec.variants
    while stack:
        type_ref = stack.pop()
        yield type_ref
        if type_ref.decoder:
            continue
        stack += [type_ref.item] if type_ref.item is not None else []
        stack += type_ref.variants


def _targets(roots: list[TypeRef], kind: TypeKind) -> tuple[str, ...]:
    """The sorted names of the models (or enums) that `roots` refer to, at any depth."""
    names = {t.target for t in _nested(roots) if t.kind is kind and t.target}
    return tuple(sorted(names, key=export_sort_key))


def _integer_enums(enums: tuple[Enum, ...]) -> frozenset[str]:
    """The enums whose values are not strings. The parts of a split module keep every enum of
    the API, the same tuple: answered once for all of them (Graph has 282 parts and 9,648
    enums)."""
    last = _LAST_INTEGER_ENUMS[0]
    if last is not None and last[0] is enums:
        return last[1]
    found = frozenset(e.class_name for e in enums if e.base is not TypeKind.STRING)
    _LAST_INTEGER_ENUMS[0] = (enums, found)
    return found


_LAST_INTEGER_ENUMS: list[tuple[tuple[Enum, ...], frozenset[str]] | None] = [None]
