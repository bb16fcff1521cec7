"""The hypothesis strategy for a type, as a node for the `lay` filter (the strategies module).

For each `TypeRef` there are two strategies: the instance strategy draws Python values of the
type, the wire strategy draws JSON values valid against its schema. Each is a node of
`layout` (a string, or a call `{"head": ..., "args": [...]}`), which `lay` then prints
where the template puts it, as black would. Constraints become keyword arguments of helpers
defined in the generated strategies module, which do any arithmetic at test time; spec values
are printed with `pyrepr`.

One builder per type kind, in `_INSTANCE` and `_WIRE`; the kinds a wire strategy does not
build itself (the JSON-native scalars, Any) draw what their instance strategy draws.

The templates get two filters, `instance_strategy` and `wire_strategy`; with `optional=True`
they draw for an optional field (instances or UNSET; a `oneOf` property whose variants overlap
may be left out).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.ir.kinds import TypeKind
from generator.ir.types import Polymorphism, TypeRef
from generator.render.layout import Node
from generator.render.literals import pyrepr


def instance_strategy(t: TypeRef, optional: bool = False) -> Node:
    """The hypothesis strategy drawing instances of `t`, as a node for `lay`; `optional`: of
    an optional field, drawing UNSET too."""
    if optional:
        return _call("_optional", ["depth", _instance(t)])
    return _instance(t)


def wire_strategy(t: TypeRef, optional: bool = False) -> Node:
    """The hypothesis strategy drawing JSON values valid against `t`, as a node for `lay`;
    `optional`: of an optional property, which a `oneOf` whose variants overlap may leave out.
    """
    if optional and t.kind is TypeKind.UNION and t.counter:
        union = _union_wire(t)
        if t.nullable:
            union = _call("_or_none", ["depth", union])
        return _call("_or_absent", [union, t.counter])
    return _wire(t)


def subtypes_strategy(poly: Polymorphism, kind: str) -> Node:
    """A base model's strategy over its subtypes (`kind` "instance" or "json"): its own values
    (`own`, whose discriminator names none of its subtypes) or a subtype's, with the
    discriminator value set; a node for `lay`, since Graph's bases have hundreds of subtypes.
    """
    suffix = "_json" if kind == "json" else ""
    values = [pyrepr(case.value) for case in poly.subtypes]
    own = _call(
        "own.filter",
        [_call(f"_untagged{suffix}", [pyrepr(poly.discriminator), *values])],
    )
    cases = [
        _tagged(
            case.strategy if kind == "instance" else case.json_strategy,
            f"_tag_{kind}",
            poly.discriminator,
            case.value,
        )
        for case in poly.subtypes
    ]
    return _call("st.one_of", [own, *cases])


def _call(head: str, args: list[Node]) -> Node:
    """A call node; without arguments just its text, which black never splits."""
    return {"head": head, "args": args} if args else head + "()"


def _deferred(name: str) -> Node:
    """`st.deferred(lambda: name(depth + 1))`: a model's strategy, one level deeper."""
    return {
        "head": "st.deferred",
        "args": [{"head": "lambda: " + name, "args": ["depth + 1"]}],
    }


def _tagged(name: str, tag: str, discriminator: str, value: str) -> Node:
    """The same, with its discriminator property set: `.map(tag(discriminator, value))`."""
    return {
        "on": _deferred(name),
        "head": ".map",
        "args": [{"head": tag, "args": [pyrepr(discriminator), pyrepr(value)]}],
    }


def _item(t: TypeRef) -> TypeRef:
    assert t.item is not None, f"{t.kind} without an item type at {t.pointer}"
    return t.item


# -- instances -------------------------------------------------------------------------------


def _instance(t: TypeRef) -> Node:
    value = _instance_value(t)
    return _call("_or_none", ["depth", value]) if t.nullable else value


_CONST_KINDS = frozenset(
    {TypeKind.STRING, TypeKind.INTEGER, TypeKind.NUMBER, TypeKind.BOOLEAN}
)


def _instance_value(t: TypeRef) -> Node:
    if t.constraints.has_const and t.kind in _CONST_KINDS:
        return _call("st.just", [pyrepr(t.constraints.const)])
    return _INSTANCE[t.kind](t)


