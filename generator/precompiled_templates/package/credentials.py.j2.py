from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/credentials.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield from context.blocks['header'][0](context)
    yield '\nfrom __future__ import annotations\n\nimport asyncio\nimport threading\nimport time\nfrom collections.abc import Awaitable\nfrom typing import Any, NamedTuple, Protocol, runtime_checkable\n\n_REFRESH_MARGIN = 300\n"""Seconds before expiry at which a cached token is replaced (as azure-core does)."""\n\n\nclass ApiKeyCredential:\n    """An API key, sent in the header or query parameter the API\'s apiKey scheme\n    names."""\n\n    __slots__ = ("_key",)\n\n    def __init__(self, key: str) -> None:\n        if not isinstance(key, str) or not key:\n            raise ValueError("the API key must be a non-empty string")\n        self._key = key\n\n    @property\n    def key(self) -> str:\n        return self._key\n\n    def update(self, key: str) -> None:\n        """Rotate the key; requests made afterwards use the new one."""\n        if not isinstance(key, str) or not key:\n            raise ValueError("the API key must be a non-empty string")\n        self._key = key\n\n    def __repr__(self) -> str:\n        return "ApiKeyCredential(key=\'***\')"\n\n    __str__ = __repr__\n\n\nclass AccessToken(NamedTuple):\n    """A bearer token and when it expires (seconds since the epoch)."""\n\n    token: str\n    expires_on: int\n\n    def __repr__(self) -> str:\n        return f"AccessToken(token=\'***\', expires_on={self.expires_on})"\n\n\n@runtime_checkable\nclass TokenCredential(Protocol):\n    """azure-core\'s TokenCredential protocol: azure-identity credentials fit it\n    unchanged."""\n\n    def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...\n\n\nclass _TokenCache:\n    """One `get_token` call for many requests, until shortly before the token\n    expires."""\n\n    __slots__ = ("_async_lock", "_credential", "_lock", "_scopes", "_token")\n\n    def __init__(self, credential: TokenCredential, scopes: tuple[str, ...]) -> None:\n        self._credential = credential\n        self._scopes = scopes\n        self._token: Any = None\n        self._lock = threading.Lock()\n        self._async_lock = asyncio.Lock()\n\n    def _fresh(self) -> str | None:\n        token = self._token\n        if token is not None and token.expires_on - time.time() > _REFRESH_MARGIN:\n            return str(token.token)\n        return None\n\n    def get(self) -> str:\n        cached = self._fresh()\n        if cached is not None:\n            return cached\n        with self._lock:\n            cached = self._fresh()\n            if cached is None:\n                self._token = self._credential.get_token(*self._scopes)\n                cached = str(self._token.token)\n            return cached\n\n    async def get_async(self) -> str:\n        cached = self._fresh()\n        if cached is not None:\n            return cached\n        async with self._async_lock:\n            cached = self._fresh()\n            if cached is None:\n                token = self._credential.get_token(*self._scopes)\n                if isinstance(token, Awaitable):\n                    token = await token\n                self._token = token\n                cached = str(token.token)\n            return cached\n\n    def __repr__(self) -> str:\n        return "_TokenCache(token=\'***\')"\n'
    yield from context.blocks['footer'][0](context)

def block_header(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '"""Credentials: an API key, or any azure-core style token credential.\n\nSecrets are kept out of `repr`, `str`, logs and exception messages.\n"""\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'footer': block_footer}
debug_info = '1=11&111=13&1=15&111=25'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "e02b9d4a0f12ca9cdd801d8be5a8b1aff4eb6f9bab5596336ee3730bbd29ee36", "jinja2": "3.1.6", "source_sha256": "fa2b2af86cd2be4c41787f16d0e81db14148bc01e23e6c29c5fa15664f9c9c08", "template": "package/credentials.py.j2"}'
