"""generator/render/views: the layout it prints is black's, and every type kind has its codec.

The layout functions were Jinja macros; black must leave what they print unchanged (the
formatter skips lines the built-in templates laid out). The codec tables are keyed by type
kind: a kind added to the IR must be handled (or fall to the documented default) in one place.
"""

from __future__ import annotations

import ast
import textwrap

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ir.kinds import TypeKind
from generator.ir.types import Constraints, TypeRef
from generator.render import layout as black_layout
from generator.render.views import codecs
from generator.render.views.client_classes import request_statement

_MODE = black.Mode(target_versions={black.TargetVersion.PY310})

names = st.from_regex(r"[a-z][a-z0-9_]{0,30}", fullmatch=True).filter(
    lambda n: n
    not in {"if", "in", "is", "or", "and", "not", "def", "for", "as", "else"}
)


def _black_keeps(code: str) -> None:
    assert black.format_str(code, mode=_MODE) == code


def _in_function(statement: str, indent: str) -> str:
    """`statement` (its continuation lines already indented) as a function's body."""
    levels = len(indent) // 4
    head = "".join(f"{'    ' * level}def f{level}():\n" for level in range(levels))
    return f"{head}{indent}{statement}\n"


@settings(max_examples=60, deadline=None)
@given(
    head=names,
    args=st.lists(names, min_size=1, max_size=8),
    depth=st.integers(min_value=0, max_value=4),
)
def test_call_is_laid_out_as_black_lays_it_out(
    head: str, args: list[str], depth: int
) -> None:
    indent = "    " * depth
    _black_keeps(_in_function(black_layout.call(head, args, indent), indent))


_long_names = st.from_regex(r"[a-z][a-z0-9_]{0,90}", fullmatch=True).filter(
    lambda n: n
    not in {"if", "in", "is", "or", "and", "not", "def", "for", "as", "else"}
)


@settings(max_examples=500, deadline=None)
@given(
    target=_long_names,
    callee=_long_names,
    args=st.lists(_long_names, min_size=1, max_size=4),
    form=st.sampled_from(
        ["{t} = {c}", "self.{t} = {c}", "return {c}", "{t} = await {c}"]
    ),
    depth=st.integers(min_value=1, max_value=3),
)
def test_a_call_whose_head_is_too_long_is_black_s(
    target: str, callee: str, args: list[str], form: str, depth: int
) -> None:
    # `self.long_name = _http.raw(` too long: black may put the value in parentheses instead.
    indent = "    " * depth
    head = form.format(t=target, c=callee)
    code = _in_function(black_layout.call(head, args, indent), indent)
    if "await" in head:
        code = code.replace("def f", "async def f")
    _black_keeps(code)


@pytest.mark.parametrize("argument", [10, 30, 34, 60])
@pytest.mark.parametrize("builder", [40, 66, 67, 72, 95])
def test_the_request_statement_is_black_s(builder: int, argument: int) -> None:
    # Graph's `_request = _build_<ninety letters>(`: black puts the call in parentheses when
    # that fits, and leaves the long first line when an argument would not fit deeper.
    name = "a" * argument
    forward = f"            {name}={name},\n"
    statement = request_statement("_build_" + "x" * builder, forward)
    _black_keeps(f"class A:\n    def f(self):\n        {statement}\n")


@pytest.mark.parametrize("count", [1, 3, 9])
def test_call_goes_from_one_line_to_one_argument_a_line(count: int) -> None:
    args = [f"argument_{i}_" + "x" * 14 for i in range(count)]
    laid = black_layout.call("function", args, "    ")
    lines = laid.split("\n")
    if count == 1:
        assert lines == [f"function({args[0]})"]
    elif count == 3:
        assert lines == ["function(", "        " + ", ".join(args), "    )"]
    else:
        assert lines[1:-1] == [f"        {arg}," for arg in args]
    _black_keeps(_in_function(laid, "    "))


