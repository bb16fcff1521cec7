"""The import lists and name sets the built-in templates read from `Api`.

Which names each generated module imports (from the standard library, `_runtime`, the models
module) depends on everything the API holds, at any depth; these properties compute them so
that templates only print them. `Api` inherits them from `ApiImports`, so templates still read
`api.model_runtime_imports` and the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.ir.requests import BodyEncoding
from generator.ir.types import TypeKind, TypeRef
from generator.naming import export_sort_key, import_sort_key

if TYPE_CHECKING:
    from generator.ir.nodes import Enum, Model, Operation


class ApiImports:
    """What `Api`'s modules import: a base class of `Api`, which has the fields read here."""

    __slots__ = ()

    if TYPE_CHECKING:
        models: tuple[Model, ...]
        enums: tuple[Enum, ...]
        operations: tuple[Operation, ...]
        codecs: tuple[TypeRef, ...]

        @property
        def header_operations(self) -> tuple[Operation, ...]: ...

    def _field_types(self) -> list[TypeRef]:
        types = [f.type for m in self.models for f in m.fields]
        return types + [m.additional for m in self.models if m.additional is not None]

    def _client_types(self) -> list[TypeRef]:
        types = [p.type for o in self.operations for p in o.parameters]
        types += [
            r.type for o in self.operations for r in o.success_responses if r.type
        ]
        # An error response is decoded only when its body is a model (the ApiError's `model`).
        types += [
            r.type
            for o in self.operations
            for r in o.error_responses
            if r.type is not None and r.type.kind is TypeKind.MODEL
        ]
        types += [h.type for o in self.header_operations for h in o.headers]
        for operation in self.operations:
            body = operation.body
            if body is not None and body.spread:
                types += [f.type for f in body.fields]
            elif body is not None and body.type is not None:
                types.append(body.type)
        return types

    @property
    def client_stdlib_imports(self) -> tuple[str, ...]:
        """The client module's standard-library import lines, in isort's order."""
        kinds = self.client_annotation_kinds
        lines = []
        if self.header_operations:
            lines.append("from dataclasses import dataclass")
        times = [name for name in ("date", "datetime") if name in kinds]
        if times:
            lines.append("from datetime import " + ", ".join(times))
        if self.client_typing_imports:
            lines.append("from typing import " + ", ".join(self.client_typing_imports))
        return tuple(lines)

    @property
    def client_typing_imports(self) -> tuple[str, ...]:
        """Names the client module imports from `typing`."""
        names = set()
        if TypeKind.ANY.value in self.client_annotation_kinds or any(
            (o.body is not None and o.body.spread) or o.long_running is not None
            for o in self.operations
        ):
            names.add("Any")  # spread bodies, and the state of a long-running operation's poller
        if any(
            o.body is not None
            and (o.body.encoding is BodyEncoding.BINARY or o.body.has_files)
            for o in self.operations
        ):
            names.add("IO")
        return tuple(sorted(names, key=import_sort_key))

    @property
    def client_uses_unset(self) -> bool:
        """Some client method has an optional argument, so the client module imports `UNSET` and
        `Unset`."""
        return any(not a.required for o in self.operations for a in o.signature)

    @property
    def model_kinds(self) -> frozenset[str]:
        """Every TypeKind value used by a model field or decoder, at any depth (imports)."""
        kinds = {t.kind.value for t in _nested(self._field_types() + list(self.codecs))}
        if any(not f.required for m in self.models for f in m.fields):
            kinds.add("unset")
        return frozenset(kinds)

    @property
    def field_kinds(self) -> frozenset[str]:
        """Every TypeKind value of a model field, at any depth (the strategies' imports)."""
        return frozenset(t.kind.value for t in _nested(self._field_types()))

    @property
    def encoder_kinds(self) -> frozenset[str]:
        """Every TypeKind value that `to_dict` or a union encoder writes, at any depth (which
        `format_*` helpers the models module imports; container decoders format nothing).
        """
        roots = self._field_types() + [
            c for c in self.codecs if c.kind is TypeKind.UNION
        ]
        return frozenset(t.kind.value for t in _nested(roots))

    @property
    def model_stdlib_imports(self) -> tuple[str, ...]:
        """The models module's standard-library import lines, in isort's order."""
        kinds = self.model_kinds
        lines = []
        if self.models:
            lines.append("from dataclasses import dataclass")
            if any(m.additional for m in self.models):
                lines.append("from dataclasses import field as _field")
        times = [name for name in ("date", "datetime") if name in kinds]
        if times:
            lines.append("from datetime import " + ", ".join(times))
        # Models' to_dict and union encoders return Any.
        encoders = any(c.kind is TypeKind.UNION for c in self.codecs)
        if self.models or encoders or TypeKind.ANY.value in kinds:
            lines.append(
                "from typing import Any" + (", ClassVar" if self.models else "")
            )
        return tuple(lines)

    @property
    def models_catch_deserialization_errors(self) -> bool:
        """Whether the models module names DeserializationError outside docstrings."""
        return bool(self.codecs) or any(m.additional for m in self.models)

    @property
    def model_runtime_imports(self) -> tuple[str, ...]:
        """What the models module imports from `_runtime` (exactly what it uses)."""
        kinds = self.model_kinds
        direct = {f.type.kind for m in self.models for f in m.fields}
        names = {
            name
            for name, used in (
                ("UNSET", "unset" in kinds),
                ("Unset", "unset" in kinds),
                ("FieldTable", bool(self.models)),
                ("decode_fields", bool(self.models)),
                ("decode_str", TypeKind.STRING in direct),
                ("decode_bool", TypeKind.BOOLEAN in direct),
                ("decode_any", TypeKind.ANY in direct),
                ("decode_enum", self._models_call_decode_enum()),
                ("decode_float", "number" in kinds),
                ("decode_int", "integer" in kinds),
                ("fail", self._models_call_fail()),
                ("format_date", "date" in self.encoder_kinds),
                ("format_datetime", "datetime" in self.encoder_kinds),
                ("parse_date", "date" in kinds),
                ("parse_datetime", "datetime" in kinds),
                ("parse_rfc3339_utc", self.models_read_datetimes),
                ("RFC3339_SEPARATORS", self.models_read_datetimes),
                ("to_json", self.models_encode_by_runtime_type),
                (
                    "no_variant_reads",
                    any(
                        c.kind is TypeKind.UNION and not c.discriminator
                        for c in self.codecs
                    ),
                ),
                (
                    "cannot_encode",
                    any(
                        c.kind is TypeKind.UNION
                        and c.encode_order[-1].kind is not TypeKind.ANY
                        for c in self.codecs
                    ),
                ),
            )
            if used
        }
        return tuple(sorted(names))

    def _models_call_decode_enum(self) -> bool:
        # A field table names a plain enum's class; decode_enum is called for a narrowed one
        # and by the `decode` macro inside containers, unions and an open model's extra keys.
        roots = list(self.codecs) + [m.additional for m in self.models if m.additional]
        return any(t.kind is TypeKind.ENUM for t in _nested(roots)) or any(
            f.type.kind is TypeKind.ENUM and f.type.constraints.enum_values
            for m in self.models
            for f in m.fields
        )

    def _models_call_fail(self) -> bool:
        # Container decoders call it, and so does the `decode` macro for a string or boolean
        # inside a container, a union or an open model's extra keys.
        roots = list(self.codecs) + [m.additional for m in self.models if m.additional]
        return any(c.kind is not TypeKind.UNION for c in self.codecs) or any(
            t.kind in (TypeKind.STRING, TypeKind.BOOLEAN) for t in _nested(roots)
        )

    @property
    def models_read_datetimes(self) -> bool:
        """Some field holds a date-time directly (the fast path parses it inline)."""
        return any(
            f.type.kind is TypeKind.DATETIME for m in self.models for f in m.fields
        )

    @property
    def fast_path_enums(self) -> tuple[str, ...]:
        """Enums that a field holds directly, not narrowed: the fast path of from_dict looks
        their values up in a module-level copy of each one's value-to-member map."""
        return _targets(
            [
                f.type
                for m in self.models
                for f in m.fields
                if f.type.kind is TypeKind.ENUM and not f.type.constraints.enum_values
            ],
            TypeKind.ENUM,
        )

    @property
    def integer_enums(self) -> frozenset[str]:
        """Enums of integers, whose value map a JSON boolean would match (True == 1)."""
        return frozenset(e.class_name for e in self.enums if e.base is not TypeKind.STRING)

    @property
    def models_encode_by_runtime_type(self) -> bool:
        """Some union encoder needs the runtime function `_runtime.to_json` (for variants
        isinstance cannot tell apart)."""
        return any(
            c.kind is TypeKind.UNION and c.encodes_by_runtime_type for c in self.codecs
        )

    @property
    def model_enum_names(self) -> tuple[str, ...]:
        """Enums that model fields or container/union decoders use (the models module's imports)."""
        return _targets(self._field_types() + list(self.codecs), TypeKind.ENUM)

    @property
    def field_enum_names(self) -> tuple[str, ...]:
        """Enums that model fields use, at any depth (the strategies module's imports)."""
        return _targets(self._field_types(), TypeKind.ENUM)

    @property
    def strategy_codec_imports(self) -> tuple[str, ...]:
        """Union codecs (from the models module) that the strategies module calls: to draw
        only values their JSON tells apart, and `oneOf` JSON that one variant reads."""
        names: set[str] = set()
        for type_ref in _nested(self._field_types()):
            if type_ref.kind is TypeKind.UNION and not type_ref.discriminator:
                names |= {type_ref.decoder, type_ref.encoder}
            if type_ref.kind is TypeKind.UNION and type_ref.counter:
                names.add(type_ref.counter)
        return tuple(sorted(names))

    @property
    def client_annotation_kinds(self) -> frozenset[str]:
        """Every TypeKind in the client's annotations, at any depth (decides its imports)."""
        return frozenset(t.kind.value for t in _nested(self._client_types()))

    @property
    def client_model_imports(self) -> tuple[str, ...]:
        """Models the client module names (annotations, decoding, error models, the results of
        long-running operations)."""
        names = set(_targets(self._client_types(), TypeKind.MODEL))
        names.update(
            o.long_running.result_model
            for o in self.operations
            if o.long_running is not None and o.long_running.result_model
        )
        return tuple(sorted(names, key=export_sort_key))

    @property
    def client_enum_imports(self) -> tuple[str, ...]:
        """Enums the client module names (parameter and result annotations, decoding)."""
        return _targets(self._client_types(), TypeKind.ENUM)

    @property
    def client_decoder_imports(self) -> tuple[str, ...]:
        """Container decoders (from the models module) that response parsing calls."""
        return tuple(
            sorted(
                {
                    r.type.decoder
                    for o in self.operations
                    for r in o.success_responses
                    if r.type is not None and r.type.decoder
                }
            )
        )

    @property
    def client_kinds(self) -> frozenset[str]:
        """TypeKinds of success-response bodies (decides which runtime decoders to import)."""
        return frozenset(
            r.type.kind.value
            for o in self.operations
            for r in o.success_responses
            if r.type is not None
        )



def _nested(roots: list[TypeRef]) -> Iterator[TypeRef]:
    """Every TypeRef in `roots`, with their items and union variants, at any depth."""
    stack = list(roots)
    while stack:
        type_ref = stack.pop()
        yield type_ref
        if type_ref.item is not None:
            stack.append(type_ref.item)
        stack.extend(type_ref.variants)


def _targets(roots: list[TypeRef], kind: TypeKind) -> tuple[str, ...]:
    """The sorted names of the models (or enums) that `roots` refer to, at any depth."""
    names = {t.target for t in _nested(roots) if t.kind is kind and t.target}
    return tuple(sorted(names, key=export_sort_key))

