from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/__init__.py.j2'

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
    def macro(l_1_text, l_1_indent):
        t_6 = []
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
        t_6.append(
            str((str_join(('""" ', (undefined(name='d') if l_1_d is missing else l_1_d)[3:], )) if context.call(environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'startswith'), '""""') else (undefined(name='d') if l_1_d is missing else l_1_d))),
        )
        return concat(t_6)
    context.exported_vars.add('doc')
    context.vars['doc'] = l_0_doc = Macro(environment, macro, 'doc', ('text', 'indent'), False, False, False, context.eval_ctx.autoescape)
    yield from context.blocks['header'][0](context)
    yield '\nfrom ._runtime import UNSET, Unset\nfrom .client import (\n'
    for l_1_name in t_2(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'client_names')):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_name)
        yield ',\n'
    l_1_name = missing
    yield ')\nfrom .credentials import AccessToken, ApiKeyCredential, TokenCredential\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'enums'):
        pass
        yield 'from .enums import (\n'
        for l_1_name in t_2(t_4(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'enums'), attribute='class_name')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_name)
            yield ',\n'
        l_1_name = missing
        yield ')\n'
    yield 'from .errors import (\n    ApiError,\n    ClientError,\n    ContinuationTokenError,\n    DeserializationError,\n    InvalidRequestError,\n    OperationFailedError,\n    PollingTimeoutError,\n    RequestTimeoutError,\n    ResponseTooLargeError,\n    TransportError,\n)\n'
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
        yield ')\n'
    yield 'from .polling import AsyncPoller, Poller\n\n__version__ = '
    yield str(t_5(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'package_version')))
    yield '\nAPI_VERSION = '
    yield str(t_5(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'version')))
    yield '\n"""The version of the API description this package was generated from."""\n\n__all__ = [\n'
    for l_1_name in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'exports'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_5(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n'
    yield from context.blocks['footer'][0](context)

def block_header(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_doc = resolve('doc')
    l_0_api = resolve('api')
    pass
    yield str(context.call((undefined(name='doc') if l_0_doc is missing else l_0_doc), str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title'), ' client, generated by clientgen from the API description.', )), 0, _block_vars=_block_vars))
    yield '\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'footer': block_footer}
debug_info = '1=43&5=51&6=52&7=54&9=55&10=56&11=58&13=59&14=61&16=63&18=68&24=70&25=74&29=78&31=81&32=85&48=90&50=93&51=97&57=102&58=104&62=106&63=110&66=114&18=116&19=126&66=129'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "ca46daafe3d6ed97d237542cdaadd8aec7f1bc77375750e313969214402b6433", "template": "package/__init__.py.j2"}'
