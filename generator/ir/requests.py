"""The IR of what an operation sends: its parameters, its request body (with the
properties a spread body takes as arguments, the serialization of form and multipart parts, and
what readOnly data to leave out), and the method arguments they make.

Part of the IR (`generator.ir.nodes` re-exports everything here); the same rules hold: frozen,
slotted, keyword-only dataclasses of tuples, each keeping the JSON pointer it came from.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from generator.ir.types import TypeRef


@dataclass(frozen=True, slots=True, kw_only=True)
class Parameter:
    """A parameter of an operation: the path item's and the operation's merged (the operation's
    wins for the same name and location); a method argument."""

    pointer: str
    """Where it is declared
    (`/paths/~1pets~1{petId}~1status/get/parameters/0`, or on the path item)."""
    name: str
    """The name on the wire, as the spec spells it (`petId`)."""
    py_name: str
    """The method argument: snake_case, unique among the method's arguments (`pet_id`)."""
    location: str
    """Its `in`: `path`, `query`, `header` or `cookie`."""
    required: bool
    """The spec's `required` (always true in the path): a positional argument; an optional one
    is keyword-only and defaults to `UNSET`."""
    type: TypeRef
    """Its schema's type; a parameter described by `content` instead is a plain `str`."""
    description: str | None = None
    """The parameter's `description`; None without one."""
    deprecated: bool = False
    """`deprecated: true` on the parameter."""
    style: str
    """How the value is serialized, with the spec's default for its location filled in:
    `form`, `spaceDelimited`, `pipeDelimited` or `deepObject` (query, cookie); `simple`,
    `label` or `matrix` (path), `simple` (header). A Swagger 2.0 array whose
    collectionFormat no OpenAPI 3 style says (tsv; ssv or pipes in a path or header) has
    `tabDelimited`, `spaceDelimited` or `pipeDelimited` wherever it is."""
    explode: bool
    """The spec's `explode`, defaulting to true for `form` and false for the other styles."""
    allow_reserved: bool = False
    """`allowReserved: true` (or Azure's `x-ms-skip-url-encoding: true`) on a path parameter:
    reserved characters in the value are sent as they are (RFC 6570's `{+name}`), but for `?`
    and `#`."""
    annotation: str
    """The argument's annotation, with `| None` when the type is nullable and `| Unset` when it
    is optional (`int | Unset`)."""


