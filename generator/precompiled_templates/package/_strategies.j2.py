from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/_strategies.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__call = l_0__n_string = l_0__n_number = l_0__n_list = l_0__n_dict = l_0__n_deferred = l_0__n_instance = l_0__n_instance_value = l_0__n_wire = l_0__n_optional_wire = l_0__n_union_wire = l_0__n_wire_value = l_0_instance = l_0_optional_instance = l_0_wire = l_0_optional_wire = missing
    try:
        t_1 = environment.filters['lay']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'lay' found.")
    try:
        t_2 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    try:
        t_4 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_head, l_1_args, l_1_out):
        t_6 = []
        l_1__ = missing
        if l_1_head is missing:
            l_1_head = undefined("parameter 'head' was not provided", name='head')
        if l_1_args is missing:
            l_1_args = undefined("parameter 'args' was not provided", name='args')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1__ = context.call(environment.getattr(l_1_out, 'append'), ({'head': l_1_head, 'args': l_1_args} if l_1_args else str_join((l_1_head, '()', ))))
        return concat(t_6)
    context.vars['_call'] = l_0__call = Macro(environment, macro, '_call', ('head', 'args', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_7 = []
        l_1_c = l_1_args = l_1__ = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1_c = environment.getattr(l_1_t, 'constraints')
        l_1_args = [(str_join(('min_size=', environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'), )) if (not t_5(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'))) else ''), (str_join(('max_size=', environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length'), )) if (not t_5(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length'))) else ''), (str_join(('pattern=', t_3(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern')), )) if (not t_5(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern'))) else ''), (str_join(('fmt=', t_3(environment.getattr(l_1_t, 'format')), )) if environment.getattr(l_1_t, 'format') else '')]
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_text', t_2(context.eval_ctx, t_4(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_out)
        return concat(t_7)
    context.vars['_n_string'] = l_0__n_string = Macro(environment, macro, '_n_string', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_kind, l_1_t, l_1_out):
        t_8 = []
        l_1_c = l_1_args = l_1__ = missing
        if l_1_kind is missing:
            l_1_kind = undefined("parameter 'kind' was not provided", name='kind')
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1_c = environment.getattr(l_1_t, 'constraints')
        l_1_args = [(str_join(('minimum=', t_3(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum')), )) if (not t_5(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) else ''), (str_join(('exclusive_minimum=', t_3(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'exclusive_minimum')), )) if (not t_5(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) else ''), (str_join(('maximum=', t_3(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum')), )) if (not t_5(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))) else ''), (str_join(('exclusive_maximum=', t_3(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'exclusive_maximum')), )) if (not t_5(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))) else ''), (str_join(('bits=', (32 if (environment.getattr(l_1_t, 'format') == 'int32') else 64), )) if ((l_1_kind == 'integer') and (environment.getattr(l_1_t, 'format') in ('int32', 'int64'))) else '')]
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), ('_integers' if (l_1_kind == 'integer') else '_floats'), t_2(context.eval_ctx, t_4(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_out)
        return concat(t_8)
    context.vars['_n_number'] = l_0__n_number = Macro(environment, macro, '_n_number', ('kind', 't', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_inner, l_1_c, l_1_out, l_1_unique):
        t_9 = []
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
        l_1_args = ['depth', l_1_inner, (str_join(('min_size=', environment.getattr(l_1_c, 'min_items'), )) if (not t_5(environment.getattr(l_1_c, 'min_items'))) else ''), (str_join(('max_size=', environment.getattr(l_1_c, 'max_items'), )) if (not t_5(environment.getattr(l_1_c, 'max_items'))) else ''), ('unique=True' if (l_1_unique and environment.getattr(l_1_c, 'unique_items')) else '')]
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_lists', t_2(context.eval_ctx, t_4(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_out)
        return concat(t_9)
    context.vars['_n_list'] = l_0__n_list = Macro(environment, macro, '_n_list', ('inner', 'c', 'out', 'unique'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_inner, l_1_c, l_1_out):
        t_10 = []
        l_1_args = l_1__ = missing
        if l_1_inner is missing:
            l_1_inner = undefined("parameter 'inner' was not provided", name='inner')
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_out is missing:
            l_1_out = undefined("parameter 'out' was not provided", name='out')
        pass
        l_1_args = ['depth', l_1_inner, (str_join(('min_size=', environment.getattr(l_1_c, 'min_properties'), )) if (not t_5(environment.getattr(l_1_c, 'min_properties'))) else ''), (str_join(('max_size=', environment.getattr(l_1_c, 'max_properties'), )) if (not t_5(environment.getattr(l_1_c, 'max_properties'))) else '')]
        l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), '_dicts', t_2(context.eval_ctx, t_4(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_out)
        return concat(t_10)
    context.vars['_n_dict'] = l_0__n_dict = Macro(environment, macro, '_n_dict', ('inner', 'c', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_name, l_1_out, l_1_tag, l_1_discriminator, l_1_value):
        t_11 = []
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
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), {'head': str_join(('st.deferred(lambda: ', l_1_name, '(depth + 1)).map', )), 'args': [{'head': l_1_tag, 'args': [t_3(l_1_discriminator), t_3(l_1_value)]}]})
        else:
            pass
            l_1__ = context.call(environment.getattr(l_1_out, 'append'), {'head': 'st.deferred', 'args': [{'head': str_join(('lambda: ', l_1_name, )), 'args': ['depth + 1']}]})
        return concat(t_11)
    context.vars['_n_deferred'] = l_0__n_deferred = Macro(environment, macro, '_n_deferred', ('name', 'out', 'tag', 'discriminator', 'value'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_12 = []
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
        return concat(t_12)
    context.vars['_n_instance'] = l_0__n_instance = Macro(environment, macro, '_n_instance', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_13 = []
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
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), 'st.just', [t_3(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'const'))], l_1_out)
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
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), str_join(('st.sampled_from(', t_3(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values')), ').map', )), [environment.getattr(l_1_t, 'target')], l_1_out)
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
        return concat(t_13)
    context.vars['_n_instance_value'] = l_0__n_instance_value = Macro(environment, macro, '_n_instance_value', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_14 = []
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
        return concat(t_14)
    context.vars['_n_wire'] = l_0__n_wire = Macro(environment, macro, '_n_wire', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_15 = []
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
        return concat(t_15)
    context.vars['_n_optional_wire'] = l_0__n_optional_wire = Macro(environment, macro, '_n_optional_wire', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_16 = []
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
        return concat(t_16)
    context.vars['_n_union_wire'] = l_0__n_union_wire = Macro(environment, macro, '_n_union_wire', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_out):
        t_17 = []
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
            l_1__ = context.call((undefined(name='_call') if l_0__call is missing else l_0__call), 'st.sampled_from', [t_3(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values'))], l_1_out)
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
        return concat(t_17)
    context.vars['_n_wire_value'] = l_0__n_wire_value = Macro(environment, macro, '_n_wire_value', ('t', 'out'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_indent, l_1_lead, l_1_tail):
        t_18 = []
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
        t_18.append(
            str(t_1(environment.getitem((undefined(name='node') if l_1_node is missing else l_1_node), 0), l_1_indent, l_1_lead, l_1_tail)),
        )
        return concat(t_18)
    context.exported_vars.add('instance')
    context.vars['instance'] = l_0_instance = Macro(environment, macro, 'instance', ('t', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_indent, l_1_lead, l_1_tail):
        t_19 = []
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
        t_19.append(
            str(t_1(environment.getitem((undefined(name='optional') if l_1_optional is missing else l_1_optional), 0), l_1_indent, l_1_lead, l_1_tail)),
        )
        return concat(t_19)
    context.exported_vars.add('optional_instance')
    context.vars['optional_instance'] = l_0_optional_instance = Macro(environment, macro, 'optional_instance', ('t', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_indent, l_1_lead, l_1_tail):
        t_20 = []
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
        t_20.append(
            str(t_1(environment.getitem((undefined(name='node') if l_1_node is missing else l_1_node), 0), l_1_indent, l_1_lead, l_1_tail)),
        )
        return concat(t_20)
    context.exported_vars.add('wire')
    context.vars['wire'] = l_0_wire = Macro(environment, macro, 'wire', ('t', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_indent, l_1_lead, l_1_tail):
        t_21 = []
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
        t_21.append(
            str(t_1(environment.getitem((undefined(name='node') if l_1_node is missing else l_1_node), 0), l_1_indent, l_1_lead, l_1_tail)),
        )
        return concat(t_21)
    context.exported_vars.add('optional_wire')
    context.vars['optional_wire'] = l_0_optional_wire = Macro(environment, macro, 'optional_wire', ('t', 'indent', 'lead', 'tail'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '13=42&15=52&18=56&19=64&20=65&26=66&29=70&30=80&31=81&38=82&41=86&42=98&49=99&52=103&53=113&59=114&62=118&64=132&65=134&67=137&71=141&72=150&73=152&74=153&75=154&77=157&81=161&82=173&83=175&84=176&85=178&86=179&87=181&88=182&89=184&90=185&91=187&92=188&93=190&94=191&95=193&96=194&97=196&98=197&99=199&100=200&101=202&102=203&103=204&104=206&106=209&108=210&109=212&110=213&111=217&113=220&114=221&115=223&116=224&117=228&119=231&120=232&121=233&123=236&127=240&128=249&129=251&130=252&131=253&133=256&137=260&138=270&139=272&140=273&141=274&142=276&143=277&144=278&146=281&149=284&153=288&154=296&155=297&156=299&157=303&160=308&161=312&164=315&167=319&168=329&169=331&170=332&171=334&172=335&173=337&174=338&175=340&176=341&177=343&178=344&180=346&181=347&182=349&183=350&184=351&185=353&187=356&189=357&190=359&191=360&192=361&193=362&194=364&195=365&196=367&198=370&202=374&204=386&205=387&206=389&209=395&211=407&212=408&213=409&214=410&215=412&218=418&220=430&221=431&222=433&225=439&227=451&228=452&229=454'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "756af545c626d3b9bff04199cee4a04703df9be336614f0c38e31f072cb045a3", "template": "package/_strategies.j2"}'
