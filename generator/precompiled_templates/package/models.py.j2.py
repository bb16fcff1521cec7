from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/models.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_api = resolve('api')
    l_0_careful = l_0_decode = l_0_encode = l_0_read = l_0_admits = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    try:
        t_4 = environment.tests['sameas']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'sameas' found.")
    pass
    included_template = environment.get_template('package/_codecs.j2', 'package/models.py.j2')._get_default_module(context)
    l_0_careful = getattr(included_template, 'careful', missing)
    if l_0_careful is missing:
        l_0_careful = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/models.py.j2') does not export the requested name 'careful'", name='careful')
    l_0_decode = getattr(included_template, 'decode', missing)
    if l_0_decode is missing:
        l_0_decode = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/models.py.j2') does not export the requested name 'decode'", name='decode')
    l_0_encode = getattr(included_template, 'encode', missing)
    if l_0_encode is missing:
        l_0_encode = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/models.py.j2') does not export the requested name 'encode'", name='encode')
    l_0_read = getattr(included_template, 'read', missing)
    if l_0_read is missing:
        l_0_read = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/models.py.j2') does not export the requested name 'read'", name='read')
    context.vars.update({'careful': l_0_careful, 'decode': l_0_decode, 'encode': l_0_encode, 'read': l_0_read})
    context.exported_vars.difference_update(('careful', 'decode', 'encode', 'read'))
    def macro(l_1_variant):
        t_5 = []
        if l_1_variant is missing:
            l_1_variant = undefined("parameter 'variant' was not provided", name='variant')
        pass
        if environment.getattr(l_1_variant, 'guards'):
            pass
            t_5.append(
                'isinstance(value, dict)',
            )
            for (l_2_name, l_2_allowed) in environment.getattr(l_1_variant, 'guards'):
                _loop_vars = {}
                pass
                t_5.extend((
                    ' and value.get(',
                    str(t_3(l_2_name)),
                    ') ',
                    str(('is' if (t_4(l_2_allowed, True) or t_4(l_2_allowed, False)) else '==')),
                    ' ',
                    str(t_3(l_2_allowed)),
                ))
            l_2_name = l_2_allowed = missing
            if environment.getattr(l_1_variant, 'closed'):
                pass
                t_5.extend((
                    ' and value.keys() <= ',
                    str(environment.getattr(l_1_variant, 'target')),
                    '._WIRE_NAMES',
                ))
        else:
            pass
            t_5.extend((
                'not isinstance(value, dict) or value.keys() <= ',
                str(environment.getattr(l_1_variant, 'target')),
                '._WIRE_NAMES',
            ))
        return concat(t_5)
    context.exported_vars.add('admits')
    context.vars['admits'] = l_0_admits = Macro(environment, macro, 'admits', ('variant',), False, False, False, context.eval_ctx.autoescape)
    yield from context.blocks['header'][0](context)
    yield '\n'
    yield from context.blocks['imports'][0](context)
    yield '\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'):
        pass
        yield '__all__ = [\n'
        for l_1_model in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(t_3(environment.getattr(l_1_model, 'class_name')))
            yield ',\n'
        l_1_model = missing
        yield ']\n'
    else:
        pass
        yield '__all__: list[str] = []\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'):
        pass
        yield "\n# For the fast path of from_dict, which looks each up once per call: a module global is found\n# faster than a class's attribute. `object.__new__` makes a model without running `__init__`;\n# each enum that a field holds has its value-to-member map here.\n_object_new = object.__new__\n"
        for l_1_name in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'fast_path_enums'):
            _loop_vars = {}
            pass
            yield '_'
            yield str(l_1_name)
            yield '_values = '
            yield str(l_1_name)
            yield '._value2member_map_\n'
        l_1_name = missing
    l_1_loop = missing
    for l_1_model, l_1_loop in LoopContext(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'), undefined):
        _loop_vars = {}
        pass
        yield '\n\n'
        yield from context.blocks['model'][0](context.derived({'loop': l_1_loop, 'model': l_1_model, 'admits': l_0_admits, 'careful': l_0_careful, 'decode': l_0_decode, 'encode': l_0_encode, 'read': l_0_read}))
    l_1_loop = l_1_model = missing
    l_1_loop = missing
    for l_1_codec, l_1_loop in LoopContext(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'codecs'), undefined):
        _loop_vars = {}
        pass
        yield '\n\ndef '
        yield str(environment.getattr(l_1_codec, 'decoder'))
        yield '(\n    value: object,\n) -> '
        yield str(environment.getattr(l_1_codec, 'annotation'))
        yield ':\n'
        if (environment.getattr(l_1_codec, 'kind') == 'array'):
            pass
            yield '    if not isinstance(value, list):\n        fail("array", value)\n    result: '
            yield str(environment.getattr(l_1_codec, 'annotation'))
            yield ' = []\n    for index, item in enumerate(value):\n        try:\n            result.append('
            yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), environment.getattr(l_1_codec, 'item'), 'item', _loop_vars=_loop_vars))
            yield ')\n        except DeserializationError as exc:\n            raise exc.at_index(index) from None\n    return result\n'
        elif (environment.getattr(l_1_codec, 'kind') == 'map'):
            pass
            yield '    if not isinstance(value, dict):\n        fail("object", value)\n    result: '
            yield str(environment.getattr(l_1_codec, 'annotation'))
            yield ' = {}\n    for key, item in value.items():\n        try:\n            result[key] = '
            yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), environment.getattr(l_1_codec, 'item'), 'item', _loop_vars=_loop_vars))
            yield '\n        except DeserializationError as exc:\n            raise exc.at_key(key) from None\n    return result\n'
        elif environment.getattr(l_1_codec, 'discriminator'):
            pass
            yield '    tag = value.get('
            yield str(t_3(environment.getattr(l_1_codec, 'discriminator')))
            yield ') if isinstance(value, dict) else None\n'
            for l_2_case in environment.getattr(l_1_codec, 'discriminator_mapping'):
                _loop_vars = {}
                pass
                yield '    if tag == '
                yield str(t_3(environment.getattr(l_2_case, 'value')))
                yield ':\n        return '
                yield str(environment.getattr(l_2_case, 'target'))
                yield '.from_dict(value)\n'
            l_2_case = missing
            yield '    raise DeserializationError('
            yield str(t_3(str_join(('expected an object whose ', environment.getattr(l_1_codec, 'discriminator'), ' is one of: ', t_1(context.eval_ctx, t_2(context, environment.getattr(l_1_codec, 'discriminator_mapping'), attribute='value'), ', '), ))))
            yield ')\n'
        else:
            pass
            for l_2_variant in environment.getattr(l_1_codec, 'variants'):
                _loop_vars = {}
                pass
                if (environment.getattr(l_2_variant, 'closed') or environment.getattr(l_2_variant, 'guards')):
                    pass
                    yield '    if '
                    yield str(context.call((undefined(name='admits') if l_0_admits is missing else l_0_admits), l_2_variant, _loop_vars=_loop_vars))
                    yield ':\n        try:\n            return '
                    yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), l_2_variant, 'value', _loop_vars=_loop_vars))
                    yield '\n        except DeserializationError:\n            pass\n'
                else:
                    pass
                    yield '    try:\n        return '
                    yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), l_2_variant, 'value', _loop_vars=_loop_vars))
                    yield '\n    except DeserializationError:\n        pass\n'
            l_2_variant = missing
            def t_6(fiter):
                for l_2_variant in fiter:
                    if environment.getattr(l_2_variant, 'closed'):
                        yield l_2_variant
            l_2_loop = missing
            for l_2_variant, l_2_loop in LoopContext(t_6(environment.getattr(l_1_codec, 'variants')), undefined):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_loop, 'first'):
                    pass
                    yield '    # A closed model ruled out above by a key it does not declare: read it leniently.\n'
                yield '    try:\n        return '
                yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), l_2_variant, 'value', _loop_vars=_loop_vars))
                yield '\n    except DeserializationError:\n        pass\n'
            l_2_loop = l_2_variant = missing
            yield '    no_variant_reads(value, '
            yield str(environment.getattr(l_1_codec, 'decoder'))
            yield ')\n'
        if environment.getattr(l_1_codec, 'counter'):
            pass
            yield '\n\ndef '
            yield str(environment.getattr(l_1_codec, 'counter'))
            yield '(\n    value: object,\n) -> int:\n    """How many variants read `value`: a `oneOf` value is read by exactly one."""\n    count = 0\n'
            for l_2_variant in environment.getattr(l_1_codec, 'variants'):
                _loop_vars = {}
                pass
                if (environment.getattr(l_2_variant, 'kind') == 'any'):
                    pass
                    yield '    count += 1\n'
                elif (environment.getattr(l_2_variant, 'closed') or environment.getattr(l_2_variant, 'guards')):
                    pass
                    yield '    if '
                    yield str(context.call((undefined(name='admits') if l_0_admits is missing else l_0_admits), l_2_variant, _loop_vars=_loop_vars))
                    yield ':\n        try:\n            '
                    yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), l_2_variant, 'value', _loop_vars=_loop_vars))
                    yield '\n            count += 1\n        except DeserializationError:\n            pass\n'
                else:
                    pass
                    yield '    try:\n        '
                    yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), l_2_variant, 'value', _loop_vars=_loop_vars))
                    yield '\n        count += 1\n    except DeserializationError:\n        pass\n'
            l_2_variant = missing
            yield '    return count\n'
        if (environment.getattr(l_1_codec, 'kind') == 'union'):
            pass
            yield '\n\ndef '
            yield str(environment.getattr(l_1_codec, 'encoder'))
            yield '(\n    value: '
            yield str(environment.getattr(l_1_codec, 'annotation'))
            yield ',\n) -> Any:\n'
            for l_2_case in environment.getattr(l_1_codec, 'encode_cases'):
                _loop_vars = {}
                pass
                yield '    if isinstance(value, '
                yield str(environment.getattr(l_2_case, 'runtime_class'))
                yield '):\n        return '
                yield str((context.call((undefined(name='encode') if l_0_encode is missing else l_0_encode), environment.getattr(l_2_case, 'variant'), 'value', _loop_vars=_loop_vars) if environment.getattr(l_2_case, 'variant') else 'to_json(value)'))
                yield '\n'
            l_2_case = missing
            if (environment.getattr(environment.getitem(environment.getattr(l_1_codec, 'encode_order'), -1), 'kind') == 'any'):
                pass
                yield '    return value\n'
            else:
                pass
                yield '    raise cannot_encode(value, '
                yield str(environment.getattr(l_1_codec, 'encoder'))
                yield ')\n'
    l_1_loop = l_1_codec = missing
    l_1_loop = missing
    for l_1_model, l_1_loop in LoopContext(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'), undefined):
        _loop_vars = {}
        pass
        if environment.getattr(l_1_loop, 'first'):
            pass
            yield "\n\n# The careful decoders of each model's fields, for `decode_fields`.\n"
        if (not environment.getattr(l_1_model, 'fields')):
            pass
            yield str(environment.getattr(l_1_model, 'class_name'))
            yield '._FIELDS = ()\n'
        else:
            pass
            yield str(environment.getattr(l_1_model, 'class_name'))
            yield '._FIELDS = (\n'
            for l_2_field in environment.getattr(l_1_model, 'fields'):
                _loop_vars = {}
                pass
                yield '    (\n        '
                yield str(t_3(environment.getattr(l_2_field, 'py_name')))
                yield ',\n        '
                yield str(t_3(environment.getattr(l_2_field, 'wire_name')))
                yield ',\n        '
                yield str(t_3(environment.getattr(l_2_field, 'required')))
                yield ',\n        '
                yield str(t_3(environment.getattr(environment.getattr(l_2_field, 'type'), 'nullable')))
                yield ',\n        '
                yield str(context.call((undefined(name='careful') if l_0_careful is missing else l_0_careful), environment.getattr(l_2_field, 'type'), _loop_vars=_loop_vars))
                yield ',\n    ),\n'
            l_2_field = missing
            yield ')\n'
    l_1_loop = l_1_model = missing
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
        t_7 = environment.filters['doc_inline']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'doc_inline' found.")
    pass
    yield '"""Data models of '
    yield str(t_7(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
    yield '.\n\nGenerated by clientgen from the API description; do not edit by hand. Each model is a\ndataclass with `from_dict` (JSON → model, type-checked) and `to_dict` (model → JSON).\n"""\n'

def block_imports(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_api = resolve('api')
    try:
        t_8 = environment.filters['import_order']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'import_order' found.")
    pass
    yield 'from __future__ import annotations\n'
    if (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models') or environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'codecs')):
        pass
        yield '\n'
        for l_1_line in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_stdlib_imports'):
            _loop_vars = {}
            pass
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
        if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_stdlib_imports'):
            pass
            yield '\n'
        yield 'from ._runtime import (\n'
        for l_1_name in t_8(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_runtime_imports')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        yield ')\n'
        if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_enum_names'):
            pass
            yield 'from .enums import (\n'
            for l_1_name in t_8(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_enum_names')):
                _loop_vars = {}
                pass
                yield '    '
                yield str(l_1_name)
                yield ',\n'
            l_1_name = missing
            yield ')\n'
        if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models_catch_deserialization_errors'):
            pass
            yield 'from .errors import DeserializationError\n'

def block_model(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_model = resolve('model')
    l_0_decode = resolve('decode')
    l_0_encode = resolve('encode')
    try:
        t_9 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_10 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    try:
        t_11 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    pass
    yield from context.blocks['model_decorators'][0](context.derived({}))
    yield 'class '
    yield str(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'class_name'))
    yield from context.blocks['model_bases'][0](context.derived({}))
    yield ':\n    '
    yield str(t_9((environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'description') or environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'class_name')), 4))
    yield '\n'
    for l_1_field in environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'fields'):
        _loop_vars = {}
        pass
        yield '\n    '
        yield str(environment.getattr(l_1_field, 'py_name'))
        yield ': '
        yield str(environment.getattr(l_1_field, 'annotation'))
        if (not environment.getattr(l_1_field, 'required')):
            pass
            yield ' = UNSET'
        yield '\n'
        if environment.getattr(l_1_field, 'description'):
            pass
            yield '    '
            yield str(t_9(environment.getattr(l_1_field, 'description'), 4))
            yield '\n'
    l_1_field = missing
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional'):
        pass
        yield '\n    '
        yield str(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional_py_name'))
        yield ': '
        yield str(environment.getattr(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional'), 'annotation'))
        yield ' = _field(default_factory=dict)\n    """Keys the schema does not declare, kept as they came and written back by `to_dict`."""\n'
    yield '\n    _FIELDS: ClassVar[FieldTable]\n    """Per field: name, wire name, required, nullable, and the careful decoder (set at the\n    end of the module, where every model and decoder it names exists)."""\n'
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'closed'):
        pass
        yield '\n    _WIRE_NAMES: ClassVar[frozenset[str]] = frozenset('
        yield str(t_3(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'wire_names')))
        yield ')\n    """The only keys its schema allows (`additionalProperties: false`)."""\n'
    yield '\n    @classmethod\n    def from_dict(\n        cls,\n        data: Any,\n    ) -> '
    yield str(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'class_name'))
    yield ':\n        """Decode from JSON (a dict keyed by wire names), checking every type.\n\n        Raises:\n            DeserializationError: `data` does not match the schema; the message names the\n                JSON path of the offending field.\n        """\n        try:\n'
    if (not environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'required_fields')):
        pass
        yield '            if type(data) is not dict:\n                raise TypeError\n'
    yield '            instance = _object_new(cls)\n'
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'fields'):
        pass
        yield '            _r: Any\n'
    for l_1_field in environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'fields'):
        l_1_read = resolve('read')
        l_1_api = resolve('api')
        _loop_vars = {}
        pass
        if environment.getattr(l_1_field, 'required'):
            pass
            yield '            _r = data['
            yield str(t_3(environment.getattr(l_1_field, 'wire_name')))
            yield ']\n'
        else:
            pass
            yield '            _r = data.get('
            yield str(t_3(environment.getattr(l_1_field, 'wire_name')))
            yield ', UNSET)\n'
        yield str(context.call((undefined(name='read') if l_1_read is missing else l_1_read), environment.getattr(l_1_field, 'type'), (not environment.getattr(l_1_field, 'required')), '            ', environment.getattr((undefined(name='api') if l_1_api is missing else l_1_api), 'integer_enums'), _loop_vars=_loop_vars))
        yield '            instance.'
        yield str(environment.getattr(l_1_field, 'py_name'))
        yield ' = _r\n'
    l_1_field = l_1_read = l_1_api = missing
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional'):
        pass
        yield '            instance.'
        yield str(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional_py_name'))
        yield ' = '
        yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional'), str_join(('{_k: _v for _k, _v in data.items() if _k not in ', t_3(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'wire_names')), '}', )), _block_vars=_block_vars))
        yield '\n'
    yield '            return instance\n        except (LookupError, TypeError, ValueError, AttributeError):\n            # (DeserializationError is a ValueError.) The careful path names the JSON\n            # path of a bad value, and reads forms the fast path leaves to it: a float\n            # that is an integer, an enum value the spec does not list.\n            fields = decode_fields(cls.__name__, data, cls._FIELDS)\n'
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional'):
        pass
        yield '            try:\n                fields['
        yield str(t_3(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional_py_name')))
        yield '] = '
        yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional'), str_join(('{_k: _v for _k, _v in data.items() if _k not in ', t_3(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'wire_names')), '}', )), _block_vars=_block_vars))
        yield '\n            except DeserializationError as exc:\n                raise exc.at('
        yield str(t_3(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'class_name')))
        yield ', "") from None\n'
    yield '            return cls(**fields)\n\n    def to_dict(self) -> dict[str, Any]:\n        """Encode as JSON: a dict by wire names; absent optional fields are left out."""\n'
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional'):
        pass
        yield '        result: dict[str, Any] = '
        yield str(context.call((undefined(name='encode') if l_0_encode is missing else l_0_encode), environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional'), str_join(('self.', environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'additional_py_name'), )), _block_vars=_block_vars))
        yield '\n'
    else:
        pass
        yield '        result: dict[str, Any] = {}\n'
    if (t_10(context.eval_ctx, t_11(context, environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'fields'), 'type.json_native')) or environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'optional_fields')):
        pass
        yield '        _v: Any\n'
    for l_1_field in environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'required_fields'):
        _loop_vars = {}
        pass
        if environment.getattr(environment.getattr(l_1_field, 'type'), 'json_native'):
            pass
            yield '        result['
            yield str(t_3(environment.getattr(l_1_field, 'wire_name')))
            yield '] = self.'
            yield str(environment.getattr(l_1_field, 'py_name'))
            yield '\n'
        else:
            pass
            yield '        _v = self.'
            yield str(environment.getattr(l_1_field, 'py_name'))
            yield '\n        result['
            yield str(t_3(environment.getattr(l_1_field, 'wire_name')))
            yield '] = '
            yield str(context.call((undefined(name='encode') if l_0_encode is missing else l_0_encode), environment.getattr(l_1_field, 'type'), '_v', _loop_vars=_loop_vars))
            yield '\n'
    l_1_field = missing
    for l_1_field in environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'optional_fields'):
        _loop_vars = {}
        pass
        yield '        _v = self.'
        yield str(environment.getattr(l_1_field, 'py_name'))
        yield '\n        if _v is not UNSET:\n            result['
        yield str(t_3(environment.getattr(l_1_field, 'wire_name')))
        yield '] = '
        yield str(context.call((undefined(name='encode') if l_0_encode is missing else l_0_encode), environment.getattr(l_1_field, 'type'), '_v', _loop_vars=_loop_vars))
        yield '\n'
    l_1_field = missing
    yield '        return result\n'
    yield from context.blocks['model_members'][0](context.derived({}))

