"""What a user's type checker sees of the generated client: `mypy --strict` over code written
against `generated/face_client`, with `reveal_type` on the per-call options, `with_options`
and raw responses (ParamSpec keeps each raw method's parameters and return type)."""

from __future__ import annotations

from pathlib import Path

from support.tools import mypy_strict, tool_output

FACE_ROOT = Path(__file__).resolve().parents[2] / "generated" / "face_client"

USER_CODE = '''
from face_client import ApiKeyCredential, AsyncClient, Client, RateLimitError


def blocking(client: Client) -> None:
    raw = client.with_raw_response.get_person_group_training_status("g", max_retries=1)
    reveal_type(raw)
    reveal_type(raw.parsed)
    reveal_type(client.with_raw_response.person_group.get_training_status("g").request_id)
    reveal_type(client.with_raw_response.begin_train_person_group("g"))
    reveal_type(client.with_options(timeout=3, headers={"x": "y"}))
    client.get_person_group_training_status(
        "g", extra_headers={"a": "b"}, extra_query={"q": "1"}, max_retries=0
    )
    try:
        client.get_person_group_training_status("g")
    except RateLimitError as error:
        reveal_type(error.retry_after)


async def asynchronous(client: AsyncClient) -> None:
    raw = await client.with_raw_response.person_group.get_training_status("g")
    reveal_type(raw)


def wrong(client: Client) -> None:
    client.with_raw_response.get_person_group_training_status(42)
    client.with_raw_response.get_person_group_training_status("g", no_such_option=1)


blocking(Client("https://x.example", ApiKeyCredential("k")))
'''

EXPECTED = [
    ("user.py:6: note:", '"face_client._raw_response.ApiResponse[face_client.models.TrainingResult]"'),
    ("user.py:7: note:", '"face_client.models.TrainingResult"'),
    ("user.py:8: note:", "str"),
    (
        "user.py:9: note:",
        ('"face_client._raw_response.ApiResponse['
        'face_client._sync_poller.Poller[face_client.models.TrainingResult]]"'),
    ),
    ("user.py:10: note:", '"face_client.client.Client"'),
    ("user.py:17: note:", "float"),
    ("user.py:22: note:", '"face_client._raw_response.ApiResponse[face_client.models.TrainingResult]"'),
    ("user.py:26: error:", 'incompatible type "int"; expected "str"'),
    ("user.py:27: error:", 'Unexpected keyword argument "no_such_option"'),
]
"""Per line of USER_CODE: how its mypy message starts, and what it must contain."""


def test_raw_responses_and_options_are_typed_for_users(tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(USER_CODE.lstrip("\n"), encoding="utf-8")
    result = mypy_strict(user, cwd=FACE_ROOT)
    lines = [line.replace(str(tmp_path) + "/", "") for line in result.stdout.splitlines()]
    for start, text in EXPECTED:
        assert any(line.startswith(start) and text in line for line in lines), (
            start,
            text,
            tool_output(result),
        )
    assert sum(" error: " in line for line in lines) == 2, tool_output(result)
