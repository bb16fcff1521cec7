"""What the client module prints for a paged list method (render/views/paging_view.py)."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.parse.api_parser import parse
from generator.render.engine import render

SPEC = Path(__file__).resolve().parents[2] / "specs" / "paging.yaml"


def _client_module(spec: dict[str, object]) -> str:
    api, diagnostics = parse(spec, package_name="pkg")
    assert api is not None, [d.format() for d in diagnostics]
    files, problems = render(api)
    assert not problems, [d.format() for d in problems]
    return files["pkg/client.py"]


def test_list_methods_are_plain_defs_returning_pagers() -> None:
    text = _client_module(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    assert "    def list_widgets(\n" in text and "async def list_widgets" not in text
    assert (
        ") -> paging.AsyncPager[Widget]:" in text
        and ") -> paging.Pager[Widget]:" in text
    )
    assert 'style=paging.NextLinkPaging(("links", "next")),' in text
    assert "secret_query" not in text
    assert "list_widgets_with_headers" not in text


def test_an_api_key_in_the_query_is_kept_out_of_continuation_tokens() -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    spec["components"]["securitySchemes"] = {
        "key": {"type": "apiKey", "in": "query", "name": "api-key"}
    }
    spec["security"] = [{"key": []}]
    text = _client_module(spec)
    assert text.count('secret_query=("api-key",),') == 2 * len(
        [
            p
            for p in spec["paths"].values()
            for o in p.values()
            if "x-clientgen-pagination" in o or "x-ms-pageable" in o
        ]
    )
