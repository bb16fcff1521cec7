from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/_strategies.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_flat = l_0_lay = l_0__call = l_0__n_string = l_0__n_number = l_0__n_list = l_0__n_dict = l_0__n_deferred = l_0__n_instance = l_0__n_instance_value = l_0__n_wire = l_0__n_optional_wire = l_0__n_union_wire = l_0__n_wire_value = l_0_instance = l_0_optional_instance = l_0_wire = l_0_optional_wire = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_4 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    try:
        t_5 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_6 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    try:
        t_7 = environment.tests['string']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'string' found.")
    pass
    def macro(l_1_node):
        t_8 = []
        if l_1_node is missing:
            l_1_node = undefined("parameter 'node' was not provided", name='node')
        pass
        if t_7(l_1_node):
            pass
            t_8.append(
                str(l_1_node),
            )
        elif ('values_of' in l_1_node):
            pass
            t_8.extend((
                '[member.value for member in ',
                str(environment.getattr(l_1_node, 'values_of')),
                ']',
            ))
        else:
            pass
            t_8.extend((
                str(environment.getattr(l_1_node, 'head')),
                '(',
            ))
            l_2_loop = missing
            for l_2_arg, l_2_loop in LoopContext(environment.getattr(l_1_node, 'args'), undefined):
                _loop_vars = {}
                pass
                t_8.extend((
                    str(context.call((undefined(name='flat') if l_0_flat is missing else l_0_flat), l_2_arg, _loop_vars=_loop_vars)),
                    str((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 19 in 'package/_strategies.j2' evaluated to false and no else section was defined."))),
                ))
            l_2_loop = l_2_arg = missing
            t_8.append(
                ')',
            )
        return concat(t_8)
    context.exported_vars.add('flat')
    context.vars['flat'] = l_0_flat = Macro(environment, macro, 'flat', ('node',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_node, l_1_indent, l_1_lead, l_1_tail):
        t_9 = []
        l_1_inner = resolve('inner')
        l_1_flats = resolve('flats')
        l_1_body = resolve('body')
        l_1_one = missing
        if l_1_node is missing:
            l_1_node = undefined("parameter 'node' was not provided", name='node')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        if l_1_lead is missing:
            l_1_lead = undefined("parameter 'lead' was not provided", name='lead')
        if l_1_tail is missing:
            l_1_tail = undefined("parameter 'tail' was not provided", name='tail')
        pass
        l_1_one = context.call((undefined(name='flat') if l_0_flat is missing else l_0_flat), l_1_node)
        if ((t_7(l_1_node) or (((l_1_lead + t_2((undefined(name='one') if l_1_one is missing else l_1_one))) + l_1_tail) <= 88)) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))):
            pass
            t_9.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif ('values_of' in l_1_node):
            pass
            l_1_inner = str_join((l_1_indent, '    ', ))
            t_9.append(
                '[\n',
            )
            if (((t_2((undefined(name='inner') if l_1_inner is missing else l_1_inner)) + t_2((undefined(name='one') if l_1_one is missing else l_1_one))) - 2) <= 88):
                pass
                t_9.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    str((undefined(name='one') if l_1_one is missing else l_1_one)[1:-1]),
                    '\n',
                ))
            else:
                pass
                t_9.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    'member.value\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    'for member in ',
                    str(environment.getattr(l_1_node, 'values_of')),
                    '\n',
                ))
            t_9.extend((
                str(l_1_indent),
                ']',
            ))
        elif ((((l_1_lead + t_2(environment.getattr(l_1_node, 'head'))) + 1) > 88) and ('(' in environment.getattr(l_1_node, 'head'))):
            pass
            t_9.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        else:
            pass
            l_1_inner = str_join((l_1_indent, '    ', ))
            l_1_flats = []
            for l_2_arg in environment.getattr(l_1_node, 'args'):
                l_2__ = missing
                _loop_vars = {}
                pass
                l_2__ = context.call(environment.getattr((undefined(name='flats') if l_1_flats is missing else l_1_flats), 'append'), context.call((undefined(name='flat') if l_0_flat is missing else l_0_flat), l_2_arg, _loop_vars=_loop_vars), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            l_2_arg = l_2__ = missing
            l_1_body = t_1(context.eval_ctx, (undefined(name='flats') if l_1_flats is missing else l_1_flats), ', ')
            if ((t_2((undefined(name='inner') if l_1_inner is missing else l_1_inner)) + t_2((undefined(name='body') if l_1_body is missing else l_1_body))) <= 88):
                pass
                t_9.extend((
                    str(environment.getattr(l_1_node, 'head')),
                    '(\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    str((undefined(name='body') if l_1_body is missing else l_1_body)),
                    '\n',
                    str(l_1_indent),
                    ')',
                ))
            elif (t_2(environment.getattr(l_1_node, 'args')) == 1):
                pass
                t_9.extend((
                    str(environment.getattr(l_1_node, 'head')),
                    '(\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    str(context.call((undefined(name='lay') if l_0_lay is missing else l_0_lay), environment.getitem(environment.getattr(l_1_node, 'args'), 0), (undefined(name='inner') if l_1_inner is missing else l_1_inner), t_2((undefined(name='inner') if l_1_inner is missing else l_1_inner)), 0)),
                    '\n',
                    str(l_1_indent),
                    ')',
                ))
            else:
                pass
                t_9.extend((
                    str(environment.getattr(l_1_node, 'head')),
                    '(\n',
                ))
                for l_2_arg in environment.getattr(l_1_node, 'args'):
                    _loop_vars = {}
                    pass
                    t_9.extend((
                        str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                        str(context.call((undefined(name='lay') if l_0_lay is missing else l_0_lay), l_2_arg, (undefined(name='inner') if l_1_inner is missing else l_1_inner), t_2((undefined(name='inner') if l_1_inner is missing else l_1_inner)), 1, _loop_vars=_loop_vars)),
                        ',\n',
                    ))
                l_2_arg = missing
                t_9.extend((
                    str(l_1_indent),
                    ')',
                ))
        return concat(t_9)
    context.exported_vars.add('lay')
    context.vars['lay'] = l_0_lay = Macro(environment, macro, 'lay', ('node', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_head, l_1_args, l_1_out):
        t_10 = []
        l_1__ = missing
        if l_1_head is missing:
            l_1_head = undefined("parameter 'head' was not provided", name='head')
        if l_1_args is missing:
            l_1_args = undefined("parameter 'args' was not provided", name='args')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1__ = context.call(environment.getattr(l_1_out, 'append'), ({'head': l_1_head, 'args': l_1_args} if l_1_args else str_join((l_1_head, '()', ))))
        return concat(t_10)
    context.vars['_call'] = l_0__call = Macro(environment, macro, '_call', ('head', 'args', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_11 = []
        l_1_c = l_1_args = l_1__ = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1_c = environment.getattr(l_1_t, 'constraints')
        l_1_args = [(str_join(('min_size=', environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'), )) if (not t_6(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'))) else ''), (str_join(('max_size=', environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length'), )) if (not t_6(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length'))) else ''), (str_join(('pattern=', t_4(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern')), )) if (not t_6(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern'))) else ''), (str_join(('fmt=', t_4(environment.getattr(l_1_t, 'format')), )) if environment.getattr(l_1_t, 'format') else '')]
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_text', t_3(context.eval_ctx, t_5(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_out)
        return concat(t_11)
    context.vars['_n_string'] = l_0__n_string = Macro(environment, macro, '_n_string', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_kind, l_1_t, l_1_out):
        t_12 = []
        l_1_c = l_1_args = l_1__ = missing
        if l_1_kind is missing:
            l_1_kind = undefined("parameter 'kind' was not provided", name='kind')
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1_c = environment.getattr(l_1_t, 'constraints')
        l_1_args = [(str_join(('minimum=', t_4(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum')), )) if (not t_6(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) else ''), (str_join(('exclusive_minimum=', t_4(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'exclusive_minimum')), )) if (not t_6(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) else ''), (str_join(('maximum=', t_4(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum')), )) if (not t_6(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))) else ''), (str_join(('exclusive_maximum=', t_4(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'exclusive_maximum')), )) if (not t_6(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))) else ''), (str_join(('bits=', (32 if (environment.getattr(l_1_t, 'format') == 'int32') else 64), )) if ((l_1_kind == 'integer') and (environment.getattr(l_1_t, 'format') in ('int32', 'int64'))) else '')]
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), ('_integers' if (l_1_kind == 'integer') else '_floats'), t_3(context.eval_ctx, t_5(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_out)
        return concat(t_12)
    context.vars['_n_number'] = l_0__n_number = Macro(environment, macro, '_n_number', ('kind', 't', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_inner, l_1_c, l_1_out, l_1_unique):
        t_13 = []
        l_1_args = l_1__ = missing
        if l_1_inner is missing:
            l_1_inner = undefined("parameter 'inner' was not provided", name='inner')
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        if l_1_unique is missing:
            l_1_unique = False
        pass
        l_1_args = ['depth', l_1_inner, (str_join(('min_size=', environment.getattr(l_1_c, 'min_items'), )) if (not t_6(environment.getattr(l_1_c, 'min_items'))) else ''), (str_join(('max_size=', environment.getattr(l_1_c, 'max_items'), )) if (not t_6(environment.getattr(l_1_c, 'max_items'))) else ''), ('unique=True' if (l_1_unique and environment.getattr(l_1_c, 'unique_items')) else '')]
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_lists', t_3(context.eval_ctx, t_5(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_out)
        return concat(t_13)
    context.vars['_n_list'] = l_0__n_list = Macro(environment, macro, '_n_list', ('inner', 'c', 'out', 'unique'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_inner, l_1_c, l_1_out):
        t_14 = []
        l_1_args = l_1__ = missing
        if l_1_inner is missing:
            l_1_inner = undefined("parameter 'inner' was not provided", name='inner')
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1_args = ['depth', l_1_inner, (str_join(('min_size=', environment.getattr(l_1_c, 'min_properties'), )) if (not t_6(environment.getattr(l_1_c, 'min_properties'))) else ''), (str_join(('max_size=', environment.getattr(l_1_c, 'max_properties'), )) if (not t_6(environment.getattr(l_1_c, 'max_properties'))) else '')]
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_dicts', t_3(context.eval_ctx, t_5(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_out)
        return concat(t_14)
    context.vars['_n_dict'] = l_0__n_dict = Macro(environment, macro, '_n_dict', ('inner', 'c', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_name, l_1_out, l_1_tag, l_1_discriminator, l_1_value):
        t_15 = []
        l_1__ = resolve('_')
        if l_1_name is missing:
            l_1_name = undefined("parameter 'name' was not provided", name='name')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        if l_1_tag is missing:
            l_1_tag = None
        if l_1_discriminator is missing:
            l_1_discriminator = None
        if l_1_value is missing:
            l_1_value = None
        pass
        if l_1_tag:
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), {'head': str_join(('st.deferred(lambda: ', l_1_name, '(depth + 1)).map', )), 'args': [{'head': l_1_tag, 'args': [t_4(l_1_discriminator), t_4(l_1_value)]}]})
        else:
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), {'head': 'st.deferred', 'args': [{'head': str_join(('lambda: ', l_1_name, )), 'args': ['depth + 1']}]})
        return concat(t_15)
    context.vars['_n_deferred'] = l_0__n_deferred = Macro(environment, macro, '_n_deferred', ('name', 'out', 'tag', 'discriminator', 'value'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_16 = []
        l_1_value = resolve('value')
        l_1__ = resolve('_')
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        if environment.getattr(l_1_t, 'nullable'):
            pass
            l_1_value = []
            l_1__ = context.call((undefined(name='_n_instance_value') if l_0__n_instance_value is missing else l_0__n_instance_value), l_1_t, (undefined(name='value') if l_1_value is missing else l_1_value))
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_or_none', ['depth', environment.getitem((undefined(name='value') if l_1_value is missing else l_1_value), 0)], l_1_out)
        else:
            pass
            l_1__ = context.call((undefined(name='_n_instance_value') if l_0__n_instance_value is missing else l_0__n_instance_value), l_1_t, l_1_out)
        return concat(t_16)
    context.vars['_n_instance'] = l_0__n_instance = Macro(environment, macro, '_n_instance', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_17 = []
        l_1__ = resolve('_')
        l_1_item = resolve('item')
        l_1_cases = resolve('cases')
        l_1_variants = resolve('variants')
        l_1_one_of = resolve('one_of')
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        if (environment.getattr(environment.getattr(l_1_t, 'constraints'), 'has_const') and (environment.getattr(l_1_t, 'kind') in ('string', 'integer', 'number', 'boolean'))):
            pass
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), 'st.just', [t_4(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'const'))], l_1_out)
        elif (environment.getattr(l_1_t, 'kind') == 'string'):
            pass
            l_1__ = context.call((undefined(name='_n_string') if l_0__n_string is missing else l_0__n_string), l_1_t, l_1_out)
        elif (environment.getattr(l_1_t, 'kind') in ('integer', 'number')):
            pass
            l_1__ = context.call((undefined(name='_n_number') if l_0__n_number is missing else l_0__n_number), environment.getattr(l_1_t, 'kind'), l_1_t, l_1_out)
        elif (environment.getattr(l_1_t, 'kind') == 'boolean'):
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), 'st.booleans()')
        elif (environment.getattr(l_1_t, 'kind') == 'datetime'):
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), '_aware_datetimes()')
        elif (environment.getattr(l_1_t, 'kind') == 'date'):
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), 'st.dates()')
        elif ((environment.getattr(l_1_t, 'kind') == 'enum') and environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values')):
            pass
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), str_join(('st.sampled_from(', t_4(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values')), ').map', )), [environment.getattr(l_1_t, 'target')], l_1_out)
        elif (environment.getattr(l_1_t, 'kind') == 'enum'):
            pass
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_enum_members', [environment.getattr(l_1_t, 'target')], l_1_out)
        elif (environment.getattr(l_1_t, 'kind') == 'model'):
            pass
            l_1__ = context.call((undefined(name='_n_deferred') if l_0__n_deferred is missing else l_0__n_deferred), environment.getattr(l_1_t, 'strategy'), l_1_out)
        elif (environment.getattr(l_1_t, 'kind') in ('array', 'map')):
            pass
            l_1_item = []
            l_1__ = context.call((undefined(name='_n_instance') if l_0__n_instance is missing else l_0__n_instance), environment.getattr(l_1_t, 'item'), (undefined(name='item') if l_1_item is missing else l_1_item))
            if (environment.getattr(l_1_t, 'kind') == 'array'):
                pass
                l_1__ = context.call((undefined(name='_n_list') if l_0__n_list is missing else l_0__n_list), environment.getitem((undefined(name='item') if l_1_item is missing else l_1_item), 0), environment.getattr(l_1_t, 'constraints'), l_1_out)
            else:
                pass
                l_1__ = context.call((undefined(name='_n_dict') if l_0__n_dict is missing else l_0__n_dict), environment.getitem((undefined(name='item') if l_1_item is missing else l_1_item), 0), environment.getattr(l_1_t, 'constraints'), l_1_out)
        elif ((environment.getattr(l_1_t, 'kind') == 'union') and environment.getattr(l_1_t, 'discriminator')):
            pass
            l_1_cases = []
            for l_2_case in environment.getattr(l_1_t, 'discriminator_mapping'):
                l_2__ = l_1__
                _loop_vars = {}
                pass
                l_2__ = context.call((undefined(name='_n_deferred') if l_0__n_deferred is missing else l_0__n_deferred), environment.getattr(l_2_case, 'strategy'), (undefined(name='cases') if l_1_cases is missing else l_1_cases), '_tag_instance', environment.getattr(l_1_t, 'discriminator'), environment.getattr(l_2_case, 'value'), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            l_2_case = l_2__ = missing
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), 'st.one_of', (undefined(name='cases') if l_1_cases is missing else l_1_cases), l_1_out)
        elif (environment.getattr(l_1_t, 'kind') == 'union'):
            pass
            l_1_variants = []
            for l_2_v in environment.getattr(l_1_t, 'variants'):
                l_2__ = l_1__
                _loop_vars = {}
                pass
                l_2__ = context.call((undefined(name='_n_instance') if l_0__n_instance is missing else l_0__n_instance), l_2_v, (undefined(name='variants') if l_1_variants is missing else l_1_variants), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            l_2_v = l_2__ = missing
            l_1_one_of = []
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), 'st.one_of', (undefined(name='variants') if l_1_variants is missing else l_1_variants), (undefined(name='one_of') if l_1_one_of is missing else l_1_one_of))
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_told_apart', [environment.getitem((undefined(name='one_of') if l_1_one_of is missing else l_1_one_of), 0), environment.getattr(l_1_t, 'decoder'), environment.getattr(l_1_t, 'encoder')], l_1_out)
        else:
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), '_json_values()')
        return concat(t_17)
    context.vars['_n_instance_value'] = l_0__n_instance_value = Macro(environment, macro, '_n_instance_value', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_18 = []
        l_1_value = resolve('value')
        l_1__ = resolve('_')
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        if environment.getattr(l_1_t, 'nullable'):
            pass
            l_1_value = []
            l_1__ = context.call((undefined(name='_n_wire_value') if l_0__n_wire_value is missing else l_0__n_wire_value), l_1_t, (undefined(name='value') if l_1_value is missing else l_1_value))
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_or_none', ['depth', environment.getitem((undefined(name='value') if l_1_value is missing else l_1_value), 0)], l_1_out)
        else:
            pass
            l_1__ = context.call((undefined(name='_n_wire_value') if l_0__n_wire_value is missing else l_0__n_wire_value), l_1_t, l_1_out)
        return concat(t_18)
    context.vars['_n_wire'] = l_0__n_wire = Macro(environment, macro, '_n_wire', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_19 = []
        l_1_union = resolve('union')
        l_1__ = resolve('_')
        l_1_nullable = resolve('nullable')
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        if ((environment.getattr(l_1_t, 'kind') == 'union') and environment.getattr(l_1_t, 'counter')):
            pass
            l_1_union = []
            l_1__ = context.call((undefined(name='_n_union_wire') if l_0__n_union_wire is missing else l_0__n_union_wire), l_1_t, (undefined(name='union') if l_1_union is missing else l_1_union))
            if environment.getattr(l_1_t, 'nullable'):
                pass
                l_1_nullable = []
                l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_or_none', ['depth', environment.getitem((undefined(name='union') if l_1_union is missing else l_1_union), 0)], (undefined(name='nullable') if l_1_nullable is missing else l_1_nullable))
                l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_or_absent', [environment.getitem((undefined(name='nullable') if l_1_nullable is missing else l_1_nullable), 0), environment.getattr(l_1_t, 'counter')], l_1_out)
            else:
                pass
                l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_or_absent', [environment.getitem((undefined(name='union') if l_1_union is missing else l_1_union), 0), environment.getattr(l_1_t, 'counter')], l_1_out)
        else:
            pass
            l_1__ = context.call((undefined(name='_n_wire') if l_0__n_wire is missing else l_0__n_wire), l_1_t, l_1_out)
        return concat(t_19)
    context.vars['_n_optional_wire'] = l_0__n_optional_wire = Macro(environment, macro, '_n_optional_wire', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_20 = []
        l_1_variants = l_1__ = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1_variants = []
        if environment.getattr(l_1_t, 'discriminator'):
            pass
            for l_2_case in environment.getattr(l_1_t, 'discriminator_mapping'):
                l_2__ = l_1__
                _loop_vars = {}
                pass
                l_2__ = context.call((undefined(name='_n_deferred') if l_0__n_deferred is missing else l_0__n_deferred), environment.getattr(l_2_case, 'json_strategy'), (undefined(name='variants') if l_1_variants is missing else l_1_variants), '_tag_json', environment.getattr(l_1_t, 'discriminator'), environment.getattr(l_2_case, 'value'), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            l_2_case = l_2__ = missing
        else:
            pass
            for l_2_v in environment.getattr(l_1_t, 'variants'):
                l_2__ = l_1__
                _loop_vars = {}
                pass
                l_2__ = context.call((undefined(name='_n_wire') if l_0__n_wire is missing else l_0__n_wire), l_2_v, (undefined(name='variants') if l_1_variants is missing else l_1_variants), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            l_2_v = l_2__ = missing
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), 'st.one_of', (undefined(name='variants') if l_1_variants is missing else l_1_variants), l_1_out)
        return concat(t_20)
    context.vars['_n_union_wire'] = l_0__n_union_wire = Macro(environment, macro, '_n_union_wire', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_21 = []
        l_1__ = resolve('_')
        l_1_item = resolve('item')
        l_1_union = resolve('union')
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        if (environment.getattr(l_1_t, 'kind') == 'datetime'):
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), '_datetime_texts()')
        elif (environment.getattr(l_1_t, 'kind') == 'date'):
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), 'st.dates().map(date.isoformat)')
        elif ((environment.getattr(l_1_t, 'kind') == 'enum') and environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values')):
            pass
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), 'st.sampled_from', [t_4(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values'))], l_1_out)
        elif (environment.getattr(l_1_t, 'kind') == 'enum'):
            pass
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), 'st.sampled_from', [{'values_of': environment.getattr(l_1_t, 'target')}], l_1_out)
        elif (environment.getattr(l_1_t, 'kind') == 'model'):
            pass
            l_1__ = context.call((undefined(name='_n_deferred') if l_0__n_deferred is missing else l_0__n_deferred), environment.getattr(l_1_t, 'json_strategy'), l_1_out)
        elif (((environment.getattr(l_1_t, 'kind') in ('array', 'map')) and environment.getattr(environment.getattr(l_1_t, 'item'), 'untyped')) and (not environment.getattr(environment.getattr(l_1_t, 'item'), 'nullable'))):
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), ('st.builds(list)' if (environment.getattr(l_1_t, 'kind') == 'array') else 'st.builds(dict)'))
        elif (environment.getattr(l_1_t, 'kind') in ('array', 'map')):
            pass
            l_1_item = []
            l_1__ = context.call((undefined(name='_n_wire') if l_0__n_wire is missing else l_0__n_wire), environment.getattr(l_1_t, 'item'), (undefined(name='item') if l_1_item is missing else l_1_item))
            if (environment.getattr(l_1_t, 'kind') == 'array'):
                pass
                l_1__ = context.call((undefined(name='_n_list') if l_0__n_list is missing else l_0__n_list), environment.getitem((undefined(name='item') if l_1_item is missing else l_1_item), 0), environment.getattr(l_1_t, 'constraints'), l_1_out, True)
            else:
                pass
                l_1__ = context.call((undefined(name='_n_dict') if l_0__n_dict is missing else l_0__n_dict), environment.getitem((undefined(name='item') if l_1_item is missing else l_1_item), 0), environment.getattr(l_1_t, 'constraints'), l_1_out)
        elif ((environment.getattr(l_1_t, 'kind') == 'union') and environment.getattr(l_1_t, 'counter')):
            pass
            l_1_union = []
            l_1__ = context.call((undefined(name='_n_union_wire') if l_0__n_union_wire is missing else l_0__n_union_wire), l_1_t, (undefined(name='union') if l_1_union is missing else l_1_union))
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_read_once', [environment.getitem((undefined(name='union') if l_1_union is missing else l_1_union), 0), environment.getattr(l_1_t, 'counter')], l_1_out)
        elif (environment.getattr(l_1_t, 'kind') == 'union'):
            pass
            l_1__ = context.call((undefined(name='_n_union_wire') if l_0__n_union_wire is missing else l_0__n_union_wire), l_1_t, l_1_out)
        elif environment.getattr(l_1_t, 'untyped'):
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), 'st.nothing()')
        else:
            pass
            l_1__ = context.call((undefined(name='_n_instance_value') if l_0__n_instance_value is missing else l_0__n_instance_value), l_1_t, l_1_out)
        return concat(t_21)
    context.vars['_n_wire_value'] = l_0__n_wire_value = Macro(environment, macro, '_n_wire_value', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_indent, l_1_lead, l_1_tail):
        t_22 = []
        l_1_node = l_1__ = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        if l_1_lead is missing:
            l_1_lead = undefined("parameter 'lead' was not provided", name='lead')
        if l_1_tail is missing:
            l_1_tail = undefined("parameter 'tail' was not provided", name='tail')
        pass
        l_1_node = []
        l_1__ = context.call((undefined(name='_n_instance') if l_0__n_instance is missing else l_0__n_instance), l_1_t, (undefined(name='node') if l_1_node is missing else l_1_node))
        t_22.append(
            str(context.call((undefined(name='lay') if l_0_lay is missing else l_0_lay), environment.getitem((undefined(name='node') if l_1_node is missing else l_1_node), 0), l_1_indent, l_1_lead, l_1_tail)),
        )
        return concat(t_22)
    context.exported_vars.add('instance')
    context.vars['instance'] = l_0_instance = Macro(environment, macro, 'instance', ('t', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_indent, l_1_lead, l_1_tail):
        t_23 = []
        l_1_node = l_1__ = l_1_optional = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        if l_1_lead is missing:
            l_1_lead = undefined("parameter 'lead' was not provided", name='lead')
        if l_1_tail is missing:
            l_1_tail = undefined("parameter 'tail' was not provided", name='tail')
        pass
        l_1_node = []
        l_1__ = context.call((undefined(name='_n_instance') if l_0__n_instance is missing else l_0__n_instance), l_1_t, (undefined(name='node') if l_1_node is missing else l_1_node))
        l_1_optional = []
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_optional', ['depth', environment.getitem((undefined(name='node') if l_1_node is missing else l_1_node), 0)], (undefined(name='optional') if l_1_optional is missing else l_1_optional))
        t_23.append(
            str(context.call((undefined(name='lay') if l_0_lay is missing else l_0_lay), environment.getitem((undefined(name='optional') if l_1_optional is missing else l_1_optional), 0), l_1_indent, l_1_lead, l_1_tail)),
        )
        return concat(t_23)
    context.exported_vars.add('optional_instance')
    context.vars['optional_instance'] = l_0_optional_instance = Macro(environment, macro, 'optional_instance', ('t', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_indent, l_1_lead, l_1_tail):
        t_24 = []
        l_1_node = l_1__ = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        if l_1_lead is missing:
            l_1_lead = undefined("parameter 'lead' was not provided", name='lead')
        if l_1_tail is missing:
            l_1_tail = undefined("parameter 'tail' was not provided", name='tail')
        pass
        l_1_node = []
        l_1__ = context.call((undefined(name='_n_wire') if l_0__n_wire is missing else l_0__n_wire), l_1_t, (undefined(name='node') if l_1_node is missing else l_1_node))
        t_24.append(
            str(context.call((undefined(name='lay') if l_0_lay is missing else l_0_lay), environment.getitem((undefined(name='node') if l_1_node is missing else l_1_node), 0), l_1_indent, l_1_lead, l_1_tail)),
        )
        return concat(t_24)
    context.exported_vars.add('wire')
    context.vars['wire'] = l_0_wire = Macro(environment, macro, 'wire', ('t', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_indent, l_1_lead, l_1_tail):
        t_25 = []
        l_1_node = l_1__ = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        if l_1_lead is missing:
            l_1_lead = undefined("parameter 'lead' was not provided", name='lead')
        if l_1_tail is missing:
            l_1_tail = undefined("parameter 'tail' was not provided", name='tail')
        pass
        l_1_node = []
        l_1__ = context.call((undefined(name='_n_optional_wire') if l_0__n_optional_wire is missing else l_0__n_optional_wire), l_1_t, (undefined(name='node') if l_1_node is missing else l_1_node))
        t_25.append(
            str(context.call((undefined(name='lay') if l_0_lay is missing else l_0_lay), environment.getitem((undefined(name='node') if l_1_node is missing else l_1_node), 0), l_1_indent, l_1_lead, l_1_tail)),
        )
        return concat(t_25)
    context.exported_vars.add('optional_wire')
    context.vars['optional_wire'] = l_0_optional_wire = Macro(environment, macro, 'optional_wire', ('t', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '18=54&19=59&22=93&24=108&25=109&26=112&27=114&29=116&31=120&32=123&34=130&35=132&37=138&38=141&40=144&42=148&43=149&44=150&45=154&47=157&48=158&49=161&50=163&51=166&52=169&53=172&54=174&55=177&57=183&58=186&59=190&61=196&66=203&68=213&71=217&72=225&73=226&79=227&82=231&83=241&84=242&91=243&94=247&95=259&102=260&105=264&106=274&112=275&115=279&117=293&118=295&120=298&124=302&125=311&126=313&127=314&128=315&130=318&134=322&135=334&136=336&137=337&138=339&139=340&140=342&141=343&142=345&143=346&144=348&145=349&146=351&147=352&148=354&149=355&150=357&151=358&152=360&153=361&154=363&155=364&156=365&157=367&159=370&161=371&162=373&163=374&164=378&166=381&167=382&168=384&169=385&170=389&172=392&173=393&174=394&176=397&180=401&181=410&182=412&183=413&184=414&186=417&190=421&191=431&192=433&193=434&194=435&195=437&196=438&197=439&199=442&202=445&206=449&207=457&208=458&209=460&210=464&213=469&214=473&217=476&220=480&221=490&222=492&223=493&224=495&225=496&226=498&227=499&228=501&229=502&230=504&231=505&233=507&234=508&235=510&236=511&237=512&238=514&240=517&242=518&243=520&244=521&245=522&246=523&247=525&248=526&249=528&251=531&255=535&257=547&258=548&259=550&262=556&264=568&265=569&266=570&267=571&268=573&271=579&273=591&274=592&275=594&278=600&280=612&281=613&282=615'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "cfd6f1ad1d8416c081f814c375a3305309eb100b9391d594791daac78bd1b7f8", "jinja2": "3.1.6", "source_sha256": "16e971f451c5ea4ad0e3edb25f147222e76b00fd95d445d9c4902dbea12e03d3", "template": "package/_strategies.j2"}'
