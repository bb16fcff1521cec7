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
        t_3 = environment.filters['markdown_inline']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'markdown_inline' found.")
    try:
        t_4 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_5 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_5(*unused):
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
    yield '.strategies`\nneeds hypothesis (`pip install ".[strategies]"`).\n\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'long_running_operations'):
        pass
        yield "## Long-running operations\n\nThese start work that goes on after the response; `begin_…` returns a poller that waits for it\n(Retry-After honoured, with backoff, through the client's retries and credentials):\n\n```python\npoller = client."
        yield str(environment.getattr(environment.getattr(environment.getitem(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'long_running_operations'), 0), 'long_running'), 'begin_name'))
        yield '(...)\nresult = poller.result(timeout=600)  # OperationFailedError if it failed\ntoken = poller.continuation_token()  # client.'
        yield str(environment.getattr(environment.getattr(environment.getitem(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'long_running_operations'), 0), 'long_running'), 'resume_name'))
        yield '(token) resumes it\n```\n\n| method | waits for | result |\n|---|---|---|\n'
        for l_1_op in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'long_running_operations'):
            _loop_vars = {}
            pass
            yield '| `'
            yield str(environment.getattr(environment.getattr(l_1_op, 'long_running'), 'begin_name'))
            yield '` | '
            yield str(t_3((environment.getattr(l_1_op, 'summary') or environment.getattr(l_1_op, 'operation_id'))))
            yield ' | `'
            yield str(environment.getattr(environment.getattr(l_1_op, 'long_running'), 'result_annotation'))
            yield '` |\n'
        l_1_op = missing
        yield '\n'
    yield '## Models\n\nEvery model is a dataclass with `from_dict(data)` (JSON → model, type-checked, raising\n`DeserializationError` with the JSON path of a bad field) and `to_dict()` (model → JSON).\nOptional fields that are absent hold `UNSET`; an explicit JSON `null` stays `None`.\n\n| model | description |\n|---|---|\n'
    for l_1_model in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'models'):
        _loop_vars = {}
        pass
        yield '| `'
        yield str(environment.getattr(l_1_model, 'class_name'))
        yield '` | '
        yield str(t_3(environment.getattr(l_1_model, 'description')))
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
                yield str(t_4(context.eval_ctx, t_2(t_5(environment.getattr(l_2_member, 'value'))), '|', '\\|'))
                yield str((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 61 in 'README.md.j2' evaluated to false and no else section was defined.")))
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
        t_2 = environment.filters['markdown_code']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'markdown_code' found.")
    try:
        t_3 = environment.filters['markdown_inline']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'markdown_inline' found.")
    pass
    yield '# '
    yield str(t_3(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'distribution_name')))
    yield '\n\nA typed Python client for **'
    yield str(t_3(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
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
debug_info = '1=42&8=44&9=46&18=49&21=51&28=54&30=56&35=58&36=62&48=71&49=75&52=81&60=85&61=89&64=100&1=102&2=124&4=126&64=131'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "e92e60576f0683ed3e7f6d0e35fecec96348145f4ab57f0e8bb33d124df8e9bc", "template": "README.md.j2"}'
