"""The IR's type references: how a schema is typed wherever it is used (fields, parameters,
bodies, responses), with its constraints and, for unions, how it is told apart and encoded.

Part of the IR (`generator.ir.nodes` re-exports everything here); the same rules hold: frozen,
slotted, keyword-only dataclasses of tuples, each keeping the JSON pointer it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.kinds import KIND_FACTS, TypeKind


@dataclass(frozen=True, slots=True, kw_only=True)
class Constraints:
    """Value constraints from the schema, kept for validation and for test-data strategies."""

    min_length: int | None = None
    """`minLength` of a string; None when absent."""
    max_length: int | None = None
    """`maxLength` of a string; None when absent."""
    pattern: str | None = None
    """The `pattern` as the spec writes it (ECMA-262); see `python_pattern` for the one to
    compile."""
    python_pattern: str | None = None
    """`pattern` translated to Python `re` syntax with ECMA-262's meaning (`$` is end of
    string only; `\\d`, `\\w`, `\\b` are ASCII; `\\s` is ECMA-262's whitespace), or None
    when Python cannot compile it."""
    minimum: int | float | None = None
    """`minimum` (exclusive when `exclusive_minimum`); None when absent."""
    maximum: int | float | None = None
    """`maximum` (exclusive when `exclusive_maximum`); None when absent."""
    exclusive_minimum: bool = False
    """`minimum` is exclusive: 3.0's boolean, or 3.1's numeric `exclusiveMinimum`, which then is
    `minimum`."""
    exclusive_maximum: bool = False
    """`maximum` is exclusive: 3.0's boolean, or 3.1's numeric `exclusiveMaximum`, which then is
    `maximum`."""
    multiple_of: int | float | None = None
    """`multipleOf`; None when absent."""
    min_items: int | None = None
    """`minItems` of an array; None when absent."""
    max_items: int | None = None
    """`maxItems` of an array; None when absent."""
    unique_items: bool = False
    """`uniqueItems: true` on an array."""
    min_properties: int | None = None
    """`minProperties` of an object; None when absent."""
    max_properties: int | None = None
    """`maxProperties` of an object; None when absent."""
    has_const: bool = False
    """Only one value is valid (`const`, or a one-value `enum` of a type no enum class is made
    for): `const`, which may be None."""
    const: str | int | float | bool | None = None
    """The only value allowed (`const`), when `has_const`."""
    enum_values: tuple[str | int, ...] = ()
    """For a reference to a named enum: the only values this use allows (a local `enum`
    beside the reference narrows it, as a tagged-union member's `type` does); () for all."""

    @property
    def is_empty(self) -> bool:
        """No constraint is set (every attribute at its default)."""
        return self == _NO_CONSTRAINTS


_NO_CONSTRAINTS = Constraints()


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscriminatorCase:
    """One value of a discriminator property and the model it selects."""

    value: str
    """The discriminator property's value (`dog`)."""
    target: str
    """The class name of the model it selects (`Dog`)."""
    strategy: str
    """That model's instance strategy in `strategies.py`."""
    json_strategy: str
    """That model's JSON-value strategy in `strategies.py`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Polymorphism:
    """How a model takes part in inheritance by discriminator (`Shark: allOf: [Fish]`, where
    `Fish` has a `discriminator`): the class it derives from, and the subtypes its `from_dict`
    returns by the value of its discriminator property."""

    pointer: str
    """The model's schema (`/components/schemas/Fish`)."""
    base: str = ""
    """The model it derives from, by class name (`Fish` for `Shark`): the `allOf` part that
    declares a discriminator. "" for a root, or when its fields could not override the base's
    for the type checker (a field of another type)."""
    discriminator: str = ""
    """The wire name of its own discriminator property (`kind`); "" when it declares none."""
    subtypes: tuple[DiscriminatorCase, ...] = ()
    """Each value of `discriminator` and the subclass it selects: the explicit `mapping`,
    then each direct subtype's schema name (OpenAPI's implicit mapping). A body with another
    value (or none) is this model itself; the subtypes dispatch on their own discriminators."""
    defaults: tuple[tuple[str, str], ...] = ()
    """For a subtype: (field, value) for each discriminator of its bases whose value names it
    (`(("kind", "shark"), ("sharktype", "goblin"))` for `GoblinShark`), the default of that
    field (a string, or the member of its enum with that value), so a subtype made in Python
    writes the values that name it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TypeRef:
    """A use of a type: a primitive, a named model or enum, or a container of another TypeRef.

    `annotation` is the Python type hint without nullability; `target` names the model or enum
    (its key in `Api.models` / `Api.enums`) when `kind` is MODEL or ENUM; `item` is the element
    type of an ARRAY or the value type of a MAP.
    """

    pointer: str
    """Where the schema is; for a reference to a named model or enum, that schema's pointer
    (`/components/schemas/Pet`)."""
    kind: TypeKind
    """What shape the value has: see TypeKind."""
    annotation: str
    """The Python type hint without `| None`: `str`, `datetime`, `list[Pet]`,
    `dict[str, int | None]`, `Cat | Dog`; an open enum's is `Color | str`."""
    nullable: bool = False
    """null is valid too (`nullable: true`, a `null` type or variant): hints add `| None`."""
    format: str | None = None
    """The schema's `format` (`uuid`, `int64`, `binary`, `date-time`); None when absent.
    `date-time`, `date` and the typed formats (`byte`, `duration`, `unixtime`, `http-date`,
    `decimal`...: generator/ir/kinds.py) also decide `kind`."""
    target: str | None = None
    """For MODEL and ENUM: the class name (`Pet`); None otherwise."""
    item: TypeRef | None = None
    """For ARRAY: the element type; for MAP: the value type; None otherwise."""
    constraints: Constraints = _NO_CONSTRAINTS
    """The schema's value constraints (all unset for most types)."""
    strategy: str = ""
    """For models: the name of its instance strategy in `strategies.py`."""
    json_strategy: str = ""
    """For models: the name of its JSON-value strategy in `strategies.py`."""
    codec: str = ""
    """For arrays and maps: a name for their shape, unique per shape (`list_str`); for a typed
    format, its kind (`unix_time`), which names the containers of it."""
    decoder: str = ""
    """For arrays, maps and unions: their generated decoder function (`_decode_list_str`)."""
    encoder: str = ""
    """For unions: their generated encoder function."""
    variants: tuple[TypeRef, ...] = ()
    """For unions: the alternatives, in the order decoding tries them."""
    discriminator: str | None = None
    """For unions of models: the wire property whose value says which model it is."""
    discriminator_mapping: tuple[DiscriminatorCase, ...] = ()
    """For discriminated unions: each discriminator value and the model it selects (the explicit
    `mapping`, then each variant's own name)."""
    exclusive: bool = False
    """For unions: `oneOf` (a valid value matches exactly one variant), not `anyOf`."""
    counter: str = ""
    """For `oneOf` unions: the generated function that counts the variants reading a value
    (test-data strategies keep JSON values that exactly one variant reads)."""
    closed: bool = False
    """For models: `additionalProperties: false`, so a key it does not declare rules it out."""
    guards: tuple[tuple[str, str | int | bool], ...] = ()
    """For models: required properties with a single allowed value (`object: enum [charge]`,
    `deleted: const true`). A union tries the model only on values that carry them, since
    open enums would otherwise let a model read another one's value."""
    unknown_class: str = ""
    """For an open enum: the class of a value the spec does not list (`str`, or `int` for an
    integer enum), which decodes to that plain value and which `annotation` admits beside the
    enum (`Color | str`); "" otherwise."""
    untyped: bool = False
    """For Any: it stands for a schema the generator could not type (a recursive alias) or
    for `type: null`, so test data draws no JSON for it but null where that is allowed
    (containers of it stay empty)."""

    @property
    def fit_variants(self) -> tuple[TypeRef, ...]:
        """For a union without a discriminator that has several model variants: those models,
        which a JSON object decodes by best fit (`_runtime.best_fit`); () otherwise."""
        if self.kind is not TypeKind.UNION or self.discriminator:
            return ()
        models = tuple(v for v in self.variants if v.kind is TypeKind.MODEL)
        return models if len(models) > 1 else ()

    @property
    def json_native(self) -> bool:
        """True when the Python value is already its JSON value (a scalar or Any)."""
        return KIND_FACTS[self.kind].json_native

    @property
    def runtime_class(self) -> str:
        """What `isinstance` tests to recognise a value of this type (unions, encoding)."""
        if self.kind is TypeKind.ENUM and self.unknown_class:
            return self.unknown_class  # its members are instances of it too
        if self.kind in (TypeKind.MODEL, TypeKind.ENUM) and self.target:
            return self.target
        if self.kind is TypeKind.UNION:
            return "(" + ", ".join(v.runtime_class for v in self.variants) + ")"
        return KIND_FACTS[self.kind].runtime_class

    @property
    def encode_order(self) -> tuple[TypeRef, ...]:
        """A union's variants in the order encoding must test them."""
        return tuple(sorted(self.variants, key=lambda v: KIND_FACTS[v.kind].encode_order))

    @property
    def encode_cases(self) -> tuple[EncodeCase, ...]:
        """A union encoder's isinstance tests, in order (Any, which takes the rest, is not one).

        Variants that `isinstance` cannot tell apart (`dict[str, int] | dict[str, Pet]`, or
        anything beside Any) share one case that encodes by the value's runtime types, which is
        exact for any of them."""
        typed = [v for v in self.encode_order if v.kind is not TypeKind.ANY]
        # An Any variant may hold a value of any class (raw JSON a typed variant did not read).
        with_any = len(typed) < len(self.variants)
        classes = [_class_names(v) for v in typed]
        cases: list[EncodeCase] = []
        for index, variant in enumerate(typed):
            shared = with_any or any(
                classes[index] & other for i, other in enumerate(classes) if i != index
            )
            case = EncodeCase(
                runtime_class=variant.runtime_class, variant=None if shared else variant
            )
            if case not in cases:
                cases.append(case)
        return tuple(cases)

    @property
    def encodes_by_runtime_type(self) -> bool:
        """Some encode case has no variant: the union encoder calls the runtime function
        `_runtime.to_json` there (not a model method)."""
        return any(case.variant is None for case in self.encode_cases)


@dataclass(frozen=True, slots=True, kw_only=True)
class EncodeCase:
    """One `isinstance` test of a union encoder."""

    runtime_class: str
    """What `isinstance` tests: a class name or a parenthesised tuple of them (`Pet`,
    `(int, float)`)."""
    variant: TypeRef | None
    """The variant whose own encoder runs; None when several variants share the class."""


def _class_names(ref: TypeRef) -> frozenset[str]:
    if ref.kind is TypeKind.UNION:
        return frozenset().union(*(_class_names(v) for v in ref.variants))
    return frozenset(ref.runtime_class.strip("()").split(", "))
