from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/strategies.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_api = resolve('api')
    l_0_instance = l_0_optional_instance = l_0_optional_wire = l_0_wire = l_0_names_tuple = l_0_doc = l_0_signature = l_0_extras = l_0_fields_dict = l_0_fixed_dictionaries = missing
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_2 = environment.filters['import_order']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'import_order' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_5 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    included_template = environment.get_template('package/_strategies.j2', 'package/strategies.py.j2')._get_default_module(context)
    l_0_instance = getattr(included_template, 'instance', missing)
    if l_0_instance is missing:
        l_0_instance = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/strategies.py.j2') does not export the requested name 'instance'", name='instance')
    l_0_optional_instance = getattr(included_template, 'optional_instance', missing)
    if l_0_optional_instance is missing:
        l_0_optional_instance = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/strategies.py.j2') does not export the requested name 'optional_instance'", name='optional_instance')
    l_0_optional_wire = getattr(included_template, 'optional_wire', missing)
    if l_0_optional_wire is missing:
        l_0_optional_wire = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/strategies.py.j2') does not export the requested name 'optional_wire'", name='optional_wire')
    l_0_wire = getattr(included_template, 'wire', missing)
    if l_0_wire is missing:
        l_0_wire = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/strategies.py.j2') does not export the requested name 'wire'", name='wire')
    context.vars.update({'instance': l_0_instance, 'optional_instance': l_0_optional_instance, 'optional_wire': l_0_optional_wire, 'wire': l_0_wire})
    context.exported_vars.difference_update(('instance', 'optional_instance', 'optional_wire', 'wire'))
    yield from context.blocks['header'][0](context)
    yield '\nfrom __future__ import annotations\n\nimport base64\nimport json\nfrom collections.abc import Callable\nfrom datetime import '
    if ('date' in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'field_kinds')):
        pass
        yield 'date, '
    yield 'datetime, timedelta, timezone\nfrom enum import Enum\nfrom typing import Any, TypeVar\n\nfrom hypothesis import reject\nfrom hypothesis import strategies as st\n\nfrom ._runtime import UNSET, Unset\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'field_enum_names'):
        pass
        yield 'from .enums import (\n'
        for l_1_name in t_2(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'field_enum_names')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        yield ')\n'
    yield 'from .errors import DeserializationError\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'):
        pass
        yield 'from .models import (\n'
        for l_1_name in t_2(t_4(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'), attribute='class_name')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        for l_1_name in t_2(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'strategy_codec_imports')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        yield ')\n'
    yield '\nT = TypeVar("T")\nE = TypeVar("E", bound=Enum)\n\n_MAX_SIZE = 4\n"""Containers stay small, so examples stay fast; raise it to fuzz harder."""\n\n\n_MAX_DEPTH = 3\n"""Models nested deeper than this draw only what their schema requires: optional fields\nare absent and nullable ones null, so examples of large, recursive APIs stay small."""\n\n\ndef _optional(\n    depth: int, strategy: st.SearchStrategy[T]\n) -> st.SearchStrategy[T | Unset]:\n    return st.just(UNSET) if depth >= _MAX_DEPTH else st.just(UNSET) | strategy\n\n\ndef _or_none(depth: int, strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:\n    return st.none() if depth >= _MAX_DEPTH else st.none() | strategy\n\n\ndef _when_shallow(\n    depth: int, fields: dict[str, st.SearchStrategy[Any]]\n) -> dict[str, st.SearchStrategy[Any]]:\n    """Optional JSON properties, none of them once nested deeper than `_MAX_DEPTH`."""\n    return {} if depth >= _MAX_DEPTH else fields\n\n\n_FORMATS: dict[str, st.SearchStrategy[str]] = {\n    "uuid": st.uuids().map(str),\n    "byte": st.binary(max_size=24).map(lambda b: base64.b64encode(b).decode("ascii")),\n    "email": st.from_regex(r"[a-z0-9]{1,10}@[a-z]{1,10}\\.example", fullmatch=True),\n    "ipv4": st.ip_addresses(v=4).map(str),\n    "ipv6": st.ip_addresses(v=6).map(str),\n    "uri": st.from_regex(\n        r"https://[a-z]{1,10}\\.example/[a-z0-9/]{0,12}", fullmatch=True\n    ),\n    "url": st.from_regex(\n        r"https://[a-z]{1,10}\\.example/[a-z0-9/]{0,12}", fullmatch=True\n    ),\n    "hostname": st.from_regex(r"[a-z]{1,10}\\.example", fullmatch=True),\n}\n"""Strings in the formats validators check; any other format draws plain text."""\n\n\ndef _text(\n    min_size: int = 0,\n    max_size: int | None = None,\n    pattern: str | None = None,\n    fmt: str | None = None,\n) -> st.SearchStrategy[str]:\n    if fmt in _FORMATS and pattern is None:\n        bound = max_size if max_size is not None else float("inf")\n        return _FORMATS[fmt].filter(lambda s: min_size <= len(s) <= bound)\n    upper = max_size if max_size is not None else max(min_size, _MAX_SIZE * 4)\n    if pattern is None:\n        return st.text(min_size=min_size, max_size=upper)\n    # JSON Schema patterns are unanchored searches, as hypothesis\' from_regex is by\n    # default.\n    return st.from_regex(pattern).filter(lambda s: min_size <= len(s) <= upper)\n\n\ndef _integers(\n    minimum: float | None = None,\n    maximum: float | None = None,\n    exclusive_minimum: bool = False,\n    exclusive_maximum: bool = False,\n    bits: int | None = None,\n) -> st.SearchStrategy[int]:\n    low = (\n        None\n        if minimum is None\n        else int(minimum) + (1 if exclusive_minimum and minimum == int(minimum) else 0)\n    )\n    high = (\n        None\n        if maximum is None\n        else int(maximum) - (1 if exclusive_maximum and maximum == int(maximum) else 0)\n    )\n    if bits is not None:\n        limit = 2 ** (bits - 1)\n        low = -limit if low is None else max(low, -limit)\n        high = limit - 1 if high is None else min(high, limit - 1)\n    return st.integers(min_value=low, max_value=high)\n\n\ndef _floats(\n    minimum: float | None = None,\n    maximum: float | None = None,\n    exclusive_minimum: bool = False,\n    exclusive_maximum: bool = False,\n) -> st.SearchStrategy[float]:\n    return st.floats(\n        min_value=minimum,\n        max_value=maximum,\n        exclude_min=exclusive_minimum and minimum is not None,\n        exclude_max=exclusive_maximum and maximum is not None,\n        allow_nan=False,\n        allow_infinity=False,\n    )\n\n\ndef _upper(depth: int, min_size: int, max_size: int | None) -> int:\n    """Containers nested deeper than `_MAX_DEPTH` hold only what the schema requires, so\n    a required list or map of the model itself still ends."""\n    if depth >= _MAX_DEPTH:\n        return min_size\n    return max_size if max_size is not None else max(min_size, _MAX_SIZE)\n\n\ndef _lists(\n    depth: int,\n    items: st.SearchStrategy[T],\n    min_size: int = 0,\n    max_size: int | None = None,\n    unique: bool = False,\n) -> st.SearchStrategy[list[T]]:\n    upper = _upper(depth, min_size, max_size)\n    if upper == 0:\n        # Not even built: deferred item strategies of a recursive model would recurse\n        # forever.\n        return st.builds(list)\n    if unique:\n        return st.lists(items, min_size=min_size, max_size=upper, unique_by=_json_key)\n    return st.lists(items, min_size=min_size, max_size=upper)\n\n\ndef _json_key(value: Any) -> str:\n    """Equal JSON values (as `uniqueItems` compares them) give equal keys."""\n    if isinstance(value, float) and value.is_integer():\n        value = int(value)\n    return json.dumps(value, sort_keys=True)\n\n\ndef _dicts(\n    depth: int,\n    values: st.SearchStrategy[T],\n    min_size: int = 0,\n    max_size: int | None = None,\n) -> st.SearchStrategy[dict[str, T]]:\n    upper = _upper(depth, min_size, max_size)\n    if upper == 0:\n        return st.builds(dict)\n    return st.dictionaries(\n        st.text(max_size=8), values, min_size=min_size, max_size=upper\n    )\n\n\ndef _extras(\n    depth: int, values: st.SearchStrategy[T], declared: tuple[str, ...]\n) -> st.SearchStrategy[dict[str, T]]:\n    """The undeclared keys of an open model: any key but its properties\' wire names."""\n    keys = st.text(max_size=8).filter(lambda key: key not in declared)\n    return st.dictionaries(\n        keys, values, max_size=0 if depth >= _MAX_DEPTH else _MAX_SIZE\n    )\n\n\ndef _with_extras(\n    declared: st.SearchStrategy[dict[str, Any]],\n    extras: st.SearchStrategy[dict[str, Any]],\n) -> st.SearchStrategy[dict[str, Any]]:\n    return st.builds(lambda known, extra: {**extra, **known}, declared, extras)\n\n\ndef _same_shape(left: Any, right: Any) -> bool:\n    """The same Python types all the way down through lists and dicts (models and enums\n    are compared by class only: their contents are the round trip\'s business)."""\n    if type(left) is not type(right):\n        return False\n    if isinstance(left, list):\n        return len(left) == len(right) and all(map(_same_shape, left, right))\n    if isinstance(left, dict):\n        return left.keys() == right.keys() and all(\n            _same_shape(left[k], right[k]) for k in left\n        )\n    return True\n\n\ndef _kept(\n    values: st.SearchStrategy[T], keep: Callable[[T], bool]\n) -> st.SearchStrategy[T]:\n    """Like `values.filter(keep)`, but tries harder before giving up on an example\n    (unions whose variants overlap may reject most draws)."""\n\n    @st.composite\n    def draw(data: st.DrawFn) -> T:\n        for _ in range(_UNION_TRIES):\n            value = data(values)\n            if keep(value):\n                return value\n        reject()\n\n    return draw()\n\n\n_UNION_TRIES = 20\n\n\ndef _told_apart(\n    values: st.SearchStrategy[T],\n    decode: Callable[[object], Any],\n    encode: Callable[[Any], Any],\n) -> st.SearchStrategy[T]:\n    """Values of a union that its JSON tells apart: decoding tries the variants in\n    order, so a value whose JSON an earlier variant also reads would come back as that\n    variant instead (the JSON does not say which was meant) and is not drawn.\n\n    `encode` takes Any: mypy may solve `T` from the surrounding call (adding `None` from\n    an enclosing `_or_none`), which the union\'s own encoder does not take."""\n\n    def told_apart(value: T) -> bool:\n        try:\n            return _same_shape(decode(encode(value)), value)\n        except DeserializationError:\n            # No variant reads it back (a one-value property drawn as another value).\n            return False\n\n    return _kept(values, told_apart)\n\n\ndef _read_once(\n    values: st.SearchStrategy[Any], count: Callable[[object], int]\n) -> st.SearchStrategy[Any]:\n    """For `oneOf`: JSON values that exactly one variant reads (others are invalid)."""\n    return _kept(values, lambda value: count(value) == 1)\n\n\ndef _or_absent(\n    values: st.SearchStrategy[Any], count: Callable[[object], int]\n) -> st.SearchStrategy[Any]:\n    """An optional `oneOf` field: a JSON value exactly one variant reads, else UNSET\n    (the field is left out), for schemas whose variants overlap so much that few values\n    qualify."""\n    return values.map(\n        lambda value: value if value is None or count(value) == 1 else UNSET\n    )\n\n\ndef _present(body: dict[str, Any]) -> dict[str, Any]:\n    return {key: value for key, value in body.items() if value is not UNSET}\n\n\ndef _json_values() -> st.SearchStrategy[Any]:\n    scalars = (\n        st.none()\n        | st.booleans()\n        | st.integers()\n        | st.floats(allow_nan=False, allow_infinity=False)\n        | st.text()\n    )\n    return st.recursive(\n        scalars,\n        lambda inner: st.lists(inner, max_size=_MAX_SIZE)\n        | st.dictionaries(st.text(max_size=8), inner, max_size=_MAX_SIZE),\n        max_leaves=8,\n    )\n\n\n_OFFSETS = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(\n    lambda minutes: timezone(timedelta(minutes=minutes))\n)\n\n\ndef _aware_datetimes() -> st.SearchStrategy[datetime]:\n    """Aware datetimes with whole-minute offsets (RFC 3339 cannot write seconds of\n    offset)."""\n    return st.datetimes(timezones=st.just(timezone.utc) | _OFFSETS)\n\n\ndef _datetime_texts() -> st.SearchStrategy[str]:\n    """RFC 3339 text in the spellings servers use: Z or offsets, 0/3/6/7 fraction\n    digits."""\n    return st.builds(\n        _spell_datetime,\n        _aware_datetimes(),\n        st.sampled_from(["auto", "none", "milli", "micro", "seven"]),\n        st.booleans(),\n        st.booleans(),\n    )\n\n\ndef _spell_datetime(\n    value: datetime, fraction: str, lower: bool, zulu_as_offset: bool\n) -> str:\n    micro = value.microsecond\n    if fraction == "none" and micro:\n        fraction = "micro"\n    if fraction == "milli" and micro % 1000:\n        fraction = "micro"\n    base = (\n        value.strftime("%Y-%m-%dT%H:%M:%S")\n        if value.year >= 1000\n        else (f"{value.year:04d}" + value.strftime("-%m-%dT%H:%M:%S"))\n    )\n    digits = {\n        "auto": "" if not micro else f".{micro:06d}".rstrip("0"),\n        "none": "",\n        "milli": f".{micro // 1000:03d}",\n        "micro": f".{micro:06d}",\n        "seven": f".{micro:06d}0",\n    }[fraction]\n    offset = value.utcoffset() or timedelta(0)\n    if not offset and not zulu_as_offset:\n        zone = "Z"\n    else:\n        minutes = int(offset.total_seconds()) // 60\n        sign = "-" if minutes < 0 else "+"\n        zone = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"\n    text = base + digits + zone\n    return text.lower() if lower else text\n\n\ndef _tag_json(name: str, value: str) -> Callable[[dict[str, Any]], dict[str, Any]]:\n    """Set a union member\'s discriminator property, so the JSON selects that member."""\n    return lambda body: {**body, name: value}\n\n\ndef _tag_instance(name: str, value: str) -> Callable[[Any], Any]:\n    """The same for an instance: re-decode it with the discriminator set."""\n    return lambda model: type(model).from_dict({**model.to_dict(), name: value})\n\n\ndef _enum_members(cls: type[E]) -> st.SearchStrategy[E]:\n    """Known members, and also unknown values, which open enums must keep."""\n    unknown: st.SearchStrategy[Any] = (\n        st.integers() if issubclass(cls, int) else st.text()\n    )\n    return st.sampled_from(list(cls)) | unknown.map(cls)\n'
    def macro(l_1_names, l_1_indent):
        t_6 = []
        if l_1_names is missing:
            l_1_names = undefined("parameter 'names' was not provided", name='names')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        if (t_3(l_1_names) < 2):
            pass
            t_6.append(
                str(t_5(l_1_names)),
            )
        else:
            pass
            t_6.append(
                '(\n',
            )
            for l_2_name in l_1_names:
                _loop_vars = {}
                pass
                t_6.extend((
                    str(l_1_indent),
                    '    ',
                    str(t_5(l_2_name)),
                    ',\n',
                ))
            l_2_name = missing
            t_6.extend((
                str(l_1_indent),
                ')',
            ))
        return concat(t_6)
    context.exported_vars.add('names_tuple')
    context.vars['names_tuple'] = l_0_names_tuple = Macro(environment, macro, 'names_tuple', ('names', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_text, l_1_indent):
        t_7 = []
        l_1_d = l_1_lines = missing
        if l_1_text is missing:
            l_1_text = undefined("parameter 'text' was not provided", name='text')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_d = t_1(l_1_text, l_1_indent)
        if ((context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'count'), '\n') == 1) and context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'endswith'), str_join(('\n', (' ' * l_1_indent), '"""', )))):
            pass
            l_1_d = t_1(l_1_text, l_1_indent, 82)
        l_1_lines = context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'split'), '\n')
        if ((t_3((undefined(name='lines') if l_1_lines is missing else l_1_lines)) == 2) and (environment.getitem((undefined(name='lines') if l_1_lines is missing else l_1_lines), 1) == str_join(((' ' * l_1_indent), '"""', )))):
            pass
            l_1_d = str_join((environment.getitem((undefined(name='lines') if l_1_lines is missing else l_1_lines), 0), '"""', ))
        if ((('\n' not in (undefined(name='d') if l_1_d is missing else l_1_d)) and (t_3((undefined(name='d') if l_1_d is missing else l_1_d)) > 6)) and (environment.getitem((undefined(name='d') if l_1_d is missing else l_1_d), -4) == '"')):
            pass
            l_1_d = str_join(((undefined(name='d') if l_1_d is missing else l_1_d)[:-3], ' """', ))
        t_7.append(
            str((str_join(('""" ', (undefined(name='d') if l_1_d is missing else l_1_d)[3:], )) if context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'startswith'), '""""') else (undefined(name='d') if l_1_d is missing else l_1_d))),
        )
        return concat(t_7)
    context.exported_vars.add('doc')
    context.vars['doc'] = l_0_doc = Macro(environment, macro, 'doc', ('text', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_head, l_1_param, l_1_returns):
        t_8 = []
        l_1_one = missing
        if l_1_head is missing:
            l_1_head = undefined("parameter 'head' was not provided", name='head')
        if l_1_param is missing:
            l_1_param = undefined("parameter 'param' was not provided", name='param')
        if l_1_returns is missing:
            l_1_returns = undefined("parameter 'returns' was not provided", name='returns')
        pass
        l_1_one = str_join((l_1_head, '(', l_1_param, ') -> ', l_1_returns, ':', ))
        if ((t_3((undefined(name='one') if l_1_one is missing else l_1_one)) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))):
            pass
            t_8.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        else:
            pass
            t_8.extend((
                str(l_1_head),
                '(\n    ',
                str(l_1_param),
                ',\n',
            ))
            if (((t_3(l_1_returns) + 6) <= 88) or (((4 + t_3(l_1_returns)) - (context.call(environment.getattr(l_1_returns, 'index'), '[') + 2)) > 88)):
                pass
                t_8.extend((
                    ') -> ',
                    str(l_1_returns),
                    ':',
                ))
            else:
                pass
                t_8.extend((
                    ') -> ',
                    str(l_1_returns[:(context.call(environment.getattr(l_1_returns, 'index'), '[') + 1)]),
                    '\n    ',
                    str(l_1_returns[(context.call(environment.getattr(l_1_returns, 'index'), '[') + 1):-1]),
                    '\n]:',
                ))
        return concat(t_8)
    context.exported_vars.add('signature')
    context.vars['signature'] = l_0_signature = Macro(environment, macro, 'signature', ('head', 'param', 'returns'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_model, l_1_item, l_1_indent):
        t_9 = []
        if l_1_model is missing:
            l_1_model = undefined("parameter 'model' was not provided", name='model')
        if l_1_item is missing:
            l_1_item = undefined("parameter 'item' was not provided", name='item')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        t_9.extend((
            '_extras(\n',
            str(l_1_indent),
            '    depth,\n',
            str(l_1_indent),
            '    ',
            str(l_1_item),
            ',\n',
            str(l_1_indent),
            '    ',
            str(context.call((undefined(name='names_tuple') if l_0_names_tuple is missing else l_0_names_tuple), environment.getattr(l_1_model, 'wire_names'), str_join((l_1_indent, '    ', )))),
            ',\n',
            str(l_1_indent),
            ')',
        ))
        return concat(t_9)
    context.exported_vars.add('extras')
    context.vars['extras'] = l_0_extras = Macro(environment, macro, 'extras', ('model', 'item', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_fields, l_1_optional, l_1_indent):
        t_10 = []
        if l_1_fields is missing:
            l_1_fields = undefined("parameter 'fields' was not provided", name='fields')
        if l_1_optional is missing:
            l_1_optional = undefined("parameter 'optional' was not provided", name='optional')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        if l_1_fields:
            pass
            t_10.append(
                '{\n',
            )
            for l_2_field in l_1_fields:
                l_2_key = l_2_lead = missing
                _loop_vars = {}
                pass
                l_2_key = t_5(environment.getattr(l_2_field, 'wire_name'))
                _loop_vars['key'] = l_2_key
                l_2_lead = (((t_3(l_1_indent) + 4) + t_3((undefined(name='key') if l_2_key is missing else l_2_key))) + 2)
                _loop_vars['lead'] = l_2_lead
                t_10.extend((
                    str(l_1_indent),
                    '    ',
                    str((undefined(name='key') if l_2_key is missing else l_2_key)),
                    ': ',
                    str((context.call((undefined(name='optional_wire') if l_0_optional_wire is missing else l_0_optional_wire), environment.getattr(l_2_field, 'type'), str_join((l_1_indent, '    ', )), (undefined(name='lead') if l_2_lead is missing else l_2_lead), 1, _loop_vars=_loop_vars) if l_1_optional else context.call((undefined(name='wire') if l_0_wire is missing else l_0_wire), environment.getattr(l_2_field, 'type'), str_join((l_1_indent, '    ', )), (undefined(name='lead') if l_2_lead is missing else l_2_lead), 1, _loop_vars=_loop_vars))),
                    ',\n',
                ))
            l_2_field = l_2_key = l_2_lead = missing
            t_10.extend((
                str(l_1_indent),
                '}',
            ))
        else:
            pass
            t_10.append(
                '{}',
            )
        return concat(t_10)
    context.exported_vars.add('fields_dict')
    context.vars['fields_dict'] = l_0_fields_dict = Macro(environment, macro, 'fields_dict', ('fields', 'optional', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_model, l_1_indent):
        t_11 = []
        if l_1_model is missing:
            l_1_model = undefined("parameter 'model' was not provided", name='model')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        t_11.extend((
            'st.fixed_dictionaries(\n',
            str(l_1_indent),
            '    ',
            str(context.call((undefined(name='fields_dict') if l_0_fields_dict is missing else l_0_fields_dict), environment.getattr(l_1_model, 'required_fields'), False, str_join((l_1_indent, '    ', )))),
            ',\n',
            str(l_1_indent),
            '    optional=_when_shallow(\n',
            str(l_1_indent),
            '        depth,\n',
            str(l_1_indent),
            '        ',
            str(context.call((undefined(name='fields_dict') if l_0_fields_dict is missing else l_0_fields_dict), environment.getattr(l_1_model, 'optional_fields'), True, str_join((l_1_indent, '        ', )))),
            ',\n',
            str(l_1_indent),
            '    ),\n',
            str(l_1_indent),
            ')',
        ))
        if environment.getattr(l_1_model, 'optional_one_of_fields'):
            pass
            t_11.append(
                '.map(_present)',
            )
        return concat(t_11)
    context.exported_vars.add('fixed_dictionaries')
    context.vars['fixed_dictionaries'] = l_0_fixed_dictionaries = Macro(environment, macro, 'fixed_dictionaries', ('model', 'indent'), False, False, False, context.eval_ctx.autoescape)
    for l_1_model in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'):
        _loop_vars = {}
        pass
        yield '\n\n'
        yield str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), str_join(('def ', environment.getattr(l_1_model, 'strategy_name'), )), 'depth: int = 0', str_join(('st.SearchStrategy[', environment.getattr(l_1_model, 'class_name'), ']', )), _loop_vars=_loop_vars))
        yield '\n    '
        yield str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('Instances of ', environment.getattr(l_1_model, 'class_name'), '.', )), 4, _loop_vars=_loop_vars))
        yield '\n    return st.builds(\n        '
        yield str(environment.getattr(l_1_model, 'class_name'))
        yield ',\n'
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            l_2_lead = missing
            _loop_vars = {}
            pass
            l_2_lead = ((8 + t_3(environment.getattr(l_2_field, 'py_name'))) + 1)
            _loop_vars['lead'] = l_2_lead
            yield '        '
            yield str(environment.getattr(l_2_field, 'py_name'))
            yield '='
            yield str((context.call((undefined(name='instance') if l_0_instance is missing else l_0_instance), environment.getattr(l_2_field, 'type'), '        ', (undefined(name='lead') if l_2_lead is missing else l_2_lead), 1, _loop_vars=_loop_vars) if environment.getattr(l_2_field, 'required') else context.call((undefined(name='optional_instance') if l_0_optional_instance is missing else l_0_optional_instance), environment.getattr(l_2_field, 'type'), '        ', (undefined(name='lead') if l_2_lead is missing else l_2_lead), 1, _loop_vars=_loop_vars)))
            yield ',\n'
        l_2_field = l_2_lead = missing
        if environment.getattr(l_1_model, 'additional'):
            pass
            yield '        '
            yield str(environment.getattr(l_1_model, 'additional_py_name'))
            yield '='
            yield str(context.call((undefined(name='extras') if l_0_extras is missing else l_0_extras), l_1_model, context.call((undefined(name='instance') if l_0_instance is missing else l_0_instance), environment.getattr(environment.getattr(l_1_model, 'additional'), 'item'), '            ', 12, 1, _loop_vars=_loop_vars), '        ', _loop_vars=_loop_vars))
            yield ',\n'
        yield '    )\n\n\n'
        yield str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), str_join(('def ', environment.getattr(l_1_model, 'json_strategy_name'), )), 'depth: int = 0', 'st.SearchStrategy[dict[str, Any]]', _loop_vars=_loop_vars))
        yield '\n    '
        yield str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('JSON values valid against the schema of ', environment.getattr(l_1_model, 'class_name'), '.', )), 4, _loop_vars=_loop_vars))
        yield '\n'
        if environment.getattr(l_1_model, 'additional'):
            pass
            yield '    return _with_extras(\n        '
            yield str(context.call((undefined(name='fixed_dictionaries') if l_0_fixed_dictionaries is missing else l_0_fixed_dictionaries), l_1_model, '        ', _loop_vars=_loop_vars))
            yield ',\n        '
            yield str(context.call((undefined(name='extras') if l_0_extras is missing else l_0_extras), l_1_model, context.call((undefined(name='wire') if l_0_wire is missing else l_0_wire), environment.getattr(environment.getattr(l_1_model, 'additional'), 'item'), '            ', 12, 1, _loop_vars=_loop_vars), '        ', _loop_vars=_loop_vars))
            yield ',\n    )\n'
        else:
            pass
            yield '    return '
            yield str(context.call((undefined(name='fixed_dictionaries') if l_0_fixed_dictionaries is missing else l_0_fixed_dictionaries), l_1_model, '    ', _loop_vars=_loop_vars))
            yield '\n'
    l_1_model = missing
    yield from context.blocks['footer'][0](context)