class BodyEncoding(str, enum.Enum):
    """How a request body goes on the wire."""

    JSON = "json"
    FORM = "form"
    """`application/x-www-form-urlencoded`."""
    MULTIPART = "multipart"
    """`multipart/form-data`; binary properties become file parts."""
    BINARY = "binary"
    """Raw bytes (`application/octet-stream`, `image/png`, ...; any media type whose schema is
    binary, `application/json` too): bytes, a binary file, or a `FilePart` giving the
    Content-Type where the spec allows several or any (`*/*`)."""
    TEXT = "text"
    """A `text/*` body: a str."""
    XML = "xml"
    """`application/xml`, `text/xml` or `+xml` holding a model: the model, as `to_xml`
    writes it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PartStyle:
    """How one property of a form or multipart body is serialized (its `encoding` entry)."""

    wire_name: str
    """The body property it applies to."""
    style: str
    """`form`, `spaceDelimited`, `pipeDelimited`, `deepObject`, or `json` (the part's
    contentType is JSON), or `file` (a binary multipart part)."""
    explode: bool
    """The `encoding` entry's `explode`, defaulting to true for `form`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOnlyRule:
    """What to leave out of a model's JSON when it is sent: its readOnly properties, and the
    nested models (`one`, or every item of a `list` / value of a `map`) that have some.
    """

    model: str
    """The model class name the rule is for."""
    omit: tuple[str, ...]
    """Wire names of its own readOnly properties."""
    nested: tuple[tuple[str, str, str], ...]
    """(wire name, `one` | `list` | `map`, model class name)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOnlyRoot:
    """Where a sent value's readOnly properties start: its shape and model class name."""

    shape: str
    """`one` (a model), `list` (a list of models) or `map` (a dict of models)."""
    model: str
    """The model class name; its rule is the `Api.read_only_rules` entry for that model."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyField:
    """A property of an inline object body that the method takes as its own parameter."""

    pointer: str
    """The pointer of the body schema's property."""
    wire_name: str
    """The property's name in the body, as the spec spells it."""
    py_name: str
    """The method argument: the wire name made a parameter name, unique among the method's
    arguments, so it can differ from the model field's `py_name`."""
    type: TypeRef
    """The property's type."""
    required: bool
    """Required in the body schema: a positional argument; an optional one is keyword-only and
    defaults to `UNSET`."""
    description: str | None = None
    """The property's description; None without one."""
    annotation: str
    """The argument's annotation: the property's, or `bytes | IO[bytes] | FilePart` (in a
    `list[...]` for an array) for a file part; `| Unset` when optional."""
    is_file: bool = False
    """A binary multipart property: the parameter takes bytes, a binary file or a `FilePart`."""
    read_only: ReadOnlyRoot | None = None
    """Set when the value holds models with readOnly properties, which are not sent."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestBody:
    """What an operation sends. Inline object schemas are spread into one method parameter per
    property (`fields`); anything else is one parameter (`py_name`)."""

    pointer: str
    """`/paths/~1pets/post/requestBody`."""
    media_type: str
    """The media type the method sends, as the spec writes it: the first of JSON, form,
    multipart, text and raw bytes the body offers."""
    encoding: BodyEncoding
    """How `media_type` goes on the wire."""
    required: bool
    """`required: true`: the body argument must be passed. Otherwise it defaults to `UNSET`,
    and then no body is sent."""
    description: str | None = None
    """The request body's `description`; None without one."""
    type: TypeRef | None = None
    """The body schema's type (None for binary and text bodies)."""
    py_name: str
    """The method parameter holding the whole body, when it is not spread into `fields`."""
    annotation: str
    """The body argument's annotation (`Pet`, `str`, `bytes | IO[bytes] | FilePart`), with
    `| Unset` when the body is optional."""
    fields: tuple[BodyField, ...] = ()
    """For a spread body: one argument per property, in the model's field order, readOnly
    properties left out; () otherwise."""
    spread: bool = False
    """The body is an inline object schema (or any multipart object) taken as one argument per
    property (`fields`) instead of one `py_name` argument."""
    part_styles: tuple[PartStyle, ...] = ()
    """Form and multipart only: the serialization of each property, by wire name."""
    part_content_types: tuple[tuple[str, str], ...] = ()
    """Multipart only: (wire name, media type) of the properties whose `encoding` entry names
    a content type (the first of a list; wildcards name none): the Content-Type of their file
    parts, which a `FilePart` argument can replace. Other file parts are
    `application/octet-stream`."""
    other_media_types: tuple[str, ...] = ()
    """Media types the spec also accepts that this method does not send."""
    read_only: ReadOnlyRoot | None = None
    """Set when the (unspread) body holds models with readOnly properties, which are not sent."""

    @property
    def stand_in_description(self) -> str:
        """The body argument's description when the spec gives none: its media type, and for a
        raw body of any or several media types, that a `FilePart` can say which it sends."""
        if self.encoding is not BodyEncoding.BINARY or not (
            "*" in self.media_type or self.other_media_types
        ):
            return f"The request body ({self.media_type})."
        sent = "application/octet-stream" if "*" in self.media_type else self.media_type
        return (
            f"The request body ({self.media_type}): {sent} unless a FilePart's content_type"
            " says which media type it is."
        )

    @property
    def required_fields(self) -> tuple[BodyField, ...]:
        """The spread fields that are required, in order."""
        return tuple(f for f in self.fields if f.required)

    @property
    def optional_fields(self) -> tuple[BodyField, ...]:
        """The spread fields that are optional, in order."""
        return tuple(f for f in self.fields if not f.required)

    @property
    def has_files(self) -> bool:
        """Some spread field is a multipart file part."""
        return any(f.is_file for f in self.fields)


@dataclass(frozen=True, slots=True, kw_only=True)
class MethodArgument:
    """One argument of a generated client method."""

    py_name: str
    """The argument's name."""
    annotation: str
    """Its annotation, `| Unset` included when optional."""
    required: bool
    """Positional and required; otherwise keyword-only, defaulting to `UNSET`."""
    description: str
    """For the method's docstring: the spec's description, else a stand-in
    (`The query parameter top.`, `The request body (application/json).`)."""
