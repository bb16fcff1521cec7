"""The generated package's poller runtime (`polling.py`): Poller and AsyncPoller against a
scripted status endpoint, with a fake clock whose `sleep` advances it, so every wait is
recorded and nothing really sleeps.

The package is generated from the Face spec into a temporary directory under its own name,
so these tests see the templates as they are now, not the committed tree.

Each poller behaviour is tested once for both: `new_poller` makes a Poller, or an AsyncPoller
behind tests/support/loopback.py's `Blocking`, as the `flavour` fixture says (the properties use
`poller_maker`: Hypothesis refuses function-scoped fixtures). Token-reader tests are single.
"""

from __future__ import annotations

import base64
import importlib
import json
import math
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.client_kit import FLAVOURS, loop_views

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "lro_face"
OPERATION = "PersonGroupOperations_TrainPersonGroup"
STATUS_URL = "https://face.test/face/v1.1/persongroups/group-1/training"
NO_FACES = "There are no persisted faces."
STATE = {"url": STATUS_URL + "?sig=secret-signature", "attempt": 3, "ratio": 1.5, "on": True}


@dataclass(frozen=True)
class Generated:
    polling: ModuleType
    errors: ModuleType
    models: ModuleType
    max_retry_after: float


@pytest.fixture(scope="module")
def gen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    from generator.build.pipeline import generate
    from generator.output.atomic_write import write_tree

    root = tmp_path_factory.mktemp("polling") / PACKAGE
    result = generate(ROOT / "spec" / "face-person-group-training.yaml", package=PACKAGE)
    assert result.ok, [d.format() for d in result.diagnostics]
    write_tree(result.files, root)
    sys.path.insert(0, str(root))
    try:
        http = importlib.import_module(PACKAGE + "._http")
        yield Generated(
            polling=importlib.import_module(PACKAGE + ".polling"),
            errors=importlib.import_module(PACKAGE + ".errors"),
            models=importlib.import_module(PACKAGE + ".models"),
            max_retry_after=http.MAX_RETRY_AFTER,
        )
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@dataclass
class Clock:
    """A fake monotonic clock; `sleep` records the wait and moves the clock on."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def body(status: str, message: str | None = None) -> dict[str, Any]:
    """A TrainingResult as the Face service writes it."""
    return {
        "status": status,
        "createdDateTime": "2024-03-05T11:07:58.371Z",
        "lastActionDateTime": "2024-03-05T11:07:59.000Z",
        "lastSuccessfulTrainingDateTime": "2024-03-05T11:07:58.371Z",
        "message": message,
    }


Step = tuple[int, dict[str, Any], dict[str, str]]


def ok(status: str, message: str | None = None, **headers: str) -> Step:
    return 200, body(status, message), {k.replace("_", "-"): v for k, v in headers.items()}


class Service:
    """The status endpoint: answers each request with the next scripted response."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert self.steps, "more status requests than the script has answers"
        status_code, payload, headers = self.steps.pop(0)
        return httpx.Response(status_code, json=payload, headers=headers)

    @property
    def count(self) -> int:
        return len(self.requests)


def reader(gen: Generated) -> Callable[[httpx.Response], tuple[str, Any, str | None]]:
    """A reader as the generated client writes one: ApiError for errors, else the model."""

    def read(response: httpx.Response) -> tuple[str, Any, str | None]:
        if not response.is_success:
            raise gen.errors.ApiError(
                response=response, error_code="NotFound", service_message="gone", model=None
            )
        value = gen.models.TrainingResult.from_dict(response.json())
        message = value.message if isinstance(value.message, str) else None
        return gen.polling.status_text(value.status), value, message

    return read