def block_model_decorators(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '@dataclass(slots=True, kw_only=True)\n'

def block_model_bases(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_model_members(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'imports': block_imports, 'model': block_model, 'model_decorators': block_model_decorators, 'model_bases': block_model_bases, 'model_members': block_model_members, 'footer': block_footer}
debug_info = '1=37&2=52&3=57&5=91&13=93&41=95&43=98&44=102&50=109&56=112&57=116&60=122&63=126&164=129&167=133&169=135&170=137&173=140&176=142&180=144&183=147&186=149&190=151&191=154&192=156&193=160&194=162&196=166&198=170&199=173&200=176&202=178&207=183&212=186&213=194&217=198&221=202&223=204&226=207&231=209&232=212&234=215&235=218&237=220&243=225&251=229&254=232&255=234&257=236&258=240&259=242&261=245&264=251&268=255&269=258&274=261&275=263&277=267&278=269&280=273&281=275&282=277&283=279&284=281&290=286&5=288&6=304&13=307&15=323&17=326&18=329&20=332&24=336&25=340&28=344&30=347&31=351&35=355&63=359&64=394&67=396&68=399&69=401&71=405&73=412&74=415&77=418&79=421&86=426&88=429&96=432&104=434&109=438&112=441&113=446&114=449&116=454&118=456&120=461&121=464&129=469&131=472&133=476&139=479&140=482&144=487&147=490&148=493&149=496&151=503&152=505&155=510&156=514&158=516&161=522&64=524&67=534&161=543&290=552'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "9d6edcdc09936a23058823be0734c90b6ecaaadaeceb96b93b6654cb01709e19", "template": "package/models.py.j2"}'