def test_non_ascii_text_stays_on_one_line_for_the_formatter() -> None:
    args = ['"é' + "x" * 100 + '"']
    assert black_layout.call("f", args, "") == f"f({args[0]})"


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(names, min_size=2, max_size=12), depth=st.integers(0, 3))
def test_concat_is_black_s(parts: list[str], depth: int) -> None:
    indent = "    " * depth
    _black_keeps(_in_function(black_layout.concat("target", parts, indent), indent))


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            _long_names.map(lambda name: f'"/{name}/"'),
            st.tuples(_long_names, st.integers(1, 3)).map(
                lambda pair: {
                    "head": "_http.quote_path",
                    "args": [pair[0], f'"{pair[0]}"', *(["True"] * (pair[1] - 1))],
                }
            ),
        ),
        min_size=1,
        max_size=6,
    ),
    depth=st.integers(1, 3),
)
def test_a_url_of_long_path_parameters_is_black_s(
    parts: list[black_layout.Node], depth: int
) -> None:
    # Graph's `+ _http.quote_path(service_announcement_attachment_id, "...")`: a part too long
    # for its line is split as black splits a call.
    indent = "    " * depth
    laid = black_layout.concat("_url", ["_base_url", *parts], indent)
    if "\n" not in laid and len(indent) + len(laid) > 88:
        assert len(parts) == 1  # `x = a + f(...)`: black may split the call instead; left to it
        return
    _black_keeps(_in_function(laid, indent))


_ENCODED_FORMS = (
    "{f}(_v)",
    "_v.to_dict()",
    "None if _v is None else {f}(_v)",
    "None if _v is None else _v.to_dict()",
    "[{f}(_i0) for _i0 in _v]",
    "[None if _i0 is None else {f}(_i0) for _i0 in _v]",
    "None if _v is None else [{f}(_i0) for _i0 in _v]",
    "{{_k0: {f}(_v0) for _k0, _v0 in _v.items()}}",
    "[[{f}(_i1) for _i1 in _i0] for _i0 in _v]",
)


@settings(max_examples=500, deadline=None)
@given(
    wire=st.from_regex(r"[a-zA-Z@.#]{1,60}", fullmatch=True),
    function=st.one_of(_long_names, st.integers(20, 90).map(lambda n: "f" * n)),
    form=st.sampled_from(_ENCODED_FORMS),
    depth=st.integers(2, 3),
)
def test_an_encoded_field_is_black_s(
    wire: str, function: str, form: str, depth: int
) -> None:
    # Graph's `result["passwordCredential"] = None if _v is None else _encode_union_...(_v)`.
    indent = "    " * depth
    laid = black_layout.lay_value(f'result["{wire}"]', form.format(f=function), indent)
    if "\n" not in laid and len(indent) + len(laid) > 88:
        return  # a layout it does not know (a part still too long): left for the formatter
    _black_keeps(_in_function(laid, indent))


@settings(max_examples=60, deadline=None)
@given(
    params=st.lists(names, min_size=1, max_size=8, unique=True),
    returns=st.lists(names, min_size=1, max_size=6),
)
def test_signature_is_black_s(params: list[str], returns: list[str]) -> None:
    annotation = " | ".join(f"list[{name}]" for name in returns)
    laid = black_layout.signature("def method_name", params, annotation, "    ")
    _black_keeps(f"class C:\n    {laid}\n        pass\n")


def test_a_long_union_return_goes_one_member_a_line() -> None:
    members = [f"VeryLongModelName{i}" for i in range(8)]
    laid = black_layout.annotated(") -> ", " | ".join(members), ":", "    ")
    assert laid.split("\n") == [") -> ("] + [
        ("        " if i == 0 else "        | ") + m for i, m in enumerate(members)
    ] + ["    ):"]


# Type hints as the generated code spells them: model names of any length, lists, string-keyed
# dicts, unions with None, str (an open enum) and Unset.
_type_names = st.from_regex(
    r"[A-Z][A-Za-z0-9]{0,90}", fullmatch=True
) | st.sampled_from(["str", "None", "int", "Any"])
_hints = st.recursive(
    _type_names,
    lambda inner: st.lists(inner, min_size=1, max_size=4)
    .map(" | ".join)
    .flatmap(lambda union: st.sampled_from([f"list[{union}]", f"dict[str, {union}]"])),
    max_leaves=6,
)