def make_poller(
    gen: Generated, service: Service, clock: Clock | None, *, is_async: bool = False, **options: Any
) -> Any:
    """A Poller (an AsyncPoller when `is_async`) of `service`, timed by `clock` (by the
    poller's own real clock and sleep when None)."""
    options.setdefault("succeeded", ["succeeded"])
    options.setdefault("failed", ["failed"])
    options.setdefault("state", STATE)
    options.setdefault("operation", OPERATION)
    if clock is not None:
        options.update(clock=clock, sleep=clock.async_sleep if is_async else clock.sleep)
    client_class = httpx.AsyncClient if is_async else httpx.Client
    client = client_class(transport=httpx.MockTransport(service.handle))
    cls = gen.polling.AsyncPoller if is_async else gen.polling.Poller
    request = lambda: httpx.Request("GET", STATUS_URL)
    return cls(send=client.send, request=request, read=reader(gen), **options)


NewPoller = Callable[..., Any]
"""`new_poller(service, clock, **options)`: `make_poller` for one flavour, blocking surface."""


@contextmanager
def poller_maker(gen: Generated, flavour: str) -> Iterator[NewPoller]:
    """A `NewPoller` for `flavour`: `Poller`s, or `AsyncPoller`s as `Blocking` views on one
    event loop, closed when the `with` ends."""
    with loop_views(flavour) as view:

        def new(service: Service, clock: Clock | None, **options: Any) -> Any:
            is_async = flavour == "async"
            return view(make_poller(gen, service, clock, is_async=is_async, **options))

        yield new


@pytest.fixture
def new_poller(gen: Generated, flavour: str) -> Iterator[NewPoller]:
    with poller_maker(gen, flavour) as new:
        yield new


# Success, failure, statuses


def test_polls_until_succeeded_and_returns_the_final_value(
    gen: Generated, new_poller: NewPoller
) -> None:
    service = Service(ok("notStarted"), ok("running"), ok("succeeded"))
    clock = Clock()
    poller = new_poller(service, clock)
    value = poller.result()
    assert isinstance(value, gen.models.TrainingResult)
    assert value.status == "succeeded"
    assert service.count == 3
    assert all(str(r.url) == STATUS_URL for r in service.requests)
    assert clock.sleeps == [1.0, 1.0, 1.5]
    assert poller.done() and poller.status() == "succeeded"


def test_a_failed_operation_raises_with_the_service_message(
    gen: Generated, new_poller: NewPoller
) -> None:
    service = Service(ok("running"), ok("failed", NO_FACES))
    poller = new_poller(service, Clock())
    with pytest.raises(gen.errors.OperationFailedError) as caught:
        poller.result()
    error = caught.value
    assert str(error) == f"{OPERATION} failed (status 'failed'): {NO_FACES}"
    assert (error.operation, error.status, error.message) == (OPERATION, "failed", NO_FACES)
    assert isinstance(error.result, gen.models.TrainingResult)
    assert error.result.message == NO_FACES
    assert isinstance(error, gen.errors.ClientError)
    assert poller.done() and poller.wait() is True  # wait() never raises for a failure

    poller = new_poller(Service(ok("failed", NO_FACES)), Clock())
    assert poller.wait() is True  # ended, without raising ...
    with pytest.raises(gen.errors.OperationFailedError) as caught:
        poller.result()  # ... and result() still raises
    assert str(caught.value) == f"{OPERATION} failed (status 'failed'): {NO_FACES}"


def test_a_failure_without_a_message_says_so_without_a_colon(
    gen: Generated, new_poller: NewPoller
) -> None:
    poller = new_poller(Service(ok("failed")), Clock())
    with pytest.raises(gen.errors.OperationFailedError) as caught:
        poller.result()
    assert str(caught.value) == f"{OPERATION} failed (status 'failed')"
    assert caught.value.message is None


def test_result_after_the_end_answers_again_without_a_request(
    gen: Generated, new_poller: NewPoller
) -> None:
    service = Service(ok("succeeded"))
    clock = Clock()
    poller = new_poller(service, clock)
    first = poller.result()
    assert poller.result() is first and poller.result(timeout=0) is first
    assert service.count == 1 and len(clock.sleeps) == 1

    failing = Service(ok("failed", NO_FACES))
    poller = new_poller(failing, clock)
    for _ in range(2):
        with pytest.raises(gen.errors.OperationFailedError, match="no persisted faces"):
            poller.result()
    assert failing.count == 1


