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
    yield '\nfrom __future__ import annotations\n\nfrom typing import TYPE_CHECKING, Any\n\nif TYPE_CHECKING:\n    import httpx\n\n\nclass ClientError(Exception):\n    """Base class of every error this package raises."""\n\n\nclass DeserializationError(ClientError, ValueError):\n    """A value from the wire does not match its schema.\n\n    `path` locates the offending value, e.g. `Pet.createdDateTime` or\n    `Pet.tags[2]`, and `reason` says what is wrong with it.\n    """\n\n    def __init__(self, reason: str, *, root: str = "value", suffix: str = "") -> None:\n        self.reason = reason\n        self.root = root\n        self.suffix = suffix\n        super().__init__(f"{root}{suffix}: {reason}")\n\n    @property\n    def path(self) -> str:\n        """Where the problem is: the type name followed by the JSON path inside it."""\n        return self.root + self.suffix\n\n    @classmethod\n    def missing(cls, root: str, segment: str) -> DeserializationError:\n        return cls("required field missing", root=root, suffix=segment)\n\n    def at(self, root: str, segment: str) -> DeserializationError:\n        """The same problem, seen from one level up: inside `segment` of a `root`\n        value."""\n        return DeserializationError(\n            self.reason, root=root, suffix=segment + self.suffix\n        )\n\n    def at_index(self, index: int) -> DeserializationError:\n        return DeserializationError(\n            self.reason, root=self.root, suffix=f"[{index}]{self.suffix}"\n        )\n\n    def at_key(self, key: str) -> DeserializationError:\n        return DeserializationError(\n            self.reason, root=self.root, suffix=f"[{key!r}]{self.suffix}"\n        )\n\n\nclass ApiError(ClientError):\n    """The service answered with an error status (anything but 2xx).\n\n    Attributes:\n        status_code: the HTTP status.\n        error_code: the service\'s error code, from the error-code header the spec\n            declares, else from the body; None when neither has one.\n        model: the error body parsed as the spec\'s error schema, or None when the body\n            is not that shape (or not JSON at all).\n        response: the httpx.Response, body already read.\n    """\n\n    def __init__(\n        self,\n        *,\n        response: httpx.Response,\n        error_code: str | None,\n        service_message: str | None,\n        model: Any,\n    ) -> None:\n        self.status_code = response.status_code\n        self.error_code = error_code\n        self.service_message = service_message\n        self.model = model\n        self.response = response\n        text = f"{response.status_code} {response.reason_phrase}".rstrip()\n        if error_code:\n            text += f" ({error_code})"\n        if service_message:\n            text += f": {service_message}"\n        request = response.request\n        text += f" [{request.method} {request.url.copy_with(query=None)}]"\n        super().__init__(text)\n\n\nclass OperationFailedError(ClientError):\n    """A long-running operation ended in a failed state.\n\n    Attributes:\n        operation: the operation\'s name.\n        status: the final status, as the service spelled it.\n        message: the service\'s message about the failure, or None.\n        result: the final status value, parsed (the whole status body).\n    """\n\n    def __init__(\n        self, *, operation: str, status: str, message: str | None, result: object\n    ) -> None:\n        self.operation = operation\n        self.status = status\n        self.message = message\n        self.result = result\n        text = f"{operation} failed (status {status!r})"\n        if message:\n            text += f": {message}"\n        super().__init__(text)\n\n\nclass PollingTimeoutError(ClientError, TimeoutError):\n    """A long-running operation was still running when the wait for it timed out.\n\n    The operation goes on: call `result()` again to keep waiting, or keep\n    `continuation_token()` to resume it later.\n\n    Attributes:\n        operation: the operation\'s name.\n        status: the last status seen, as the service spelled it.\n        timeout: the seconds waited.\n    """\n\n    def __init__(self, *, operation: str, status: str, timeout: float) -> None:\n        self.operation = operation\n        self.status = status\n        self.timeout = timeout\n        super().__init__(\n            f"{operation} is still running (status {status!r}) after waiting"\n            f" {timeout:g} s; call result() again to keep waiting, or keep"\n            " continuation_token() to resume it later"\n        )\n'
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
debug_info = '1=11&136=13&1=15&2=25&136=28'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "55fb76e412446a8f9ccea2d1c5e9941926d920be430d8a187b377631fc43d581", "jinja2": "3.1.6", "source_sha256": "4ee3aa1230061f0e24989a70def4abe8cb6d7a735117c3deb6e526879de31f66", "template": "package/errors.py.j2"}'