@settings(max_examples=1000, deadline=None)
@given(
    name=names,
    members=st.lists(_hints, min_size=1, max_size=4),
    default=st.sampled_from(["", " = UNSET"]),
    where=st.sampled_from(["field", "parameter", "returns"]),
)
def test_annotated_is_black_s_at_any_depth(
    name: str, members: list[str], default: str, where: str
) -> None:
    # A long model name inside a list inside a union (Graph's `list[X | str] | Unset`): black
    # splits the union, then the subscript, then the union inside it, level by level.
    hint = " | ".join(members)
    if where == "field":
        laid = black_layout.annotated(name + ": ", hint, default, "    ", default != "")
        code = f"class C:\n    {laid}\n"
    elif where == "parameter":
        laid = black_layout.annotated(name + ": ", hint, default + ",", "    ")
        code = f"def f(\n    self,\n    {laid}\n) -> None:\n    pass\n"
    else:
        laid = black_layout.annotated(") -> ", hint, ":", "")
        code = f"def f(\n    self,\n    a: int,\n{laid}\n    pass\n"
    if "\n" not in laid and any(len(line) > 88 for line in code.split("\n")):
        # Left on one line for the formatter: a dict black would put one argument a line, or
        # a field whose value black may put in parentheses instead.
        assert "," in hint or default
        return
    assert black.format_str(code, mode=_MODE) == code


@settings(max_examples=300, deadline=None)
@given(
    name=_long_names,
    hint=st.one_of(
        _long_names,
        _long_names.map(lambda n: f"list[{n}]"),
        _long_names.map(lambda n: f"{n} | None"),
    ),
)
def test_a_field_of_a_long_name_is_split_at_its_bracket(name: str, hint: str) -> None:
    # The testing kit's `<an operation's hundred letters>: OperationScript[bytes]`: black splits
    # at the bracket although `name: OperationScript[` alone is too long.
    laid = black_layout.annotated(name + ": ", f"OperationScript[{hint}]", "", "    ")
    code = f"class C:\n    {laid}\n"
    if "\n" not in laid and len(laid) + 4 > 88:
        assert len(f"    {name}: OperationScript[") > 88 and " | " in hint
        return
    assert black.format_str(code, mode=_MODE) == code


@pytest.mark.parametrize("extra", range(20))
def test_a_field_whose_bracket_is_past_the_line_is_in_parentheses(extra: int) -> None:
    # Stripe's `get_customers_..._discount: OperationScript[Discount]`: `name: OperationScript[`
    # is past column 88 but `name: (` is not, so black puts the hint in parentheses.
    name = "get_customers_customer_subscriptions_subscription_exposed_id_" + "d" * extra
    laid = black_layout.annotated(name + ": ", "OperationScript[Discount]", "", "    ")
    code = f"class C:\n    {laid}\n"
    assert black.format_str(code, mode=_MODE) == code


def test_a_graph_field_is_laid_out_level_by_level() -> None:
    hint = "list[MicrosoftGraphImportedWindowsAutopilotDeviceIdentity | dict[str, Any] | None] | Unset"
    laid = black_layout.annotated("value: ", hint, " = UNSET", "    ", True)
    assert laid.split("\n") == [
        "value: (",
        "        list[",
        "            MicrosoftGraphImportedWindowsAutopilotDeviceIdentity | dict[str, Any] | None",
        "        ]",
        "        | Unset",
        "    ) = UNSET",
    ]
    code = f"class C:\n    {laid}\n"
    assert black.format_str(code, mode=_MODE) == code


def test_doc_keeps_a_one_line_docstring_on_its_line() -> None:
    assert black_layout.doc("Short.", 8) == '"""Short."""'
    assert black_layout.doc('Ends with a "quote"', 4) == '"""Ends with a "quote\\" """'
    long = black_layout.doc("word " * 30, 8)
    assert long.startswith('"""') and long.endswith('\n        """')
    first, *rest = long.split("\n")
    assert rest and all(len(line) <= 88 for line in rest)
    assert first.count("word") + sum(line.count("word") for line in rest) == 30


def test_tuple_of_explodes_only_two_items_or_more() -> None:
    assert black_layout.tuple_of(("a",), "") == '("a",)'
    assert black_layout.tuple_of((), "") == "()"
    assert (
        black_layout.tuple_of(("a", "b"), "    ")
        == '(\n        "a",\n        "b",\n    )'
    )


def _type(kind: TypeKind, **fields: object) -> TypeRef:
    return TypeRef(pointer="/x", kind=kind, annotation="object", **fields)  # type: ignore[arg-type]