@pytest.mark.parametrize(
    ("succeeded", "failed", "answer", "outcome"),
    [
        (["Succeeded"], ["Failed"], "succeeded", "value"),
        (["succeeded"], ["failed"], "SUCCEEDED", "value"),
        (["SUCCEEDED"], ["FAILED"], "Failed", "error"),
        (("Done", "Completed"), ["Failed", "Canceled"], "canceled", "error"),
    ],
)
def test_statuses_compare_case_insensitively(
    gen: Generated,
    new_poller: NewPoller,
    succeeded: list[str],
    failed: list[str],
    answer: str,
    outcome: str,
) -> None:
    service = Service(ok("Running"), ok(answer))
    poller = new_poller(service, Clock(), succeeded=succeeded, failed=failed)
    assert poller.poll() == "Running" and not poller.done()
    assert poller.wait() is True
    assert poller.status() == answer  # the service's spelling
    if outcome == "value":
        assert str(poller.result().status) == answer
    else:
        with pytest.raises(gen.errors.OperationFailedError, match=f"status '{answer}'"):
            poller.result()


def test_an_unknown_status_keeps_polling(new_poller: NewPoller) -> None:
    service = Service(ok("queued"), ok("validating"), ok("succeeded"))
    poller = new_poller(service, Clock())
    assert str(poller.result().status) == "succeeded"
    assert service.count == 3


def test_status_and_done_do_no_io(new_poller: NewPoller) -> None:
    service = Service(ok("running"))
    clock = Clock()
    poller = new_poller(service, clock)
    for _ in range(3):
        assert poller.status() == "InProgress" and poller.done() is False
        poller.continuation_token()
        repr(poller)
    assert service.count == 0 and clock.sleeps == []
    assert poller.poll() == "running"
    assert poller.status() == "running" and poller.done() is False
    assert service.count == 1 and clock.sleeps == []  # poll() does not wait


def test_poll_after_the_end_does_no_io(new_poller: NewPoller) -> None:
    service = Service(ok("running"), ok("succeeded"))
    poller = new_poller(service, Clock())
    assert [poller.poll(), poller.poll()] == ["running", "succeeded"]
    assert [poller.poll() for _ in range(3)] == ["succeeded"] * 3
    assert service.count == 2


def test_an_api_error_from_the_reader_propagates(gen: Generated, new_poller: NewPoller) -> None:
    service = Service(ok("running"), (404, {"error": {"code": "NotFound"}}, {}))
    poller = new_poller(service, Clock())
    with pytest.raises(gen.errors.ApiError) as caught:
        poller.result()
    assert caught.value.status_code == 404
    assert not poller.done() and poller.status() == "running"
    assert service.count == 2

    # From poll() too; the poller keeps its token and interval.
    poller = new_poller(
        Service((500, {"error": {"code": "Boom"}}, {})), Clock(), polling_interval=3.0
    )
    with pytest.raises(gen.errors.ApiError):
        poller.poll()
    with pytest.raises(ValueError, match="polling_interval"):
        poller.polling_interval = -2
    token = poller.continuation_token()
    assert gen.polling.read_continuation_token(token, OPERATION) == (STATE, 3.0)
    made_by_a_poller = make_poller(gen, Service(), Clock(), polling_interval=3.0)
    assert made_by_a_poller.continuation_token() == token  # whichever poller made it


def test_statuses_that_are_both_succeeded_and_failed_or_a_bare_string_are_refused(
    new_poller: NewPoller,
) -> None:
    with pytest.raises(ValueError, match="both"):
        new_poller(Service(), Clock(), succeeded=["Done"], failed=["done"])
    with pytest.raises(TypeError, match="collection"):
        new_poller(Service(), Clock(), succeeded="Succeeded")


