"""The generated client's bounds and failure surface, each behaviour once for `Client` and
`AsyncClient`: a total deadline per call, a response size limit, credentials kept out of
errors and tracebacks, one error hierarchy, escaped server text, a checked endpoint.

One test body drives both clients: the `flavour` fixture of tests/conftest.py picks `Client` or
`AsyncClient`, which tests/support/loopback.py's `Blocking` presents as blocking (`client_of`).
Everything talks to the scripted loopback server of tests/support/loopback.py (127.0.0.1 only).
"""

from __future__ import annotations

import asyncio
import gzip
import importlib
import inspect
import json
import sys
import threading
import time
import traceback
import tracemalloc
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml
from support.client_kit import (
    API_KEY,
    SECRET_MARK,
    AsyncCountingTransport,
    CountingTransport,
    client_of,
    exception_chain,
    exception_texts,
    unwrapped,
)
from support.loopback import (
    SPEC_EXAMPLE,
    SPEC_PATH,
    LoopbackServer,
    Reply,
    error_reply,
    free_port,
    repeated,
)
from support.tools import GeneratedPackage

_GENERATED = str(Path(__file__).resolve().parents[2] / "generated" / "face_client")
if _GENERATED not in sys.path:
    sys.path.insert(0, _GENERATED)

import face_client
from face_client import (
    ApiError,
    ApiKeyCredential,
    ClientError,
    DeserializationError,
    InvalidRequestError,
    OperationFailedError,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
)

FAST = {"backoff_factor": 0.001}
MIB = 1024 * 1024
SLACK = 0.6
"""Seconds a call may run past its timeout (thread start-up, a loaded CI machine)."""


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def get_status(
    flavour: str,
    endpoint: str,
    group_id: str,
    *,
    package: ModuleType = face_client,
    client_options: dict[str, Any] | None = None,
    **call_options: Any,
) -> Any:
    """`get_person_group_training_status(group_id)` on a new Client or AsyncClient."""
    options = {**FAST, **(client_options or {})}
    credential = package.ApiKeyCredential(API_KEY)
    with client_of(package, flavour, endpoint, credential, **options) as client:
        return client.get_person_group_training_status(group_id, **call_options)


def send_request(flavour: str, endpoint: str, request: httpx.Request, **options: Any) -> Any:
    """`send_request(request)` on a new Client or AsyncClient."""
    credential = ApiKeyCredential(API_KEY)
    with client_of(face_client, flavour, endpoint, credential, **options) as client:
        return client.send_request(request)


def failure_of(
    flavour: str, endpoint: str, group_id: str, **options: Any
) -> tuple[BaseException, float]:
    """The exception a call raises, and the seconds it took."""
    start = time.monotonic()
    with pytest.raises(BaseException) as info:
        get_status(flavour, endpoint, group_id, **options)
    return info.value, time.monotonic() - start


# -- 5. response size ---------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["client", "call"])
def test_a_body_past_max_response_size_is_refused_and_the_connection_closed(
    server: LoopbackServer, flavour: str, where: str
) -> None:
    # 64 MiB without a Content-Length, so only counting can stop it.
    server.script("big", Reply(stream=repeated(b"x" * 65536, 1024)))
    limit = {"max_response_size": MIB}
    options = {"client_options": limit} if where == "client" else limit
    error, elapsed = failure_of(flavour, server.url, "big", **options)
    assert isinstance(error, ResponseTooLargeError), exception_texts(error)
    assert error.limit == MIB and error.status_code == 200
    assert elapsed < 5
    [sent] = server.wait_streamed(1)
    assert sent < 32 * MIB, sent  # the client went away instead of reading on


