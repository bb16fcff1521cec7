"""The testing kit's engine at its source (generator/runtime/_testing.py, _testing_spec.py),
on hand-written operation tables: routing by method and path template, the checks of
parameters, bodies and credentials, the answers (scripted, example, none), and the view's list
of names a script attribute cannot take."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from generator.render.views import testing_view
from generator.runtime import _testing
from generator.runtime._testing_spec import ValueRules, check_value

PATH = _testing.ParameterSpec(
    name="id",
    py_name="id_",
    location="path",
    required=True,
    rules=ValueRules(kind="integer", minimum=1),
)
GET_ONE = _testing.OperationSpec(
    operation_id="getThing",
    method_name="get_thing",
    http_method="GET",
    path="/things/{id}",
    parameters=(
        PATH,
        _testing.ParameterSpec(
            name="tags",
            py_name="tags",
            location="query",
            style="pipeDelimited",
            rules=ValueRules(
                kind="array", item_kind="string", enum=("a", "b"), max_items=2
            ),
        ),
        _testing.ParameterSpec(
            name="session", py_name="session", location="cookie", required=True
        ),
    ),
    responses=(
        _testing.ResponseSpec(
            status="200", media_type="application/json", example='{"id": 1}'
        ),
    ),
    security=((_testing.SchemeSpec(key="basic", carrier="http", name="Basic"),),),
)
GET_MINE = _testing.OperationSpec(
    operation_id="getMine",
    method_name="get_mine",
    http_method="GET",
    path="/things/mine",
    responses=(_testing.ResponseSpec(status="204"),),
)
PUT = _testing.OperationSpec(
    operation_id="putThing",
    method_name="put_thing",
    http_method="PUT",
    path="/things/{id}",
    parameters=(PATH,),
    body=_testing.BodySpec(
        media_types=("application/json",),
        required=True,
        kind="object",
        fields=(("name", ValueRules(max_length=3)),),
    ),
    responses=(
        _testing.ResponseSpec(status="200", media_type="application/json"),
        _testing.ResponseSpec(
            status="4XX", media_type="application/json", error_code_header="x-code"
        ),
    ),
)


class Fake(_testing.FakeServiceBase):
    OPERATIONS = (GET_ONE, GET_MINE, PUT)
    BASE_PATHS = ("/v[^/]*",)


GOOD = {"Authorization": "Basic dTpw", "Cookie": "session=s1"}


def send(fake: Fake, method: str, url: str, **kwargs: Any) -> httpx.Response:
    with httpx.Client(transport=fake, base_url="https://x.example") as raw:
        return raw.request(method, url, **kwargs)


def violation(fake: Fake, method: str, url: str, **kwargs: Any) -> str:
    with pytest.raises(_testing.SpecViolation) as caught:
        send(fake, method, url, **kwargs)
    return str(caught.value)


def test_routes_by_method_and_template_under_the_server_path() -> None:
    fake = Fake()
    assert send(fake, "GET", "/v2/things/7?tags=a|b", headers=GOOD).json() == {"id": 1}
    assert fake.operation("get_thing").call.arguments == {
        "id_": 7,
        "tags": ["a", "b"],
        "session": "s1",
    }
    # A literal path wins over the template; any prefix is accepted when no server's matches.
    assert send(fake, "GET", "/proxy/things/mine").status_code == 204
    assert [c.operation for c in fake.calls] == ["getThing", "getMine"]


@pytest.mark.parametrize(
    ("url", "headers", "rule"),
    [
        ("/v1/things/0", GOOD, "path parameter 'id' is 0, below minimum 1"),
        ("/v1/things/x", GOOD, "path parameter 'id' is 'x', not an integer"),
        ("/v1/things/1?tags=a|c", GOOD, "query parameter 'tags' is 'c', not one of"),
        ("/v1/things/1?tags=a|a|b", GOOD, "has 3 items, more than maxItems 2"),
        (
            "/v1/things/1",
            {"Authorization": "Basic dTpw"},
            "cookie parameter 'session' is required but missing",
        ),
        (
            "/v1/things/1",
            {"Cookie": "session=s", "Authorization": "Bearer t"},
            "the credentials are missing: the spec requires basic (Authorization: Basic)",
        ),
    ],
)
def test_parameters_and_credentials_are_checked(
    url: str, headers: dict[str, str], rule: str
) -> None:
    message = violation(Fake(), "GET", url, headers=headers)
    assert message.startswith("getThing (GET /things/{id}): ")
    assert rule in message


def test_bodies_are_checked_for_presence_media_type_json_and_field_rules() -> None:
    assert "the request body is required but missing" in violation(
        Fake(), "PUT", "/things/1"
    )
    assert "has Content-Type 'text/plain', not one of application/json" in violation(
        Fake(),
        "PUT",
        "/things/1",
        content=b"{}",
        headers={"Content-Type": "text/plain"},
    )
    assert "the request body is not JSON" in violation(
        Fake(),
        "PUT",
        "/things/1",
        content=b"{",
        headers={"Content-Type": "application/json"},
    )
    assert "the request body is not a JSON object" in violation(
        Fake(), "PUT", "/things/1", json=[]
    )
    assert "field 'name' is 4 characters long, over maxLength 3" in violation(
        Fake(), "PUT", "/things/1", json={"name": "long"}
    )


def test_unknown_paths_and_methods_are_violations_kept_and_raised_again() -> None:
    fake = Fake()
    assert "DELETE /things/1: the spec declares only GET, PUT" in violation(
        fake, "DELETE", "/things/1"
    )
    assert "an earlier request broke the spec" in violation(fake, "GET", "/things/mine")
    fake.violations.clear()
    assert "no operation in the spec has this path" in violation(fake, "GET", "/other")


def test_answers_in_order_the_last_repeating() -> None:
    fake = Fake()
    script = fake.operation("put_thing")
    script.returns({"n": 1}, {"n": 2}, headers={"x-extra": "1"})
    answers = [send(fake, "PUT", "/things/1", json={}) for _ in range(3)]
    assert [a.json() for a in answers] == [{"n": 1}, {"n": 2}, {"n": 2}]
    assert answers[0].headers["Retry-After"] == "0"
    assert answers[0].headers["x-extra"] == "1"
    script.fails(409, {"message": "taken"}, error_code="Taken")
    failed = send(fake, "PUT", "/things/1", json={})
    assert (failed.status_code, failed.headers["x-code"]) == (409, "Taken")
    with pytest.raises(ValueError, match="declares no 500 response"):
        script.fails(500)
    script.responds(httpx.Response(418, text="teapot"))
    assert send(fake, "PUT", "/things/1", json={}).status_code == 418
    script.disconnects()
    with pytest.raises(httpx.ConnectError):
        send(fake, "PUT", "/things/1", json={})
    script.reset()
    assert script.calls == []


def test_an_unscripted_operation_without_an_example_or_strategy_is_not_scripted() -> (
    None
):
    with pytest.raises(_testing.NotScripted, match=r"fake\.put_thing\.returns"):
        send(Fake(), "PUT", "/things/1", json={})


def test_async_requests_are_answered_the_same() -> None:
    import asyncio

    async def main() -> Any:
        async with httpx.AsyncClient(
            transport=Fake(), base_url="https://x.example"
        ) as raw:
            return (await raw.get("/things/mine")).status_code

    assert asyncio.run(main()) == 204


def test_check_value_names_each_rule() -> None:
    rules = ValueRules(pattern="^a+\\Z", spec_pattern="^a+$", min_length=2)
    assert check_value(rules, "ab") == ["is 'ab', which does not match pattern '^a+$'"]
    assert check_value(rules, "a") == ["is 'a', shorter than minLength 2"]
    exclusive = ValueRules(kind="number", minimum=0, exclusive_minimum=True)
    assert check_value(exclusive, 0) == ["is 0, below exclusiveMinimum 0"]
    assert check_value(ValueRules(kind="boolean"), True) == []


def test_the_view_reserves_exactly_the_fakes_own_names() -> None:
    assert testing_view.RESERVED == _testing.public_names()


def test_the_view_lays_out_what_black_keeps() -> None:
    long = repr("x" * 40)
    laid = testing_view._tuple(
        [testing_view._call("f", a="1", b=testing_view._Tuple((long, long)))], "", 0, 0
    )
    assert (
        laid
        == f"(\n    f(\n        a=1,\n        b=(\n            {long},\n            {long},\n        ),\n    ),\n)"
    )
    assert testing_view._tuple(["1"], "", 0, 0) == "(1,)"
    assert testing_view._tuple([], "", 0, 0) == "()"


def test_only_a_scripted_delay_waits() -> None:
    import time

    fake = Fake()
    fake.operation("get_mine").returns(delay=0.2)
    started = time.perf_counter()
    assert send(fake, "GET", "/things/mine").status_code == 204
    assert time.perf_counter() - started >= 0.2


def test_standard_header_parameters_are_left_to_the_client() -> None:
    class Accepting(_testing.FakeServiceBase):
        OPERATIONS = (
            _testing.OperationSpec(
                operation_id="get",
                method_name="get",
                http_method="GET",
                path="/",
                parameters=(
                    _testing.ParameterSpec(
                        name="Accept", py_name="accept", location="header", required=True
                    ),
                ),
                responses=(_testing.ResponseSpec(status="204"),),
            ),
        )

    fake = Accepting()
    with httpx.Client(transport=fake, base_url="https://x.example") as raw:
        assert raw.get("/", headers={"Accept": ""}).status_code == 204


def test_a_raw_body_is_checked_for_its_media_type_only() -> None:
    class Upload(_testing.FakeServiceBase):
        OPERATIONS = (
            _testing.OperationSpec(
                operation_id="upload",
                method_name="upload",
                http_method="POST",
                path="/blobs",
                # A binary schema under application/json: bytes, not JSON.
                body=_testing.BodySpec(
                    media_types=("application/json",), required=True, kind="raw"
                ),
                responses=(_testing.ResponseSpec(status="204"),),
            ),
        )

    fake = Upload()
    headers = {"Content-Type": "application/json"}
    with httpx.Client(transport=fake, base_url="https://x.example") as raw:
        assert raw.post("/blobs", content=b"\x89PNG", headers=headers).status_code == 204
    assert fake.operation("upload").call.body == b"\x89PNG"