def test_repr_shows_the_operation_and_status_but_no_state(
    new_poller: NewPoller, flavour: str
) -> None:
    name = {"sync": "Poller", "async": "AsyncPoller"}[flavour]
    poller = new_poller(Service(ok("running"), ok("Succeeded")), Clock())
    assert repr(poller) == f"{name}(operation='{OPERATION}', status='InProgress')"
    poller.poll()
    assert repr(poller) == f"{name}(operation='{OPERATION}', status='running')"
    assert "secret" not in repr(poller)
    poller.poll()
    assert repr(poller) == f"{name}(operation='{OPERATION}', status='Succeeded')"


def test_status_text(gen: Generated) -> None:
    status_text = gen.polling.status_text
    assert status_text(gen.models.OperationStatus.NOT_STARTED) == "notStarted"
    assert status_text("Running") == "Running"  # also an open enum's unlisted value
    assert status_text(3) == "3"
    assert status_text(None) == "None"


# Timing


def test_retry_after_of_the_start_response_is_the_first_wait(new_poller: NewPoller) -> None:
    clock = Clock()
    poller = new_poller(Service(ok("succeeded")), clock, retry_after=7.0)
    poller.result()
    assert clock.sleeps == [7.0]

    # Then the interval as usual; once done, no more requests.
    service = Service(ok("notStarted"), ok("running"), ok("Succeeded"))
    clock = Clock()
    poller = new_poller(service, clock, retry_after=2.0)
    assert poller.status() == "InProgress" and not poller.done()
    value = poller.result()
    assert str(value.status) == "Succeeded" and poller.done()
    assert clock.sleeps == [2.0, 1.0, 1.5] and service.count == 3
    assert poller.poll() == "Succeeded" and poller.result() is value
    assert service.count == 3


def test_retry_after_of_a_status_response_is_honoured(new_poller: NewPoller) -> None:
    service = Service(
        ok("running", retry_after="12"),
        ok("running", retry_after_ms="2500"),
        ok("running"),
        ok("succeeded"),
    )
    clock = Clock()
    new_poller(service, clock).result()
    # The interval does not grow while the service says how long to wait.
    assert clock.sleeps == [1.0, 12.0, 2.5, 1.0]


def test_retry_after_as_an_http_date(gen: Generated, new_poller: NewPoller) -> None:
    service = Service(
        ok("running", retry_after="Wed, 21 Oct 2015 07:28:00 GMT"),  # past: no wait
        ok("running", retry_after="Fri, 31 Dec 2999 23:59:59 GMT"),  # far: the cap
        ok("succeeded"),
    )
    clock = Clock()
    new_poller(service, clock).result()
    assert clock.sleeps == [1.0, gen.max_retry_after]


def test_retry_after_beyond_max_interval_is_honoured_up_to_the_cap(
    gen: Generated, new_poller: NewPoller
) -> None:
    service = Service(
        ok("running", retry_after="100"),
        ok("running", retry_after="100000"),
        ok("running", retry_after_ms="nan"),  # unusable: the interval instead
        ok("succeeded"),
    )
    clock = Clock()
    poller = new_poller(service, clock, max_interval=5.0, retry_after=1e9)
    poller.result()
    cap = gen.max_retry_after
    assert cap == 300.0
    assert clock.sleeps == [cap, 100.0, cap, 1.0]


def test_the_interval_grows_by_half_up_to_max_interval(new_poller: NewPoller) -> None:
    service = Service(*[ok("running")] * 7, ok("succeeded"))
    clock = Clock()
    new_poller(service, clock, polling_interval=2.0, max_interval=5.0).result()
    assert clock.sleeps == [2.0, 2.0, 3.0, 4.5, 5.0, 5.0, 5.0, 5.0]


def test_the_interval_never_shrinks_below_polling_interval(new_poller: NewPoller) -> None:
    service = Service(*[ok("running")] * 3, ok("succeeded"))
    clock = Clock()
    new_poller(service, clock, polling_interval=10.0, max_interval=5.0).result()
    assert clock.sleeps == [10.0] * 4


