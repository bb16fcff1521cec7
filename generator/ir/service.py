"""The IR of where an API is and how a client proves who it is: servers (with their URL
template's variables) and security schemes with the requirements that name them.

Frozen, slotted, keyword-only dataclasses like the rest of the IR (`nodes`), each keeping the
JSON pointer it came from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerVariable:
    """A `{name}` in a server URL: an argument of the client's constructor."""

    pointer: str
    """`/servers/0/variables/endpoint`."""
    name: str
    """The variable as the URL spells it (`apiVersion` in `{endpoint}/store/{apiVersion}`)."""
    py_name: str
    """The client constructor's argument for it (`api_version`)."""
    default: str
    """The spec's `default` as a string; "" when it gives none."""
    enum: tuple[str, ...] = ()
    """The allowed values (the spec's `enum`, as strings); () for any."""
    description: str | None = None
    """The variable's `description`; None without one."""
    required: bool = False
    """True when the spec gives no usable default (an empty one), so the caller must pass it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TemplatePart:
    """A piece of a URL template: literal text, or the Python name whose value goes there."""

    literal: str = ""
    """Text that goes in as it is (`/pets/`); "" in a variable part."""
    name: str = ""
    """The Python name of the parameter or server variable whose value goes here
    (`pet_id`); "" in a literal part."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Server:
    """An entry of the spec's `servers`: a base URL the client can talk to."""

    pointer: str
    """`/servers/0`; `/servers` for the relative root `Api.server` stands in with when the spec
    has no servers."""
    url: str
    """The URL as the spec writes it, variables in braces (`{endpoint}/store/{apiVersion}`); may
    be relative."""
    description: str | None
    """The server's `description`; None without one."""
    variables: tuple[ServerVariable, ...]
    """Its variables, in spec order."""
    parts: tuple[TemplatePart, ...] = ()
    """The URL split into literal text and server variables (by their Python names)."""

    @property
    def required_variables(self) -> tuple[ServerVariable, ...]:
        """Variables without a usable default: required constructor arguments."""
        return tuple(v for v in self.variables if v.required)

    @property
    def optional_variables(self) -> tuple[ServerVariable, ...]:
        """Variables with a default: keyword-only constructor arguments."""
        return tuple(v for v in self.variables if not v.required)


@dataclass(frozen=True, slots=True, kw_only=True)
class OAuthScope:
    """A scope an OAuth2 flow offers."""

    name: str
    """The scope (`https://api.example.com/.default`)."""
    description: str | None
    """What the spec says it grants; None when blank."""


@dataclass(frozen=True, slots=True, kw_only=True)
class OAuthFlow:
    """One flow of an `oauth2` security scheme (an entry of its `flows`)."""

    pointer: str
    """`/components/securitySchemes/aad/flows/implicit`."""
    kind: str
    """Its key under `flows`: `implicit`, `password`, `clientCredentials` or
    `authorizationCode`."""
    authorization_url: str | None
    """`authorizationUrl`; None when absent."""
    token_url: str | None
    """`tokenUrl`; None when absent."""
    refresh_url: str | None
    """`refreshUrl`; None when absent."""
    scopes: tuple[OAuthScope, ...]
    """The scopes it offers, in spec order."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SecurityScheme:
    """An entry of `components.securitySchemes`: one way to authenticate."""

    pointer: str
    """`/components/securitySchemes/apiKeyHeader`."""
    key: str
    """Its name under `securitySchemes`, which security requirements refer to (`apiKeyHeader`)."""
    kind: str
    """Its `type`: `apiKey`, `http`, `oauth2`, `openIdConnect` or `mutualTLS`."""
    description: str | None = None
    """The scheme's `description`; None without one."""
    parameter_name: str | None = None
    """apiKey: the header, query parameter or cookie that carries the key
    (`Ocp-Apim-Subscription-Key`); None for other kinds."""
    location: str | None = None
    """apiKey: where the key goes (`in`): `header`, `query` or `cookie`; None for other kinds."""
    scheme: str | None = None
    """http: the auth scheme (`bearer`, `basic`), as the spec writes it; None for other kinds."""
    bearer_format: str | None = None
    """http bearer: the `bearerFormat` hint (`JWT`); None when absent."""
    flows: tuple[OAuthFlow, ...] = ()
    """oauth2: its flows, in spec order; () for other kinds."""
    open_id_connect_url: str | None = None
    """openIdConnect: the discovery URL; None for other kinds."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SecurityRequirement:
    """One alternative: every listed scheme (with its scopes) must be satisfied together."""

    schemes: tuple[tuple[str, tuple[str, ...]], ...]
    """(scheme key, scopes) pairs, in spec order: `(("aad", ("user.read",)),)`; () is the
    requirement that asks for nothing."""