def _one_of_each_kind() -> list[TypeRef]:
    item = _type(TypeKind.MODEL, target="Pet")
    special: dict[TypeKind, dict[str, object]] = {
        TypeKind.ENUM: {"target": "Colour"},
        TypeKind.MODEL: {"target": "Pet"},
        TypeKind.ARRAY: {"item": item, "decoder": "_decode_list_pet"},
        TypeKind.MAP: {"item": item, "decoder": "_decode_dict_pet"},
        TypeKind.UNION: {"decoder": "_decode_union", "encoder": "_encode_union"},
    }
    return [_type(kind, **special.get(kind, {})) for kind in TypeKind]


@pytest.mark.parametrize("t", _one_of_each_kind(), ids=lambda t: t.kind.value)
def test_every_kind_decodes_encodes_and_reads_to_python(t: TypeRef) -> None:
    for nullable in (False, True):
        each = TypeRef(
            **{
                **{f: getattr(t, f) for f in t.__dataclass_fields__},
                "nullable": nullable,
            }
        )
        ast.parse(codecs.decode_expr(each, "value", "_runtime."), mode="eval")
        ast.parse(codecs.encode_expr(each, "value"), mode="eval")
        ast.parse(codecs.careful_decoder(each), mode="eval")
        for optional in (False, True):
            lines = codecs.fast_read(each, optional, "", {"Colour"})
            ast.parse(f"def f(_r):\n{textwrap.indent(lines, '    ')}    return _r\n")
        function, args = codecs.header_reader(each, '"X-Name"')
        ast.parse(f"{function}({', '.join(args)})", mode="eval")


def test_each_kind_s_codec_is_its_own() -> None:
    by_kind = {t.kind: t for t in _one_of_each_kind()}
    assert codecs.decode_expr(by_kind[TypeKind.INTEGER], "v", "_runtime.") == (
        "_runtime.decode_int(v)"
    )
    assert codecs.decode_expr(by_kind[TypeKind.ANY], "v") == "v"
    assert (
        codecs.encode_expr(by_kind[TypeKind.ARRAY], "v")
        == "[_i0.to_dict() for _i0 in v]"
    )
    assert codecs.encode_expr(by_kind[TypeKind.MAP], "v", 1) == (
        "{_k1: _v1.to_dict() for _k1, _v1 in v.items()}"
    )
    assert codecs.careful_decoder(by_kind[TypeKind.ANY]) == "decode_any"
    assert codecs.fast_read(by_kind[TypeKind.ANY], True, "", ()) == ""
    narrowed = _type(
        TypeKind.ENUM, target="Colour", constraints=Constraints(enum_values=("red",))
    )
    assert codecs.careful_decoder(narrowed) == (
        'lambda _r: decode_enum(Colour, _r, ("red",))'
    )
    assert codecs.fast_read(by_kind[TypeKind.ENUM], False, "", {"Colour"}).split("\n")[
        0
    ] == ("if _r.__class__ is bool:")


def test_a_macro_given_anything_but_a_type_says_so() -> None:
    with pytest.raises(TypeError, match="decode takes a TypeRef, not a str"):
        codecs.decode_expr("title", "v")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="encode takes a TypeRef, not a str"):
        codecs.encode_expr("title", "v")  # type: ignore[arg-type]


def test_neighbouring_statuses_that_raise_alike_share_one_branch() -> None:
    # Graph declares one error for 4XX and for 5XX: one `400 <= status <= 599` branch, while
    # a status answered otherwise keeps its own (and the order decides, as before).
    from generator.parse.api_parser import parse
    from generator.render.views.client_view import client_view
    from generator.render.views.imports import module_imports

    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Failure"}}}}
    other = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}}
    responses = {"204": {"description": "ok"}, "404": other, "4XX": error, "5XX": error}
    responses = {k: {"description": "d", **v} for k, v in responses.items()}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "get_a", "responses": responses}}},
        "components": {
            "schemas": {
                name: {"type": "object", "properties": {"m": {"type": "string"}}}
                for name in ("Failure", "Missing")
            }
        },
    }
    api, _ = parse(spec, package_name="p", package_version="1")
    assert api is not None
    (operation,) = client_view(api, module_imports(api)).operations
    assert [(e.condition, e.model) for e in operation.errors] == [
        ("status == 404", "Missing"),
        ("400 <= status <= 599", "Failure"),
    ]