def test_time_spent_elsewhere_counts_towards_the_wait(new_poller: NewPoller) -> None:
    service = Service(ok("running"), ok("succeeded"))
    clock = Clock()
    poller = new_poller(service, clock, polling_interval=4.0)
    clock.now += 3.0
    assert poller.wait() is True
    assert clock.sleeps == [1.0, 4.0]


def test_polling_interval_is_checked_and_settable(new_poller: NewPoller) -> None:
    for bad in (-1.0, -0.001, math.nan, math.inf):
        with pytest.raises(ValueError, match="polling_interval"):
            new_poller(Service(), Clock(), polling_interval=bad)
        with pytest.raises(ValueError, match="max_interval"):
            new_poller(Service(), Clock(), max_interval=bad)
    service = Service(*[ok("running")] * 2, ok("succeeded"))
    clock = Clock()
    poller = new_poller(service, clock)
    assert poller.polling_interval == 1.0
    for bad in (-1.0, math.nan, math.inf):
        with pytest.raises(ValueError, match="polling_interval"):
            poller.polling_interval = bad
    assert poller.polling_interval == 1.0
    poller.polling_interval = 0.25
    assert poller.polling_interval == 0.25
    poller.result()
    assert clock.sleeps == [0.25, 0.25, 0.375]

    # Zero is allowed: no waiting at all. A start Retry-After still counts.
    service = Service(ok("running"), ok("succeeded"))
    clock = Clock()
    poller = new_poller(service, clock, retry_after=3.0)
    poller.polling_interval = 0
    poller.result()
    assert clock.sleeps == [3.0]


def test_the_default_sleep_and_clock_are_the_real_ones(new_poller: NewPoller) -> None:
    """No `sleep` or `clock` given: `time.sleep` and `time.monotonic` for the Poller,
    `asyncio.sleep` for the AsyncPoller."""
    service = Service(ok("succeeded"))
    poller = new_poller(service, None, state={}, polling_interval=0.001)
    assert str(poller.result(timeout=5).status) == "succeeded"
    assert service.count == 1


# Timeouts


def test_a_timeout_stops_exactly_at_the_deadline_and_result_can_go_on(
    gen: Generated, new_poller: NewPoller
) -> None:
    service = Service(ok("running"), ok("running"), ok("running"), ok("succeeded"))
    clock = Clock()
    start = clock.now
    poller = new_poller(service, clock, polling_interval=10.0)
    with pytest.raises(gen.errors.PollingTimeoutError) as caught:
        poller.result(timeout=25.0)
    # 10 s, poll, 10 s, poll; the next poll is due 15 s later: sleep the 5 s left, no poll.
    assert clock.sleeps == [10.0, 10.0, 5.0]
    assert clock.now - start == 25.0 and service.count == 2
    error = caught.value
    assert isinstance(error, TimeoutError) and isinstance(error, gen.errors.ClientError)
    assert (error.operation, error.status, error.timeout) == (OPERATION, "running", 25.0)
    assert "still running" in str(error)
    assert "result()" in str(error) and "continuation_token()" in str(error)
    assert not poller.done()

    # Keep waiting: the rest of the 15 s, then the interval goes on growing.
    assert str(poller.result().status) == "succeeded"
    assert clock.sleeps == [10.0, 10.0, 5.0, 10.0, 22.5]
    assert service.count == 4


def test_a_timeout_shorter_than_the_first_wait_sends_nothing(new_poller: NewPoller) -> None:
    service = Service(ok("succeeded"))
    clock = Clock()
    poller = new_poller(service, clock, retry_after=30.0)
    assert poller.wait(timeout=4.0) is False
    assert clock.sleeps == [4.0] and service.count == 0
    assert poller.wait(timeout=30.0) is True
    assert clock.sleeps == [4.0, 26.0] and service.count == 1


def test_wait_returns_false_then_true(new_poller: NewPoller) -> None:
    service = Service(ok("running"), ok("failed", NO_FACES))
    clock = Clock()
    poller = new_poller(service, clock)
    assert poller.wait(timeout=1.0) is False  # polled at the deadline: still running
    assert service.count == 1 and clock.sleeps == [1.0]
    assert poller.wait(timeout=0.5) is False
    assert poller.wait(timeout=math.inf) is True
    assert poller.status() == "failed"


