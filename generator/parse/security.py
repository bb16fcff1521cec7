"""Security schemes: which credentials the generated client takes, the scopes it asks a token
credential for, and which schemes no credential of it can send (a warning, never silence)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator.ir.nodes import Operation, SecurityRequirement, SecurityScheme

_TOKEN_SCHEMES = ("oauth2", "openIdConnect")


def no_credential_for(scheme: Mapping[str, Any]) -> str | None:
    """What a security scheme is, when no credential of the generated client can send it
    (`credential_types` below is what can); None when one can."""
    kind = scheme.get("type")
    if kind == "http":
        name = scheme.get("scheme")
        if isinstance(name, str) and name.lower() == "bearer":
            return None
        return f"HTTP authentication scheme {json.dumps(str(name), ensure_ascii=False)}"
    if kind == "apiKey" and scheme.get("in") not in ("header", "query"):
        return f"an API key sent in {json.dumps(str(scheme.get('in')), ensure_ascii=False)}"
    if kind == "mutualTLS":
        return "mutual TLS"
    return None


def credential_types(schemes: tuple[SecurityScheme, ...]) -> tuple[str, ...]:
    kinds = []
    if any(s.kind == "apiKey" and s.location in ("header", "query") for s in schemes):
        kinds.append("ApiKeyCredential")
    if any(
        s.kind in _TOKEN_SCHEMES or (s.kind == "http" and (s.scheme or "").lower() == "bearer")
        for s in schemes
    ):
        kinds.append("TokenCredential")
    return tuple(kinds)


def token_scopes(
    schemes: tuple[SecurityScheme, ...],
    security: tuple[SecurityRequirement, ...],
    operations: tuple[Operation, ...],
) -> tuple[str, ...]:
    """Scopes the requirements ask of token schemes; failing that, every scope a flow lists."""
    token_keys = {s.key for s in schemes if s.kind in _TOKEN_SCHEMES}
    scopes: list[str] = []
    requirements = list(security) + [r for o in operations for r in o.security]
    for requirement in requirements:
        for key, wanted in requirement.schemes:
            if key in token_keys:
                scopes.extend(s for s in wanted if s not in scopes)
    if not scopes:
        for scheme in schemes:
            for flow in scheme.flows:
                scopes.extend(s.name for s in flow.scopes if s.name not in scopes)
    return tuple(scopes)