def _text(t: TypeRef) -> Node:
    c = t.constraints
    args: list[Node] = []
    if c.min_length is not None:
        args.append(f"min_size={c.min_length}")
    if c.max_length is not None:
        args.append(f"max_size={c.max_length}")
    if c.python_pattern is not None:
        pattern = sized_pattern(c.python_pattern, c.min_length, c.max_length)
        args.append("pattern=" + pyrepr(pattern))
    if t.format:
        args.append("fmt=" + pyrepr(t.format))
    return _call("_text", args)


# A whole pattern that is one atom repeated: `^[a-z0-9-]+$`, `^\d{4,}$`, `^.*$` (with `$` as
# the ECMA-to-Python translation writes it, `\Z`). The atom is a class, an escape or one plain
# character; anything else is left as it is.
_ONE_ATOM_REPEATED = re.compile(
    r"\^(?P<atom>\[(?:\\.|[^\]\\])+\]|\\[wdsWDS]|[^\\()\[\]{}|?*+^$])"
    r"(?:(?P<sign>[+*])|\{(?P<low>\d+)(?P<comma>,?)(?P<high>\d*)\})(?P<end>\$|\\Z)"
)


def sized_pattern(pattern: str, min_length: int | None, max_length: int | None) -> str:
    """`pattern` with `minLength`/`maxLength` folded into its repetition where it is one atom
    repeated, so hypothesis draws matches of the right size instead of filtering for them
    (`^[a-z]+$` with minLength 20 is almost never drawn that long); else `pattern` itself.
    """
    found = _ONE_ATOM_REPEATED.fullmatch(pattern)
    if found is None or (min_length is None and max_length is None):
        return pattern
    if found["sign"] is not None:
        low, high = (1 if found["sign"] == "+" else 0), None
    else:
        low = int(found["low"])
        high = (
            int(found["high"]) if found["high"] else (None if found["comma"] else low)
        )
    low = max(low, min_length or 0)
    if max_length is not None:
        high = max_length if high is None else min(high, max_length)
    if high is not None and high < low:
        return pattern  # no string satisfies both; the schema's own contradiction
    size = "{" + str(low) + "," + ("" if high is None else str(high)) + "}"
    return "^" + found["atom"] + size + found["end"]


def _number(t: TypeRef) -> Node:
    c = t.constraints
    args: list[Node] = []
    if c.minimum is not None:
        args.append("minimum=" + pyrepr(c.minimum))
        args.append("exclusive_minimum=" + pyrepr(c.exclusive_minimum))
    if c.maximum is not None:
        args.append("maximum=" + pyrepr(c.maximum))
        args.append("exclusive_maximum=" + pyrepr(c.exclusive_maximum))
    if t.kind is TypeKind.INTEGER:
        if t.format in ("int32", "int64"):
            args.append("bits=32" if t.format == "int32" else "bits=64")
        return _call("_integers", args)
    return _call("_floats", args)


def _enum_instance(t: TypeRef) -> Node:
    target = str(t.target)
    if t.constraints.enum_values:
        # Only the values this use allows: members by value (a value the enum does not list
        # stays as it is).
        return _call("_enum_allowed", [target, pyrepr(t.constraints.enum_values)])
    return _call("_enum_members", [target])


def _array_instance(t: TypeRef) -> Node:
    return _lists(_instance(_item(t)), t, unique=False)


def _map_instance(t: TypeRef) -> Node:
    return _dicts(_instance(_item(t)), t)


def _union_instance(t: TypeRef) -> Node:
    if t.discriminator:
        cases = [
            _tagged(case.strategy, "_tag_instance", t.discriminator, case.value)
            for case in t.discriminator_mapping
        ]
        return _call("st.one_of", cases)
    one_of = _call("st.one_of", [_instance(variant) for variant in t.variants])
    return _call("_told_apart", [one_of, t.decoder, t.encoder])


def _lists(items: Node, t: TypeRef, *, unique: bool) -> Node:
    c = t.constraints
    args: list[Node] = ["depth", items]
    if c.min_items is not None:
        args.append(f"min_size={c.min_items}")
    if c.max_items is not None:
        args.append(f"max_size={c.max_items}")
    if unique and c.unique_items:
        args.append("unique=True")
    return _call("_lists", args)


def _dicts(values: Node, t: TypeRef) -> Node:
    c = t.constraints
    args: list[Node] = ["depth", values]
    if c.min_properties is not None:
        args.append(f"min_size={c.min_properties}")
    if c.max_properties is not None:
        args.append(f"max_size={c.max_properties}")
    return _call("_dicts", args)


def _constant(text: str) -> Callable[[TypeRef], Node]:
    return lambda t: text