@pytest.mark.parametrize("timeout", [0, 0.0, -1.0, -math.inf])
def test_a_timeout_of_zero_or_less_only_looks(
    gen: Generated, new_poller: NewPoller, timeout: float
) -> None:
    service = Service(ok("succeeded"))
    clock = Clock()
    poller = new_poller(service, clock, polling_interval=0.0)
    assert poller.wait(timeout) is False
    with pytest.raises(gen.errors.PollingTimeoutError) as caught:
        poller.result(timeout)
    assert caught.value.timeout == 0.0
    assert service.count == 0 and clock.sleeps == []
    poller.poll()
    assert poller.wait(timeout) is True
    assert str(poller.result(timeout).status) == "succeeded"
    assert service.count == 1


def test_a_nan_timeout_is_refused(new_poller: NewPoller) -> None:
    poller = new_poller(Service(), Clock())
    with pytest.raises(ValueError, match="timeout"):
        poller.wait(math.nan)


def test_a_retry_after_past_the_timeout_is_waited_out_across_calls(
    gen: Generated, new_poller: NewPoller
) -> None:
    service = Service(ok("running", retry_after="20"), ok("succeeded"))
    clock = Clock()
    poller = new_poller(service, clock)
    assert poller.wait(timeout=0) is False and service.count == 0
    with pytest.raises(gen.errors.PollingTimeoutError):
        poller.result(timeout=6.0)
    assert clock.sleeps == [1.0, 5.0] and service.count == 1
    assert poller.wait(timeout=10.0) is False
    assert clock.sleeps == [1.0, 5.0, 10.0]
    assert str(poller.result(timeout=5.0).status) == "succeeded"
    assert clock.sleeps == [1.0, 5.0, 10.0, 5.0] and service.count == 2


# Continuation tokens


def _payload(token: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))


