from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/polling.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_poller = missing
    try:
        t_1 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    pass
    def macro(l_1_is_async):
        t_2 = []
        l_1_async_ = l_1_await_ = l_1_name = missing
        if l_1_is_async is missing:
            l_1_is_async = undefined("parameter 'is_async' was not provided", name='is_async')
        pass
        l_1_async_ = ('async ' if l_1_is_async else '')
        l_1_await_ = ('await ' if l_1_is_async else '')
        l_1_name = ('AsyncPoller' if l_1_is_async else 'Poller')
        t_2.extend((
            'class ',
            str((undefined(name='name') if l_1_name is missing else l_1_name)),
            '(_PollerBase[T]):\n    """Waits for a long-running operation',
            str((' (asyncio)' if l_1_is_async else ' (blocking)')),
            '.\n\n    A method that starts an operation returns one; `result()` waits for the end and\n    returns the final value, or raises OperationFailedError when the operation failed.\n    `wait()`, `poll()`, `status()` and `done()` look at it step by step, and\n    `continuation_token()` lets another process resume it.\n\n    Between status requests it waits what the service asks (Retry-After), else the\n    polling interval, which grows by half each time up to `max_interval`. A poller is\n    meant for one ',
            str(('task' if l_1_is_async else 'thread')),
            ' at a time: it is not thread-safe.\n    """\n\n    __slots__ = ("_send", "_sleep")\n\n    def __init__(\n        self,\n        *,\n        operation: str,\n        send: Callable[[httpx.Request], ',
            str(('Awaitable[httpx.Response]' if l_1_is_async else 'httpx.Response')),
            '],\n        request: Callable[[], httpx.Request],\n        read: Reader[T],\n        succeeded: Iterable[str],\n        failed: Iterable[str],\n        state: Mapping[str, Any],\n        polling_interval: float = 1.0,\n        retry_after: float | None = None,\n        max_interval: float = 30.0,\n        sleep: Callable[[float], ',
            str(('Awaitable[None]] = asyncio.sleep' if l_1_is_async else 'None] = time.sleep')),
            ',\n        clock: Callable[[], float] = time.monotonic,\n    ) -> None:\n        super().__init__(\n            operation=operation,\n            request=request,\n            read=read,\n            succeeded=succeeded,\n            failed=failed,\n            state=state,\n            polling_interval=polling_interval,\n            retry_after=retry_after,\n            max_interval=max_interval,\n            clock=clock,\n        )\n        self._send = send\n        self._sleep = sleep\n\n    ',
            str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
            'def poll(self) -> str:\n        """Ask for the status once, now, and return it; once done, just return it."""\n        if self._outcome is None:\n            response = ',
            str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
            'self._send(self._request())\n            self._record(response)\n        return self._status\n\n    ',
            str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
            'def wait(self, timeout: float | None = None) -> bool:\n        """Poll until the operation ends or `timeout` seconds pass: True when it ended.\n\n        A failed operation has ended too: this never raises OperationFailedError.\n        None waits as long as it takes; 0 or less only looks at what is known, without\n        a request. It never sleeps past the timeout.\n        """\n        deadline = self._deadline(timeout)\n        if deadline is None:\n            return self._outcome is not None\n        while self._outcome is None:\n            pause, due = self._plan(deadline)\n            if pause > 0:\n                ',
            str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
            'self._sleep(pause)\n            if not due:\n                return False\n            ',
            str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
            'self.poll()\n        return True\n\n    ',
            str((undefined(name='async_') if l_1_async_ is missing else l_1_async_)),
            'def result(self, timeout: float | None = None) -> T:\n        """Wait for the end (see `wait`) and return the operation\'s final value.\n\n        Raises OperationFailedError when it failed, PollingTimeoutError when `timeout`\n        passed first (calling `result()` again keeps waiting), and ApiError when a\n        status request was answered with an error.\n        """\n        if not ',
            str((undefined(name='await_') if l_1_await_ is missing else l_1_await_)),
            'self.wait(timeout):\n            raise self._timed_out(timeout)\n        return self._final()\n',
        ))
        return concat(t_2)
    context.exported_vars.add('poller')
    context.vars['poller'] = l_0_poller = Macro(environment, macro, 'poller', ('is_async',), False, False, False, context.eval_ctx.autoescape)
    yield from context.blocks['header'][0](context)
    yield '\nfrom __future__ import annotations\n\nimport asyncio\nimport base64\nimport json\nimport math\nimport re\nimport time\nfrom collections.abc import Awaitable, Callable, Iterable, Mapping\nfrom enum import Enum\nfrom typing import Any, Generic, TypeVar\n\nimport httpx\n\nfrom ._http import MAX_RETRY_AFTER, retry_after\nfrom .errors import OperationFailedError, PollingTimeoutError\n\n__all__ = [\n    "AsyncPoller",\n    "Poller",\n    "Reader",\n    "check_polling_interval",\n    "read_continuation_token",\n    "status_text",\n]\n\nT = TypeVar("T")\n\nReader = Callable[[httpx.Response], tuple[str, T, str | None]]\n"""Reads one status response: (status text, the parsed value, the service\'s failure\nmessage or None). It raises ApiError for an error response."""\n\nIN_PROGRESS = "InProgress"\n"""The status a poller reports before its first status response."""\n\nGROWTH = 1.5\n"""Each wait without a Retry-After is this many times longer than the one before."""\n\nTOKEN_VERSION = 1\n"""The format version of continuation tokens."""\n\n_SUCCEEDED = "succeeded"\n_FAILED = "failed"\n_TOKEN_KEYS = frozenset({"v", "operation", "state", "interval"})\n_TOKEN_TEXT = re.compile(r"[A-Za-z0-9_-]+={0,2}")\n_MAX_TOKEN_LENGTH = 65536\n_SCALARS = (str, int, float, bool, type(None))\n\n\ndef status_text(value: object) -> str:\n    """A status field\'s value as text: an Enum\'s value, a str as it is, else str()."""\n    if isinstance(value, Enum):\n        return str(value.value)\n    if isinstance(value, str):\n        return value\n    return str(value)\n\n\ndef _seconds(name: str, value: float) -> float:\n    seconds = float(value)\n    if not math.isfinite(seconds) or seconds < 0:\n        raise ValueError(\n            f"{name} must be a finite number of seconds, 0 or more: {value!r}"\n        )\n    return seconds\n\n\ndef check_polling_interval(value: float) -> float:\n    """`value` as seconds, checked the way a poller checks it: `begin_` methods call this\n    before sending anything, so a bad interval never leaves an operation started."""\n    return _seconds("polling_interval", value)\n\n\ndef _asked(seconds: float | None) -> float | None:\n    """A Retry-After in seconds, within 0 and MAX_RETRY_AFTER; None when unusable."""\n    if seconds is None or math.isnan(seconds):\n        return None\n    return min(max(float(seconds), 0.0), MAX_RETRY_AFTER)\n\n\ndef _is_scalar(value: object) -> bool:\n    if isinstance(value, float):\n        return math.isfinite(value)\n    return isinstance(value, _SCALARS)\n\n\ndef _damaged(reason: str) -> ValueError:\n    return ValueError(f"not a usable continuation token: {reason}")\n\n\ndef read_continuation_token(token: str, operation: str) -> tuple[dict[str, Any], float]:\n    """The state and polling interval saved in `token` by `continuation_token()`.\n\n    Raises ValueError when `token` is not a continuation token, is damaged, belongs\n    to another operation than `operation`, or was made by a newer format version.\n    """\n    text = token.strip() if isinstance(token, str) else ""\n    if len(text) > _MAX_TOKEN_LENGTH or not _TOKEN_TEXT.fullmatch(text):\n        raise _damaged("expected the URL-safe base64 text continuation_token() returns")\n    text = text.rstrip("=")\n    try:\n        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))\n        payload = json.loads(raw.decode("utf-8"))\n    except (ValueError, RecursionError):\n        raise _damaged("it does not decode (damaged or cut short?)") from None\n    version = payload.get("v") if isinstance(payload, dict) else None\n    if not isinstance(version, int) or isinstance(version, bool):\n        raise _damaged("it holds no format version")\n    if version > TOKEN_VERSION:\n        raise ValueError(\n            f"the continuation token has format version {version}, newer than this"\n            f" package reads ({TOKEN_VERSION}); resume it with a newer client"\n        )\n    if version != TOKEN_VERSION or set(payload) != _TOKEN_KEYS:\n        raise _damaged(f"it is not the format of version {version}")\n    made_for = payload["operation"]\n    if not isinstance(made_for, str):\n        raise _damaged("it names no operation")\n    if made_for != operation:\n        raise ValueError(\n            f"the continuation token is for operation {made_for!r}, not {operation!r}"\n        )\n    state = payload["state"]\n    if not isinstance(state, dict) or not all(map(_is_scalar, state.values())):\n        raise _damaged("its state is not a mapping of scalar values")\n    interval = payload["interval"]\n    if (\n        not isinstance(interval, (int, float))\n        or isinstance(interval, bool)\n        or not math.isfinite(interval)\n        or interval < 0\n    ):\n        raise _damaged("its polling interval is not a number of seconds")\n    return dict(state), float(interval)\n\n\nclass _PollerBase(Generic[T]):\n    """What Poller and AsyncPoller share: the last status seen and the timing."""\n\n    __slots__ = (\n        "_base",\n        "_clock",\n        "_delay",\n        "_delay_asked",\n        "_failed",\n        "_interval",\n        "_last",\n        "_max_interval",\n        "_operation",\n        "_outcome",\n        "_read",\n        "_request",\n        "_since",\n        "_state",\n        "_status",\n        "_succeeded",\n    )\n\n    def __init__(\n        self,\n        *,\n        operation: str,\n        request: Callable[[], httpx.Request],\n        read: Reader[T],\n        succeeded: Iterable[str],\n        failed: Iterable[str],\n        state: Mapping[str, Any],\n        polling_interval: float,\n        retry_after: float | None,\n        max_interval: float,\n        clock: Callable[[], float],\n    ) -> None:\n        if isinstance(succeeded, str) or isinstance(failed, str):\n            raise TypeError("succeeded and failed take a collection of statuses")\n        self._operation = operation\n        self._request = request\n        self._read = read\n        self._succeeded = frozenset(status.lower() for status in succeeded)\n        self._failed = frozenset(status.lower() for status in failed)\n        if self._succeeded & self._failed:\n            raise ValueError("a status cannot be both succeeded and failed")\n        self._state = dict(state)\n        self._clock = clock\n        self._base = _seconds("polling_interval", polling_interval)\n        self._max_interval = _seconds("max_interval", max_interval)\n        self._interval = self._base\n        asked = _asked(retry_after)\n        self._delay = self._base if asked is None else asked\n        self._delay_asked = asked is not None\n        self._since = clock()\n        self._status = IN_PROGRESS\n        self._outcome: str | None = None\n        self._last: tuple[str, T, str | None] | None = None\n\n    @property\n    def polling_interval(self) -> float:\n        """Seconds between status requests when the service does not say (Retry-After).\n\n        Setting it also restarts the growth of the interval from the new value.\n        """\n        return self._base\n\n    @polling_interval.setter\n    def polling_interval(self, value: float) -> None:\n        self._base = _seconds("polling_interval", value)\n        self._interval = self._base\n        if not self._delay_asked:\n            self._delay = self._base\n\n    def status(self) -> str:\n        """The last status the service reported, as it spelled it (no request)."""\n        return self._status\n\n    def done(self) -> bool:\n        """Whether the operation has ended, succeeded or failed (no request)."""\n        return self._outcome is not None\n\n    def continuation_token(self) -> str:\n        """Text that resumes this operation elsewhere: see `read_continuation_token`."""\n        for key, value in self._state.items():\n            if not isinstance(key, str) or not _is_scalar(value):\n                raise TypeError(\n                    "a continuation token holds only str keys with str, int, float,"\n                    f" bool or None values; {key!r} is {type(value).__name__}"\n                )\n        payload = {\n            "interval": self._base,\n            "operation": self._operation,\n            "state": self._state,\n            "v": TOKEN_VERSION,\n        }\n        text = json.dumps(payload, sort_keys=True, separators=(",", ":"))\n        return base64.urlsafe_b64encode(text.encode("utf-8")).decode().rstrip("=")\n\n    def __repr__(self) -> str:\n        return (\n            f"{type(self).__name__}(operation={self._operation!r},"\n            f" status={self._status!r})"\n        )\n\n    def _record(self, response: httpx.Response) -> None:\n        """Take in one status response: its status, and the wait before the next."""\n        status, value, message = self._read(response)\n        self._last = (status, value, message)\n        self._status = status\n        if status.lower() in self._succeeded:\n            self._outcome = _SUCCEEDED\n        elif status.lower() in self._failed:\n            self._outcome = _FAILED\n        asked = _asked(retry_after(response))\n        if asked is None:\n            self._delay = self._interval\n            ceiling = max(self._max_interval, self._base)\n            self._interval = min(self._interval * GROWTH, ceiling)\n        else:\n            self._delay = asked\n        self._delay_asked = asked is not None\n        self._since = self._clock()\n\n    def _deadline(self, timeout: float | None) -> float | None:\n        """When waiting must stop; None for a timeout of 0 or less (no waiting)."""\n        if timeout is None:\n            return math.inf\n        if math.isnan(timeout):\n            raise ValueError("timeout must be a number of seconds or None")\n        if timeout <= 0:\n            return None\n        return self._clock() + timeout\n\n    def _plan(self, deadline: float) -> tuple[float, bool]:\n        """(seconds to sleep now, whether to poll then) on the way to `deadline`."""\n        now = self._clock()\n        due = self._since + self._delay\n        if deadline < due:\n            return max(deadline - now, 0.0), False\n        return max(due - now, 0.0), True\n\n    def _timed_out(self, timeout: float | None) -> PollingTimeoutError:\n        return PollingTimeoutError(\n            operation=self._operation,\n            status=self._status,\n            timeout=0.0 if timeout is None else max(timeout, 0.0),\n        )\n\n    def _final(self) -> T:\n        """The final value once done, or the failure as OperationFailedError."""\n        if self._last is None:\n            raise RuntimeError("the operation has not ended")\n        status, value, message = self._last\n        if self._outcome == _FAILED:\n            raise OperationFailedError(\n                operation=self._operation, status=status, message=message, result=value\n            )\n        return value\n\n\n'
    yield str(t_1(context.call((undefined(name='poller') if l_0_poller is missing else l_0_poller), False)))
    yield '\n\n\n'
    yield str(t_1(context.call((undefined(name='poller') if l_0_poller is missing else l_0_poller), True)))
    yield '\n'
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
        t_3 = environment.filters['doc_inline']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'doc_inline' found.")
    pass
    yield '"""Long-running operations of '
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'package_name'))
    yield ': Poller and AsyncPoller.\n\nA method of '
    yield str(t_3(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
    yield ' that starts a long-running operation returns a\npoller, which asks for the operation\'s status until it ends.\n"""\n'

def block_footer(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'footer': block_footer}
debug_info = '1=18&2=24&3=25&4=26&5=29&6=31&15=33&24=35&33=37&51=39&54=41&58=43&71=45&74=47&77=49&84=51&88=57&392=59&395=61&396=63&88=65&89=81&91=83&396=86'

# Written by `python -m generator.precompile` from the built-in template in the key below; do not edit.
__clientgen_key__ = '{"autoescape": false, "environment": "55fb76e412446a8f9ccea2d1c5e9941926d920be430d8a187b377631fc43d581", "jinja2": "3.1.6", "source_sha256": "37513c45f5e3eba8c736fc7ad7f420c92dda5a1f788036cf217c9b45e9979675", "template": "package/polling.py.j2"}'
