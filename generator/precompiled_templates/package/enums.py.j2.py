from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/enums.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_api = resolve('api')
    l_0_doc = missing
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    def macro(l_1_text, l_1_indent):
        t_4 = []
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
        if ((t_2((undefined(name='lines') if l_1_lines is missing else l_1_lines)) == 2) and (environment.getitem((undefined(name='lines') if l_1_lines is missing else l_1_lines), 1) == str_join(((' ' * l_1_indent), '"""', )))):
            pass
            l_1_d = str_join((environment.getitem((undefined(name='lines') if l_1_lines is missing else l_1_lines), 0), '"""', ))
        if ((('\n' not in (undefined(name='d') if l_1_d is missing else l_1_d)) and (t_2((undefined(name='d') if l_1_d is missing else l_1_d)) > 6)) and (environment.getitem((undefined(name='d') if l_1_d is missing else l_1_d), -4) == '"')):
            pass
            l_1_d = str_join(((undefined(name='d') if l_1_d is missing else l_1_d)[:-3], ' """', ))
        t_4.append(
            str((str_join(('""" ', (undefined(name='d') if l_1_d is missing else l_1_d)[3:], )) if context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'startswith'), '""""') else (undefined(name='d') if l_1_d is missing else l_1_d))),
        )
        return concat(t_4)
    context.exported_vars.add('doc')
    context.vars['doc'] = l_0_doc = Macro(environment, macro, 'doc', ('text', 'indent'), False, False, False, context.eval_ctx.autoescape)
    yield from context.blocks['header'][0](context)
    yield '\nfrom __future__ import annotations\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'enums'):
        pass
        yield '\nfrom enum import Enum\n\nfrom ._runtime import unknown_member\n'
    yield '\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'enums'):
        pass
        yield '__all__ = [\n'
        for l_1_enum in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'enums'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(t_3(environment.getattr(l_1_enum, 'class_name')))
            yield ',\n'
        l_1_enum = missing
        yield ']\n'
    else:
        pass
        yield '__all__ = []\n'
    for l_1_enum in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'enums'):
        l_1_bases = missing
        _loop_vars = {}
        pass
        yield '\n\n'
        l_1_bases = str_join((('int' if (environment.getattr(l_1_enum, 'base') == 'integer') else 'str'), ', Enum', ))
        _loop_vars['bases'] = l_1_bases
        if (t_2(str_join(('class ', environment.getattr(l_1_enum, 'class_name'), '(', (undefined(name='bases') if l_1_bases is missing else l_1_bases), '):', ))) <= 88):
            pass
            yield 'class '
            yield str(environment.getattr(l_1_enum, 'class_name'))
            yield '('
            yield str((undefined(name='bases') if l_1_bases is missing else l_1_bases))
            yield '):\n'
        else:
            pass
            yield 'class '
            yield str(environment.getattr(l_1_enum, 'class_name'))
            yield '(\n    '
            yield str((undefined(name='bases') if l_1_bases is missing else l_1_bases))
            yield '\n):\n'
        yield '    '
        yield str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), (environment.getattr(l_1_enum, 'description') or environment.getattr(l_1_enum, 'class_name')), 4, _loop_vars=_loop_vars))
        yield '\n\n'
        for l_2_member in environment.getattr(l_1_enum, 'members'):
            l_2_value = l_2_line = missing
            _loop_vars = {}
            pass
            l_2_value = t_3(environment.getattr(l_2_member, 'value'))
            _loop_vars['value'] = l_2_value
            l_2_line = str_join(('    ', environment.getattr(l_2_member, 'py_name'), ' = ', (undefined(name='value') if l_2_value is missing else l_2_value), ))
            _loop_vars['line'] = l_2_line
            if (((t_2((undefined(name='line') if l_2_line is missing else l_2_line)) > 88) and ((8 + t_2((undefined(name='value') if l_2_value is missing else l_2_value))) <= 88)) and context.call(environment.getattr((undefined(name='line') if l_2_line is missing else l_2_line), 'isascii'), _loop_vars=_loop_vars)):
                pass
                yield '    '
                yield str(environment.getattr(l_2_member, 'py_name'))
                yield ' = (\n        '
                yield str((undefined(name='value') if l_2_value is missing else l_2_value))
                yield '\n    )\n'
            else:
                pass
                yield str((undefined(name='line') if l_2_line is missing else l_2_line))
                yield '\n'
            if environment.getattr(l_2_member, 'description'):
                pass
                yield '    '
                yield str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), environment.getattr(l_2_member, 'description'), 4, _loop_vars=_loop_vars))
                yield '\n'
        l_2_member = l_2_value = l_2_line = missing
        yield '\n    def __str__(self) -> str:\n        return str(self.value)\n'
        if environment.getattr(l_1_enum, 'open'):
            pass
            yield '\n    @classmethod\n'
            if (t_2(str_join(('    def _missing_(cls, value: object) -> ', environment.getattr(l_1_enum, 'class_name'), ' | None:', ))) <= 88):
                pass
                yield '    def _missing_(cls, value: object) -> '
                yield str(environment.getattr(l_1_enum, 'class_name'))
                yield ' | None:\n'
            else:
                pass
                yield '    def _missing_(\n        cls, value: object\n'
                if ((t_2(environment.getattr(l_1_enum, 'class_name')) + 17) <= 88):
                    pass
                    yield '    ) -> '
                    yield str(environment.getattr(l_1_enum, 'class_name'))
                    yield ' | None:\n'
                elif ((t_2(environment.getattr(l_1_enum, 'class_name')) + 15) <= 88):
                    pass
                    yield '    ) -> (\n        '
                    yield str(environment.getattr(l_1_enum, 'class_name'))
                    yield ' | None\n    ):\n'
                else:
                    pass
                    yield '    ) -> (\n        '
                    yield str(environment.getattr(l_1_enum, 'class_name'))
                    yield '\n        | None\n    ):\n'
            yield '        return unknown_member(cls, '
            yield str(('int' if (environment.getattr(l_1_enum, 'base') == 'integer') else 'str'))
            yield ', value)\n'
    l_1_enum = l_1_bases = missing
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
        t_5 = environment.filters['doc_inline']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'doc_inline' found.")
    pass
    yield '"""Enumerations of '
    yield str(t_5(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
    yield '.\n\nGenerated by clientgen from the API description; do not edit by hand.\n"""\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'footer': block_footer}
debug_info = '1=31&5=39&6=40&7=42&9=43&10=44&11=46&13=47&14=49&16=51&18=56&26=58&33=62&35=65&36=69&42=76&45=81&46=83&47=86&49=93&50=95&53=98&55=100&56=104&57=106&59=108&60=111&61=113&64=117&66=119&67=122&73=126&76=129&77=132&82=137&83=140&84=142&86=145&90=150&95=153&98=156&18=158&19=174&98=177'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "4b73e5f76997f89260509f707f01bf6dd8cc5bbafd6b29a43adea798a2529951", "template": "package/enums.py.j2"}'