def _token(payload: object) -> str:
    text = json.dumps(payload, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_a_continuation_token_resumes_the_operation(gen: Generated, new_poller: NewPoller) -> None:
    service = Service(ok("running"))
    poller = new_poller(service, Clock(), polling_interval=2.5)
    poller.poll()
    token = poller.continuation_token()
    assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
    assert _payload(token) == {"v": 1, "operation": OPERATION, "state": STATE, "interval": 2.5}
    assert base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode() == (
        json.dumps(_payload(token), sort_keys=True, separators=(",", ":"))
    )

    state, interval = gen.polling.read_continuation_token(token, OPERATION)
    assert (state, interval) == (STATE, 2.5)
    resumed_service = Service(ok("running"), ok("succeeded"))
    clock = Clock()
    resumed = new_poller(resumed_service, clock, state=state, polling_interval=interval)
    assert resumed.status() == "InProgress"
    assert str(resumed.result().status) == "succeeded"
    assert clock.sleeps == [2.5, 2.5] and resumed_service.count == 2
    assert resumed.continuation_token() == token


def test_continuation_tokens_are_deterministic(gen: Generated, new_poller: NewPoller) -> None:
    reordered = dict(reversed(list(STATE.items())))
    one = new_poller(Service(), Clock(), state=STATE).continuation_token()
    two = new_poller(Service(), Clock(), state=reordered).continuation_token()
    assert one == two
    assert gen.polling.read_continuation_token(one + "=", OPERATION)[0] == STATE
    assert gen.polling.read_continuation_token(f" {one}\n", OPERATION)[0] == STATE


def test_a_token_of_another_operation_is_refused(gen: Generated) -> None:
    token = make_poller(gen, Service(), Clock()).continuation_token()
    with pytest.raises(ValueError, match="for operation 'PersonGroupOperations_Train.*not 'Other'"):
        gen.polling.read_continuation_token(token, "Other")


def test_a_token_of_a_newer_format_is_refused(gen: Generated) -> None:
    token = _token({"v": 2, "operation": OPERATION, "state": {}, "interval": 1.0, "new": 1})
    with pytest.raises(ValueError, match="newer"):
        gen.polling.read_continuation_token(token, OPERATION)


def test_garbage_and_damaged_tokens_are_refused(gen: Generated) -> None:
    good = make_poller(gen, Service(), Clock()).continuation_token()
    valid = {"v": 1, "operation": OPERATION, "state": {}, "interval": 1.0}
    bad = [
        "",
        "not a token",
        "abc$def",
        "a+b/c",
        good[:-5],
        good[:-1],
        good[:20],
        "x" + good,
        base64.urlsafe_b64encode(b"\xff\xfe\x00").decode(),
        _token("a string"),
        _token([1, 2]),
        _token({}),
        _token({**valid, "v": 0}),
        _token({**valid, "v": True}),
        _token({**valid, "v": "1"}),
        _token({**valid, "extra": 1}),
        _token({k: v for k, v in valid.items() if k != "state"}),
        _token({**valid, "operation": None}),
        _token({**valid, "state": []}),
        _token({**valid, "state": {"url": {"nested": 1}}}),
        _token({**valid, "interval": -1}),
        _token({**valid, "interval": "1"}),
        _token({**valid, "interval": True}),
        _token({**valid, "interval": 1e400}),
        base64.urlsafe_b64encode(b"[" * 20_000 + b"]" * 20_000).decode(),  # too deep
        base64.urlsafe_b64encode(b"[" * 200_000).decode(),  # too long
        "A" * 100_000,
    ]
    for token in bad:
        with pytest.raises(ValueError) as caught:
            gen.polling.read_continuation_token(token, OPERATION)
        assert "secret" not in str(caught.value)
    with pytest.raises(ValueError):
        gen.polling.read_continuation_token(None, OPERATION)  # type: ignore[arg-type]


URL_STATE = {"v": 1, "operation": OPERATION, "state": {"url": STATUS_URL}, "interval": 1.0}


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"interval": 1e9}, "polling interval"),  # 31 years
        ({"interval": 1e300}, "polling interval"),  # OverflowError in sleep()
        ({"interval": 300.5}, "polling interval"),
        ({"state": {"url": 1}}, "status URL is not a URL"),
        ({"state": {"url": None}}, "status URL is not a URL"),
        ({"state": {"url": "/relative/status"}}, "absolute http(s)"),
        ({"state": {"url": "file:///etc/passwd"}}, "absolute http(s)"),
        ({"state": {"url": "ftp://face.test/status"}}, "absolute http(s)"),
        ({"state": {"url": "https://user:secret@face.test/status"}}, "userinfo or a fragment"),
        ({"state": {"url": STATUS_URL + "#status"}}, "userinfo or a fragment"),
        ({"state": {"url": STATUS_URL + "#"}}, "userinfo or a fragment"),
        ({"state": {"url": "https://" + "a" * 9000}}, "status URL is not a URL"),
        ({"state": {}}, "exactly the fields url"),
        ({"state": {"url": STATUS_URL, "secret": 1}}, "exactly the fields url"),
    ],
)
def test_tampered_tokens_are_refused_with_the_packages_own_error(
    gen: Generated, changes: dict[str, Any], reason: str
) -> None:
    token = _token({**URL_STATE, **changes})
    with pytest.raises(gen.errors.ContinuationTokenError, match=re.escape(reason)) as caught:
        gen.polling.read_continuation_token(token, OPERATION, ("url",))
    assert isinstance(caught.value, gen.errors.ClientError)
    assert isinstance(caught.value, ValueError)
    assert "secret" not in str(caught.value) and "passwd" not in str(caught.value)


def test_every_refusal_of_a_token_is_a_continuation_token_error(gen: Generated) -> None:
    good = make_poller(gen, Service(), Clock()).continuation_token()
    for token in ("", "abc$def", good[:20], _token({**URL_STATE, "v": 2})):
        with pytest.raises(gen.errors.ContinuationTokenError):
            gen.polling.read_continuation_token(token, OPERATION)
    with pytest.raises(gen.errors.ContinuationTokenError, match="for operation"):
        gen.polling.read_continuation_token(good, "Other")


