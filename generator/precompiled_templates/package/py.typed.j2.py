from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/py.typed.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass

blocks = {}
debug_info = ''

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "template": "package/py.typed.j2"}'
