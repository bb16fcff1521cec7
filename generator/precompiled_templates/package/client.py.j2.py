from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/client.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_api = resolve('api')
    l_0_decode = l_0_server = l_0_call = l_0_concat = l_0_annotated = l_0_signature = l_0_check = l_0_doc = l_0_tuple_of = l_0_to_wire = l_0_content = l_0_header_field = l_0_arguments = l_0_forward = l_0_option_arguments = l_0_forward_options = l_0_options_doc = l_0_errors_doc = l_0_operation_doc = l_0_begin_doc = l_0_client_class = l_0_group_class = l_0_request_builder = l_0_variable_docs = l_0_polling = l_0_scopes = missing
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
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_7 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    try:
        t_8 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_9 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_10 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_11 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    try:
        t_12 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    included_template = environment.get_template('package/_codecs.j2', 'package/client.py.j2')._get_default_module(context)
    l_0_decode = getattr(included_template, 'decode', missing)
    if l_0_decode is missing:
        l_0_decode = undefined(f"the template {included_template.__name__!r} (imported on line 1 in 'package/client.py.j2') does not export the requested name 'decode'", name='decode')
    context.vars['decode'] = l_0_decode
    context.exported_vars.discard('decode')
    l_0_server = environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'server')
    context.vars['server'] = l_0_server
    context.exported_vars.add('server')
    def macro(l_1_head, l_1_args, l_1_indent, l_1_tail):
        t_13 = []
        l_1_body = l_1_one = missing
        if l_1_head is missing:
            l_1_head = undefined("parameter 'head' was not provided", name='head')
        if l_1_args is missing:
            l_1_args = undefined("parameter 'args' was not provided", name='args')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        if l_1_tail is missing:
            l_1_tail = ''
        pass
        l_1_body = t_3(context.eval_ctx, l_1_args, ', ')
        l_1_one = str_join((l_1_head, '(', (undefined(name='body') if l_1_body is missing else l_1_body), ')', l_1_tail, ))
        if (((t_4(l_1_indent) + t_4((undefined(name='one') if l_1_one is missing else l_1_one))) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))):
            pass
            t_13.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif (((t_4(l_1_indent) + 4) + t_4((undefined(name='body') if l_1_body is missing else l_1_body))) <= 88):
            pass
            t_13.extend((
                str(l_1_head),
                '(\n',
                str(l_1_indent),
                '    ',
                str((undefined(name='body') if l_1_body is missing else l_1_body)),
                '\n',
                str(l_1_indent),
                ')',
                str(l_1_tail),
            ))
        else:
            pass
            t_13.extend((
                str(l_1_head),
                '(\n',
            ))
            for l_2_arg in l_1_args:
                _loop_vars = {}
                pass
                t_13.extend((
                    str(l_1_indent),
                    '    ',
                    str(l_2_arg),
                    ',\n',
                ))
            l_2_arg = missing
            t_13.extend((
                str(l_1_indent),
                ')',
                str(l_1_tail),
            ))
        return concat(t_13)
    context.exported_vars.add('call')
    context.vars['call'] = l_0_call = Macro(environment, macro, 'call', ('head', 'args', 'indent', 'tail'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_target, l_1_parts, l_1_indent):
        t_14 = []
        l_1_body = l_1_one = missing
        if l_1_target is missing:
            l_1_target = undefined("parameter 'target' was not provided", name='target')
        if l_1_parts is missing:
            l_1_parts = undefined("parameter 'parts' was not provided", name='parts')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_body = t_3(context.eval_ctx, l_1_parts, ' + ')
        l_1_one = str_join((l_1_target, ' = ', (undefined(name='body') if l_1_body is missing else l_1_body), ))
        if (((((t_4(l_1_indent) + t_4((undefined(name='one') if l_1_one is missing else l_1_one))) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))) or (t_4(l_1_parts) < 2)) or ((t_4(l_1_parts) == 2) and context.call(environment.getattr(environment.getitem(l_1_parts, 1), 'endswith'), ')'))):
            pass
            t_14.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif (((t_4(l_1_indent) + 4) + t_4((undefined(name='body') if l_1_body is missing else l_1_body))) <= 88):
            pass
            t_14.extend((
                str(l_1_target),
                ' = (\n',
                str(l_1_indent),
                '    ',
                str((undefined(name='body') if l_1_body is missing else l_1_body)),
                '\n',
                str(l_1_indent),
                ')',
            ))
        else:
            pass
            t_14.extend((
                str(l_1_target),
                ' = (\n',
                str(l_1_indent),
                '    ',
                str(environment.getitem(l_1_parts, 0)),
                '\n',
            ))
            for l_2_part in l_1_parts[1:]:
                _loop_vars = {}
                pass
                t_14.extend((
                    str(l_1_indent),
                    '    + ',
                    str(l_2_part),
                    '\n',
                ))
            l_2_part = missing
            t_14.extend((
                str(l_1_indent),
                ')',
            ))
        return concat(t_14)
    context.exported_vars.add('concat')
    context.vars['concat'] = l_0_concat = Macro(environment, macro, 'concat', ('target', 'parts', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_prefix, l_1_annotation, l_1_suffix, l_1_indent):
        t_15 = []
        l_1_namespace = resolve('namespace')
        l_1_one = l_1_inner = l_1_parts = l_1_ns = missing
        if l_1_prefix is missing:
            l_1_prefix = undefined("parameter 'prefix' was not provided", name='prefix')
        if l_1_annotation is missing:
            l_1_annotation = undefined("parameter 'annotation' was not provided", name='annotation')
        if l_1_suffix is missing:
            l_1_suffix = undefined("parameter 'suffix' was not provided", name='suffix')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_one = str_join((l_1_prefix, l_1_annotation, l_1_suffix, ))
        l_1_inner = str_join((l_1_indent, '    ', ))
        l_1_parts = []
        l_1_ns = context.call((undefined(name='namespace') if l_1_namespace is missing else l_1_namespace), part='')
        for l_2_piece in context.call(environment.getattr(l_1_annotation, 'split'), ' | '):
            l_2__ = resolve('_')
            _loop_vars = {}
            pass
            if not isinstance(l_1_ns, Namespace):
                raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
            l_1_ns['part'] = (str_join((environment.getattr((undefined(name='ns') if l_1_ns is missing else l_1_ns), 'part'), ' | ', l_2_piece, )) if environment.getattr((undefined(name='ns') if l_1_ns is missing else l_1_ns), 'part') else l_2_piece)
            if (context.call(environment.getattr(environment.getattr((undefined(name='ns') if l_1_ns is missing else l_1_ns), 'part'), 'count'), '[', _loop_vars=_loop_vars) == context.call(environment.getattr(environment.getattr((undefined(name='ns') if l_1_ns is missing else l_1_ns), 'part'), 'count'), ']', _loop_vars=_loop_vars)):
                pass
                l_2__ = context.call(environment.getattr((undefined(name='parts') if l_1_parts is missing else l_1_parts), 'append'), environment.getattr((undefined(name='ns') if l_1_ns is missing else l_1_ns), 'part'), _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
                if not isinstance(l_1_ns, Namespace):
                    raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                l_1_ns['part'] = ''
        l_2_piece = l_2__ = missing
        if (((((t_4(l_1_indent) + t_4((undefined(name='one') if l_1_one is missing else l_1_one))) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))) or ('"' in l_1_annotation)) or ("'" in l_1_annotation)):
            pass
            t_15.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif (t_4((undefined(name='parts') if l_1_parts is missing else l_1_parts)) > 1):
            pass
            t_15.extend((
                str(l_1_prefix),
                '(\n',
            ))
            if ((t_4((undefined(name='inner') if l_1_inner is missing else l_1_inner)) + t_4(l_1_annotation)) <= 88):
                pass
                t_15.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    str(l_1_annotation),
                    '\n',
                ))
            else:
                pass
                t_15.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    str(environment.getitem((undefined(name='parts') if l_1_parts is missing else l_1_parts), 0)),
                    '\n',
                ))
                for l_2_part in (undefined(name='parts') if l_1_parts is missing else l_1_parts)[1:]:
                    _loop_vars = {}
                    pass
                    t_15.extend((
                        str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                        '| ',
                        str(l_2_part),
                        '\n',
                    ))
                l_2_part = missing
            t_15.extend((
                str(l_1_indent),
                ')',
                str(l_1_suffix),
            ))
        elif ((context.call(environment.getattr(l_1_annotation, 'endswith'), ']') and ('[' in l_1_annotation)) and ((((t_4((undefined(name='inner') if l_1_inner is missing else l_1_inner)) + t_4(l_1_annotation)) - context.call(environment.getattr(l_1_annotation, 'index'), '[')) - 2) <= 88)):
            pass
            t_15.extend((
                str(l_1_prefix),
                str(l_1_annotation[:(context.call(environment.getattr(l_1_annotation, 'index'), '[') + 1)]),
                '\n',
                str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                str(l_1_annotation[(context.call(environment.getattr(l_1_annotation, 'index'), '[') + 1):-1]),
                '\n',
                str(l_1_indent),
                ']',
                str(l_1_suffix),
            ))
        else:
            pass
            t_15.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        return concat(t_15)
    context.exported_vars.add('annotated')
    context.vars['annotated'] = l_0_annotated = Macro(environment, macro, 'annotated', ('prefix', 'annotation', 'suffix', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_head, l_1_params, l_1_returns, l_1_indent):
        t_16 = []
        l_1_body = l_1_one = missing
        if l_1_head is missing:
            l_1_head = undefined("parameter 'head' was not provided", name='head')
        if l_1_params is missing:
            l_1_params = undefined("parameter 'params' was not provided", name='params')
        if l_1_returns is missing:
            l_1_returns = undefined("parameter 'returns' was not provided", name='returns')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_body = t_3(context.eval_ctx, l_1_params, ', ')
        l_1_one = str_join((l_1_head, '(', (undefined(name='body') if l_1_body is missing else l_1_body), ') -> ', l_1_returns, ':', ))
        if (((t_4(l_1_indent) + t_4((undefined(name='one') if l_1_one is missing else l_1_one))) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))):
            pass
            t_16.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif ((t_4(l_1_params) > 1) and (((t_4(l_1_indent) + 4) + t_4((undefined(name='body') if l_1_body is missing else l_1_body))) <= 88)):
            pass
            t_16.extend((
                str(l_1_head),
                '(\n',
                str(l_1_indent),
                '    ',
                str((undefined(name='body') if l_1_body is missing else l_1_body)),
                '\n',
                str(l_1_indent),
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', l_1_returns, ':', l_1_indent)),
            ))
        else:
            pass
            t_16.extend((
                str(l_1_head),
                '(\n',
            ))
            for l_2_param in l_1_params:
                _loop_vars = {}
                pass
                t_16.extend((
                    str(l_1_indent),
                    '    ',
                    str(l_2_param),
                    ',\n',
                ))
            l_2_param = missing
            t_16.extend((
                str(l_1_indent),
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', l_1_returns, ':', l_1_indent)),
            ))
        return concat(t_16)
    context.exported_vars.add('signature')
    context.vars['signature'] = l_0_signature = Macro(environment, macro, 'signature', ('head', 'params', 'returns', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_p, l_1_name, l_1_indent):
        t_17 = []
        l_1_args = resolve('args')
        l_1_c = missing
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_name is missing:
            l_1_name = undefined("parameter 'name' was not provided", name='name')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_c = environment.getattr(environment.getattr(l_1_p, 'type'), 'constraints')
        if (((environment.getattr(environment.getattr(l_1_p, 'type'), 'kind') in ('string', 'datetime', 'date')) and (environment.getattr(environment.getattr(l_1_p, 'type'), 'kind') == 'string')) and (((not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'))) or (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length')))) or (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern'))))):
            pass
            l_1_args = [t_7(environment.getattr(l_1_p, 'py_name')), l_1_name, (str_join(('min_length=', environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'), )) if (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'))) else ''), (str_join(('max_length=', environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length'), )) if (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length'))) else ''), (str_join(('pattern=', t_7(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern')), )) if (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern'))) else ''), (str_join(('spec_pattern=', t_7(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'pattern')), )) if ((not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern'))) and (environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'pattern') != environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern'))) else '')]
            t_17.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.check_text', t_5(context.eval_ctx, t_9(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_indent)),
            )
        elif ((environment.getattr(environment.getattr(l_1_p, 'type'), 'kind') in ('integer', 'number')) and ((not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) or (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))))):
            pass
            l_1_args = [t_7(environment.getattr(l_1_p, 'py_name')), l_1_name, (str_join(('minimum=', t_7(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum')), )) if (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) else ''), (str_join(('exclusive_minimum=', t_7(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'exclusive_minimum')), )) if (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) else ''), (str_join(('maximum=', t_7(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum')), )) if (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))) else ''), (str_join(('exclusive_maximum=', t_7(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'exclusive_maximum')), )) if (not t_12(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))) else '')]
            t_17.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.check_number', t_5(context.eval_ctx, t_9(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_indent)),
            )
        return concat(t_17)
    context.exported_vars.add('check')
    context.vars['check'] = l_0_check = Macro(environment, macro, 'check', ('p', 'name', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_text, l_1_indent):
        t_18 = []
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
        if ((t_4((undefined(name='lines') if l_1_lines is missing else l_1_lines)) == 2) and (environment.getitem((undefined(name='lines') if l_1_lines is missing else l_1_lines), 1) == str_join(((' ' * l_1_indent), '"""', )))):
            pass
            l_1_d = str_join((environment.getitem((undefined(name='lines') if l_1_lines is missing else l_1_lines), 0), '"""', ))
        if ((('\n' not in (undefined(name='d') if l_1_d is missing else l_1_d)) and (t_4((undefined(name='d') if l_1_d is missing else l_1_d)) > 6)) and (environment.getitem((undefined(name='d') if l_1_d is missing else l_1_d), -4) == '"')):
            pass
            l_1_d = str_join(((undefined(name='d') if l_1_d is missing else l_1_d)[:-3], ' """', ))
        t_18.append(
            str((str_join(('""" ', (undefined(name='d') if l_1_d is missing else l_1_d)[3:], )) if context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'startswith'), '""""') else (undefined(name='d') if l_1_d is missing else l_1_d))),
        )
        return concat(t_18)
    context.exported_vars.add('doc')
    context.vars['doc'] = l_0_doc = Macro(environment, macro, 'doc', ('text', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_items, l_1_indent):
        t_19 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        if (t_4(l_1_items) < 2):
            pass
            t_19.append(
                str(t_7(l_1_items)),
            )
        else:
            pass
            t_19.append(
                '(\n',
            )
            for l_2_item in l_1_items:
                _loop_vars = {}
                pass
                t_19.extend((
                    str(l_1_indent),
                    '    ',
                    str(t_7(l_2_item)),
                    ',\n',
                ))
            l_2_item = missing
            t_19.extend((
                str(l_1_indent),
                ')',
            ))
        return concat(t_19)
    context.exported_vars.add('tuple_of')
    context.vars['tuple_of'] = l_0_tuple_of = Macro(environment, macro, 'tuple_of', ('items', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_value, l_1_read_only, l_1_indent):
        t_20 = []
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_read_only is missing:
            l_1_read_only = undefined("parameter 'read_only' was not provided", name='read_only')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        if l_1_read_only:
            pass
            t_20.extend((
                '_http.omit_read_only(\n',
                str(l_1_indent),
                '    _http.to_wire(',
                str(l_1_value),
                '),\n',
                str(l_1_indent),
                '    ',
                str(t_7(environment.getattr(l_1_read_only, 'shape'))),
                ',\n',
                str(l_1_indent),
                '    ',
                str(t_7(environment.getattr(l_1_read_only, 'model'))),
                ',\n',
                str(l_1_indent),
                '    _READ_ONLY,\n',
                str(l_1_indent),
                ')',
            ))
        else:
            pass
            t_20.extend((
                '_http.to_wire(',
                str(l_1_value),
                ')',
            ))
        return concat(t_20)
    context.exported_vars.add('to_wire')
    context.vars['to_wire'] = l_0_to_wire = Macro(environment, macro, 'to_wire', ('value', 'read_only', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_body, l_1_value, l_1_indent):
        t_21 = []
        l_1_styles = missing
        if l_1_body is missing:
            l_1_body = undefined("parameter 'body' was not provided", name='body')
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_styles = (', _styles' if (environment.getattr(environment.getattr(l_1_body, 'encoding'), 'value') in ('form', 'multipart')) else '')
        if (environment.getattr(l_1_body, 'spread') or (environment.getattr(environment.getattr(l_1_body, 'encoding'), 'value') in ('binary', 'text'))):
            pass
            t_21.extend((
                '_content = _http.',
                str(environment.getattr(environment.getattr(l_1_body, 'encoding'), 'value')),
                '_content(',
                str(l_1_value),
                str((undefined(name='styles') if l_1_styles is missing else l_1_styles)),
                ')',
            ))
        elif environment.getattr(l_1_body, 'read_only'):
            pass
            t_21.extend((
                '_wire = ',
                str(context.call((undefined(name='to_wire') if l_0_to_wire is missing else l_0_to_wire), l_1_value, environment.getattr(l_1_body, 'read_only'), l_1_indent)),
                '\n',
                str(l_1_indent),
                '_content = _http.',
                str(environment.getattr(environment.getattr(l_1_body, 'encoding'), 'value')),
                '_content(_wire',
                str((undefined(name='styles') if l_1_styles is missing else l_1_styles)),
                ')',
            ))
        else:
            pass
            t_21.extend((
                '_content = _http.',
                str(environment.getattr(environment.getattr(l_1_body, 'encoding'), 'value')),
                '_content(_http.to_wire(',
                str(l_1_value),
                ')',
                str((undefined(name='styles') if l_1_styles is missing else l_1_styles)),
                ')',
            ))
        return concat(t_21)
    context.exported_vars.add('content')
    context.vars['content'] = l_0_content = Macro(environment, macro, 'content', ('body', 'value', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_h, l_1_indent):
        t_22 = []
        l_1_reader = resolve('reader')
        l_1_t = l_1_name = missing
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_t = environment.getattr(l_1_h, 'type')
        l_1_name = t_7(environment.getattr(l_1_h, 'name'))
        if (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'string'):
            pass
            t_22.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join((environment.getattr(l_1_h, 'py_name'), '=headers.get', )), [(undefined(name='name') if l_1_name is missing else l_1_name)], l_1_indent, ',')),
            )
        elif (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'enum'):
            pass
            t_22.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join((environment.getattr(l_1_h, 'py_name'), '=_http.header_enum', )), ['headers', (undefined(name='name') if l_1_name is missing else l_1_name), environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'target')], l_1_indent, ',')),
            )
        else:
            pass
            if (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'integer'):
                pass
                l_1_reader = 'int'
            elif (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'number'):
                pass
                l_1_reader = 'float'
            elif (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'boolean'):
                pass
                l_1_reader = 'bool'
            elif (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'datetime'):
                pass
                l_1_reader = 'datetime'
            elif (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'date'):
                pass
                l_1_reader = 'date'
            elif ((environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'array') and (environment.getattr(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'item'), 'kind') == 'string')):
                pass
                l_1_reader = 'list'
            else:
                pass
                l_1_reader = 'json'
            t_22.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join((environment.getattr(l_1_h, 'py_name'), '=_http.header_', (undefined(name='reader') if l_1_reader is missing else l_1_reader), )), ['headers', (undefined(name='name') if l_1_name is missing else l_1_name)], l_1_indent, ',')),
            )
        return concat(t_22)
    context.exported_vars.add('header_field')
    context.vars['header_field'] = l_0_header_field = Macro(environment, macro, 'header_field', ('h', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op, l_1_indent):
        t_23 = []
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        def t_24(fiter):
            for l_2_a in fiter:
                if environment.getattr(l_2_a, 'required'):
                    yield l_2_a
        for l_2_a in t_24(environment.getattr(l_1_op, 'signature')):
            _loop_vars = {}
            pass
            t_23.extend((
                str(l_1_indent),
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), str_join((environment.getattr(l_2_a, 'py_name'), ': ', )), environment.getattr(l_2_a, 'annotation'), ',', l_1_indent, _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_a = missing
        if t_5(context.eval_ctx, t_8(context, environment.getattr(l_1_op, 'signature'), 'required')):
            pass
            t_23.extend((
                str(l_1_indent),
                '*,\n',
            ))
            def t_25(fiter):
                for l_2_a in fiter:
                    if (not environment.getattr(l_2_a, 'required')):
                        yield l_2_a
            for l_2_a in t_25(environment.getattr(l_1_op, 'signature')):
                _loop_vars = {}
                pass
                t_23.extend((
                    str(l_1_indent),
                    str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), str_join((environment.getattr(l_2_a, 'py_name'), ': ', )), environment.getattr(l_2_a, 'annotation'), ' = UNSET,', l_1_indent, _loop_vars=_loop_vars)),
                    '\n',
                ))
            l_2_a = missing
        return concat(t_23)
    context.exported_vars.add('arguments')
    context.vars['arguments'] = l_0_arguments = Macro(environment, macro, 'arguments', ('op', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op, l_1_indent):
        t_26 = []
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        for l_2_a in environment.getattr(l_1_op, 'signature'):
            _loop_vars = {}
            pass
            t_26.extend((
                str(l_1_indent),
                str(environment.getattr(l_2_a, 'py_name')),
                '=',
                str(environment.getattr(l_2_a, 'py_name')),
                ',\n',
            ))
        l_2_a = missing
        return concat(t_26)
    context.exported_vars.add('forward')
    context.vars['forward'] = l_0_forward = Macro(environment, macro, 'forward', ('op', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op, l_1_indent):
        t_27 = []
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        if (not t_5(context.eval_ctx, t_8(context, environment.getattr(l_1_op, 'signature'), 'required'))):
            pass
            t_27.extend((
                str(l_1_indent),
                '*,\n',
            ))
        t_27.extend((
            str(l_1_indent),
            'timeout: float | httpx.Timeout | None = None,\n',
            str(l_1_indent),
            'max_response_size: int | None = None,\n',
        ))
        return concat(t_27)
    context.exported_vars.add('option_arguments')
    context.vars['option_arguments'] = l_0_option_arguments = Macro(environment, macro, 'option_arguments', ('op', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_indent):
        t_28 = []
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        t_28.extend((
            str(l_1_indent),
            'timeout=timeout,\n',
            str(l_1_indent),
            'max_response_size=max_response_size,\n',
        ))
        return concat(t_28)
    context.exported_vars.add('forward_options')
    context.vars['forward_options'] = l_0_forward_options = Macro(environment, macro, 'forward_options', ('indent',), False, False, False, context.eval_ctx.autoescape)
    t_29 = []
    pass
    t_29.append(
        "    timeout: seconds this call may take in all, retries and their waits included (or an httpx.Timeout); None keeps the client's.\n    max_response_size: the largest response body to read, in bytes; None keeps the client's.\n",
    )
    l_0_options_doc = (Markup if context.eval_ctx.autoescape else identity)(concat(t_29))
    context.vars['options_doc'] = l_0_options_doc
    context.exported_vars.add('options_doc')
    t_30 = []
    pass
    t_30.append(
        '    TransportError: the request could not be sent or its response not received.\n    RequestTimeoutError: the call did not finish within its timeout.\n    ResponseTooLargeError: the response body is larger than max_response_size.\n',
    )
    l_0_errors_doc = (Markup if context.eval_ctx.autoescape else identity)(concat(t_30))
    context.vars['errors_doc'] = l_0_errors_doc
    context.exported_vars.add('errors_doc')
    def macro(l_1_op):
        t_31 = []
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        pass
        t_31.extend((
            str((environment.getattr(l_1_op, 'summary') or environment.getattr(l_1_op, 'operation_id'))),
            '\n',
        ))
        if (environment.getattr(l_1_op, 'description') and (environment.getattr(l_1_op, 'description') != environment.getattr(l_1_op, 'summary'))):
            pass
            t_31.extend((
                '\n',
                str(environment.getattr(l_1_op, 'description')),
                '\n',
            ))
        t_31.append(
            '\n\nArgs:\n',
        )
        for l_2_a in environment.getattr(l_1_op, 'signature'):
            _loop_vars = {}
            pass
            t_31.extend((
                '    ',
                str(environment.getattr(l_2_a, 'py_name')),
                ': ',
                str(environment.getattr(l_2_a, 'description')),
                '\n',
            ))
        l_2_a = missing
        t_31.append(
            str((undefined(name='options_doc') if l_0_options_doc is missing else l_0_options_doc)),
        )
        if ((not t_12(environment.getattr(l_1_op, 'body'))) and environment.getattr(environment.getattr(l_1_op, 'body'), 'other_media_types')):
            pass
            t_31.extend((
                '\nThe request body is sent as ',
                str(environment.getattr(environment.getattr(l_1_op, 'body'), 'media_type')),
                '; the API also accepts ',
                str(t_3(context.eval_ctx, environment.getattr(environment.getattr(l_1_op, 'body'), 'other_media_types'), ', ')),
                ' (use send_request for those).\n',
            ))
        t_31.extend((
            '\nReturns:\n    ',
            str(environment.getattr(l_1_op, 'return_annotation')),
            ': ',
            str((t_3(context.eval_ctx, t_9(context, t_6(context, environment.getattr(l_1_op, 'success_responses'), attribute='description')), ' ') or 'The result.')),
            '\n\nRaises:\n    ApiError: the service answered with an error status.\n    DeserializationError: a success body does not match its schema.\n',
            str((undefined(name='errors_doc') if l_0_errors_doc is missing else l_0_errors_doc)),
            "    ValueError: a parameter breaks the spec's constraints; nothing was sent.",
        ))
        return concat(t_31)
    context.exported_vars.add('operation_doc')
    context.vars['operation_doc'] = l_0_operation_doc = Macro(environment, macro, 'operation_doc', ('op',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op, l_1_is_async):
        t_32 = []
        l_1_lr = l_1_wait = missing
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        if l_1_is_async is missing:
            l_1_is_async = undefined("parameter 'is_async' was not provided", name='is_async')
        pass
        l_1_lr = environment.getattr(l_1_op, 'long_running')
        l_1_wait = ('await poller.result()' if l_1_is_async else 'poller.result()')
        t_32.extend((
            'Start ',
            str((environment.getattr(l_1_op, 'summary') or environment.getattr(l_1_op, 'operation_id'))),
            ' and return a poller that waits for it to finish.\n',
        ))
        if (environment.getattr(l_1_op, 'description') and (environment.getattr(l_1_op, 'description') != environment.getattr(l_1_op, 'summary'))):
            pass
            t_32.extend((
                '\n',
                str(environment.getattr(l_1_op, 'description')),
                '\n',
            ))
        t_32.append(
            '\n',
        )
        if (environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'style') == 'status-operation'):
            pass
            t_32.extend((
                'The poller calls ',
                str(environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'status_operation_id')),
                ' until the status is ',
                str(t_3(context.eval_ctx, (environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'succeeded') + environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'failed')), ' or ')),
                ' ',
            ))
        else:
            pass
            t_32.extend((
                "The poller follows the URL of the response's ",
                str(t_3(context.eval_ctx, environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'location_headers'), ' or ')),
                ' header until the status is ',
                str(t_3(context.eval_ctx, (environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'succeeded') + environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'failed')), ' or ')),
                ' ',
            ))
        t_32.extend((
            '(Retry-After honoured); `',
            str((undefined(name='wait') if l_1_wait is missing else l_1_wait)),
            '` then returns the final ',
            str(environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'result_annotation')),
            ', or raises OperationFailedError when it ended ',
            str(t_3(context.eval_ctx, environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'failed'), ' or ')),
            '.\n\nArgs:\n',
        ))
        for l_2_a in environment.getattr(l_1_op, 'signature'):
            _loop_vars = {}
            pass
            t_32.extend((
                '    ',
                str(environment.getattr(l_2_a, 'py_name')),
                ': ',
                str(environment.getattr(l_2_a, 'description')),
                '\n',
            ))
        l_2_a = missing
        t_32.extend((
            '    polling_interval: seconds between status requests when the service sends no Retry-After; it grows by half after each, up to 30.\n',
            str((undefined(name='options_doc') if l_0_options_doc is missing else l_0_options_doc)),
            '\nReturns:\n    ',
            str(('AsyncPoller' if l_1_is_async else 'Poller')),
            '[',
            str(environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'result_annotation')),
            ']: `result(timeout)`, `wait(timeout)`, `poll()`, `done()`, `status()` and `continuation_token()`.\n\nRaises:\n    ApiError: the service refused to start it.\n',
            str((undefined(name='errors_doc') if l_0_errors_doc is missing else l_0_errors_doc)),
            '    ValueError: a parameter (or polling_interval) is out of bounds; nothing was sent.',
        ))
        return concat(t_32)
    context.exported_vars.add('begin_doc')
    context.vars['begin_doc'] = l_0_begin_doc = Macro(environment, macro, 'begin_doc', ('op', 'is_async'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_is_async):
        t_33 = []
        l_1_after = resolve('after')
        l_1_async_ = l_1_await_ = l_1_name = l_1_parts = missing
        if l_1_is_async is missing:
            l_1_is_async = undefined("parameter 'is_async' was not provided", name='is_async')
        pass
        l_1_async_ = ('async ' if l_1_is_async else '')
        l_1_await_ = ('await ' if l_1_is_async else '')
        l_1_name = ('AsyncClient' if l_1_is_async else 'Client')
        t_33.extend((
            'class ',
            str((undefined(name='name') if l_1_name is missing else l_1_name)),
            ':\n    ',
            str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title'), ' client', (', for asyncio' if l_1_is_async else ''), '.\n\nArgs:\n', context.call((undefined(name='variable_docs') if l_0_variable_docs is missing else l_0_variable_docs), (undefined(name='server') if l_0_server is missing else l_0_server)), '    credential: how to authenticate: ', (t_3(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'), ' or ') or 'none'), '.\n    timeout: seconds each call may take in all: connecting, sending, reading the whole\n        response, every retry and the waits between them (past it, RequestTimeoutError).\n        An httpx.Timeout sets per-phase limits instead, its largest also bounding the\n        whole call. Operation methods take their own `timeout=` too.\n    max_response_size: the largest response body read, in bytes, counted decompressed\n        and as sent (past it, ResponseTooLargeError); methods take their own too.\n    max_retries: retries of idempotent requests after connection errors, 408, 429 and 5xx\n        (502, 503, 504, 500); 0 turns retries off.\n    transport: an httpx transport to send through (tests, proxies).\n    http_client: an httpx client to use instead of creating one; it is not closed.\n    base_url: replaces the whole server URL (for proxies and mock servers).\n    backoff_factor: the first retry waits about this many seconds, then it doubles.\n    backoff_max: the longest backoff between attempts, in seconds.', )), 4)),
            '\n\n    def __init__(\n        self,\n',
        ))
        for l_2_v in environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'required_variables'):
            _loop_vars = {}
            pass
            t_33.extend((
                '        ',
                str(environment.getattr(l_2_v, 'py_name')),
                ': str,\n',
            ))
        l_2_v = missing
        if (not environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types')):
            pass
            t_33.append(
                '        credential: None = None,\n',
            )
        elif (not environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security')):
            pass
            t_33.extend((
                '        credential: ',
                str(t_3(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'), ' | ')),
                ' | None = None,\n',
            ))
        else:
            pass
            t_33.extend((
                '        credential: ',
                str(t_3(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'), ' | ')),
                ',\n',
            ))
        t_33.append(
            '        *,\n',
        )
        for l_2_v in environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'optional_variables'):
            _loop_vars = {}
            pass
            t_33.extend((
                '        ',
                str(environment.getattr(l_2_v, 'py_name')),
                ': str = ',
                str(t_7(environment.getattr(l_2_v, 'default'))),
                ',\n',
            ))
        l_2_v = missing
        t_33.extend((
            '        timeout: float | httpx.Timeout = _http.DEFAULT_TIMEOUT,\n        max_response_size: int = _http.MAX_RESPONSE_SIZE,\n        max_retries: int = 3,\n        transport: httpx.',
            str(('AsyncBaseTransport' if l_1_is_async else 'BaseTransport')),
            ' | None = None,\n        http_client: httpx.',
            str(('AsyncClient' if l_1_is_async else 'Client')),
            ' | None = None,\n        base_url: str | None = None,\n        backoff_factor: float = 0.5,\n        backoff_max: float = 30.0,\n    ) -> None:\n',
        ))
        for l_2_v in environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'variables'):
            _loop_vars = {}
            pass
            t_33.extend((
                '        ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join((environment.getattr(l_2_v, 'py_name'), ' = _http.check_choice', )), [t_7(environment.getattr(l_2_v, 'py_name')), environment.getattr(l_2_v, 'py_name'), t_7(environment.getattr(l_2_v, 'enum'))], '        ', _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_v = missing
        t_33.append(
            '        if base_url is not None:\n            _http.check_endpoint("base_url", base_url, "")\n        else:\n',
        )
        if (environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts') and environment.getattr(environment.getitem(environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts'), 0), 'name')):
            pass
            l_1_after = (environment.getattr(environment.getitem(environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts'), 1), 'literal') if ((t_4(environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts')) > 1) and (not environment.getattr(environment.getitem(environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts'), 1), 'name'))) else '')
            t_33.extend((
                '            ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.check_endpoint', [t_7(environment.getattr(environment.getitem(environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts'), 0), 'name')), environment.getattr(environment.getitem(environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts'), 0), 'name'), t_7((undefined(name='after') if l_1_after is missing else l_1_after))], '            ')),
                '\n',
            ))
        l_1_parts = []
        for l_2_part in environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts'):
            l_2__ = missing
            _loop_vars = {}
            pass
            l_2__ = context.call(environment.getattr((undefined(name='parts') if l_1_parts is missing else l_1_parts), 'append'), (environment.getattr(l_2_part, 'name') or t_7(environment.getattr(l_2_part, 'literal'))), _loop_vars=_loop_vars)
            _loop_vars['_'] = l_2__
        l_2_part = l_2__ = missing
        t_33.extend((
            '            ',
            str(context.call((undefined(name='concat') if l_0_concat is missing else l_0_concat), 'base_url', ((undefined(name='parts') if l_1_parts is missing else l_1_parts) or ['""']), '            ')),
            '\n        self._base_url = base_url.rstrip("/")\n        self._owns_http = http_client is None\n        self._http = (\n            http_client\n            if http_client is not None\n            else httpx.',
            str(('AsyncClient' if l_1_is_async else 'Client')),
            '(\n                transport=transport, timeout=timeout, follow_redirects=False\n            )\n        )\n        self._pipeline = _http.',
            str(('AsyncPipeline' if l_1_is_async else 'Pipeline')),
            '(\n            self._http,\n            _http.Auth(\n                credential,\n                key_name=',
            str(t_7((environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key'), 'parameter_name') if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key') else None))),
            ',\n                key_in=',
            str(t_7((environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key'), 'location') if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key') else None))),
            ',\n                scopes=_SCOPES,\n                base_url=self._base_url,\n            ),\n            max_retries=max_retries,\n            backoff_factor=backoff_factor,\n            backoff_max=backoff_max,\n            user_agent=USER_AGENT,\n            timeout=timeout,\n            max_response_size=max_response_size,\n        )\n',
        ))
        for l_2_g in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'groups'):
            _loop_vars = {}
            pass
            t_33.extend((
                '        self.',
                str(environment.getattr(l_2_g, 'attribute')),
                ' = ',
                str((environment.getattr(l_2_g, 'async_class_name') if l_1_is_async else environment.getattr(l_2_g, 'class_name'))),
                '(self)\n        ',
                str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('Operations of the group ', environment.getattr(l_2_g, 'name'), '.', )), 8, _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_g = missing
        t_33.extend((
            '\n    def __repr__(self) -> str:\n        return f"',
            str((undefined(name='name') if l_1_name is missing else l_1_name)),
            '(base_url={self._base_url!r})"\n\n    ',
            str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
            'def close(self) -> None:\n        """Close the connections, unless the httpx client was passed in."""\n        if self._owns_http:\n            ',
            str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
            'self._http.',
            str(('aclose' if l_1_is_async else 'close')),
            '()\n\n    ',
            str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
            'def __',
            str(('a' if l_1_is_async else '')),
            'enter__(self) -> ',
            str((undefined(name='name') if l_1_name is missing else l_1_name)),
            ':  # noqa: PYI034\n        return self\n\n    ',
            str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
            'def __',
            str(('a' if l_1_is_async else '')),
            'exit__(self, *exc_info: object) -> None:\n        ',
            str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
            'self.close()\n\n    ',
            str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
            'def send_request(self, request: httpx.Request) -> httpx.Response:\n        """Send any request through the same credential, redirect, retry and logging\n        path.\n\n        Error statuses are returned, not raised.\n        """\n        return ',
            str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
            'self._pipeline.send(request)\n',
        ))
        for l_2_op in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'operations'):
            l_2_body = missing
            _loop_vars = {}
            pass
            l_2_body = environment.getattr(l_2_op, 'body')
            _loop_vars['body'] = l_2_body
            t_33.extend((
                '\n    ',
                str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
                'def ',
                str(environment.getattr(l_2_op, 'py_name')),
                '(\n        self,\n',
                str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), l_2_op, '        ', _loop_vars=_loop_vars)),
                str(context.call((undefined(name='option_arguments') if l_0_option_arguments is missing else l_0_option_arguments), l_2_op, '        ', _loop_vars=_loop_vars)),
                '    ',
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', environment.getattr(l_2_op, 'return_annotation'), ':', '    ', _loop_vars=_loop_vars)),
                '\n        ',
                str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), context.call((undefined(name='operation_doc') if l_0_operation_doc is missing else l_0_operation_doc), l_2_op, _loop_vars=_loop_vars), 8, _loop_vars=_loop_vars)),
                '\n        _request = ',
                str(environment.getattr(l_2_op, 'builder_name')),
                '(\n            self._http,\n            self._base_url,\n',
                str(context.call((undefined(name='forward') if l_0_forward is missing else l_0_forward), l_2_op, '            ', _loop_vars=_loop_vars)),
                '        )\n        ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_options = _http.CallOptions', ['timeout=timeout', 'max_response_size=max_response_size'], '        ', _loop_vars=_loop_vars)),
                '\n        ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('return ', environment.getattr(l_2_op, 'parser_name'), )), [str_join(((undefined(name='await_') if l_1_await_ is missing else l_1_await_), 'self._pipeline.send(_request, _options)', ))], '        ', _loop_vars=_loop_vars)),
                '\n',
            ))
            if environment.getattr(l_2_op, 'with_headers_name'):
                pass
                t_33.extend((
                    '\n    ',
                    str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
                    'def ',
                    str(environment.getattr(l_2_op, 'with_headers_name')),
                    '(\n        self,\n',
                    str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), l_2_op, '        ', _loop_vars=_loop_vars)),
                    str(context.call((undefined(name='option_arguments') if l_0_option_arguments is missing else l_0_option_arguments), l_2_op, '        ', _loop_vars=_loop_vars)),
                    '    ',
                    str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', str_join(('tuple[', environment.getattr(l_2_op, 'return_annotation'), ', ', environment.getattr(l_2_op, 'headers_class'), ']', )), ':', '    ', _loop_vars=_loop_vars)),
                    '\n        ',
                    str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('The same call as `', environment.getattr(l_2_op, 'py_name'), "`, also returning the response's typed headers.", )), 8, _loop_vars=_loop_vars)),
                    '\n        _request = ',
                    str(environment.getattr(l_2_op, 'builder_name')),
                    '(\n            self._http,\n            self._base_url,\n',
                    str(context.call((undefined(name='forward') if l_0_forward is missing else l_0_forward), l_2_op, '            ', _loop_vars=_loop_vars)),
                    '        )\n        ',
                    str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_options = _http.CallOptions', ['timeout=timeout', 'max_response_size=max_response_size'], '        ', _loop_vars=_loop_vars)),
                    '\n        _response = ',
                    str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
                    'self._pipeline.send(_request, _options)\n        _result = ',
                    str(environment.getattr(l_2_op, 'parser_name')),
                    '(_response)\n        ',
                    str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_headers = ', environment.getattr(l_2_op, 'headers_class'), '.from_headers', )), ['_response.headers'], '        ', _loop_vars=_loop_vars)),
                    '\n        return _result, _headers\n',
                ))
        l_2_op = l_2_body = missing
        for l_2_op in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'long_running_operations'):
            l_2_secret_params = resolve('secret_params')
            l_2_lr = l_2_poller = l_2_fields = missing
            _loop_vars = {}
            pass
            l_2_lr = environment.getattr(l_2_op, 'long_running')
            _loop_vars['lr'] = l_2_lr
            l_2_poller = (environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'async_poller_annotation') if l_1_is_async else environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'poller_annotation'))
            _loop_vars['poller'] = l_2_poller
            t_33.extend((
                '\n    ',
                str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
                'def ',
                str(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'begin_name')),
                '(\n        self,\n',
                str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), l_2_op, '        ', _loop_vars=_loop_vars)),
            ))
            if (not t_5(context.eval_ctx, t_8(context, environment.getattr(l_2_op, 'signature'), 'required'))):
                pass
                t_33.append(
                    '        *,\n',
                )
            t_33.extend((
                '        polling_interval: float = ',
                str(t_7(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'polling_interval'))),
                ',\n        timeout: float | httpx.Timeout | None = None,\n        max_response_size: int | None = None,\n    ',
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', (undefined(name='poller') if l_2_poller is missing else l_2_poller), ':', '    ', _loop_vars=_loop_vars)),
                '\n        ',
                str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), context.call((undefined(name='begin_doc') if l_0_begin_doc is missing else l_0_begin_doc), l_2_op, l_1_is_async, _loop_vars=_loop_vars), 8, _loop_vars=_loop_vars)),
                '\n        polling_interval = polling.check_polling_interval(polling_interval)\n        _request = ',
                str(environment.getattr(l_2_op, 'builder_name')),
                '(\n            self._http,\n            self._base_url,\n',
                str(context.call((undefined(name='forward') if l_0_forward is missing else l_0_forward), l_2_op, '            ', _loop_vars=_loop_vars)),
                '        )\n        ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_options = _http.CallOptions', ['timeout=timeout', 'max_response_size=max_response_size'], '        ', _loop_vars=_loop_vars)),
                '\n        _response = ',
                str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
                'self._pipeline.send(_request, _options)\n        ',
                str(environment.getattr(l_2_op, 'parser_name')),
                '(_response)\n',
            ))
            if (environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'style') == 'status-operation'):
                pass
                if environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'passed'):
                    pass
                    t_33.append(
                        '        _state: dict[str, Any] = {\n',
                    )
                    for l_3_p in environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'passed'):
                        _loop_vars = {}
                        pass
                        t_33.extend((
                            '            ',
                            str(t_7(environment.getattr(l_3_p, 'status_argument'))),
                            ': ',
                            str(environment.getattr(l_3_p, 'start_argument')),
                            ',\n',
                        ))
                    l_3_p = missing
                    t_33.append(
                        '        }\n',
                    )
                else:
                    pass
                    t_33.append(
                        '        _state: dict[str, Any] = {}\n',
                    )
            else:
                pass
                l_2_secret_params = ([str_join(('(', t_7(environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key'), 'parameter_name')), ',)', ))] if (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key') and (environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key'), 'location') == 'query')) else [])
                _loop_vars['secret_params'] = l_2_secret_params
                t_33.extend((
                    '        _state: dict[str, Any] = {\n            ',
                    str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '"url": _http.status_location', (['_response', t_7(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'location_headers'))] + (undefined(name='secret_params') if l_2_secret_params is missing else l_2_secret_params)), '            ', ',', _loop_vars=_loop_vars)),
                    '\n        }\n',
                ))
            t_33.extend((
                '        ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('return self.', environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'poller_name'), )), ['_state', 'polling_interval', '_http.retry_after(_response)'], '        ', _loop_vars=_loop_vars)),
                '\n\n    ',
                str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), str_join(('def ', environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'resume_name'), )), ['self', 'continuation_token: str'], (undefined(name='poller') if l_2_poller is missing else l_2_poller), '    ', _loop_vars=_loop_vars)),
                '\n        ',
                str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('Wait for ', (environment.getattr(l_2_op, 'summary') or environment.getattr(l_2_op, 'operation_id')), ' started elsewhere: a poller from the `continuation_token()` of another one (any process).\n\nRaises:\n    ValueError: the token is not one for ', environment.getattr(l_2_op, 'operation_id'), '.', )), 8, _loop_vars=_loop_vars)),
                '\n',
            ))
            l_2_fields = (t_5(context.eval_ctx, t_6(context, environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'passed'), attribute='status_argument')) if (environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'style') == 'status-operation') else ['url'])
            _loop_vars['fields'] = l_2_fields
            t_33.extend((
                '        ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_state, _interval = polling.read_continuation_token', ['continuation_token', t_7(environment.getattr(l_2_op, 'operation_id')), str_join(('(', t_3(context.eval_ctx, t_6(context, (undefined(name='fields') if l_2_fields is missing else l_2_fields), 'pyrepr'), ', '), (',' if (t_4((undefined(name='fields') if l_2_fields is missing else l_2_fields)) == 1) else ''), ')', ))], '        ', _loop_vars=_loop_vars)),
                '\n        return self.',
                str(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'poller_name')),
                '(_state, _interval, None)\n\n    ',
                str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), str_join(('def ', environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'poller_name'), )), ['self', 'state: dict[str, Any]', 'interval: float', 'retry_after: float | None'], (undefined(name='poller') if l_2_poller is missing else l_2_poller), '    ', _loop_vars=_loop_vars)),
                '\n        def request() -> httpx.Request:\n',
            ))
            if (environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'style') == 'status-operation'):
                pass
                t_33.extend((
                    '            return ',
                    str(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'status_builder_name')),
                    '(\n                self._http,\n                self._base_url,\n',
                ))
                for l_3_p in environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'passed'):
                    _loop_vars = {}
                    pass
                    t_33.extend((
                        '                ',
                        str(environment.getattr(l_3_p, 'status_argument')),
                        '=state[',
                        str(t_7(environment.getattr(l_3_p, 'status_argument'))),
                        '],\n',
                    ))
                l_3_p = missing
                t_33.append(
                    '            )\n',
                )
            else:
                pass
                t_33.append(
                    '            return self._http.build_request(\n                "GET", state["url"], headers={"Accept": "application/json"}\n            )\n',
                )
            t_33.extend((
                '\n        return ',
                str(('polling.AsyncPoller' if l_1_is_async else 'polling.Poller')),
                '(\n            operation=',
                str(t_7(environment.getattr(l_2_op, 'operation_id'))),
                ',\n            send=self._pipeline.send,\n            request=request,\n            read=',
                str(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'reader_name')),
                ',\n            succeeded=',
                str(t_7(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'succeeded'))),
                ',\n            failed=',
                str(t_7(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'failed'))),
                ',\n            state=state,\n            polling_interval=interval,\n            retry_after=retry_after,\n        )\n',
            ))
        l_2_op = l_2_lr = l_2_poller = l_2_secret_params = l_2_fields = missing
        return concat(t_33)
    context.exported_vars.add('client_class')
    context.vars['client_class'] = l_0_client_class = Macro(environment, macro, 'client_class', ('is_async',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_g, l_1_is_async):
        t_34 = []
        l_1_async_ = l_1_await_ = missing
        if l_1_g is missing:
            l_1_g = undefined("parameter 'g' was not provided", name='g')
        if l_1_is_async is missing:
            l_1_is_async = undefined("parameter 'is_async' was not provided", name='is_async')
        pass
        l_1_async_ = ('async ' if l_1_is_async else '')
        l_1_await_ = ('await ' if l_1_is_async else '')
        t_34.extend((
            'class ',
            str((environment.getattr(l_1_g, 'async_class_name') if l_1_is_async else environment.getattr(l_1_g, 'class_name'))),
            ':\n    ',
            str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(((environment.getattr(l_1_g, 'description') or environment.getattr(l_1_g, 'name')), '\n\nReached as `', ('AsyncClient' if l_1_is_async else 'Client'), '.', environment.getattr(l_1_g, 'attribute'), '`; each method is the same call as the client method it names.', )), 4)),
            '\n\n    __slots__ = ("_client",)\n\n    def __init__(self, client: ',
            str(('AsyncClient' if l_1_is_async else 'Client')),
            ') -> None:\n        self._client = client\n',
        ))
        for l_2_m in environment.getattr(l_1_g, 'methods'):
            l_2_lr = resolve('lr')
            l_2_poller = resolve('poller')
            l_2_returns = resolve('returns')
            l_2_flat = resolve('flat')
            l_2_op = l_2_client_name = missing
            _loop_vars = {}
            pass
            l_2_op = environment.getattr(l_2_m, 'operation')
            _loop_vars['op'] = l_2_op
            l_2_client_name = ('AsyncClient' if l_1_is_async else 'Client')
            _loop_vars['client_name'] = l_2_client_name
            if environment.getattr(l_2_m, 'long_running'):
                pass
                l_2_lr = environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'long_running')
                _loop_vars['lr'] = l_2_lr
                l_2_poller = (environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'async_poller_annotation') if l_1_is_async else environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'poller_annotation'))
                _loop_vars['poller'] = l_2_poller
                if (environment.getattr(l_2_m, 'long_running') == 'begin'):
                    pass
                    t_34.extend((
                        '\n    ',
                        str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
                        'def ',
                        str(environment.getattr(l_2_m, 'py_name')),
                        '(\n        self,\n',
                        str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), (undefined(name='op') if l_2_op is missing else l_2_op), '        ', _loop_vars=_loop_vars)),
                    ))
                    if (not t_5(context.eval_ctx, t_8(context, environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'signature'), 'required'))):
                        pass
                        t_34.append(
                            '        *,\n',
                        )
                    t_34.extend((
                        '        polling_interval: float = ',
                        str(t_7(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'polling_interval'))),
                        ',\n        timeout: float | httpx.Timeout | None = None,\n        max_response_size: int | None = None,\n    ',
                        str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', (undefined(name='poller') if l_2_poller is missing else l_2_poller), ':', '    ', _loop_vars=_loop_vars)),
                        '\n        ',
                        str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('The same as `', (undefined(name='client_name') if l_2_client_name is missing else l_2_client_name), '.', environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'begin_name'), '`.', )), 8, _loop_vars=_loop_vars)),
                        '\n        return ',
                        str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
                        'self._client.',
                        str(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'begin_name')),
                        '(\n',
                        str(context.call((undefined(name='forward') if l_0_forward is missing else l_0_forward), (undefined(name='op') if l_2_op is missing else l_2_op), '            ', _loop_vars=_loop_vars)),
                        '            polling_interval=polling_interval,\n',
                        str(context.call((undefined(name='forward_options') if l_0_forward_options is missing else l_0_forward_options), '            ', _loop_vars=_loop_vars)),
                        '        )\n',
                    ))
                else:
                    pass
                    t_34.extend((
                        '\n    ',
                        str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), str_join(('def ', environment.getattr(l_2_m, 'py_name'), )), ['self', 'continuation_token: str'], (undefined(name='poller') if l_2_poller is missing else l_2_poller), '    ', _loop_vars=_loop_vars)),
                        '\n        ',
                        str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('The same as `', (undefined(name='client_name') if l_2_client_name is missing else l_2_client_name), '.', environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'resume_name'), '`.', )), 8, _loop_vars=_loop_vars)),
                        '\n        return self._client.',
                        str(environment.getattr((undefined(name='lr') if l_2_lr is missing else l_2_lr), 'resume_name')),
                        '(continuation_token)\n',
                    ))
            else:
                pass
                t_34.extend((
                    '\n    ',
                    str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
                    'def ',
                    str(environment.getattr(l_2_m, 'py_name')),
                    '(\n        self,\n',
                ))
                l_2_returns = (str_join(('tuple[', environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'return_annotation'), ', ', environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'headers_class'), ']', )) if environment.getattr(l_2_m, 'returns_headers') else environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'return_annotation'))
                _loop_vars['returns'] = l_2_returns
                t_34.extend((
                    str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), (undefined(name='op') if l_2_op is missing else l_2_op), '        ', _loop_vars=_loop_vars)),
                    str(context.call((undefined(name='option_arguments') if l_0_option_arguments is missing else l_0_option_arguments), (undefined(name='op') if l_2_op is missing else l_2_op), '        ', _loop_vars=_loop_vars)),
                    '    ',
                    str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', (undefined(name='returns') if l_2_returns is missing else l_2_returns), ':', '    ', _loop_vars=_loop_vars)),
                    '\n',
                ))
                l_2_flat = (environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'with_headers_name') if environment.getattr(l_2_m, 'returns_headers') else environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'py_name'))
                _loop_vars['flat'] = l_2_flat
                if environment.getattr(l_2_m, 'returns_headers'):
                    pass
                    t_34.extend((
                        '        ',
                        str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('The same as `', ('AsyncClient' if l_1_is_async else 'Client'), '.', (undefined(name='flat') if l_2_flat is missing else l_2_flat), '`.', )), 8, _loop_vars=_loop_vars)),
                        '\n',
                    ))
                else:
                    pass
                    t_34.extend((
                        '        ',
                        str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join((context.call((undefined(name='operation_doc') if l_0_operation_doc is missing else l_0_operation_doc), (undefined(name='op') if l_2_op is missing else l_2_op), _loop_vars=_loop_vars), '\n\nThe same as `', ('AsyncClient' if l_1_is_async else 'Client'), '.', (undefined(name='flat') if l_2_flat is missing else l_2_flat), '`.', )), 8, _loop_vars=_loop_vars)),
                        '\n',
                    ))
                t_34.extend((
                    '        return ',
                    str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
                    'self._client.',
                    str((undefined(name='flat') if l_2_flat is missing else l_2_flat)),
                    '(\n',
                    str(context.call((undefined(name='forward') if l_0_forward is missing else l_0_forward), (undefined(name='op') if l_2_op is missing else l_2_op), '            ', _loop_vars=_loop_vars)),
                    str(context.call((undefined(name='forward_options') if l_0_forward_options is missing else l_0_forward_options), '            ', _loop_vars=_loop_vars)),
                    '        )\n',
                ))
        l_2_m = l_2_op = l_2_client_name = l_2_lr = l_2_poller = l_2_returns = l_2_flat = missing
        return concat(t_34)
    context.exported_vars.add('group_class')
    context.vars['group_class'] = l_0_group_class = Macro(environment, macro, 'group_class', ('g', 'is_async'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op):
        t_35 = []
        l_1_ps = resolve('ps')
        l_1_body = l_1_parts = missing
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        pass
        l_1_body = environment.getattr(l_1_op, 'body')
        t_35.extend((
            'def ',
            str(environment.getattr(l_1_op, 'builder_name')),
            '(\n    _client: httpx.Client | httpx.AsyncClient,\n    _base_url: str,\n',
            str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), l_1_op, '    ')),
            ') -> httpx.Request:\n',
        ))
        for l_2_p in environment.getattr(l_1_op, 'required_parameters'):
            l_2_checked = missing
            _loop_vars = {}
            pass
            l_2_checked = context.call((undefined(name='check') if l_0_check is missing else l_0_check), l_2_p, environment.getattr(l_2_p, 'py_name'), '    ', _loop_vars=_loop_vars)
            _loop_vars['checked'] = l_2_checked
            if (undefined(name='checked') if l_2_checked is missing else l_2_checked):
                pass
                t_35.extend((
                    '    ',
                    str((undefined(name='checked') if l_2_checked is missing else l_2_checked)),
                    '\n',
                ))
        l_2_p = l_2_checked = missing
        for l_2_p in environment.getattr(l_1_op, 'optional_parameters'):
            l_2_checked = missing
            _loop_vars = {}
            pass
            l_2_checked = context.call((undefined(name='check') if l_0_check is missing else l_0_check), l_2_p, environment.getattr(l_2_p, 'py_name'), '        ', _loop_vars=_loop_vars)
            _loop_vars['checked'] = l_2_checked
            if (undefined(name='checked') if l_2_checked is missing else l_2_checked):
                pass
                t_35.extend((
                    '    if ',
                    str(environment.getattr(l_2_p, 'py_name')),
                    ' is not UNSET:\n        ',
                    str((undefined(name='checked') if l_2_checked is missing else l_2_checked)),
                    '\n',
                ))
        l_2_p = l_2_checked = missing
        l_1_parts = ['_base_url']
        for l_2_part in environment.getattr(l_1_op, 'path_parts'):
            l_2__ = missing
            _loop_vars = {}
            pass
            l_2__ = context.call(environment.getattr((undefined(name='parts') if l_1_parts is missing else l_1_parts), 'append'), (str_join(('_http.quote_path(', environment.getattr(l_2_part, 'name'), ', ', t_7(environment.getattr(l_2_part, 'name')), ')', )) if environment.getattr(l_2_part, 'name') else t_7(environment.getattr(l_2_part, 'literal'))), _loop_vars=_loop_vars)
            _loop_vars['_'] = l_2__
        l_2_part = l_2__ = missing
        t_35.extend((
            '    ',
            str(context.call((undefined(name='concat') if l_0_concat is missing else l_0_concat), '_url', (undefined(name='parts') if l_1_parts is missing else l_1_parts), '    ')),
            '\n    _headers = {"Accept": ',
            str(t_7(environment.getattr(l_1_op, 'accept'))),
            '}\n',
        ))
        for l_2_p in context.call(environment.getattr(l_1_op, 'parameters_in'), 'header'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_p, 'required'):
                pass
                t_35.extend((
                    '    ',
                    str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_headers[', t_7(environment.getattr(l_2_p, 'name')), '] = _http.header_text', )), [t_7(environment.getattr(l_2_p, 'py_name')), environment.getattr(l_2_p, 'py_name')], '    ', _loop_vars=_loop_vars)),
                    '\n',
                ))
            else:
                pass
                t_35.extend((
                    '    if ',
                    str(environment.getattr(l_2_p, 'py_name')),
                    ' is not UNSET',
                ))
                if environment.getattr(environment.getattr(l_2_p, 'type'), 'nullable'):
                    pass
                    t_35.extend((
                        ' and ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        ' is not None',
                    ))
                t_35.extend((
                    ':\n        ',
                    str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_headers[', t_7(environment.getattr(l_2_p, 'name')), '] = _http.header_text', )), [t_7(environment.getattr(l_2_p, 'py_name')), environment.getattr(l_2_p, 'py_name')], '        ', _loop_vars=_loop_vars)),
                    '\n',
                ))
        l_2_p = missing
        if context.call(environment.getattr(l_1_op, 'parameters_in'), 'cookie'):
            pass
            t_35.append(
                '    _cookies: list[tuple[str, object]] = []\n',
            )
            for l_2_p in context.call(environment.getattr(l_1_op, 'parameters_in'), 'cookie'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_p, 'required'):
                    pass
                    t_35.extend((
                        '    _cookies.append((',
                        str(t_7(environment.getattr(l_2_p, 'name'))),
                        ', ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        '))\n',
                    ))
                else:
                    pass
                    t_35.extend((
                        '    if ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        ' is not UNSET',
                    ))
                    if environment.getattr(environment.getattr(l_2_p, 'type'), 'nullable'):
                        pass
                        t_35.extend((
                            ' and ',
                            str(environment.getattr(l_2_p, 'py_name')),
                            ' is not None',
                        ))
                    t_35.extend((
                        ':\n        _cookies.append((',
                        str(t_7(environment.getattr(l_2_p, 'name'))),
                        ', ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        '))\n',
                    ))
            l_2_p = missing
            t_35.append(
                '    if _cookies:\n        _headers["Cookie"] = _http.cookie_header(_cookies)\n',
            )
        if context.call(environment.getattr(l_1_op, 'parameters_in'), 'query'):
            pass
            t_35.append(
                '    _params: _http.QueryItems = []\n',
            )
            for l_2_p in context.call(environment.getattr(l_1_op, 'parameters_in'), 'query'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_p, 'required'):
                    pass
                    t_35.extend((
                        '    ',
                        str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.add_query', ['_params', t_7(environment.getattr(l_2_p, 'name')), environment.getattr(l_2_p, 'py_name'), t_7(environment.getattr(l_2_p, 'style')), t_10(environment.getattr(l_2_p, 'explode'))], '    ', _loop_vars=_loop_vars)),
                        '\n',
                    ))
                else:
                    pass
                    t_35.extend((
                        '    if ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        ' is not UNSET',
                    ))
                    if environment.getattr(environment.getattr(l_2_p, 'type'), 'nullable'):
                        pass
                        t_35.extend((
                            ' and ',
                            str(environment.getattr(l_2_p, 'py_name')),
                            ' is not None',
                        ))
                    t_35.extend((
                        ':\n        ',
                        str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.add_query', ['_params', t_7(environment.getattr(l_2_p, 'name')), environment.getattr(l_2_p, 'py_name'), t_7(environment.getattr(l_2_p, 'style')), t_10(environment.getattr(l_2_p, 'explode'))], '        ', _loop_vars=_loop_vars)),
                        '\n',
                    ))
            l_2_p = missing
        if t_12((undefined(name='body') if l_1_body is missing else l_1_body)):
            pass
            t_35.extend((
                '    return _client.build_request(',
                str(t_7(environment.getattr(l_1_op, 'method'))),
                ', _url, headers=_headers',
            ))
            if context.call(environment.getattr(l_1_op, 'parameters_in'), 'query'):
                pass
                t_35.append(
                    ', params=_params',
                )
            t_35.append(
                ')\n',
            )
        else:
            pass
            if (environment.getattr(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'encoding'), 'value') in ('form', 'multipart')):
                pass
                if (t_4(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'part_styles')) == 1):
                    pass
                    l_1_ps = environment.getitem(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'part_styles'), 0)
                    t_35.extend((
                        '    _styles: _http.Styles = ((',
                        str(t_7(environment.getattr((undefined(name='ps') if l_1_ps is missing else l_1_ps), 'wire_name'))),
                        ', ',
                        str(t_7(environment.getattr((undefined(name='ps') if l_1_ps is missing else l_1_ps), 'style'))),
                        ', ',
                        str(environment.getattr((undefined(name='ps') if l_1_ps is missing else l_1_ps), 'explode')),
                        '),)\n',
                    ))
                elif environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'part_styles'):
                    pass
                    t_35.append(
                        '    _styles: _http.Styles = (\n',
                    )
                    for l_2_ps in environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'part_styles'):
                        _loop_vars = {}
                        pass
                        t_35.extend((
                            '        (',
                            str(t_7(environment.getattr(l_2_ps, 'wire_name'))),
                            ', ',
                            str(t_7(environment.getattr(l_2_ps, 'style'))),
                            ', ',
                            str(environment.getattr(l_2_ps, 'explode')),
                            '),\n',
                        ))
                    l_2_ps = missing
                    t_35.append(
                        '    )\n',
                    )
                else:
                    pass
                    t_35.append(
                        '    _styles: _http.Styles = ()\n',
                    )
            if environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'spread'):
                pass
                t_35.append(
                    '    _body: dict[str, Any] = {}\n',
                )
                for l_2_f in environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'fields'):
                    _loop_vars = {}
                    pass
                    if environment.getattr(l_2_f, 'required'):
                        pass
                        if (environment.getattr(l_2_f, 'is_file') or environment.getattr(l_2_f, 'read_only')):
                            pass
                            t_35.extend((
                                '    _body[',
                                str(t_7(environment.getattr(l_2_f, 'wire_name'))),
                                '] = ',
                                str((environment.getattr(l_2_f, 'py_name') if environment.getattr(l_2_f, 'is_file') else context.call((undefined(name='to_wire') if l_0_to_wire is missing else l_0_to_wire), environment.getattr(l_2_f, 'py_name'), environment.getattr(l_2_f, 'read_only'), '    ', _loop_vars=_loop_vars))),
                                '\n',
                            ))
                        else:
                            pass
                            t_35.extend((
                                '    ',
                                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_body[', t_7(environment.getattr(l_2_f, 'wire_name')), '] = _http.to_wire', )), [environment.getattr(l_2_f, 'py_name')], '    ', _loop_vars=_loop_vars)),
                                '\n',
                            ))
                    else:
                        pass
                        t_35.extend((
                            '    if ',
                            str(environment.getattr(l_2_f, 'py_name')),
                            ' is not UNSET:\n',
                        ))
                        if (environment.getattr(l_2_f, 'is_file') or environment.getattr(l_2_f, 'read_only')):
                            pass
                            t_35.extend((
                                '        _body[',
                                str(t_7(environment.getattr(l_2_f, 'wire_name'))),
                                '] = ',
                                str((environment.getattr(l_2_f, 'py_name') if environment.getattr(l_2_f, 'is_file') else context.call((undefined(name='to_wire') if l_0_to_wire is missing else l_0_to_wire), environment.getattr(l_2_f, 'py_name'), environment.getattr(l_2_f, 'read_only'), '        ', _loop_vars=_loop_vars))),
                                '\n',
                            ))
                        else:
                            pass
                            t_35.extend((
                                '        ',
                                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_body[', t_7(environment.getattr(l_2_f, 'wire_name')), '] = _http.to_wire', )), [environment.getattr(l_2_f, 'py_name')], '        ', _loop_vars=_loop_vars)),
                                '\n',
                            ))
                l_2_f = missing
                t_35.extend((
                    '    ',
                    str(context.call((undefined(name='content') if l_0_content is missing else l_0_content), (undefined(name='body') if l_1_body is missing else l_1_body), '_body', '    ')),
                    '\n',
                ))
            elif environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'required'):
                pass
                t_35.extend((
                    '    ',
                    str(context.call((undefined(name='content') if l_0_content is missing else l_0_content), (undefined(name='body') if l_1_body is missing else l_1_body), environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'py_name'), '    ')),
                    '\n',
                ))
            else:
                pass
                t_35.extend((
                    '    _content = None\n    if not isinstance(',
                    str(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'py_name')),
                    ', Unset):\n        ',
                    str(context.call((undefined(name='content') if l_0_content is missing else l_0_content), (undefined(name='body') if l_1_body is missing else l_1_body), environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'py_name'), '        ')),
                    '\n',
                ))
            t_35.extend((
                '    return _http.build_request(\n        _client,\n        ',
                str(t_7(environment.getattr(l_1_op, 'method'))),
                ',\n        _url,\n        _headers,\n        ',
                str(('_params' if context.call(environment.getattr(l_1_op, 'parameters_in'), 'query') else 'None')),
                ',\n        _content,\n        ',
                str(t_7(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'media_type'))),
                ',\n    )\n',
            ))
        return concat(t_35)
    context.exported_vars.add('request_builder')
    context.vars['request_builder'] = l_0_request_builder = Macro(environment, macro, 'request_builder', ('op',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_server):
        t_36 = []
        if l_1_server is missing:
            l_1_server = undefined("parameter 'server' was not provided", name='server')
        pass
        for l_2_v in environment.getattr(l_1_server, 'variables'):
            _loop_vars = {}
            pass
            t_36.extend((
                '    ',
                str(environment.getattr(l_2_v, 'py_name')),
                ': ',
                str((environment.getattr(l_2_v, 'description') or str_join(('The server variable ', environment.getattr(l_2_v, 'name'), '.', )))),
            ))
            if environment.getattr(l_2_v, 'enum'):
                pass
                t_36.extend((
                    ' One of: ',
                    str(t_3(context.eval_ctx, environment.getattr(l_2_v, 'enum'), ', ')),
                    '.',
                ))
            t_36.append(
                '\n',
            )
        l_2_v = missing
        return concat(t_36)
    context.exported_vars.add('variable_docs')
    context.vars['variable_docs'] = l_0_variable_docs = Macro(environment, macro, 'variable_docs', ('server',), False, False, False, context.eval_ctx.autoescape)
    yield from context.blocks['header'][0](context)
    yield '\nfrom __future__ import annotations\n\n'
    for l_1_line in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_stdlib_imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_stdlib_imports'):
        pass
        yield '\n'
    yield 'import httpx\n\n'
    l_0_polling = (', polling' if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'long_running_operations') else '')
    context.vars['polling'] = l_0_polling
    context.exported_vars.add('polling')
    if t_5(context.eval_ctx, t_9(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_kinds'), 'in', ['string', 'boolean', 'integer', 'number', 'datetime', 'date', 'enum'])):
        pass
        yield 'from . import _http, _runtime'
        yield str((undefined(name='polling') if l_0_polling is missing else l_0_polling))
        yield '\n'
    else:
        pass
        yield 'from . import _http'
        yield str((undefined(name='polling') if l_0_polling is missing else l_0_polling))
        yield '\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_uses_unset'):
        pass
        yield 'from ._runtime import UNSET, Unset\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'):
        pass
        yield 'from .credentials import '
        yield str(t_3(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'), ', '))
        yield '\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_enum_imports'):
        pass
        yield 'from .enums import (\n'
        for l_1_name in t_2(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_enum_imports')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        yield ')\n'
    if (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_model_imports') or environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_decoder_imports')):
        pass
        yield 'from .models import (\n'
        for l_1_name in t_2(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_model_imports')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        for l_1_name in t_2(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_decoder_imports')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        yield ')\n'
    yield '\n__all__ = [\n'
    for l_1_name in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_names'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_7(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n\nUSER_AGENT = '
    yield str(t_7(str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'distribution_name'), '/', environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'package_version'), ))))
    yield ' + _http.USER_AGENT_SUFFIX\n'
    l_0_scopes = str_join(('_SCOPES: tuple[str, ...] = ', t_7(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'token_scopes')), ))
    context.vars['scopes'] = l_0_scopes
    context.exported_vars.add('scopes')
    if (((t_4((undefined(name='scopes') if l_0_scopes is missing else l_0_scopes)) <= 88) or (t_4(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'token_scopes')) < 2)) or (not context.call(environment.getattr((undefined(name='scopes') if l_0_scopes is missing else l_0_scopes), 'isascii')))):
        pass
        yield str((undefined(name='scopes') if l_0_scopes is missing else l_0_scopes))
        yield '\n'
    else:
        pass
        yield '_SCOPES: tuple[str, ...] = (\n'
        for l_1_scope in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'token_scopes'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(t_7(l_1_scope))
            yield ',\n'
        l_1_scope = missing
        yield ')\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'read_only_rules'):
        pass
        yield '_READ_ONLY: _http.ReadOnlyRules = {\n'
        for l_1_rule in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'read_only_rules'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(t_7(environment.getattr(l_1_rule, 'model')))
            yield ': (\n        '
            yield str(context.call((undefined(name='tuple_of') if l_0_tuple_of is missing else l_0_tuple_of), environment.getattr(l_1_rule, 'omit'), '        ', _loop_vars=_loop_vars))
            yield ',\n        '
            yield str(context.call((undefined(name='tuple_of') if l_0_tuple_of is missing else l_0_tuple_of), environment.getattr(l_1_rule, 'nested'), '        ', _loop_vars=_loop_vars))
            yield ',\n    ),\n'
        l_1_rule = missing
        yield '}\n"""readOnly properties, which request bodies leave out (see _http.omit_read_only)."""\n'
    for l_1_op in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'header_operations'):
        _loop_vars = {}
        pass
        yield '\n\n@dataclass(frozen=True, slots=True, kw_only=True)\nclass '
        yield str(environment.getattr(l_1_op, 'headers_class'))
        yield ':\n    '
        yield str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('The headers of a ', (environment.getattr(l_1_op, 'summary') or environment.getattr(l_1_op, 'operation_id')), ' response.\n\nA header the response did not send is None.', )), 4, _loop_vars=_loop_vars))
        yield '\n'
        for l_2_h in environment.getattr(l_1_op, 'headers'):
            _loop_vars = {}
            pass
            yield '\n    '
            yield str(environment.getattr(l_2_h, 'py_name'))
            yield ': '
            yield str(environment.getattr(environment.getattr(l_2_h, 'type'), 'annotation'))
            yield ' | None = None\n'
            if environment.getattr(l_2_h, 'description'):
                pass
                yield '    '
                yield str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), environment.getattr(l_2_h, 'description'), 4, _loop_vars=_loop_vars))
                yield '\n'
        l_2_h = missing
        yield '\n    @classmethod\n    '
        yield str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'def from_headers', ['cls', 'headers: httpx.Headers'], environment.getattr(l_1_op, 'headers_class'), '    ', _loop_vars=_loop_vars))
        yield '\n        """Read and type-check the headers (DeserializationError names a malformed\n        one)."""\n        return cls(\n'
        for l_2_h in environment.getattr(l_1_op, 'headers'):
            _loop_vars = {}
            pass
            yield '            '
            yield str(context.call((undefined(name='header_field') if l_0_header_field is missing else l_0_header_field), l_2_h, '            ', _loop_vars=_loop_vars))
            yield '\n'
        l_2_h = missing
        yield '        )\n'
    l_1_op = missing
    for l_1_op in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'operations'):
        _loop_vars = {}
        pass
        yield '\n\n'
        yield str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), str_join(('def ', environment.getattr(l_1_op, 'parser_name'), )), ['response: httpx.Response'], environment.getattr(l_1_op, 'return_annotation'), '', _loop_vars=_loop_vars))
        yield '\n'
        if environment.getattr(l_1_op, 'parser_reads_status'):
            pass
            yield '    status = response.status_code\n'
        for l_2_r in environment.getattr(l_1_op, 'success_responses'):
            l_2_range = missing
            _loop_vars = {}
            pass
            l_2_range = environment.getattr(l_2_r, 'status_range')
            _loop_vars['range'] = l_2_range
            yield '    if '
            if (environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 0) == environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 1)):
                pass
                yield 'status == '
                yield str(environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 0))
            else:
                pass
                yield str(environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 0))
                yield ' <= status <= '
                yield str(environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 1))
            yield ':\n'
            if (environment.getattr(l_2_r, 'body_kind') == 'text'):
                pass
                yield '        return response.text\n'
            elif (environment.getattr(l_2_r, 'body_kind') == 'bytes'):
                pass
                yield '        return response.content\n'
            elif environment.getattr(l_2_r, 'headers_class'):
                pass
                yield '        return '
                yield str(environment.getattr(l_2_r, 'headers_class'))
                yield '.from_headers(response.headers)\n'
            elif t_12(environment.getattr(l_2_r, 'type')):
                pass
                yield '        return'
                yield str((' None' if (environment.getattr(l_1_op, 'return_annotation') != 'None') else cond_expr_undefined("the inline if-expression on line 789 in 'package/client.py.j2' evaluated to false and no else section was defined.")))
                yield '\n'
            else:
                pass
                yield '        '
                yield str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), 'body = _http.read_json', ['response', t_7((environment.getattr(environment.getattr(l_2_r, 'type'), 'target') or 'response'))], '        ', _loop_vars=_loop_vars))
                yield '\n        return '
                yield str(context.call((undefined(name='decode') if l_0_decode is missing else l_0_decode), environment.getattr(l_2_r, 'type'), 'body', '_runtime.', _loop_vars=_loop_vars))
                yield '\n'
        l_2_r = l_2_range = missing
        for l_2_r in environment.getattr(l_1_op, 'error_responses'):
            l_2_range = l_2_pad = missing
            _loop_vars = {}
            pass
            l_2_range = environment.getattr(l_2_r, 'status_range')
            _loop_vars['range'] = l_2_range
            l_2_pad = ('    ' if t_12((undefined(name='range') if l_2_range is missing else l_2_range)) else '        ')
            _loop_vars['pad'] = l_2_pad
            if (not t_12((undefined(name='range') if l_2_range is missing else l_2_range))):
                pass
                yield '    if '
                if (environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 0) == environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 1)):
                    pass
                    yield 'status == '
                    yield str(environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 0))
                else:
                    pass
                    yield str(environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 0))
                    yield ' <= status <= '
                    yield str(environment.getitem((undefined(name='range') if l_2_range is missing else l_2_range), 1))
                yield ':\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield 'raise _http.api_error(\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield '    response,\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield '    '
            yield str((environment.getattr(environment.getattr(l_2_r, 'type'), 'target') if ((not t_12(environment.getattr(l_2_r, 'type'))) and (environment.getattr(environment.getattr(l_2_r, 'type'), 'kind') == 'model')) else 'None'))
            yield ',\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield '    code_header='
            yield str(t_7(environment.getattr(l_2_r, 'error_code_header')))
            yield ',\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield '    code_path='
            yield str(t_7(environment.getattr(l_2_r, 'error_code_path')))
            yield ',\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield '    message_path='
            yield str(t_7(environment.getattr(l_2_r, 'error_message_path')))
            yield ',\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield ')\n'
        l_2_r = l_2_range = l_2_pad = missing
        if ((not environment.getattr(l_1_op, 'error_responses')) or (not t_12(environment.getattr(environment.getitem(environment.getattr(l_1_op, 'error_responses'), -1), 'status_range')))):
            pass
            yield '    raise _http.api_error(response, None)\n'
        yield '\n\n'
        yield str(t_11(context.call((undefined(name='request_builder') if l_0_request_builder is missing else l_0_request_builder), l_1_op, _loop_vars=_loop_vars)))
        yield '\n'
    l_1_op = missing
    for l_1_op in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'long_running_operations'):
        l_1_lr = missing
        _loop_vars = {}
        pass
        l_1_lr = environment.getattr(l_1_op, 'long_running')
        _loop_vars['lr'] = l_1_lr
        yield '\n\n'
        yield str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), str_join(('def ', environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'reader_name'), )), ['response: httpx.Response'], str_join(('tuple[str, ', environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'result_annotation'), ', str | None]', )), '', _loop_vars=_loop_vars))
        yield '\n    '
        yield str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('One status response of ', (environment.getattr(l_1_op, 'summary') or environment.getattr(l_1_op, 'operation_id')), ": its status, the value, and the service's message.", )), 4, _loop_vars=_loop_vars))
        yield '\n'
        if (environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'style') == 'status-operation'):
            pass
            yield '    value = '
            yield str(environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'status_parser_name'))
            yield '(response)\n'
            if environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'message_field'):
                pass
                yield '    message = value.'
                yield str(environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'message_field'))
                yield '\n    return (\n        polling.status_text(value.'
                yield str(environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'status_field'))
                yield '),\n        value,\n        message if isinstance(message, str) else None,\n    )\n'
            else:
                pass
                yield '    return polling.status_text(value.'
                yield str(environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'status_field'))
                yield '), value, None\n'
        else:
            pass
            yield '    if not response.is_success:\n        '
            yield str(environment.getattr(l_1_op, 'parser_name'))
            yield '(response)\n        raise _http.api_error(response, None)\n    body = _http.read_json(response, "status")\n    status = _http.dig(body, ("status",)) or ""\n    message = _http.dig(body, ("error", "message"))\n'
            if environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'result_model'):
                pass
                yield '    return status, '
                yield str(environment.getattr((undefined(name='lr') if l_1_lr is missing else l_1_lr), 'result_model'))
                yield '.from_dict(body), message\n'
            else:
                pass
                yield '    return status, body, message\n'
    l_1_op = l_1_lr = missing
    yield '\n\n'
    yield str(t_11(context.call((undefined(name='client_class') if l_0_client_class is missing else l_0_client_class), False)))
    yield '\n\n\n'
    yield str(t_11(context.call((undefined(name='client_class') if l_0_client_class is missing else l_0_client_class), True)))
    yield '\n'
    for l_1_g in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'groups'):
        _loop_vars = {}
        pass
        yield '\n\n'
        yield str(t_11(context.call((undefined(name='group_class') if l_0_group_class is missing else l_0_group_class), l_1_g, False, _loop_vars=_loop_vars)))
        yield '\n\n\n'
        yield str(t_11(context.call((undefined(name='group_class') if l_0_group_class is missing else l_0_group_class), l_1_g, True, _loop_vars=_loop_vars)))
        yield '\n'
    l_1_g = missing
    yield '\n\n'
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_alias'))
    yield ' = Client\n'
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'async_client_alias'))
    yield ' = AsyncClient\n'
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
        t_37 = environment.filters['doc_inline']
    except KeyError:
        @internalcode
        def t_37(*unused):
            raise TemplateRuntimeError("No filter named 'doc_inline' found.")
    pass
    yield '"""HTTP clients of '
    yield str(t_37(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
    yield ': `Client` (blocking) and `AsyncClient` (asyncio).\n\nGenerated by clientgen from the API description; do not edit by hand.\n"""\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'footer': block_footer}
debug_info = '1=85&2=91&3=94&8=106&9=107&10=108&11=111&12=113&13=116&14=118&15=122&17=129&18=132&19=136&21=143&24=150&28=160&29=161&30=162&31=165&32=167&33=170&34=172&35=176&37=182&38=184&39=189&40=193&42=200&45=206&49=219&50=220&51=221&52=222&53=223&54=229&55=230&56=232&57=236&60=238&61=241&62=243&63=246&64=249&65=252&67=259&68=263&69=267&72=274&73=278&74=281&75=284&76=287&78=294&81=299&85=311&86=312&87=313&88=316&89=318&90=321&91=323&92=327&94=333&95=336&96=340&98=347&101=353&103=364&104=365&105=367&113=369&114=371&115=373&123=375&126=380&130=388&131=389&132=391&134=392&135=393&136=395&138=396&139=398&141=400&143=405&146=412&147=415&150=422&151=426&153=433&156=439&157=448&159=452&160=456&161=460&162=464&163=466&165=473&168=479&170=489&171=490&172=494&173=500&174=504&175=506&177=517&180=527&182=536&183=537&184=538&185=541&186=543&187=546&189=550&190=552&191=553&192=555&193=556&194=558&195=559&196=561&197=562&198=564&199=565&200=567&202=570&204=572&207=577&208=584&209=592&211=597&212=600&213=603&214=611&218=619&219=626&220=630&223=640&225=647&226=650&228=654&229=656&231=662&232=668&233=670&235=681&239=689&244=692&245=698&246=701&248=705&253=711&254=716&256=723&258=729&262=736&267=740&269=746&270=754&271=755&272=758&273=761&275=765&278=771&279=775&281=784&283=791&286=798&287=803&290=811&292=813&296=817&298=823&299=830&300=831&301=832&302=835&303=837&307=840&308=845&310=849&312=854&313=858&315=865&318=871&319=876&324=884&325=886&330=889&331=894&336=901&337=903&338=906&340=909&341=910&342=914&344=919&350=921&354=923&358=925&359=927&370=930&371=935&372=939&376=945&378=947&381=949&383=953&386=959&387=963&389=965&395=967&396=970&397=974&399=978&401=982&402=987&403=989&406=991&407=993&408=995&409=998&411=1002&413=1006&414=1011&415=1013&418=1015&419=1017&420=1019&421=1021&422=1023&426=1027&427=1032&428=1034&430=1038&432=1042&435=1051&438=1053&439=1055&441=1057&444=1059&445=1061&446=1063&447=1065&448=1068&449=1070&451=1075&452=1080&460=1096&462=1100&465=1105&467=1107&468=1109&469=1112&470=1116&471=1118&473=1120&475=1123&476=1127&479=1130&480=1135&489=1151&490=1153&493=1155&494=1157&495=1159&502=1166&503=1174&504=1175&505=1178&506=1180&510=1182&512=1185&513=1193&514=1195&515=1197&516=1199&517=1201&518=1203&520=1207&522=1211&525=1220&528=1222&529=1224&530=1226&531=1230&532=1232&535=1239&536=1241&537=1243&541=1250&543=1255&544=1258&545=1264&546=1266&547=1270&549=1277&551=1282&552=1286&556=1294&557=1301&558=1304&561=1306&562=1309&563=1313&564=1315&565=1319&568=1323&569=1327&570=1329&571=1333&572=1335&575=1339&576=1340&577=1344&579=1349&580=1351&581=1354&582=1357&583=1361&585=1368&586=1380&589=1384&591=1389&592=1392&593=1396&595=1405&596=1417&602=1426&604=1431&605=1434&606=1438&608=1445&609=1457&613=1461&614=1465&616=1478&617=1480&618=1482&619=1485&620=1492&622=1497&623=1502&630=1518&632=1523&633=1526&634=1528&635=1532&637=1541&640=1548&641=1551&642=1555&644=1564&648=1570&649=1573&650=1577&653=1584&654=1586&658=1591&661=1593&663=1595&667=1601&668=1606&669=1611&673=1629&682=1631&683=1634&685=1637&690=1641&691=1644&692=1647&694=1652&696=1654&699=1657&700=1660&702=1662&704=1665&705=1669&709=1673&711=1676&712=1680&714=1683&715=1687&721=1692&722=1696&726=1700&727=1702&728=1705&729=1707&732=1712&733=1716&737=1720&739=1723&740=1727&741=1729&742=1731&748=1735&752=1739&753=1741&754=1743&756=1747&757=1751&758=1754&763=1758&767=1760&768=1764&772=1769&775=1773&776=1775&779=1778&780=1782&781=1785&782=1795&784=1798&786=1801&787=1804&788=1806&789=1809&791=1814&792=1816&795=1819&796=1823&797=1825&798=1827&799=1830&801=1840&802=1842&803=1844&804=1848&805=1852&806=1856&807=1860&809=1863&814=1867&816=1870&817=1874&820=1877&821=1879&822=1881&823=1884&824=1886&825=1889&827=1891&832=1896&836=1901&841=1903&842=1906&850=1913&853=1915&854=1917&857=1921&860=1923&864=1927&865=1929&866=1931&673=1933&674=1949&866=1952'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "1019795ded225818cce8ba4d15e2d0b9e45a9e036a6121ae5d6444c4ee1a7ac0", "template": "package/client.py.j2"}'
