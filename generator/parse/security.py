"""Security schemes: which credentials the generated client takes, the scopes it asks a token
credential for, and which schemes no credential of it can send (a warning, never silence)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from generator.ir.nodes import Operation, SecurityRequirement, SecurityScheme

_TOKEN_SCHEMES = ("oauth2", "openIdConnect")
_SCHEME_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
"""RFC 9110's auth-scheme: a token, which the Authorization header sends as written."""
_CHALLENGE_SCHEMES = frozenset(
    {"digest", "hoba", "mutual", "negotiate", "ntlm", "scram-sha-1", "scram-sha-256"}
)
"""Schemes whose Authorization value answers the server's challenge: no fixed value a
credential holds can send them."""


def http_credential_scheme(name: object) -> bool:
    """Whether an `http` scheme is one an HttpCredential sends: a token (`Basic`,
    `SharedAccessKey`) other than bearer (a TokenCredential's) and the challenge schemes."""
    return (
        isinstance(name, str)
        and _SCHEME_NAME.fullmatch(name) is not None
        and name.lower() != "bearer"
        and name.lower() not in _CHALLENGE_SCHEMES
    )


def no_credential_for(scheme: Mapping[str, Any]) -> str | None:
    """What a security scheme is, when no credential of the generated client can send it
    (`credential_types` below is what can); None when one can."""
    kind = scheme.get("type")
    if kind == "http":
        name = scheme.get("scheme")
        if isinstance(name, str) and name.lower() == "bearer":
            return None
        if http_credential_scheme(name):
            return None
        return f"HTTP authentication scheme {json.dumps(str(name), ensure_ascii=False)}"
    if kind == "apiKey" and scheme.get("in") not in ("header", "query"):
        return f"an API key sent in {json.dumps(str(scheme.get('in')), ensure_ascii=False)}"
    if kind == "mutualTLS":
        return "mutual TLS"
    return None


def credential_types(schemes: tuple[SecurityScheme, ...]) -> tuple[str, ...]:
    # In name order: the client module imports them in this order, as isort would.
    kinds = []
    if any(s.kind == "apiKey" and s.location in ("header", "query") for s in schemes):
        kinds.append("ApiKeyCredential")
    if http_schemes(schemes):
        kinds.append("HttpCredential")
    if any(
        s.kind in _TOKEN_SCHEMES or (s.kind == "http" and (s.scheme or "").lower() == "bearer")
        for s in schemes
    ):
        kinds.append("TokenCredential")
    return tuple(kinds)


def http_schemes(schemes: tuple[SecurityScheme, ...]) -> tuple[str, ...]:
    """The `http` schemes an HttpCredential can send, as the spec names them, in its order
    (once each, whatever the case)."""
    names: dict[str, str] = {}
    for s in schemes:
        if s.kind == "http" and http_credential_scheme(s.scheme) and s.scheme is not None:
            names.setdefault(s.scheme.lower(), s.scheme)
    return tuple(names.values())


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
