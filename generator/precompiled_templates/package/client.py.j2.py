from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/client.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_api = resolve('api')
    l_0_decode = l_0_server = l_0_call = l_0_concat = l_0_annotated = l_0_signature = l_0_check = l_0_doc = l_0_tuple_of = l_0_to_wire = l_0_content = l_0_header_field = l_0_arguments = l_0_forward = l_0_operation_doc = l_0_client_class = l_0_group_class = l_0_request_builder = l_0_variable_docs = l_0_scopes = missing
    try:
        t_1 = environment.filters['doc_inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'doc_inline' found.")
    try:
        t_2 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_3 = environment.filters['import_order']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'import_order' found.")
    try:
        t_4 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_7 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_8 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    try:
        t_9 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_10 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    try:
        t_11 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_12 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    try:
        t_13 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_13(*unused):
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
        t_14 = []
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
        l_1_body = t_4(context.eval_ctx, l_1_args, ', ')
        l_1_one = str_join((l_1_head, '(', (undefined(name='body') if l_1_body is missing else l_1_body), ')', l_1_tail, ))
        if (((t_5(l_1_indent) + t_5((undefined(name='one') if l_1_one is missing else l_1_one))) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))):
            pass
            t_14.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif (((t_5(l_1_indent) + 4) + t_5((undefined(name='body') if l_1_body is missing else l_1_body))) <= 88):
            pass
            t_14.extend((
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
            t_14.extend((
                str(l_1_head),
                '(\n',
            ))
            for l_2_arg in l_1_args:
                _loop_vars = {}
                pass
                t_14.extend((
                    str(l_1_indent),
                    '    ',
                    str(l_2_arg),
                    ',\n',
                ))
            l_2_arg = missing
            t_14.extend((
                str(l_1_indent),
                ')',
                str(l_1_tail),
            ))
        return concat(t_14)
    context.exported_vars.add('call')
    context.vars['call'] = l_0_call = Macro(environment, macro, 'call', ('head', 'args', 'indent', 'tail'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_target, l_1_parts, l_1_indent):
        t_15 = []
        l_1_body = l_1_one = missing
        if l_1_target is missing:
            l_1_target = undefined("parameter 'target' was not provided", name='target')
        if l_1_parts is missing:
            l_1_parts = undefined("parameter 'parts' was not provided", name='parts')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_body = t_4(context.eval_ctx, l_1_parts, ' + ')
        l_1_one = str_join((l_1_target, ' = ', (undefined(name='body') if l_1_body is missing else l_1_body), ))
        if (((((t_5(l_1_indent) + t_5((undefined(name='one') if l_1_one is missing else l_1_one))) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))) or (t_5(l_1_parts) < 2)) or ((t_5(l_1_parts) == 2) and context.call(environment.getattr(environment.getitem(l_1_parts, 1), 'endswith'), ')'))):
            pass
            t_15.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif (((t_5(l_1_indent) + 4) + t_5((undefined(name='body') if l_1_body is missing else l_1_body))) <= 88):
            pass
            t_15.extend((
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
            t_15.extend((
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
                t_15.extend((
                    str(l_1_indent),
                    '    + ',
                    str(l_2_part),
                    '\n',
                ))
            l_2_part = missing
            t_15.extend((
                str(l_1_indent),
                ')',
            ))
        return concat(t_15)
    context.exported_vars.add('concat')
    context.vars['concat'] = l_0_concat = Macro(environment, macro, 'concat', ('target', 'parts', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_prefix, l_1_annotation, l_1_suffix, l_1_indent):
        t_16 = []
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
        if (((((t_5(l_1_indent) + t_5((undefined(name='one') if l_1_one is missing else l_1_one))) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))) or ('"' in l_1_annotation)) or ("'" in l_1_annotation)):
            pass
            t_16.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif (t_5((undefined(name='parts') if l_1_parts is missing else l_1_parts)) > 1):
            pass
            t_16.extend((
                str(l_1_prefix),
                '(\n',
            ))
            if ((t_5((undefined(name='inner') if l_1_inner is missing else l_1_inner)) + t_5(l_1_annotation)) <= 88):
                pass
                t_16.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    str(l_1_annotation),
                    '\n',
                ))
            else:
                pass
                t_16.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    str(environment.getitem((undefined(name='parts') if l_1_parts is missing else l_1_parts), 0)),
                    '\n',
                ))
                for l_2_part in (undefined(name='parts') if l_1_parts is missing else l_1_parts)[1:]:
                    _loop_vars = {}
                    pass
                    t_16.extend((
                        str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                        '| ',
                        str(l_2_part),
                        '\n',
                    ))
                l_2_part = missing
            t_16.extend((
                str(l_1_indent),
                ')',
                str(l_1_suffix),
            ))
        elif ((context.call(environment.getattr(l_1_annotation, 'endswith'), ']') and ('[' in l_1_annotation)) and ((((t_5((undefined(name='inner') if l_1_inner is missing else l_1_inner)) + t_5(l_1_annotation)) - context.call(environment.getattr(l_1_annotation, 'index'), '[')) - 2) <= 88)):
            pass
            t_16.extend((
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
            t_16.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        return concat(t_16)
    context.exported_vars.add('annotated')
    context.vars['annotated'] = l_0_annotated = Macro(environment, macro, 'annotated', ('prefix', 'annotation', 'suffix', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_head, l_1_params, l_1_returns, l_1_indent):
        t_17 = []
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
        l_1_body = t_4(context.eval_ctx, l_1_params, ', ')
        l_1_one = str_join((l_1_head, '(', (undefined(name='body') if l_1_body is missing else l_1_body), ') -> ', l_1_returns, ':', ))
        if (((t_5(l_1_indent) + t_5((undefined(name='one') if l_1_one is missing else l_1_one))) <= 88) or (not context.call(environment.getattr((undefined(name='one') if l_1_one is missing else l_1_one), 'isascii')))):
            pass
            t_17.append(
                str((undefined(name='one') if l_1_one is missing else l_1_one)),
            )
        elif ((t_5(l_1_params) > 1) and (((t_5(l_1_indent) + 4) + t_5((undefined(name='body') if l_1_body is missing else l_1_body))) <= 88)):
            pass
            t_17.extend((
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
            t_17.extend((
                str(l_1_head),
                '(\n',
            ))
            for l_2_param in l_1_params:
                _loop_vars = {}
                pass
                t_17.extend((
                    str(l_1_indent),
                    '    ',
                    str(l_2_param),
                    ',\n',
                ))
            l_2_param = missing
            t_17.extend((
                str(l_1_indent),
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', l_1_returns, ':', l_1_indent)),
            ))
        return concat(t_17)
    context.exported_vars.add('signature')
    context.vars['signature'] = l_0_signature = Macro(environment, macro, 'signature', ('head', 'params', 'returns', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_p, l_1_name, l_1_indent):
        t_18 = []
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
        if (((environment.getattr(environment.getattr(l_1_p, 'type'), 'kind') in ('string', 'datetime', 'date')) and (environment.getattr(environment.getattr(l_1_p, 'type'), 'kind') == 'string')) and (((not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'))) or (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length')))) or (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern'))))):
            pass
            l_1_args = [t_8(environment.getattr(l_1_p, 'py_name')), l_1_name, (str_join(('min_length=', environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'), )) if (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'min_length'))) else ''), (str_join(('max_length=', environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length'), )) if (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'max_length'))) else ''), (str_join(('pattern=', t_8(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern')), )) if (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'python_pattern'))) else '')]
            t_18.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.check_text', t_6(context.eval_ctx, t_10(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_indent)),
            )
        elif ((environment.getattr(environment.getattr(l_1_p, 'type'), 'kind') in ('integer', 'number')) and ((not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) or (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))))):
            pass
            l_1_args = [t_8(environment.getattr(l_1_p, 'py_name')), l_1_name, (str_join(('minimum=', t_8(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum')), )) if (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) else ''), (str_join(('exclusive_minimum=', t_8(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'exclusive_minimum')), )) if (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'minimum'))) else ''), (str_join(('maximum=', t_8(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum')), )) if (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))) else ''), (str_join(('exclusive_maximum=', t_8(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'exclusive_maximum')), )) if (not t_13(environment.getattr((undefined(name='c') if l_1_c is missing else l_1_c), 'maximum'))) else '')]
            t_18.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.check_number', t_6(context.eval_ctx, t_10(context, (undefined(name='args') if l_1_args is missing else l_1_args))), l_1_indent)),
            )
        return concat(t_18)
    context.exported_vars.add('check')
    context.vars['check'] = l_0_check = Macro(environment, macro, 'check', ('p', 'name', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_text, l_1_indent):
        t_19 = []
        l_1_d = l_1_lines = missing
        if l_1_text is missing:
            l_1_text = undefined("parameter 'text' was not provided", name='text')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_d = t_2(l_1_text, l_1_indent)
        if ((context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'count'), '\n') == 1) and context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'endswith'), str_join(('\n', (' ' * l_1_indent), '"""', )))):
            pass
            l_1_d = t_2(l_1_text, l_1_indent, 82)
        l_1_lines = context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'split'), '\n')
        if ((t_5((undefined(name='lines') if l_1_lines is missing else l_1_lines)) == 2) and (environment.getitem((undefined(name='lines') if l_1_lines is missing else l_1_lines), 1) == str_join(((' ' * l_1_indent), '"""', )))):
            pass
            l_1_d = str_join((environment.getitem((undefined(name='lines') if l_1_lines is missing else l_1_lines), 0), '"""', ))
        if ((('\n' not in (undefined(name='d') if l_1_d is missing else l_1_d)) and (t_5((undefined(name='d') if l_1_d is missing else l_1_d)) > 6)) and (environment.getitem((undefined(name='d') if l_1_d is missing else l_1_d), -4) == '"')):
            pass
            l_1_d = str_join(((undefined(name='d') if l_1_d is missing else l_1_d)[:-3], ' """', ))
        t_19.append(
            str((str_join(('""" ', (undefined(name='d') if l_1_d is missing else l_1_d)[3:], )) if context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'startswith'), '""""') else (undefined(name='d') if l_1_d is missing else l_1_d))),
        )
        return concat(t_19)
    context.exported_vars.add('doc')
    context.vars['doc'] = l_0_doc = Macro(environment, macro, 'doc', ('text', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_items, l_1_indent):
        t_20 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        if (t_5(l_1_items) < 2):
            pass
            t_20.append(
                str(t_8(l_1_items)),
            )
        else:
            pass
            t_20.append(
                '(\n',
            )
            for l_2_item in l_1_items:
                _loop_vars = {}
                pass
                t_20.extend((
                    str(l_1_indent),
                    '    ',
                    str(t_8(l_2_item)),
                    ',\n',
                ))
            l_2_item = missing
            t_20.extend((
                str(l_1_indent),
                ')',
            ))
        return concat(t_20)
    context.exported_vars.add('tuple_of')
    context.vars['tuple_of'] = l_0_tuple_of = Macro(environment, macro, 'tuple_of', ('items', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_value, l_1_read_only, l_1_indent):
        t_21 = []
        if l_1_value is missing:
            l_1_value = undefined("parameter 'value' was not provided", name='value')
        if l_1_read_only is missing:
            l_1_read_only = undefined("parameter 'read_only' was not provided", name='read_only')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        if l_1_read_only:
            pass
            t_21.extend((
                '_http.omit_read_only(\n',
                str(l_1_indent),
                '    _http.to_wire(',
                str(l_1_value),
                '),\n',
                str(l_1_indent),
                '    ',
                str(t_8(environment.getattr(l_1_read_only, 'shape'))),
                ',\n',
                str(l_1_indent),
                '    ',
                str(t_8(environment.getattr(l_1_read_only, 'model'))),
                ',\n',
                str(l_1_indent),
                '    _READ_ONLY,\n',
                str(l_1_indent),
                ')',
            ))
        else:
            pass
            t_21.extend((
                '_http.to_wire(',
                str(l_1_value),
                ')',
            ))
        return concat(t_21)
    context.exported_vars.add('to_wire')
    context.vars['to_wire'] = l_0_to_wire = Macro(environment, macro, 'to_wire', ('value', 'read_only', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_body, l_1_value, l_1_indent):
        t_22 = []
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
            t_22.extend((
                '_content = _http.',
                str(environment.getattr(environment.getattr(l_1_body, 'encoding'), 'value')),
                '_content(',
                str(l_1_value),
                str((undefined(name='styles') if l_1_styles is missing else l_1_styles)),
                ')',
            ))
        elif environment.getattr(l_1_body, 'read_only'):
            pass
            t_22.extend((
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
            t_22.extend((
                '_content = _http.',
                str(environment.getattr(environment.getattr(l_1_body, 'encoding'), 'value')),
                '_content(_http.to_wire(',
                str(l_1_value),
                ')',
                str((undefined(name='styles') if l_1_styles is missing else l_1_styles)),
                ')',
            ))
        return concat(t_22)
    context.exported_vars.add('content')
    context.vars['content'] = l_0_content = Macro(environment, macro, 'content', ('body', 'value', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_h, l_1_indent):
        t_23 = []
        l_1_reader = resolve('reader')
        l_1_t = l_1_name = missing
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        l_1_t = environment.getattr(l_1_h, 'type')
        l_1_name = t_8(environment.getattr(l_1_h, 'name'))
        if (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'string'):
            pass
            t_23.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join((environment.getattr(l_1_h, 'py_name'), '=headers.get', )), [(undefined(name='name') if l_1_name is missing else l_1_name)], l_1_indent, ',')),
            )
        elif (environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'kind') == 'enum'):
            pass
            t_23.append(
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
            t_23.append(
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join((environment.getattr(l_1_h, 'py_name'), '=_http.header_', (undefined(name='reader') if l_1_reader is missing else l_1_reader), )), ['headers', (undefined(name='name') if l_1_name is missing else l_1_name)], l_1_indent, ',')),
            )
        return concat(t_23)
    context.exported_vars.add('header_field')
    context.vars['header_field'] = l_0_header_field = Macro(environment, macro, 'header_field', ('h', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op, l_1_indent):
        t_24 = []
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        def t_25(fiter):
            for l_2_a in fiter:
                if environment.getattr(l_2_a, 'required'):
                    yield l_2_a
        for l_2_a in t_25(environment.getattr(l_1_op, 'signature')):
            _loop_vars = {}
            pass
            t_24.extend((
                str(l_1_indent),
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), str_join((environment.getattr(l_2_a, 'py_name'), ': ', )), environment.getattr(l_2_a, 'annotation'), ',', l_1_indent, _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_a = missing
        if t_6(context.eval_ctx, t_9(context, environment.getattr(l_1_op, 'signature'), 'required')):
            pass
            t_24.extend((
                str(l_1_indent),
                '*,\n',
            ))
            def t_26(fiter):
                for l_2_a in fiter:
                    if (not environment.getattr(l_2_a, 'required')):
                        yield l_2_a
            for l_2_a in t_26(environment.getattr(l_1_op, 'signature')):
                _loop_vars = {}
                pass
                t_24.extend((
                    str(l_1_indent),
                    str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), str_join((environment.getattr(l_2_a, 'py_name'), ': ', )), environment.getattr(l_2_a, 'annotation'), ' = UNSET,', l_1_indent, _loop_vars=_loop_vars)),
                    '\n',
                ))
            l_2_a = missing
        return concat(t_24)
    context.exported_vars.add('arguments')
    context.vars['arguments'] = l_0_arguments = Macro(environment, macro, 'arguments', ('op', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op, l_1_indent):
        t_27 = []
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        if l_1_indent is missing:
            l_1_indent = undefined("parameter 'indent' was not provided", name='indent')
        pass
        for l_2_a in environment.getattr(l_1_op, 'signature'):
            _loop_vars = {}
            pass
            t_27.extend((
                str(l_1_indent),
                str(environment.getattr(l_2_a, 'py_name')),
                '=',
                str(environment.getattr(l_2_a, 'py_name')),
                ',\n',
            ))
        l_2_a = missing
        return concat(t_27)
    context.exported_vars.add('forward')
    context.vars['forward'] = l_0_forward = Macro(environment, macro, 'forward', ('op', 'indent'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op):
        t_28 = []
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        pass
        t_28.extend((
            str((environment.getattr(l_1_op, 'summary') or environment.getattr(l_1_op, 'operation_id'))),
            '\n',
        ))
        if (environment.getattr(l_1_op, 'description') and (environment.getattr(l_1_op, 'description') != environment.getattr(l_1_op, 'summary'))):
            pass
            t_28.extend((
                '\n',
                str(environment.getattr(l_1_op, 'description')),
                '\n',
            ))
        if environment.getattr(l_1_op, 'signature'):
            pass
            t_28.append(
                '\nArgs:\n',
            )
            for l_2_a in environment.getattr(l_1_op, 'signature'):
                _loop_vars = {}
                pass
                t_28.extend((
                    '    ',
                    str(environment.getattr(l_2_a, 'py_name')),
                    ': ',
                    str(environment.getattr(l_2_a, 'description')),
                    '\n',
                ))
            l_2_a = missing
        if ((not t_13(environment.getattr(l_1_op, 'body'))) and environment.getattr(environment.getattr(l_1_op, 'body'), 'other_media_types')):
            pass
            t_28.extend((
                '\nThe request body is sent as ',
                str(environment.getattr(environment.getattr(l_1_op, 'body'), 'media_type')),
                '; the API also accepts ',
                str(t_4(context.eval_ctx, environment.getattr(environment.getattr(l_1_op, 'body'), 'other_media_types'), ', ')),
                ' (use send_request for those).\n',
            ))
        t_28.extend((
            '\nReturns:\n    ',
            str(environment.getattr(l_1_op, 'return_annotation')),
            ': ',
            str((t_4(context.eval_ctx, t_10(context, t_7(context, environment.getattr(l_1_op, 'success_responses'), attribute='description')), ' ') or 'The result.')),
            "\n\nRaises:\n    ApiError: the service answered with an error status.\n    DeserializationError: a success body does not match its schema.\n    ValueError: a parameter breaks the spec's constraints; nothing was sent.",
        ))
        return concat(t_28)
    context.exported_vars.add('operation_doc')
    context.vars['operation_doc'] = l_0_operation_doc = Macro(environment, macro, 'operation_doc', ('op',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_is_async):
        t_29 = []
        l_1_async_ = l_1_await_ = l_1_name = l_1_parts = missing
        if l_1_is_async is missing:
            l_1_is_async = undefined("parameter 'is_async' was not provided", name='is_async')
        pass
        l_1_async_ = ('async ' if l_1_is_async else '')
        l_1_await_ = ('await ' if l_1_is_async else '')
        l_1_name = ('AsyncClient' if l_1_is_async else 'Client')
        t_29.extend((
            'class ',
            str((undefined(name='name') if l_1_name is missing else l_1_name)),
            ':\n    ',
            str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title'), ' client', (', for asyncio' if l_1_is_async else ''), '.\n\nArgs:\n', context.call((undefined(name='variable_docs') if l_0_variable_docs is missing else l_0_variable_docs), (undefined(name='server') if l_0_server is missing else l_0_server)), '    credential: how to authenticate: ', (t_4(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'), ' or ') or 'none'), '.\n    timeout: seconds (or an httpx.Timeout) for each attempt.\n    max_retries: retries of idempotent requests after connection errors, 408, 429 and 5xx\n        (502, 503, 504, 500); 0 turns retries off.\n    transport: an httpx transport to send through (tests, proxies).\n    http_client: an httpx client to use instead of creating one; it is not closed.\n    base_url: replaces the whole server URL (for proxies and mock servers).\n    backoff_factor: the first retry waits about this many seconds, then it doubles.\n    backoff_max: the longest backoff between attempts, in seconds.', )), 4)),
            '\n\n    def __init__(\n        self,\n',
        ))
        for l_2_v in environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'required_variables'):
            _loop_vars = {}
            pass
            t_29.extend((
                '        ',
                str(environment.getattr(l_2_v, 'py_name')),
                ': str,\n',
            ))
        l_2_v = missing
        if (not environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types')):
            pass
            t_29.append(
                '        credential: None = None,\n',
            )
        elif (not environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security')):
            pass
            t_29.extend((
                '        credential: ',
                str(t_4(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'), ' | ')),
                ' | None = None,\n',
            ))
        else:
            pass
            t_29.extend((
                '        credential: ',
                str(t_4(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'), ' | ')),
                ',\n',
            ))
        t_29.append(
            '        *,\n',
        )
        for l_2_v in environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'optional_variables'):
            _loop_vars = {}
            pass
            t_29.extend((
                '        ',
                str(environment.getattr(l_2_v, 'py_name')),
                ': str = ',
                str(t_8(environment.getattr(l_2_v, 'default'))),
                ',\n',
            ))
        l_2_v = missing
        t_29.extend((
            '        timeout: float | httpx.Timeout = 30.0,\n        max_retries: int = 3,\n        transport: httpx.',
            str(('AsyncBaseTransport' if l_1_is_async else 'BaseTransport')),
            ' | None = None,\n        http_client: httpx.',
            str(('AsyncClient' if l_1_is_async else 'Client')),
            ' | None = None,\n        base_url: str | None = None,\n        backoff_factor: float = 0.5,\n        backoff_max: float = 30.0,\n    ) -> None:\n',
        ))
        for l_2_v in environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'variables'):
            _loop_vars = {}
            pass
            t_29.extend((
                '        ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join((environment.getattr(l_2_v, 'py_name'), ' = _http.check_choice', )), [t_8(environment.getattr(l_2_v, 'py_name')), environment.getattr(l_2_v, 'py_name'), t_8(environment.getattr(l_2_v, 'enum'))], '        ', _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_v = missing
        t_29.append(
            '        if base_url is None:\n',
        )
        l_1_parts = []
        for l_2_part in environment.getattr((undefined(name='server') if l_0_server is missing else l_0_server), 'parts'):
            l_2__ = missing
            _loop_vars = {}
            pass
            l_2__ = context.call(environment.getattr((undefined(name='parts') if l_1_parts is missing else l_1_parts), 'append'), (environment.getattr(l_2_part, 'name') or t_8(environment.getattr(l_2_part, 'literal'))), _loop_vars=_loop_vars)
            _loop_vars['_'] = l_2__
        l_2_part = l_2__ = missing
        t_29.extend((
            '            ',
            str(context.call((undefined(name='concat') if l_0_concat is missing else l_0_concat), 'base_url', ((undefined(name='parts') if l_1_parts is missing else l_1_parts) or ['""']), '            ')),
            '\n        self._base_url = base_url.rstrip("/")\n        self._owns_http = http_client is None\n        self._http = (\n            http_client\n            if http_client is not None\n            else httpx.',
            str(('AsyncClient' if l_1_is_async else 'Client')),
            '(\n                transport=transport, timeout=timeout, follow_redirects=False\n            )\n        )\n        self._pipeline = _http.',
            str(('AsyncPipeline' if l_1_is_async else 'Pipeline')),
            '(\n            self._http,\n            _http.Auth(\n                credential,\n                key_name=',
            str(t_8((environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key'), 'parameter_name') if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key') else None))),
            ',\n                key_in=',
            str(t_8((environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key'), 'location') if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'api_key') else None))),
            ',\n                scopes=_SCOPES,\n                base_url=self._base_url,\n            ),\n            max_retries=max_retries,\n            backoff_factor=backoff_factor,\n            backoff_max=backoff_max,\n            user_agent=USER_AGENT,\n        )\n',
        ))
        for l_2_g in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'groups'):
            _loop_vars = {}
            pass
            t_29.extend((
                '        self.',
                str(environment.getattr(l_2_g, 'attribute')),
                ' = ',
                str((environment.getattr(l_2_g, 'async_class_name') if l_1_is_async else environment.getattr(l_2_g, 'class_name'))),
                '(self)\n        ',
                str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('Operations of the group ', environment.getattr(l_2_g, 'name'), '.', )), 8, _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_g = missing
        t_29.extend((
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
            t_29.extend((
                '\n    ',
                str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
                'def ',
                str(environment.getattr(l_2_op, 'py_name')),
                '(\n        self,\n',
                str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), l_2_op, '        ', _loop_vars=_loop_vars)),
                '    ',
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', environment.getattr(l_2_op, 'return_annotation'), ':', '    ', _loop_vars=_loop_vars)),
                '\n        ',
                str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), context.call((undefined(name='operation_doc') if l_0_operation_doc is missing else l_0_operation_doc), l_2_op, _loop_vars=_loop_vars), 8, _loop_vars=_loop_vars)),
                '\n        _request = ',
                str(environment.getattr(l_2_op, 'builder_name')),
                '(\n            self._http,\n            self._base_url,\n',
                str(context.call((undefined(name='forward') if l_0_forward is missing else l_0_forward), l_2_op, '            ', _loop_vars=_loop_vars)),
                '        )\n        ',
                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('return ', environment.getattr(l_2_op, 'parser_name'), )), [str_join(((undefined(name='await_') if l_1_await_ is missing else l_1_await_), 'self._pipeline.send(_request)', ))], '        ', _loop_vars=_loop_vars)),
                '\n',
            ))
            if environment.getattr(l_2_op, 'with_headers_name'):
                pass
                t_29.extend((
                    '\n    ',
                    str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
                    'def ',
                    str(environment.getattr(l_2_op, 'with_headers_name')),
                    '(\n        self,\n',
                    str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), l_2_op, '        ', _loop_vars=_loop_vars)),
                    '    ',
                    str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', str_join(('tuple[', environment.getattr(l_2_op, 'return_annotation'), ', ', environment.getattr(l_2_op, 'headers_class'), ']', )), ':', '    ', _loop_vars=_loop_vars)),
                    '\n        ',
                    str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('The same call as `', environment.getattr(l_2_op, 'py_name'), "`, also returning the response's typed headers.", )), 8, _loop_vars=_loop_vars)),
                    '\n        _request = ',
                    str(environment.getattr(l_2_op, 'builder_name')),
                    '(\n            self._http,\n            self._base_url,\n',
                    str(context.call((undefined(name='forward') if l_0_forward is missing else l_0_forward), l_2_op, '            ', _loop_vars=_loop_vars)),
                    '        )\n        _response = ',
                    str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
                    'self._pipeline.send(_request)\n        _result = ',
                    str(environment.getattr(l_2_op, 'parser_name')),
                    '(_response)\n        ',
                    str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_headers = ', environment.getattr(l_2_op, 'headers_class'), '.from_headers', )), ['_response.headers'], '        ', _loop_vars=_loop_vars)),
                    '\n        return _result, _headers\n',
                ))
        l_2_op = l_2_body = missing
        return concat(t_29)
    context.exported_vars.add('client_class')
    context.vars['client_class'] = l_0_client_class = Macro(environment, macro, 'client_class', ('is_async',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_g, l_1_is_async):
        t_30 = []
        l_1_async_ = l_1_await_ = missing
        if l_1_g is missing:
            l_1_g = undefined("parameter 'g' was not provided", name='g')
        if l_1_is_async is missing:
            l_1_is_async = undefined("parameter 'is_async' was not provided", name='is_async')
        pass
        l_1_async_ = ('async ' if l_1_is_async else '')
        l_1_await_ = ('await ' if l_1_is_async else '')
        t_30.extend((
            'class ',
            str((environment.getattr(l_1_g, 'async_class_name') if l_1_is_async else environment.getattr(l_1_g, 'class_name'))),
            ':\n    ',
            str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(((environment.getattr(l_1_g, 'description') or environment.getattr(l_1_g, 'name')), '\n\nReached as `', ('AsyncClient' if l_1_is_async else 'Client'), '.', environment.getattr(l_1_g, 'attribute'), '`; each method is the same call as the client method it names.', )), 4)),
            '\n\n    __slots__ = ("_client",)\n\n    def __init__(self, client: ',
            str(('AsyncClient' if l_1_is_async else 'Client')),
            ') -> None:\n        self._client = client\n',
        ))
        for l_2_m in environment.getattr(l_1_g, 'methods'):
            l_2_op = l_2_returns = l_2_flat = missing
            _loop_vars = {}
            pass
            l_2_op = environment.getattr(l_2_m, 'operation')
            _loop_vars['op'] = l_2_op
            t_30.extend((
                '\n    ',
                str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
                'def ',
                str(environment.getattr(l_2_m, 'py_name')),
                '(\n        self,\n',
            ))
            l_2_returns = (str_join(('tuple[', environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'return_annotation'), ', ', environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'headers_class'), ']', )) if environment.getattr(l_2_m, 'returns_headers') else environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'return_annotation'))
            _loop_vars['returns'] = l_2_returns
            t_30.extend((
                str(context.call((undefined(name='arguments') if l_0_arguments is missing else l_0_arguments), (undefined(name='op') if l_2_op is missing else l_2_op), '        ', _loop_vars=_loop_vars)),
                '    ',
                str(context.call((undefined(name='annotated') if l_0_annotated is missing else l_0_annotated), ') -> ', (undefined(name='returns') if l_2_returns is missing else l_2_returns), ':', '    ', _loop_vars=_loop_vars)),
                '\n',
            ))
            l_2_flat = (environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'with_headers_name') if environment.getattr(l_2_m, 'returns_headers') else environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'py_name'))
            _loop_vars['flat'] = l_2_flat
            if environment.getattr(l_2_m, 'returns_headers'):
                pass
                t_30.extend((
                    '        ',
                    str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join(('The same as `', ('AsyncClient' if l_1_is_async else 'Client'), '.', (undefined(name='flat') if l_2_flat is missing else l_2_flat), '`.', )), 8, _loop_vars=_loop_vars)),
                    '\n',
                ))
            else:
                pass
                t_30.extend((
                    '        ',
                    str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join((context.call((undefined(name='operation_doc') if l_0_operation_doc is missing else l_0_operation_doc), (undefined(name='op') if l_2_op is missing else l_2_op), _loop_vars=_loop_vars), '\n\nThe same as `', ('AsyncClient' if l_1_is_async else 'Client'), '.', (undefined(name='flat') if l_2_flat is missing else l_2_flat), '`.', )), 8, _loop_vars=_loop_vars)),
                    '\n',
                ))
            if environment.getattr((undefined(name='op') if l_2_op is missing else l_2_op), 'signature'):
                pass
                t_30.extend((
                    '        return ',
                    str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
                    'self._client.',
                    str((undefined(name='flat') if l_2_flat is missing else l_2_flat)),
                    '(\n',
                    str(context.call((undefined(name='forward') if l_0_forward is missing else l_0_forward), (undefined(name='op') if l_2_op is missing else l_2_op), '            ', _loop_vars=_loop_vars)),
                    '        )\n',
                ))
            else:
                pass
                t_30.extend((
                    '        return ',
                    str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
                    'self._client.',
                    str((undefined(name='flat') if l_2_flat is missing else l_2_flat)),
                    '()\n',
                ))
        l_2_m = l_2_op = l_2_returns = l_2_flat = missing
        return concat(t_30)
    context.exported_vars.add('group_class')
    context.vars['group_class'] = l_0_group_class = Macro(environment, macro, 'group_class', ('g', 'is_async'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_op):
        t_31 = []
        l_1_ps = resolve('ps')
        l_1_body = l_1_parts = missing
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        pass
        l_1_body = environment.getattr(l_1_op, 'body')
        t_31.extend((
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
                t_31.extend((
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
                t_31.extend((
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
            l_2__ = context.call(environment.getattr((undefined(name='parts') if l_1_parts is missing else l_1_parts), 'append'), (str_join(('_http.quote_path(', environment.getattr(l_2_part, 'name'), ')', )) if environment.getattr(l_2_part, 'name') else t_8(environment.getattr(l_2_part, 'literal'))), _loop_vars=_loop_vars)
            _loop_vars['_'] = l_2__
        l_2_part = l_2__ = missing
        t_31.extend((
            '    ',
            str(context.call((undefined(name='concat') if l_0_concat is missing else l_0_concat), '_url', (undefined(name='parts') if l_1_parts is missing else l_1_parts), '    ')),
            '\n    _headers = {"Accept": ',
            str(t_8(environment.getattr(l_1_op, 'accept'))),
            '}\n',
        ))
        for l_2_p in context.call(environment.getattr(l_1_op, 'parameters_in'), 'header'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_p, 'required'):
                pass
                t_31.extend((
                    '    ',
                    str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_headers[', t_8(environment.getattr(l_2_p, 'name')), '] = _http.to_text', )), [environment.getattr(l_2_p, 'py_name')], '    ', _loop_vars=_loop_vars)),
                    '\n',
                ))
            else:
                pass
                t_31.extend((
                    '    if ',
                    str(environment.getattr(l_2_p, 'py_name')),
                    ' is not UNSET',
                ))
                if environment.getattr(environment.getattr(l_2_p, 'type'), 'nullable'):
                    pass
                    t_31.extend((
                        ' and ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        ' is not None',
                    ))
                t_31.extend((
                    ':\n        ',
                    str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_headers[', t_8(environment.getattr(l_2_p, 'name')), '] = _http.to_text', )), [environment.getattr(l_2_p, 'py_name')], '        ', _loop_vars=_loop_vars)),
                    '\n',
                ))
        l_2_p = missing
        if context.call(environment.getattr(l_1_op, 'parameters_in'), 'cookie'):
            pass
            t_31.append(
                '    _cookies: list[tuple[str, object]] = []\n',
            )
            for l_2_p in context.call(environment.getattr(l_1_op, 'parameters_in'), 'cookie'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_p, 'required'):
                    pass
                    t_31.extend((
                        '    _cookies.append((',
                        str(t_8(environment.getattr(l_2_p, 'name'))),
                        ', ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        '))\n',
                    ))
                else:
                    pass
                    t_31.extend((
                        '    if ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        ' is not UNSET',
                    ))
                    if environment.getattr(environment.getattr(l_2_p, 'type'), 'nullable'):
                        pass
                        t_31.extend((
                            ' and ',
                            str(environment.getattr(l_2_p, 'py_name')),
                            ' is not None',
                        ))
                    t_31.extend((
                        ':\n        _cookies.append((',
                        str(t_8(environment.getattr(l_2_p, 'name'))),
                        ', ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        '))\n',
                    ))
            l_2_p = missing
            t_31.append(
                '    if _cookies:\n        _headers["Cookie"] = _http.cookie_header(_cookies)\n',
            )
        if context.call(environment.getattr(l_1_op, 'parameters_in'), 'query'):
            pass
            t_31.append(
                '    _params: _http.QueryItems = []\n',
            )
            for l_2_p in context.call(environment.getattr(l_1_op, 'parameters_in'), 'query'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_p, 'required'):
                    pass
                    t_31.extend((
                        '    ',
                        str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.add_query', ['_params', t_8(environment.getattr(l_2_p, 'name')), environment.getattr(l_2_p, 'py_name'), t_8(environment.getattr(l_2_p, 'style')), t_11(environment.getattr(l_2_p, 'explode'))], '    ', _loop_vars=_loop_vars)),
                        '\n',
                    ))
                else:
                    pass
                    t_31.extend((
                        '    if ',
                        str(environment.getattr(l_2_p, 'py_name')),
                        ' is not UNSET',
                    ))
                    if environment.getattr(environment.getattr(l_2_p, 'type'), 'nullable'):
                        pass
                        t_31.extend((
                            ' and ',
                            str(environment.getattr(l_2_p, 'py_name')),
                            ' is not None',
                        ))
                    t_31.extend((
                        ':\n        ',
                        str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), '_http.add_query', ['_params', t_8(environment.getattr(l_2_p, 'name')), environment.getattr(l_2_p, 'py_name'), t_8(environment.getattr(l_2_p, 'style')), t_11(environment.getattr(l_2_p, 'explode'))], '        ', _loop_vars=_loop_vars)),
                        '\n',
                    ))
            l_2_p = missing
        if t_13((undefined(name='body') if l_1_body is missing else l_1_body)):
            pass
            t_31.extend((
                '    return _client.build_request(',
                str(t_8(environment.getattr(l_1_op, 'method'))),
                ', _url, headers=_headers',
            ))
            if context.call(environment.getattr(l_1_op, 'parameters_in'), 'query'):
                pass
                t_31.append(
                    ', params=_params',
                )
            t_31.append(
                ')\n',
            )
        else:
            pass
            if (environment.getattr(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'encoding'), 'value') in ('form', 'multipart')):
                pass
                if (t_5(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'part_styles')) == 1):
                    pass
                    l_1_ps = environment.getitem(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'part_styles'), 0)
                    t_31.extend((
                        '    _styles: _http.Styles = ((',
                        str(t_8(environment.getattr((undefined(name='ps') if l_1_ps is missing else l_1_ps), 'wire_name'))),
                        ', ',
                        str(t_8(environment.getattr((undefined(name='ps') if l_1_ps is missing else l_1_ps), 'style'))),
                        ', ',
                        str(environment.getattr((undefined(name='ps') if l_1_ps is missing else l_1_ps), 'explode')),
                        '),)\n',
                    ))
                elif environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'part_styles'):
                    pass
                    t_31.append(
                        '    _styles: _http.Styles = (\n',
                    )
                    for l_2_ps in environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'part_styles'):
                        _loop_vars = {}
                        pass
                        t_31.extend((
                            '        (',
                            str(t_8(environment.getattr(l_2_ps, 'wire_name'))),
                            ', ',
                            str(t_8(environment.getattr(l_2_ps, 'style'))),
                            ', ',
                            str(environment.getattr(l_2_ps, 'explode')),
                            '),\n',
                        ))
                    l_2_ps = missing
                    t_31.append(
                        '    )\n',
                    )
                else:
                    pass
                    t_31.append(
                        '    _styles: _http.Styles = ()\n',
                    )
            if environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'spread'):
                pass
                t_31.append(
                    '    _body: dict[str, Any] = {}\n',
                )
                for l_2_f in environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'fields'):
                    _loop_vars = {}
                    pass
                    if environment.getattr(l_2_f, 'required'):
                        pass
                        if (environment.getattr(l_2_f, 'is_file') or environment.getattr(l_2_f, 'read_only')):
                            pass
                            t_31.extend((
                                '    _body[',
                                str(t_8(environment.getattr(l_2_f, 'wire_name'))),
                                '] = ',
                                str((environment.getattr(l_2_f, 'py_name') if environment.getattr(l_2_f, 'is_file') else context.call((undefined(name='to_wire') if l_0_to_wire is missing else l_0_to_wire), environment.getattr(l_2_f, 'py_name'), environment.getattr(l_2_f, 'read_only'), '    ', _loop_vars=_loop_vars))),
                                '\n',
                            ))
                        else:
                            pass
                            t_31.extend((
                                '    ',
                                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_body[', t_8(environment.getattr(l_2_f, 'wire_name')), '] = _http.to_wire', )), [environment.getattr(l_2_f, 'py_name')], '    ', _loop_vars=_loop_vars)),
                                '\n',
                            ))
                    else:
                        pass
                        t_31.extend((
                            '    if ',
                            str(environment.getattr(l_2_f, 'py_name')),
                            ' is not UNSET:\n',
                        ))
                        if (environment.getattr(l_2_f, 'is_file') or environment.getattr(l_2_f, 'read_only')):
                            pass
                            t_31.extend((
                                '        _body[',
                                str(t_8(environment.getattr(l_2_f, 'wire_name'))),
                                '] = ',
                                str((environment.getattr(l_2_f, 'py_name') if environment.getattr(l_2_f, 'is_file') else context.call((undefined(name='to_wire') if l_0_to_wire is missing else l_0_to_wire), environment.getattr(l_2_f, 'py_name'), environment.getattr(l_2_f, 'read_only'), '        ', _loop_vars=_loop_vars))),
                                '\n',
                            ))
                        else:
                            pass
                            t_31.extend((
                                '        ',
                                str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), str_join(('_body[', t_8(environment.getattr(l_2_f, 'wire_name')), '] = _http.to_wire', )), [environment.getattr(l_2_f, 'py_name')], '        ', _loop_vars=_loop_vars)),
                                '\n',
                            ))
                l_2_f = missing
                t_31.extend((
                    '    ',
                    str(context.call((undefined(name='content') if l_0_content is missing else l_0_content), (undefined(name='body') if l_1_body is missing else l_1_body), '_body', '    ')),
                    '\n',
                ))
            elif environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'required'):
                pass
                t_31.extend((
                    '    ',
                    str(context.call((undefined(name='content') if l_0_content is missing else l_0_content), (undefined(name='body') if l_1_body is missing else l_1_body), environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'py_name'), '    ')),
                    '\n',
                ))
            else:
                pass
                t_31.extend((
                    '    _content = None\n    if not isinstance(',
                    str(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'py_name')),
                    ', Unset):\n        ',
                    str(context.call((undefined(name='content') if l_0_content is missing else l_0_content), (undefined(name='body') if l_1_body is missing else l_1_body), environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'py_name'), '        ')),
                    '\n',
                ))
            t_31.extend((
                '    return _http.build_request(\n        _client,\n        ',
                str(t_8(environment.getattr(l_1_op, 'method'))),
                ',\n        _url,\n        _headers,\n        ',
                str(('_params' if context.call(environment.getattr(l_1_op, 'parameters_in'), 'query') else 'None')),
                ',\n        _content,\n        ',
                str(t_8(environment.getattr((undefined(name='body') if l_1_body is missing else l_1_body), 'media_type'))),
                ',\n    )\n',
            ))
        return concat(t_31)
    context.exported_vars.add('request_builder')
    context.vars['request_builder'] = l_0_request_builder = Macro(environment, macro, 'request_builder', ('op',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_server):
        t_32 = []
        if l_1_server is missing:
            l_1_server = undefined("parameter 'server' was not provided", name='server')
        pass
        for l_2_v in environment.getattr(l_1_server, 'variables'):
            _loop_vars = {}
            pass
            t_32.extend((
                '    ',
                str(environment.getattr(l_2_v, 'py_name')),
                ': ',
                str((environment.getattr(l_2_v, 'description') or str_join(('The server variable ', environment.getattr(l_2_v, 'name'), '.', )))),
            ))
            if environment.getattr(l_2_v, 'enum'):
                pass
                t_32.extend((
                    ' One of: ',
                    str(t_4(context.eval_ctx, environment.getattr(l_2_v, 'enum'), ', ')),
                    '.',
                ))
            t_32.append(
                '\n',
            )
        l_2_v = missing
        return concat(t_32)
    context.exported_vars.add('variable_docs')
    context.vars['variable_docs'] = l_0_variable_docs = Macro(environment, macro, 'variable_docs', ('server',), False, False, False, context.eval_ctx.autoescape)
    yield '"""HTTP clients of '
    yield str(t_1(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
    yield ': `Client` (blocking) and `AsyncClient` (asyncio).\n\nGenerated by clientgen from the API description; do not edit by hand.\n"""\n\nfrom __future__ import annotations\n\n'
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
    if t_6(context.eval_ctx, t_10(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_kinds'), 'in', ['string', 'boolean', 'integer', 'number', 'datetime', 'date', 'enum'])):
        pass
        yield 'from . import _http, _runtime\n'
    else:
        pass
        yield 'from . import _http\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_uses_unset'):
        pass
        yield 'from ._runtime import UNSET, Unset\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'):
        pass
        yield 'from .credentials import '
        yield str(t_4(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'credential_types'), ', '))
        yield '\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_enum_imports'):
        pass
        yield 'from .enums import (\n'
        for l_1_name in t_3(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_enum_imports')):
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
        for l_1_name in t_3(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_model_imports')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        for l_1_name in t_3(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_decoder_imports')):
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
        yield str(t_8(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n\nUSER_AGENT = '
    yield str(t_8(str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'distribution_name'), '/', environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'package_version'), ))))
    yield ' + _http.USER_AGENT_SUFFIX\n'
    l_0_scopes = str_join(('_SCOPES: tuple[str, ...] = ', t_8(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'token_scopes')), ))
    context.vars['scopes'] = l_0_scopes
    context.exported_vars.add('scopes')
    if (((t_5((undefined(name='scopes') if l_0_scopes is missing else l_0_scopes)) <= 88) or (t_5(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'token_scopes')) < 2)) or (not context.call(environment.getattr((undefined(name='scopes') if l_0_scopes is missing else l_0_scopes), 'isascii')))):
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
            yield str(t_8(l_1_scope))
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
            yield str(t_8(environment.getattr(l_1_rule, 'model')))
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
            elif t_13(environment.getattr(l_2_r, 'type')):
                pass
                yield '        return'
                yield str((' None' if (environment.getattr(l_1_op, 'return_annotation') != 'None') else cond_expr_undefined("the inline if-expression on line 627 in 'package/client.py.j2' evaluated to false and no else section was defined.")))
                yield '\n'
            else:
                pass
                yield '        '
                yield str(context.call((undefined(name='call') if l_0_call is missing else l_0_call), 'body = _http.read_json', ['response', t_8((environment.getattr(environment.getattr(l_2_r, 'type'), 'target') or 'response'))], '        ', _loop_vars=_loop_vars))
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
            l_2_pad = ('    ' if t_13((undefined(name='range') if l_2_range is missing else l_2_range)) else '        ')
            _loop_vars['pad'] = l_2_pad
            if (not t_13((undefined(name='range') if l_2_range is missing else l_2_range))):
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
            yield str((environment.getattr(environment.getattr(l_2_r, 'type'), 'target') if ((not t_13(environment.getattr(l_2_r, 'type'))) and (environment.getattr(environment.getattr(l_2_r, 'type'), 'kind') == 'model')) else 'None'))
            yield ',\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield '    code_header='
            yield str(t_8(environment.getattr(l_2_r, 'error_code_header')))
            yield ',\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield '    code_path='
            yield str(t_8(environment.getattr(l_2_r, 'error_code_path')))
            yield ',\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield '    message_path='
            yield str(t_8(environment.getattr(l_2_r, 'error_message_path')))
            yield ',\n'
            yield str((undefined(name='pad') if l_2_pad is missing else l_2_pad))
            yield ')\n'
        l_2_r = l_2_range = l_2_pad = missing
        if ((not environment.getattr(l_1_op, 'error_responses')) or (not t_13(environment.getattr(environment.getitem(environment.getattr(l_1_op, 'error_responses'), -1), 'status_range')))):
            pass
            yield '    raise _http.api_error(response, None)\n'
        yield '\n\n'
        yield str(t_12(context.call((undefined(name='request_builder') if l_0_request_builder is missing else l_0_request_builder), l_1_op, _loop_vars=_loop_vars)))
        yield '\n'
    l_1_op = missing
    yield '\n\n'
    yield str(t_12(context.call((undefined(name='client_class') if l_0_client_class is missing else l_0_client_class), False)))
    yield '\n\n\n'
    yield str(t_12(context.call((undefined(name='client_class') if l_0_client_class is missing else l_0_client_class), True)))
    yield '\n'
    for l_1_g in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'groups'):
        _loop_vars = {}
        pass
        yield '\n\n'
        yield str(t_12(context.call((undefined(name='group_class') if l_0_group_class is missing else l_0_group_class), l_1_g, False, _loop_vars=_loop_vars)))
        yield '\n\n\n'
        yield str(t_12(context.call((undefined(name='group_class') if l_0_group_class is missing else l_0_group_class), l_1_g, True, _loop_vars=_loop_vars)))
        yield '\n'
    l_1_g = missing
    yield '\n\n'
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_alias'))
    yield ' = Client\n'
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'async_client_alias'))
    yield ' = AsyncClient\n'