def test_a_declared_length_past_the_limit_is_refused_before_reading(
    server: LoopbackServer, flavour: str
) -> None:
    size = 1 << 30
    headers = {"Content-Length": str(size)}
    server.script("huge", Reply(stream=repeated(b"x" * 65536, size // 65536), headers=headers))
    error, elapsed = failure_of(flavour, server.url, "huge", max_response_size=MIB)
    assert isinstance(error, ResponseTooLargeError), exception_texts(error)
    assert elapsed < 3


def test_a_head_answer_declaring_a_large_body_is_accepted(flavour: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": str(1 << 30)})

    endpoint = "https://face.example"
    request = httpx.Request("HEAD", f"{endpoint}/face/v1.1-preview.1/persongroups/ok/training")
    transport = httpx.MockTransport(answer)
    response = send_request(flavour, endpoint, request, transport=transport, max_response_size=MIB)
    assert response.status_code == 200 and response.content == b""


def test_a_gzip_bomb_is_counted_decompressed(server: LoopbackServer, flavour: str) -> None:
    bomb = gzip.compress(b"\0" * (64 * MIB), compresslevel=9)
    assert len(bomb) < MIB // 4
    headers = {"Content-Encoding": "gzip", "Content-Length": str(len(bomb))}
    server.script("bomb", Reply(body=bomb, headers=headers))
    error, _ = failure_of(flavour, server.url, "bomb", max_response_size=MIB)
    assert isinstance(error, ResponseTooLargeError), exception_texts(error)


def _deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("encoding", "wbits"), [("gzip", 31), ("x-gzip", 31), ("deflate", 15), ("deflate", -15)]
)
def test_compressed_bodies_decode_and_bombs_stay_small(
    server: LoopbackServer, flavour: str, encoding: str, wbits: int
) -> None:
    body = json.dumps({**SPEC_EXAMPLE, "status": "running"}).encode()
    headers = {"Content-Encoding": encoding}
    server.script("packed", Reply(body=_deflate(body, wbits), headers=headers))
    assert get_status(flavour, server.url, "packed").status == "running"
    bomb = _deflate(b"\0" * (256 * MIB), wbits)
    server.script("bomb", Reply(body=bomb, headers=headers))
    tracemalloc.start()
    try:
        error, _ = failure_of(flavour, server.url, "bomb", max_response_size=MIB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, ResponseTooLargeError), exception_texts(error)
    assert peak < 8 * MIB, peak  # httpx would inflate each 64 KiB read to 64 MiB at once


def test_memory_stays_near_the_limit_on_a_large_body(server: LoopbackServer, flavour: str) -> None:
    server.script("big", Reply(stream=repeated(b"x" * 65536, 4096)))  # 256 MiB, lazily
    tracemalloc.start()
    try:
        error, _ = failure_of(flavour, server.url, "big", max_response_size=4 * MIB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, ResponseTooLargeError), exception_texts(error)
    assert peak < 24 * MIB, peak


@pytest.mark.parametrize("size", [0, -1, 1.5, True])
def test_max_response_size_must_be_a_positive_int(flavour: str, size: object) -> None:
    with pytest.raises(ValueError, match="max_response_size"):
        get_status(flavour, "http://127.0.0.1:9", "ok", max_response_size=size)


# -- 6. one deadline per call ------------------------------------------------------------------


@pytest.mark.parametrize("where", ["client", "call"])
def test_a_server_trickling_its_body_cannot_outlast_the_timeout(
    server: LoopbackServer, flavour: str, where: str
) -> None:
    # One byte every 0.4 s: every read succeeds long before httpx's per-read timeout.
    headers = {"Content-Length": "1000"}
    server.script("drip", Reply(stream=repeated(b" ", 1000), headers=headers, interval=0.4))
    timeout = {"timeout": 1.5}
    options = {"client_options": timeout} if where == "client" else timeout
    error, elapsed = failure_of(flavour, server.url, "drip", **options)
    assert isinstance(error, RequestTimeoutError), exception_texts(error)
    assert isinstance(error, TimeoutError) and isinstance(error, ClientError)
    assert error.timeout == 1.5
    assert elapsed < 1.5 + SLACK, elapsed


def test_a_server_trickling_its_headers_cannot_outlast_the_timeout(
    server: LoopbackServer, flavour: str
) -> None:
    reply = Reply(stream=repeated(b"{}", 1), trickle_head=True, interval=0.2)
    server.script("drip-head", reply)
    error, elapsed = failure_of(flavour, server.url, "drip-head", timeout=1.0)
    assert isinstance(error, RequestTimeoutError), exception_texts(error)
    assert elapsed < 1.0 + SLACK, elapsed


def test_the_deadline_thread_is_shared_and_ends_when_idle(server: LoopbackServer) -> None:
    """`Client` only: the blocking client enforces its total deadline from a watcher thread,
    which concurrent calls share and which ends when no call is left; the AsyncClient keeps
    its deadlines on the event loop and starts no thread."""
    headers = {"Content-Length": "1000"}
    server.script("drip", Reply(stream=repeated(b" ", 1000), headers=headers, interval=0.2))
    with face_client.Client(server.url, ApiKeyCredential(API_KEY), timeout=0.8) as client:
        with ThreadPoolExecutor(4) as pool:
            calls = [pool.submit(client.get_person_group_training_status, "ok") for _ in range(6)]
            calls.append(pool.submit(client.get_person_group_training_status, "drip"))
            finished = [call.exception(timeout=10) for call in calls]
        assert all(error is None for error in finished[:-1]), finished
        assert isinstance(finished[-1], RequestTimeoutError), finished[-1]
        watchers = [t for t in threading.enumerate() if t.name.endswith(" deadlines")]
        assert len(watchers) <= 1, watchers
    ends = time.monotonic() + 5
    while any(t.name.endswith(" deadlines") for t in threading.enumerate()):
        assert time.monotonic() < ends, "the deadline thread outlived its calls"
        time.sleep(0.05)


def test_a_server_that_never_answers_is_a_request_timeout(
    server: LoopbackServer, flavour: str
) -> None:
    error, elapsed = failure_of(flavour, server.url, "slow", timeout=0.3)  # answers after 1 s
    assert isinstance(error, RequestTimeoutError), exception_texts(error)
    assert elapsed < 0.3 + SLACK, elapsed


def test_the_per_call_timeout_replaces_the_clients(server: LoopbackServer, flavour: str) -> None:
    result = get_status(flavour, server.url, "slow", client_options={"timeout": 0.2}, timeout=5.0)
    assert result.status == "notStarted"


def test_retries_stop_at_the_deadline(server: LoopbackServer, flavour: str) -> None:
    busy = {"error": {"code": "Busy", "message": "Busy."}}
    server.script("down", Reply(503, busy, {"retry-after-ms": "300"}))
    options = {"timeout": 1.0, "max_retries": 100}
    error, elapsed = failure_of(flavour, server.url, "down", client_options=options)
    assert isinstance(error, ApiError) and error.status_code == 503, exception_texts(error)
    assert elapsed < 1.0 + SLACK, elapsed
    assert 2 <= len(server.requests) <= 5


@pytest.mark.parametrize("timeout", [2.0, 600.0])
def test_a_retry_after_longer_than_the_time_left_gives_up_at_once(
    server: LoopbackServer, flavour: str, timeout: float
) -> None:
    server.script("later", error_reply(503, "Busy", "Busy.", retry_after="99999999"))
    error, elapsed = failure_of(flavour, server.url, "later", timeout=timeout)
    assert isinstance(error, ApiError) and error.status_code == 503, exception_texts(error)
    assert elapsed < 0.5, elapsed  # no sleeping towards the deadline either
    assert len(server.requests) == 1


def test_without_a_total_limit_backoff_max_caps_a_huge_retry_after(
    server: LoopbackServer, flavour: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    real_async_sleep = asyncio.sleep

    def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    async def fake_async_sleep(seconds: float, *args: Any) -> Any:
        slept.append(seconds)
        return await real_async_sleep(0)

    monkeypatch.setattr(time, "sleep", fake_sleep)
    monkeypatch.setattr(asyncio, "sleep", fake_async_sleep)
    server.script("later", error_reply(503, "Busy", "Busy.", retry_after="99999999"))
    options = {"timeout": httpx.Timeout(None), "backoff_max": 0.25}
    error, _ = failure_of(flavour, server.url, "later", client_options=options)
    assert isinstance(error, ApiError), exception_texts(error)
    assert slept and max(slept) <= 0.25, slept
    assert len(server.requests) == 4


@pytest.mark.parametrize("timeout", [0, -1.0, float("nan"), float("inf"), "3"])
def test_timeout_must_be_positive_seconds(flavour: str, timeout: object) -> None:
    with pytest.raises(ValueError, match="timeout"):
        get_status(flavour, "http://127.0.0.1:9", "ok", timeout=timeout)


def _operation_methods(package: ModuleType) -> Iterator[tuple[str, Any]]:
    client_module = importlib.import_module(package.__name__ + ".client")
    for class_name, cls in vars(client_module).items():
        if not isinstance(cls, type) or cls.__module__ != client_module.__name__:
            continue
        if not (class_name.endswith(("Client", "Operations"))):
            continue
        for name, method in vars(cls).items():
            if name.startswith(("_", "resume_")) or name in (
                "close",
                "send_request",
                "with_options",
            ):
                continue
            if callable(method):
                yield f"{class_name}.{name}", method


@pytest.mark.parametrize("case", ["face", "features", "operations"])
def test_every_operation_method_takes_the_per_call_options(
    generated_packages: dict[str, GeneratedPackage], case: str
) -> None:
    methods = dict(_operation_methods(generated_packages[case].module))
    assert methods
    for name, method in methods.items():
        parameters = inspect.signature(method).parameters
        for option in (
            "timeout",
            "max_response_size",
            "max_retries",
            "extra_headers",
            "extra_query",
        ):
            assert option in parameters, name
            assert parameters[option].kind is inspect.Parameter.KEYWORD_ONLY, name
            assert parameters[option].default is None, name
            doc = method.__doc__ or ""
            assert option in doc or doc.startswith("The same"), name


# -- 7. credentials never where they must not be -------------------------------------------------

_QUERY_KEY_PACKAGE = "face_query_key"


@pytest.fixture(scope="module")
def query_key_package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The face client, generated from the spec with its API key moved to the query."""
    from generator.build.pipeline import generate
    from generator.output.atomic_write import write_tree

    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    spec["components"]["securitySchemes"]["Ocp-Apim-Subscription-Key"].update(
        {"in": "query", "name": "subscription-key"}
    )
    root = tmp_path_factory.mktemp("query-key")
    spec_path = root / "spec.yaml"
    spec_path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    result = generate(spec_path, package=_QUERY_KEY_PACKAGE)
    assert result.ok, [d.format() for d in result.diagnostics]
    write_tree(result.files, root / "out")
    sys.path.insert(0, str(root / "out"))
    return importlib.import_module(_QUERY_KEY_PACKAGE)


def _everything_shown(error: BaseException) -> str:
    """What a user or a log could see of `error`: its text, its chain, the request of its
    response, and a traceback with every frame's locals."""
    texts = [exception_texts(error)]
    texts += traceback.format_exception(error)
    texts += traceback.TracebackException.from_exception(error, capture_locals=True).format()
    for item in exception_chain(error):
        for attribute in ("response", "request"):
            value = getattr(item, attribute, None)
            request = getattr(value, "request", value) if attribute == "response" else value
            if isinstance(request, httpx.Request):
                texts += [str(request.url), repr(request.headers.multi_items())]
    return "\n".join(texts)


@pytest.mark.parametrize("key_in", ["header", "query"])
@pytest.mark.parametrize("group_id", ["not-found", "drip", "refused"])
def test_no_credential_in_errors_or_tracebacks_with_locals(
    server: LoopbackServer,
    query_key_package: ModuleType,
    flavour: str,
    key_in: str,
    group_id: str,
) -> None:
    package = query_key_package if key_in == "query" else face_client
    headers = {"Content-Length": "100"}
    server.script("drip", Reply(stream=repeated(b" ", 100), headers=headers, interval=0.3))
    endpoint = f"http://127.0.0.1:{free_port()}" if group_id == "refused" else server.url
    options = {"max_retries": 0, "timeout": 0.5}
    error, _ = failure_of(flavour, endpoint, group_id, package=package, client_options=options)
    assert isinstance(error, package.ClientError), exception_texts(error)
    if group_id != "refused":
        sent = server.requests[0]
        assert SECRET_MARK in (sent.path if key_in == "query" else repr(sent.headers))
    shown = _everything_shown(error)
    assert SECRET_MARK not in shown, shown
    if isinstance(error, package.ApiError):
        assert key_in != "query" or "subscription-key=%2A%2A%2A" in str(error.response.request.url)


def test_the_callers_request_is_not_changed(server: LoopbackServer, flavour: str) -> None:
    request = httpx.Request("GET", f"{server.url}/face/v1.1-preview.1/persongroups/ok/training")
    before = request.headers.multi_items()
    response = send_request(flavour, server.url, request)
    assert response.status_code == 200
    assert request.headers.multi_items() == before
    assert SECRET_MARK not in repr(response.request.headers.multi_items())
    assert SECRET_MARK in repr(server.requests[0].headers)


# -- 8. one error hierarchy -----------------------------------------------------------------------


def test_a_refused_connection_is_a_transport_error(flavour: str) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}"
    error, _ = failure_of(flavour, endpoint, "ok", client_options={"max_retries": 1})
    assert isinstance(error, TransportError), exception_texts(error)
    assert isinstance(error.__cause__, httpx.ConnectError)
    assert SECRET_MARK not in repr(error.request.headers.multi_items())


def test_a_read_timeout_is_a_request_timeout_caused_by_httpx(
    server: LoopbackServer, flavour: str
) -> None:
    options = {"timeout": httpx.Timeout(5.0, read=0.2), "max_retries": 0}
    error, _ = failure_of(flavour, server.url, "slow", client_options=options)
    assert isinstance(error, RequestTimeoutError), exception_texts(error)
    assert isinstance(error.__cause__, httpx.ReadTimeout)


@pytest.mark.parametrize("status", [200, 500])
def test_deeply_nested_json_is_no_recursion_error(
    server: LoopbackServer, flavour: str, status: int
) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    server.script("deep", Reply(status, deep))
    error, _ = failure_of(flavour, server.url, "deep", client_options={"max_retries": 0})
    expected = DeserializationError if status == 200 else ApiError
    assert isinstance(error, expected), exception_texts(error)
    if isinstance(error, ApiError):
        assert error.status_code == 500 and error.model is None


def test_a_header_with_crlf_is_an_invalid_request_never_retried(
    server: LoopbackServer, flavour: str
) -> None:
    # A transport of the client's own kind, which counts the attempts that reach it.
    transport = CountingTransport() if flavour == "sync" else AsyncCountingTransport()
    url = f"{server.url}/face/v1.1-preview.1/persongroups/ok/training"
    request = httpx.Request("GET", url, headers={"X-Note": "a\r\nX-Evil: 1"})
    with pytest.raises(ClientError) as info:
        send_request(flavour, server.url, request, transport=transport, **FAST)
    assert isinstance(info.value, InvalidRequestError) and isinstance(info.value, ValueError)
    assert isinstance(info.value.__cause__, httpx.LocalProtocolError)
    assert transport.attempts == 1 and not server.requests


def test_a_body_that_does_not_decompress_is_a_deserialization_error(
    server: LoopbackServer, flavour: str
) -> None:
    server.script("broken", Reply(body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    error, _ = failure_of(flavour, server.url, "broken")
    assert isinstance(error, DeserializationError), exception_texts(error)
    assert isinstance(error.__cause__, (httpx.DecodingError, zlib.error))


def test_the_new_errors_are_exported() -> None:
    for name in (
        "TransportError",
        "RequestTimeoutError",
        "ResponseTooLargeError",
        "InvalidRequestError",
    ):
        cls = getattr(face_client, name)
        assert issubclass(cls, ClientError) and name in face_client.__all__
        assert cls.__doc__


# -- 10. server text is escaped in messages ---------------------------------------------------------

HOSTILE = "boom\x1b[2J\r\nWARNING forged log line\u2028\x00"


def test_server_text_in_an_api_error_is_escaped(server: LoopbackServer, flavour: str) -> None:
    server.script("hostile", error_reply(400, "Bad\x1b[31m", HOSTILE, header_code=None))
    error, _ = failure_of(flavour, server.url, "hostile")
    assert isinstance(error, ApiError), exception_texts(error)
    text = str(error)
    assert not any(ch in text for ch in "\x1b\r\n\u2028\x00"), repr(text)
    assert "\\x1b[2J\\r\\nWARNING" in text
    assert error.service_message == HOSTILE  # the attribute keeps the text as sent


def test_operation_failed_and_deserialization_messages_are_escaped() -> None:
    failed = OperationFailedError(operation="op", status="failed", message=HOSTILE, result=None)
    decoding = DeserializationError(f"expected a date, got {HOSTILE}")
    for error in (failed, decoding):
        assert not any(ch in str(error) for ch in "\x1b\r\n\u2028\x00"), repr(str(error))
        assert "\\x1b" in str(error)


# -- 11. the endpoint is checked -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("endpoint", "base_url", "named"),
    [
        ("my-resource.cognitiveservices.azure.com", None, "endpoint"),
        ("ftp://my-resource.example.com", None, "endpoint"),
        ("https://", None, "endpoint"),
        ("https://my-resource.example.com/face/v1.2", None, "endpoint"),
        ("https://my-resource.example.com", "localhost:8080/face", "base_url"),
    ],
)
def test_a_bad_endpoint_is_refused_when_the_client_is_built(
    flavour: str, endpoint: str, base_url: str | None, named: str
) -> None:
    with pytest.raises(ValueError, match=f"^{named} "):
        client_of(face_client, flavour, endpoint, ApiKeyCredential(API_KEY), base_url=base_url)


@pytest.mark.parametrize("endpoint", ["https://my-resource.example.com", "http://127.0.0.1:8080/"])
def test_a_good_endpoint_is_accepted(flavour: str, endpoint: str) -> None:
    with client_of(face_client, flavour, endpoint, ApiKeyCredential(API_KEY)) as client:
        name = type(unwrapped(client)).__name__
        assert name == {"sync": "Client", "async": "AsyncClient"}[flavour]
        assert repr(client).startswith(f"{name}(base_url="), repr(client)
