from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'README.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_api = resolve('api')
    try:
        t_1 = environment.filters['markdown']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'markdown' found.")
    try:
        t_2 = environment.filters['markdown_code']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'markdown_code' found.")
    try:
        t_3 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_4 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    pass
    yield from context.blocks['header'][0](context)
    yield '\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'description'):
        pass
        yield str(t_1(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'description')))
        yield '\n\n'
    yield '## Install\n\n```\npip install .\n```\n\nPython 3.10 or newer; the only runtime dependency is httpx. `'
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'package_name'))
    yield '.strategies`\nneeds hypothesis (`pip install ".[strategies]"`).\n\n## Models\n\nEvery model is a dataclass with `from_dict(data)` (JSON → model, type-checked, raising\n`DeserializationError` with the JSON path of a bad field) and `to_dict()` (model → JSON).\nOptional fields that are absent hold `UNSET`; an explicit JSON `null` stays `None`.\n\n| model | description |\n|---|---|\n'
    for l_1_model in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'):
        _loop_vars = {}
        pass
        yield '| `'
        yield str(environment.getattr(l_1_model, 'class_name'))
        yield '` | '
        yield str(t_3(context.eval_ctx, t_3(context.eval_ctx, t_1((environment.getattr(l_1_model, 'description') or '')), '\n', ' '), '|', '\\|'))
        yield ' |\n'
    l_1_model = missing
    yield '\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'enums'):
        pass
        yield '## Enums\n\nEnums are open: a value the API adds later is kept (as an `UNKNOWN` member whose `.value` is\nwhat the server sent) instead of raising.\n\n| enum | values |\n|---|---|\n'
        l_1_loop = missing
        for l_1_enum, l_1_loop in LoopContext(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'enums'), undefined):
            _loop_vars = {}
            pass
            yield '| `'
            yield str(environment.getattr(l_1_enum, 'class_name'))
            yield '` | '
            l_2_loop = missing
            for l_2_member, l_2_loop in LoopContext(environment.getattr(l_1_enum, 'members'), undefined):
                _loop_vars = {}
                pass
                yield str(t_3(context.eval_ctx, t_2(t_4(environment.getattr(l_2_member, 'value'))), '|', '\\|'))
                yield str((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 42 in 'README.md.j2' evaluated to false and no else section was defined.")))
            l_2_loop = l_2_member = missing
            yield ' |\n'
        l_1_loop = l_1_enum = missing
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
        t_1 = environment.filters['markdown']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'markdown' found.")
    try:
        t_2 = environment.filters['markdown_code']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'markdown_code' found.")
    pass
    yield '# '
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'distribution_name'))
    yield '\n\nA typed Python client for **'
    yield str(t_1(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
    yield '** (API version '
    yield str(t_2(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'version')))
    yield '),\ngenerated by clientgen from the API description. Do not edit it by hand: regenerate it.\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'footer': block_footer}
debug_info = '1=36&8=38&9=40&18=43&29=45&30=49&33=55&41=59&42=63&45=74&1=76&2=98&4=100&45=105'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "55fb76e412446a8f9ccea2d1c5e9941926d920be430d8a187b377631fc43d581", "jinja2": "3.1.6", "source_sha256": "5a277f95d5a42c93bc125b19bd1f2e2a154ed7092d87abffcef24e1809178db2", "template": "README.md.j2"}'
