from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/errors.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield from context.blocks['header'][0](context)
    yield '\nfrom __future__ import annotations\n\nfrom typing import TYPE_CHECKING, Any\n\nif TYPE_CHECKING:\n    import httpx\n\n\nclass ClientError(Exception):\n    """Base class of every error this package raises."""\n\n\nclass DeserializationError(ClientError, ValueError):\n    """A value from the wire does not match its schema.\n\n    `path` locates the offending value, e.g. `Pet.createdDateTime` or\n    `Pet.tags[2]`, and `reason` says what is wrong with it.\n    """\n\n    def __init__(self, reason: str, *, root: str = "value", suffix: str = "") -> None:\n        self.reason = reason\n        self.root = root\n        self.suffix = suffix\n        super().__init__(f"{root}{suffix}: {reason}")\n\n    @property\n    def path(self) -> str:\n        """Where the problem is: the type name followed by the JSON path inside it."""\n        return self.root + self.suffix\n\n    @classmethod\n    def missing(cls, root: str, segment: str) -> DeserializationError:\n        return cls("required field missing", root=root, suffix=segment)\n\n    def at(self, root: str, segment: str) -> DeserializationError:\n        """The same problem, seen from one level up: inside `segment` of a `root`\n        value."""\n        return DeserializationError(\n            self.reason, root=root, suffix=segment + self.suffix\n        )\n\n    def at_index(self, index: int) -> DeserializationError:\n        return DeserializationError(\n            self.reason, root=self.root, suffix=f"[{index}]{self.suffix}"\n        )\n\n    def at_key(self, key: str) -> DeserializationError:\n        return DeserializationError(\n            self.reason, root=self.root, suffix=f"[{key!r}]{self.suffix}"\n        )\n\n\nclass ApiError(ClientError):\n    """The service answered with an error status (anything but 2xx).\n\n    Attributes:\n        status_code: the HTTP status.\n        error_code: the service\'s error code, from the error-code header the spec\n            declares, else from the body; None when neither has one.\n        model: the error body parsed as the spec\'s error schema, or None when the body\n            is not that shape (or not JSON at all).\n        response: the httpx.Response, body already read.\n    """\n\n    def __init__(\n        self,\n        *,\n        response: httpx.Response,\n        error_code: str | None,\n        service_message: str | None,\n        model: Any,\n    ) -> None:\n        self.status_code = response.status_code\n        self.error_code = error_code\n        self.service_message = service_message\n        self.model = model\n        self.response = response\n        text = f"{response.status_code} {response.reason_phrase}".rstrip()\n        if error_code:\n            text += f" ({error_code})"\n        if service_message:\n            text += f": {service_message}"\n        request = response.request\n        text += f" [{request.method} {request.url.copy_with(query=None)}]"\n        super().__init__(text)\n'
    yield from context.blocks['footer'][0](context)

def block_header(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_api = resolve('api')
    pass
    yield '"""Errors raised by '
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'package_name'))
    yield '; all derive from ClientError."""\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'footer': block_footer}
debug_info = '1=11&90=13&1=15&2=25&90=28'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "55fb76e412446a8f9ccea2d1c5e9941926d920be430d8a187b377631fc43d581", "jinja2": "3.1.6", "source_sha256": "0178cc34551cca7610d2da4c9744a198f169bde9ddd81efd8a5a53b8dc59855f", "template": "package/errors.py.j2"}'
