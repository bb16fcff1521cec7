"""The Face API's list operations, paged: the corpus spec (tests/corpus/azure-face-v1.1-preview.1.json,
Swagger 2.0) pages "Get Large Face Lists" and "Get Large Face List Faces" by `start` (the last
item's id) and `top` (the page size) without saying so; a copy with `x-clientgen-pagination`'s
cursor style added to those two operations generates a client whose pagers walk the pages
through a loopback server, the API key on every page request. Both clients (`flavour`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from support.client_kit import client_of, iterate
from support.echo import EchoServer, Reply
from support.generated import generated_package

ROOT = Path(__file__).resolve().parents[2]
CORPUS_SPEC = ROOT / "tests" / "corpus" / "azure-face-v1.1-preview.1.json"
PACKAGE = "face_paged"
KEY = "face-key"
CURSORS = {
    "/largefacelists": "largeFaceListId",
    "/largefacelists/{largeFaceListId}/persistedfaces": "persistedFaceId",
}
"""The list operations given a cursor style, and each item's id field."""


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("face-paged")
    spec = json.loads(CORPUS_SPEC.read_text(encoding="utf-8"))
    for path, field in CURSORS.items():
        spec["paths"][path]["get"]["x-clientgen-pagination"] = {
            "style": "cursor",
            "items": [],
            "cursor-parameter": "start",
            "cursor-field": field,
            "limit-parameter": "top",
        }
    copy = root / "face-paged.json"
    copy.write_text(json.dumps(spec), encoding="utf-8")
    yield from generated_package(root, copy, PACKAGE)


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as running:
        yield running


def body(value: object) -> Reply:
    return Reply.json(value)


def test_large_face_lists_page_by_start_and_top(
    pkg: ModuleType, server: EchoServer, flavour: str
) -> None:
    lists = [{"largeFaceListId": f"list-{n}", "name": f"List {n}"} for n in range(5)]
    server.reply(body(lists[:2]), body(lists[2:4]), body(lists[4:]))
    client = client_of(
        pkg,
        flavour,
        "https://face.example",
        pkg.ApiKeyCredential(KEY),
        base_url=server.url,
    )
    with client:
        # The operation group's method is the same call.
        pager = client.face_list.get_large_face_lists(top=2)
        assert server.seen == []
        names = [item.name for item in iterate(client, pager)]
    assert names == [f"List {n}" for n in range(5)]
    assert [seen.query for seen in server.seen] == [
        [("top", "2")],
        [("top", "2"), ("start", "list-1")],
        [("top", "2"), ("start", "list-3")],
    ]
    assert all(seen.headers["ocp-apim-subscription-key"] == KEY for seen in server.seen)


def test_large_face_list_faces_resume_from_a_page_token(
    pkg: ModuleType, server: EchoServer, flavour: str
) -> None:
    faces = [
        {"persistedFaceId": f"00000000-0000-0000-0000-00000000000{n}"} for n in range(3)
    ]
    server.reply(body(faces[:2]), body(faces[2:]))
    client = client_of(
        pkg,
        flavour,
        "https://face.example",
        pkg.ApiKeyCredential(KEY),
        base_url=server.url,
    )
    with client:
        first = next(
            iterate(
                client, client.get_large_face_list_faces("my-list", top=2).by_page()
            )
        )
        assert isinstance(first.items[0], pkg.LargeFaceListFace)
        rest = list(
            iterate(
                client,
                client.get_large_face_list_faces("my-list", top=2).by_page(
                    continuation_token=first.continuation_token
                ),
            )
        )
    assert [len(page.items) for page in rest] == [1]
    assert rest[0].continuation_token is None
    assert server.seen[-1].path == "/largefacelists/my-list/persistedfaces"
    assert server.seen[-1].query == [
        ("top", "2"),
        ("start", faces[1]["persistedFaceId"]),
    ]