def block_header(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_api = resolve('api')
    try:
        t_12 = environment.filters['doc_inline']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'doc_inline' found.")
    pass
    yield '"""Hypothesis strategies for every model of '
    yield str(t_12(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
    yield '.\n\nFor each model there are two: `<model>()` draws instances, and `<model>_json()` draws\nJSON values that are valid against the model\'s schema (formats and constraints included).\nUse them to fuzz code that consumes this API. Needs `hypothesis`, which the package does\nnot otherwise import.\n"""\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'footer': block_footer}
debug_info = '1=43&2=58&17=60&25=64&27=67&28=71&33=76&35=79&36=83&38=86&39=90&374=95&376=102&377=105&380=112&381=116&383=123&386=129&390=137&391=138&392=140&394=141&395=142&396=144&398=145&399=147&401=149&403=154&407=164&408=165&409=168&411=173&412=175&413=178&414=182&416=189&417=191&422=197&424=208&425=210&426=214&427=218&429=224&430=233&432=238&433=242&434=244&435=247&437=256&442=267&444=276&445=280&446=282&447=284&448=288&449=290&451=301&454=305&455=307&457=309&458=311&459=315&460=318&462=323&463=326&468=331&469=333&470=335&472=338&473=340&476=345&479=348&2=350&3=366&479=369'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "b596a11c30c90452500dfa07d36c5ff6d2846c9ab1824e8c187f9ebf8ed44bd0", "template": "package/strategies.py.j2"}'