_INSTANCE: dict[TypeKind, Callable[[TypeRef], Node]] = {
    TypeKind.STRING: _text,
    TypeKind.INTEGER: _number,
    TypeKind.NUMBER: _number,
    TypeKind.BOOLEAN: _constant("st.booleans()"),
    TypeKind.DATETIME: _constant("_aware_datetimes()"),
    TypeKind.DATE: _constant("st.dates()"),
    TypeKind.ANY: _constant("_json_values()"),
    TypeKind.ENUM: _enum_instance,
    TypeKind.MODEL: lambda t: _deferred(t.strategy),
    TypeKind.ARRAY: _array_instance,
    TypeKind.MAP: _map_instance,
    TypeKind.UNION: _union_instance,
}
"""The instance strategy of each kind (a `const` scalar aside)."""

_INSTANCE.update(
    {
        # The typed formats: values their wire forms write exactly (whole seconds for unix
        # times and HTTP dates, durations a float of seconds holds to the microsecond).
        TypeKind.BYTES: _constant("st.binary(max_size=24)"),
        TypeKind.BYTES_URL: _constant("st.binary(max_size=24)"),
        TypeKind.DURATION: _constant("st.timedeltas()"),
        TypeKind.DURATION_SECONDS: _constant("_float_durations()"),
        TypeKind.DURATION_MILLISECONDS: _constant("_float_durations()"),
        TypeKind.UNIX_TIME: _constant("_whole_second_datetimes()"),
        TypeKind.HTTP_DATE: _constant("_whole_second_datetimes()"),
        TypeKind.DECIMAL: _constant("_decimals()"),
    }
)


# -- JSON values -----------------------------------------------------------------------------


def _wire(t: TypeRef) -> Node:
    value = _wire_value(t)
    return _call("_or_none", ["depth", value]) if t.nullable else value


def _wire_value(t: TypeRef) -> Node:
    build = _WIRE.get(t.kind)
    if build is not None:
        return build(t)
    if t.untyped:
        return "st.nothing()"
    return _instance_value(t)  # a JSON-native value is its own JSON


def _enum_wire(t: TypeRef) -> Node:
    if t.constraints.enum_values:
        return _call("st.sampled_from", [pyrepr(t.constraints.enum_values)])
    return _call("_enum_json", [str(t.target)])


def _array_wire(t: TypeRef) -> Node:
    item = _item(t)
    if item.untyped and not item.nullable:
        return "st.builds(list)"  # no JSON is drawn for the items: only [] is valid test data
    return _lists(_wire(item), t, unique=True)


def _map_wire(t: TypeRef) -> Node:
    item = _item(t)
    if item.untyped and not item.nullable:
        return "st.builds(dict)"
    return _dicts(_wire(item), t)


def _union_wire_value(t: TypeRef) -> Node:
    if t.counter:
        return _call("_read_once", [_union_wire(t), t.counter])
    return _union_wire(t)


def _union_wire(t: TypeRef) -> Node:
    """`st.one_of` the variants' JSON values."""
    discriminator = t.discriminator
    if discriminator:
        variants = [
            _tagged(case.json_strategy, "_tag_json", discriminator, case.value)
            for case in t.discriminator_mapping
        ]
    else:
        variants = [_wire(variant) for variant in t.variants]
    return _call("st.one_of", variants)


_WIRE: dict[TypeKind, Callable[[TypeRef], Node]] = {
    TypeKind.DATETIME: _constant("_datetime_texts()"),
    TypeKind.DATE: _constant("st.dates().map(date.isoformat)"),
    TypeKind.ENUM: _enum_wire,
    TypeKind.MODEL: lambda t: _deferred(t.json_strategy),
    TypeKind.ARRAY: _array_wire,
    TypeKind.MAP: _map_wire,
    TypeKind.UNION: _union_wire_value,
}
"""The wire strategy of each kind whose JSON is not its Python value."""


def _typed_wire(t: TypeRef) -> Node:
    """A typed format's JSON: an instance, written as the client writes it."""
    return _call("_as_json", [_instance_value(t), pyrepr(t.kind.value)])


_WIRE.update(
    {
        kind: _typed_wire
        for kind in (
            TypeKind.BYTES,
            TypeKind.BYTES_URL,
            TypeKind.DURATION,
            TypeKind.DURATION_SECONDS,
            TypeKind.DURATION_MILLISECONDS,
            TypeKind.UNIX_TIME,
            TypeKind.HTTP_DATE,
        )
    }
)