blocks = {}
debug_info = '1=91&2=97&3=100&8=112&9=113&10=114&11=117&12=119&13=122&14=124&15=128&17=135&18=138&19=142&21=149&24=156&28=166&29=167&30=168&31=171&32=173&33=176&34=178&35=182&37=188&38=190&39=195&40=199&42=206&45=212&49=225&50=226&51=227&52=228&53=229&54=235&55=236&56=238&57=242&60=244&61=247&62=249&63=252&64=255&65=258&67=265&68=269&69=273&72=280&73=284&74=287&75=290&76=293&78=300&81=305&85=317&86=318&87=319&88=322&89=324&90=327&91=329&92=333&94=339&95=342&96=346&98=353&101=359&103=370&104=371&105=373&112=375&113=377&114=379&122=381&125=386&129=394&130=395&131=397&133=398&134=399&135=401&137=402&138=404&140=406&142=411&145=418&146=421&149=428&150=432&152=439&155=445&156=454&158=458&159=462&160=466&161=470&162=472&164=479&167=485&169=495&170=496&171=500&172=506&173=510&174=512&176=523&179=533&181=542&182=543&183=544&184=547&185=549&186=552&188=556&189=558&190=559&191=561&192=562&193=564&194=565&195=567&196=568&197=570&198=571&199=573&201=576&203=578&206=583&207=590&208=598&210=603&211=606&212=609&213=617&217=625&218=632&219=636&222=646&223=652&224=655&226=659&228=662&231=667&232=672&235=678&237=682&241=689&248=697&249=703&250=704&251=705&252=708&253=710&257=713&258=718&260=722&262=727&263=731&265=738&268=744&269=749&273=757&274=759&279=762&280=767&283=774&284=775&285=779&287=784&293=786&297=788&301=790&302=792&311=795&312=800&313=804&317=810&319=812&322=814&324=818&327=824&328=828&330=830&336=832&337=835&338=839&340=843&342=847&343=851&344=853&347=855&348=857&349=860&351=864&353=868&354=872&355=874&358=876&359=878&360=880&361=882&366=889&367=897&368=898&369=901&370=903&374=905&376=908&377=912&379=916&381=921&382=924&383=929&384=931&385=935&387=942&389=945&390=949&391=953&393=960&397=969&398=976&399=979&402=981&403=984&404=988&405=990&406=994&409=998&410=1002&411=1004&412=1008&413=1010&416=1014&417=1015&418=1019&420=1024&421=1026&422=1029&423=1032&424=1036&426=1043&427=1055&430=1059&432=1064&433=1067&434=1071&436=1080&437=1092&443=1101&445=1106&446=1109&447=1113&449=1120&450=1132&454=1136&455=1140&457=1153&458=1155&459=1157&460=1160&461=1167&463=1172&464=1177&471=1193&473=1198&474=1201&475=1203&476=1207&478=1216&481=1223&482=1226&483=1230&485=1239&489=1245&490=1248&491=1252&494=1259&495=1261&499=1266&502=1268&504=1270&508=1276&509=1281&510=1286&514=1305&521=1307&522=1310&524=1313&529=1317&534=1323&537=1326&538=1329&540=1331&542=1334&543=1338&547=1342&549=1345&550=1349&552=1352&553=1356&559=1361&560=1365&564=1369&565=1371&566=1374&567=1376&570=1381&571=1385&575=1389&577=1392&578=1396&579=1398&580=1400&586=1404&590=1408&591=1410&592=1412&594=1416&595=1420&596=1423&601=1427&605=1429&606=1433&610=1438&613=1442&614=1444&617=1447&618=1451&619=1454&620=1464&622=1467&624=1470&625=1473&626=1475&627=1478&629=1483&630=1485&633=1488&634=1492&635=1494&636=1496&637=1499&639=1509&640=1511&641=1513&642=1517&643=1521&644=1525&645=1529&647=1532&652=1536&656=1540&659=1542&660=1544&663=1548&666=1550&670=1554&671=1556'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "39e3ddaa6eee15e6abbe070859ee4d2b88b16488acf1c6d52a297e3c0c43084f", "jinja2": "3.1.6", "source_sha256": "1392449bddce645473f9628860a85349c7304fbad48f6a643a53f75ee66a2c11", "template": "package/client.py.j2"}'