def test_a_token_with_the_expected_fields_and_a_bounded_interval_is_read(gen: Generated) -> None:
    bound = gen.polling.MAX_TOKEN_INTERVAL
    assert bound == gen.max_retry_after
    for interval in (0, 0.5, bound):
        token = _token({**URL_STATE, "interval": interval})
        state, read = gen.polling.read_continuation_token(token, OPERATION, ("url",))
        assert (state, read) == ({"url": STATUS_URL}, interval)


def test_a_pollers_token_holds_at_most_the_bounded_interval(
    gen: Generated, new_poller: NewPoller
) -> None:
    poller = new_poller(Service(), Clock(), state={"url": STATUS_URL}, polling_interval=1e6)
    token = poller.continuation_token()
    assert _payload(token)["interval"] == gen.polling.MAX_TOKEN_INTERVAL
    assert gen.polling.read_continuation_token(token, OPERATION, ("url",))[1] == (
        gen.polling.MAX_TOKEN_INTERVAL
    )


def test_a_state_that_json_cannot_hold_is_a_type_error(new_poller: NewPoller) -> None:
    for state in ({"when": object()}, {"list": [1]}, {1: "x"}, {"nan": math.nan}):
        poller = new_poller(Service(), Clock(), state=state)
        with pytest.raises(TypeError, match="continuation token"):
            poller.continuation_token()


# Properties


TERMINAL = st.sampled_from(["succeeded", "Succeeded", "SUCCEEDED", "failed", "Failed"])
RUNNING = st.sampled_from(["notStarted", "running", "Running", "queued"])


@pytest.mark.parametrize("flavour", FLAVOURS)
@given(
    running=st.lists(RUNNING, max_size=12),
    terminal=TERMINAL,
    interval=st.sampled_from([0.0, 0.5, 1.0, 7.0]),
    retry_afters=st.lists(st.sampled_from([None, "0", "3", "400"]), min_size=13, max_size=13),
)
def test_result_follows_any_status_sequence(
    gen: Generated,
    flavour: str,
    running: list[str],
    terminal: str,
    interval: float,
    retry_afters: list[str | None],
) -> None:
    steps = []
    for status, asked in zip([*running, terminal], retry_afters, strict=False):
        steps.append(ok(status) if asked is None else ok(status, retry_after=asked))
    service = Service(*steps)
    clock = Clock()
    with poller_maker(gen, flavour) as new_poller:
        poller = new_poller(service, clock, polling_interval=interval, max_interval=10.0)
        if terminal.lower() == "failed":
            with pytest.raises(gen.errors.OperationFailedError):
                poller.result()
        else:
            assert str(poller.result().status) == terminal
    assert service.count == len(running) + 1
    assert poller.status() == terminal and poller.done()
    assert all(0 < s <= max(interval, 10.0, gen.max_retry_after) for s in clock.sleeps)


@pytest.mark.parametrize("flavour", FLAVOURS)
@given(
    running=st.integers(min_value=0, max_value=8),
    interval=st.floats(min_value=0.0, max_value=50.0),
    start=st.one_of(st.none(), st.floats(min_value=0.0, max_value=1000.0)),
    timeout=st.floats(min_value=0.0, max_value=200.0),
)
def test_waiting_never_sleeps_past_the_deadline(
    gen: Generated, flavour: str, running: int, interval: float, start: float | None, timeout: float
) -> None:
    service = Service(*[ok("running")] * running, ok("succeeded"))
    clock = Clock(now=0.0)
    with poller_maker(gen, flavour) as new_poller:
        poller = new_poller(service, clock, polling_interval=interval, retry_after=start)
        finished = poller.wait(timeout)
    assert finished is poller.done()
    assert clock.now <= timeout * (1 + 1e-12)
    if not finished and timeout > 0:
        assert clock.now == pytest.approx(timeout)
    if finished:
        assert service.count == running + 1
