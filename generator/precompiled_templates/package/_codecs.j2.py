from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/_codecs.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_decode = l_0_encode = l_0_read = l_0_careful = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    def macro(l_1_t, l_1_src, l_1_rt):
        t_3 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_src is missing:
            l_1_src = undefined("parameter 'src' was not provided", name='src')
        if l_1_rt is missing:
            l_1_rt = ''
        pass
        if environment.getattr(l_1_t, 'nullable'):
            pass
            t_3.extend((
                'None if ',
                str(l_1_src),
                ' is None else ',
            ))
        if (environment.getattr(l_1_t, 'kind') == 'string'):
            pass
            t_3.extend((
                str(l_1_src),
                ' if isinstance(',
                str(l_1_src),
                ', str) else ',
                str(l_1_rt),
                'fail("string", ',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'boolean'):
            pass
            t_3.extend((
                str(l_1_src),
                ' if isinstance(',
                str(l_1_src),
                ', bool) else ',
                str(l_1_rt),
                'fail("boolean", ',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'integer'):
            pass
            t_3.extend((
                str(l_1_rt),
                'decode_int(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'number'):
            pass
            t_3.extend((
                str(l_1_rt),
                'decode_float(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'datetime'):
            pass
            t_3.extend((
                str(l_1_rt),
                'parse_datetime(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'date'):
            pass
            t_3.extend((
                str(l_1_rt),
                'parse_date(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'enum'):
            pass
            t_3.extend((
                str(l_1_rt),
                'decode_enum(',
                str(environment.getattr(l_1_t, 'target')),
                ', ',
                str(l_1_src),
            ))
            if environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values'):
                pass
                t_3.extend((
                    ', ',
                    str(t_2(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values'))),
                ))
            t_3.append(
                ')',
            )
        elif (environment.getattr(l_1_t, 'kind') == 'model'):
            pass
            t_3.extend((
                str(environment.getattr(l_1_t, 'target')),
                '.from_dict(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') in ('array', 'map', 'union')):
            pass
            t_3.extend((
                str(environment.getattr(l_1_t, 'decoder')),
                '(',
                str(l_1_src),
                ')',
            ))
        else:
            pass
            t_3.append(
                str(l_1_src),
            )
        return concat(t_3)
    context.exported_vars.add('decode')
    context.vars['decode'] = l_0_decode = Macro(environment, macro, 'decode', ('t', 'src', 'rt'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t, l_1_src, l_1_depth):
        t_4 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_src is missing:
            l_1_src = undefined("parameter 'src' was not provided", name='src')
        if l_1_depth is missing:
            l_1_depth = 0
        pass
        if (environment.getattr(l_1_t, 'nullable') and (not environment.getattr(l_1_t, 'json_native'))):
            pass
            t_4.extend((
                'None if ',
                str(l_1_src),
                ' is None else ',
            ))
        if (environment.getattr(l_1_t, 'kind') == 'datetime'):
            pass
            t_4.extend((
                'format_datetime(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'date'):
            pass
            t_4.extend((
                'format_date(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'enum'):
            pass
            t_4.extend((
                str(l_1_src),
                '._value_',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'model'):
            pass
            t_4.extend((
                str(l_1_src),
                '.to_dict()',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'union'):
            pass
            t_4.extend((
                str(environment.getattr(l_1_t, 'encoder')),
                '(',
                str(l_1_src),
                ')',
            ))
        elif ((environment.getattr(l_1_t, 'kind') == 'array') and environment.getattr(environment.getattr(l_1_t, 'item'), 'json_native')):
            pass
            t_4.extend((
                'list(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'array'):
            pass
            t_4.extend((
                '[',
                str(context.call((undefined(name='encode') if l_0_encode is missing else l_0_encode), environment.getattr(l_1_t, 'item'), str_join(('_i', l_1_depth, )), (l_1_depth + 1))),
                ' for _i',
                str(l_1_depth),
                ' in ',
                str(l_1_src),
                ']',
            ))
        elif ((environment.getattr(l_1_t, 'kind') == 'map') and environment.getattr(environment.getattr(l_1_t, 'item'), 'json_native')):
            pass
            t_4.extend((
                'dict(',
                str(l_1_src),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'map'):
            pass
            t_4.extend((
                '{_k',
                str(l_1_depth),
                ': ',
                str(context.call((undefined(name='encode') if l_0_encode is missing else l_0_encode), environment.getattr(l_1_t, 'item'), str_join(('_v', l_1_depth, )), (l_1_depth + 1))),
                ' for _k',
                str(l_1_depth),
                ', _v',
                str(l_1_depth),
                ' in ',
                str(l_1_src),
                '.items()}',
            ))
        else:
            pass
            t_4.append(
                str(l_1_src),
            )
        return concat(t_4)
    context.exported_vars.add('encode')
    context.vars['encode'] = l_0_encode = Macro(environment, macro, 'encode', ('t', 'src', 'depth'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_t, l_1_optional, l_1_pad, l_1_integer_enums):
        t_5 = []
        l_1_inner = resolve('inner')
        l_1_absent = l_1_present = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        if l_1_optional is missing:
            l_1_optional = undefined("parameter 'optional' was not provided", name='optional')
        if l_1_pad is missing:
            l_1_pad = undefined("parameter 'pad' was not provided", name='pad')
        if l_1_integer_enums is missing:
            l_1_integer_enums = undefined("parameter 'integer_enums' was not provided", name='integer_enums')
        pass
        l_1_absent = (([' and _r is not None'] if environment.getattr(l_1_t, 'nullable') else []) + ([' and _r is not UNSET'] if l_1_optional else []))
        l_1_present = t_1(context.eval_ctx, ((['_r is not None'] if environment.getattr(l_1_t, 'nullable') else []) + (['_r is not UNSET'] if l_1_optional else [])), ' and ')
        if (environment.getattr(l_1_t, 'kind') in ('string', 'boolean', 'integer')):
            pass
            t_5.extend((
                str(l_1_pad),
                'if _r.__class__ is not ',
                str(environment.getattr(l_1_t, 'runtime_class')),
                str(t_1(context.eval_ctx, (undefined(name='absent') if l_1_absent is missing else l_1_absent), '')),
                ':\n',
                str(l_1_pad),
                '    raise TypeError\n',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'number'):
            pass
            t_5.extend((
                str(l_1_pad),
                'if _r.__class__ is not float and _r.__class__ is not int',
                str(t_1(context.eval_ctx, (undefined(name='absent') if l_1_absent is missing else l_1_absent), '')),
                ':\n',
                str(l_1_pad),
                '    raise TypeError\n',
            ))
        elif (environment.getattr(l_1_t, 'kind') != 'any'):
            pass
            l_1_inner = (str_join((l_1_pad, '    ', )) if (undefined(name='present') if l_1_present is missing else l_1_present) else l_1_pad)
            if (undefined(name='present') if l_1_present is missing else l_1_present):
                pass
                t_5.extend((
                    str(l_1_pad),
                    'if ',
                    str((undefined(name='present') if l_1_present is missing else l_1_present)),
                    ':\n',
                ))
            if (environment.getattr(l_1_t, 'kind') == 'datetime'):
                pass
                t_5.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '_s = _r[RFC3339_SEPARATORS] if "\\x00" not in _r else ""\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    'if _s == "-T::Z" or (\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '    _s == "-T::." and _r[-1] == "Z" and 22 <= len(_r) <= 27\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '):\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '    _r = parse_rfc3339_utc(_r)\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    'else:\n',
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '    _r = parse_datetime(_r)\n',
                ))
            elif (environment.getattr(l_1_t, 'kind') == 'date'):
                pass
                t_5.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '_r = parse_date(_r)\n',
                ))
            elif ((environment.getattr(l_1_t, 'kind') == 'enum') and environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values')):
                pass
                t_5.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '_r = decode_enum(',
                    str(environment.getattr(l_1_t, 'target')),
                    ', _r, ',
                    str(t_2(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values'))),
                    ')\n',
                ))
            elif (environment.getattr(l_1_t, 'kind') == 'enum'):
                pass
                if (environment.getattr(l_1_t, 'target') in l_1_integer_enums):
                    pass
                    t_5.extend((
                        str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                        'if _r.__class__ is bool:\n',
                        str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                        '    raise TypeError\n',
                    ))
                t_5.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '_r = _',
                    str(environment.getattr(l_1_t, 'target')),
                    '_values[_r]\n',
                ))
            elif (environment.getattr(l_1_t, 'kind') == 'model'):
                pass
                t_5.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '_r = ',
                    str(environment.getattr(l_1_t, 'target')),
                    '.from_dict(_r)\n',
                ))
            else:
                pass
                t_5.extend((
                    str((undefined(name='inner') if l_1_inner is missing else l_1_inner)),
                    '_r = ',
                    str(environment.getattr(l_1_t, 'decoder')),
                    '(_r)\n',
                ))
        return concat(t_5)
    context.exported_vars.add('read')
    context.vars['read'] = l_0_read = Macro(environment, macro, 'read', ('t', 'optional', 'pad', 'integer_enums'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_t):
        t_6 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        pass
        if (environment.getattr(l_1_t, 'kind') == 'string'):
            pass
            t_6.append(
                'decode_str',
            )
        elif (environment.getattr(l_1_t, 'kind') == 'boolean'):
            pass
            t_6.append(
                'decode_bool',
            )
        elif (environment.getattr(l_1_t, 'kind') == 'integer'):
            pass
            t_6.append(
                'decode_int',
            )
        elif (environment.getattr(l_1_t, 'kind') == 'number'):
            pass
            t_6.append(
                'decode_float',
            )
        elif (environment.getattr(l_1_t, 'kind') == 'datetime'):
            pass
            t_6.append(
                'parse_datetime',
            )
        elif (environment.getattr(l_1_t, 'kind') == 'date'):
            pass
            t_6.append(
                'parse_date',
            )
        elif ((environment.getattr(l_1_t, 'kind') == 'enum') and environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values')):
            pass
            t_6.extend((
                'lambda _r: decode_enum(',
                str(environment.getattr(l_1_t, 'target')),
                ', _r, ',
                str(t_2(environment.getattr(environment.getattr(l_1_t, 'constraints'), 'enum_values'))),
                ')',
            ))
        elif (environment.getattr(l_1_t, 'kind') == 'enum'):
            pass
            t_6.append(
                str(environment.getattr(l_1_t, 'target')),
            )
        elif (environment.getattr(l_1_t, 'kind') == 'model'):
            pass
            t_6.extend((
                str(environment.getattr(l_1_t, 'target')),
                '.from_dict',
            ))
        elif (environment.getattr(l_1_t, 'kind') in ('array', 'map', 'union')):
            pass
            t_6.append(
                str(environment.getattr(l_1_t, 'decoder')),
            )
        else:
            pass
            t_6.append(
                'decode_any',
            )
        return concat(t_6)
    context.exported_vars.add('careful')
    context.vars['careful'] = l_0_careful = Macro(environment, macro, 'careful', ('t',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '7=24&8=33&9=40&10=43&11=52&12=55&13=64&14=67&15=72&16=75&17=80&18=83&19=88&20=91&21=96&22=99&23=114&24=117&25=122&26=125&28=133&32=139&33=148&34=155&35=159&36=162&37=166&38=169&39=172&40=175&41=178&42=181&43=184&44=189&45=193&46=196&47=200&48=207&49=211&50=214&51=218&53=232&68=237&69=250&70=251&71=252&72=255&73=260&74=263&75=266&76=270&77=273&78=275&79=276&80=279&82=284&83=287&84=289&85=291&86=293&87=295&88=297&89=299&90=302&91=305&92=308&93=311&94=318&95=320&96=323&97=325&99=329&100=334&101=337&103=345&109=353&110=358&112=363&114=368&116=373&118=378&120=383&122=388&123=392&124=397&125=400&126=402&127=405&128=408&129=411'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "0790c96964d7e16a058eebe9e7db5a37dcb5956d55decc6b057d9ab2f586708c", "template": "package/_codecs.j2"}'
