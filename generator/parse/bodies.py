"""Request bodies and parameter serialization: what an operation sends, and how.

An operation's `requestBody` may offer several media types; the method sends one, chosen in a
fixed order (JSON, then form, multipart, text and raw bytes), and the others are listed in the
IR and the method's docstring. An inline object schema (one without a `$ref`, with properties
and no additional ones) is spread into one method parameter per property, the way the services'
own SDKs take them (`detect_from_url(url=...)`); a named schema is one parameter of its model
type, so callers build and reuse `Pet(...)` values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator import naming
from generator.diagnostics import Diagnostic, join_pointer, warning
from generator.ir.nodes import (
    BodyEncoding,
    BodyField,
    Model,
    PartStyle,
    RequestBody,
    TypeKind,
    TypeRef,
)
from generator.parse import schema_facts as facts
from generator.parse.media_types import MEDIA_TYPE
from generator.parse.schemas import SchemaBuilder
from generator.parse.xml_shapes import xml_body, xml_candidate

DEFAULT_BODY_NAME = "body"
_BODY_NAME_EXTENSIONS = ("x-ms-requestBody-name", "x-codegen-request-body-name")
_QUERY_STYLES = ("form", "spaceDelimited", "pipeDelimited", "deepObject")
_SUPPORTED_STYLES = {
    "query": _QUERY_STYLES,
    "path": ("simple", "label", "matrix"),
    "header": ("simple",),
    "cookie": ("form",),
}
# Swagger 2.0 collectionFormats that no OpenAPI 3 style says where they are used (tsv
# anywhere; ssv and pipes in a path or header), kept by the conversion as
# `x-collection-format`: arrays joined by their delimiter (tabDelimited is ours).
_COLLECTION_STYLES = {"ssv": "spaceDelimited", "pipes": "pipeDelimited", "tsv": "tabDelimited"}
_STRUCTURED = (BodyEncoding.FORM, BodyEncoding.MULTIPART)
FILE_ANNOTATION = "bytes | IO[bytes] | FilePart"
"""What a raw body or a file part takes: bytes, a binary file, or either as a `FilePart`
with the file name and content type to send."""
_ENCODING_ORDER = (
    BodyEncoding.JSON,
    BodyEncoding.FORM,
    BodyEncoding.MULTIPART,
    BodyEncoding.TEXT,
    BodyEncoding.BINARY,
)


def media_encoding(media_type: str) -> BodyEncoding:
    base = media_type.split(";", 1)[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return BodyEncoding.JSON
    if base == "application/x-www-form-urlencoded":
        return BodyEncoding.FORM
    if base == "multipart/form-data" or base.startswith("multipart/"):
        return BodyEncoding.MULTIPART
    if base.startswith("text/"):
        return BodyEncoding.TEXT
    return BodyEncoding.BINARY


def is_binary_schema(schema: object) -> bool:
    """A schema of raw bytes: `type: string, format: binary` (3.0, Swagger 2.0's `file` once
    converted), or a 3.1 string of a `contentMediaType` without a `contentEncoding`. Under any
    media type (`application/json` too) such a body is the bytes themselves, not JSON text."""
    if not isinstance(schema, Mapping) or schema.get("type", "string") != "string":
        return False
    if schema.get("format") == "binary":
        return True
    return "contentMediaType" in schema and "contentEncoding" not in schema


def response_kind(media_type: str | None, media: object = None) -> str:
    """How a response body is read: `json`, `text`, `bytes`, or `none` without content;
    a binary schema (`media`'s) is read as bytes whatever its media type."""
    if media_type is None:
        return "none"
    encoding = media_encoding(media_type)
    if isinstance(media, Mapping) and is_binary_schema(media.get("schema")):
        return "bytes"
    if encoding is BodyEncoding.JSON:
        return "json"
    if encoding is BodyEncoding.TEXT:
        return "text"
    return "bytes"


def bytes_alternatives(content: Mapping[str, Any], read: str | None) -> tuple[str, ...]:
    """The media types of a JSON response (`read` is its JSON one) that are bytes instead
    (Spector's content negotiation: `image/png` beside `application/json`): a response sent as
    one of them is returned as bytes, not decoded as JSON."""
    return tuple(
        media_type
        for media_type, media in content.items()
        if media_type != read and response_kind(media_type, media) == "bytes"
    )


def parameter_style(
    param: Mapping[str, Any], location: str, pointer: str, diagnostics: list[Diagnostic]
) -> tuple[str, bool]:
    """The parameter's style and explode, with the spec's defaults for its location."""
    allowed = _SUPPORTED_STYLES.get(location, _QUERY_STYLES)
    style = param.get("style")
    collection_format = param.get("x-collection-format")
    if style is None and collection_format in _COLLECTION_STYLES:
        return _COLLECTION_STYLES[collection_format], False
    if not isinstance(style, str) or style not in allowed:
        if isinstance(style, str):
            diagnostics.append(
                warning(
                    "parameter-style",
                    join_pointer(pointer, "style"),
                    f"style {style!r} is not defined for {location} parameters;"
                    f" {allowed[0]!r} is used",
                )
            )
        style = allowed[0]
    explode = param.get("explode")
    if not isinstance(explode, bool):
        explode = style == "form"
    return style, explode


def allows_reserved(param: Mapping[str, Any], location: str) -> bool:
    """A path parameter whose reserved characters go as they are (RFC 6570's `{+name}`):
    `allowReserved: true` (OpenAPI defines it for queries only; a path is where it matters,
    and the validator warns) or Azure's `x-ms-skip-url-encoding: true`."""
    return location == "path" and (
        param.get("allowReserved") is True or param.get("x-ms-skip-url-encoding") is True
    )


class BodyParser:
    """Turns `requestBody` objects into `RequestBody` nodes (spreading happens in `spread`)."""

    def __init__(self, schemas: SchemaBuilder, diagnostics: list[Diagnostic]) -> None:
        self.schemas = schemas
        self.diagnostics = diagnostics

    def request_body(
        self, body: Mapping[str, Any], pointer: str, hint: str, taken: frozenset[str]
    ) -> RequestBody | None:
        content = body.get("content")
        if not isinstance(content, Mapping) or not content:
            self.diagnostics.append(
                warning("request-body-empty", pointer, "a request body without content; none is sent")
            )
            return None
        media_type = _pick(content)
        others = tuple(mt for mt in content if mt != media_type)
        media = content[media_type] if isinstance(content[media_type], Mapping) else {}
        encoding = media_encoding(media_type)
        media_pointer = join_pointer(pointer, "content", media_type)
        schema = media.get("schema")
        if encoding not in _STRUCTURED and is_binary_schema(schema):
            encoding = BodyEncoding.BINARY
        required = body.get("required") is True
        name = next(
            (body[key] for key in _BODY_NAME_EXTENSIONS if isinstance(body.get(key), str)),
            DEFAULT_BODY_NAME,
        )
        py_name = naming.NameScope(taken).claim(naming.parameter_name(name))
        common: dict[str, Any] = {
            "pointer": pointer,
            "media_type": media_type,
            "encoding": encoding,
            "required": required,
            "description": facts.text(body.get("description")),
            "py_name": py_name,
            "other_media_types": others,
        }
        if xml_candidate(media_type, schema):
            schema_pointer = join_pointer(media_pointer, "schema")
            type_ref = self.schemas.type_of(schema, schema_pointer, hint + "Body")
            if xml_body(media_type, type_ref):
                common["encoding"] = BodyEncoding.XML
                annotation = _optional(type_ref.annotation, required)
                return RequestBody(**common, type=type_ref, annotation=annotation)
        if encoding in (BodyEncoding.BINARY, BodyEncoding.TEXT) or schema is None:
            if encoding is BodyEncoding.TEXT:
                annotation = "str"
            elif encoding is BodyEncoding.BINARY:
                annotation = FILE_ANNOTATION
            else:
                common["type"] = facts.primitive(media_pointer, TypeKind.ANY)
                annotation = common["type"].annotation
            return RequestBody(**common, annotation=_optional(annotation, required))
        type_ref = self.schemas.type_of(schema, join_pointer(media_pointer, "schema"), hint + "Body")
        # Multipart models are always spread: their binary properties take files, which the
        # model's own (JSON) fields cannot hold.
        spread = (
            type_ref.kind is TypeKind.MODEL
            and not type_ref.nullable
            and (_inline_object(schema) or encoding is BodyEncoding.MULTIPART)
        )
        if encoding is BodyEncoding.MULTIPART and type_ref.kind is not TypeKind.MODEL:
            self.diagnostics.append(
                warning(
                    "multipart-body-shape",
                    join_pointer(media_pointer, "schema"),
                    "a multipart body that is not an object with properties is sent as one "
                    "JSON part named 'body'",
                )
            )
        annotation = type_ref.annotation + (" | None" if type_ref.nullable else "")
        return RequestBody(
            **common,
            type=type_ref,
            annotation=_optional(annotation, required),
            spread=spread,
            part_styles=self._part_styles(media, media_pointer, encoding),
            part_content_types=self._part_content_types(media, media_pointer, encoding),
        )

    def _part_content_types(
        self, media: Mapping[str, Any], pointer: str, encoding: BodyEncoding
    ) -> tuple[tuple[str, str], ...]:
        """Multipart only: (wire name, media type) for each `encoding` entry whose
        `contentType` names one, the first of a list (`image/png, image/jpeg`); wildcards
        (`*/*`, `image/*`) name none, and those parts go as application/octet-stream."""
        encodings = media.get("encoding")
        if encoding is not BodyEncoding.MULTIPART or not isinstance(encodings, Mapping):
            return ()
        found = []
        for wire_name in sorted(encodings):
            entry = encodings[wire_name]
            content_type = entry.get("contentType") if isinstance(entry, Mapping) else None
            if not isinstance(content_type, str):
                continue
            first = content_type.split(",", 1)[0].strip()
            if "*" in first or media_encoding(first) is BodyEncoding.JSON:
                continue
            if not MEDIA_TYPE.fullmatch(first):
                self.diagnostics.append(
                    warning(
                        "media-type-malformed",
                        join_pointer(pointer, "encoding", wire_name, "contentType"),
                        f"{json.dumps(first, ensure_ascii=False)} is not a media type; the"
                        " part is sent as application/octet-stream",
                    )
                )
                continue
            found.append((wire_name, first))
        return tuple(found)

    def _part_styles(
        self, media: Mapping[str, Any], pointer: str, encoding: BodyEncoding
    ) -> tuple[PartStyle, ...]:
        if encoding not in (BodyEncoding.FORM, BodyEncoding.MULTIPART):
            return ()
        styles = []
        encodings = media.get("encoding")
        if not isinstance(encodings, Mapping):
            return ()
        for wire_name in sorted(encodings):
            entry = encodings[wire_name]
            if not isinstance(entry, Mapping):
                continue
            content_type = entry.get("contentType")
            if isinstance(content_type, str) and media_encoding(content_type) is BodyEncoding.JSON:
                styles.append(PartStyle(wire_name=wire_name, style="json", explode=False))
                continue
            if encoding is BodyEncoding.MULTIPART and "style" not in entry:
                continue
            style, explode = parameter_style(
                entry, "query", join_pointer(pointer, "encoding", wire_name), self.diagnostics
            )
            styles.append(PartStyle(wire_name=wire_name, style=style, explode=explode))
        return tuple(styles)


def spread(body: RequestBody, models: Mapping[str, Model], taken: frozenset[str]) -> RequestBody:
    """Give a spread body one parameter per property of its (inline) model.

    readOnly properties are the server's to set, so they are not parameters at all.
    """
    if not body.spread or body.type is None:
        return body
    model = models.get(body.type.target or "")
    if model is None:
        return body
    scope = naming.NameScope(taken)
    fields = []
    styles = {s.wire_name: s for s in body.part_styles}
    extra = []
    for field in model.fields:
        if field.read_only:
            continue
        is_file = body.encoding is BodyEncoding.MULTIPART and _is_binary(field.type)
        annotation = field.annotation
        if is_file:
            annotation = _file_annotation(field.type, field.required)
            if field.wire_name not in styles:
                extra.append(PartStyle(wire_name=field.wire_name, style="file", explode=True))
        fields.append(
            BodyField(
                pointer=field.pointer,
                wire_name=field.wire_name,
                py_name=scope.claim(naming.parameter_name(field.wire_name)),
                type=field.type,
                required=field.required,
                description=field.description,
                annotation=annotation,
                is_file=is_file,
            )
        )
    part_styles = tuple(sorted(body.part_styles + tuple(extra), key=lambda s: s.wire_name))
    return replace(body, fields=tuple(fields), part_styles=part_styles)


def _is_binary(type_ref: TypeRef) -> bool:
    if type_ref.kind is TypeKind.ARRAY and type_ref.item is not None:
        return _is_binary(type_ref.item)
    return type_ref.kind is TypeKind.STRING and type_ref.format == "binary"


def _file_annotation(type_ref: TypeRef, required: bool) -> str:
    text = f"list[{FILE_ANNOTATION}]" if type_ref.kind is TypeKind.ARRAY else FILE_ANNOTATION
    return _optional(text, required)


def _optional(annotation: str, required: bool) -> str:
    return annotation if required else annotation + " | Unset"


def _inline_object(schema: object) -> bool:
    return isinstance(schema, Mapping) and "$ref" not in schema and "properties" in schema and (
        schema.get("additionalProperties") in (None, False)
    )


def _pick(content: Mapping[str, Any]) -> str:
    ranked = sorted(
        content, key=lambda mt: (_ENCODING_ORDER.index(media_encoding(mt)), list(content).index(mt))
    )
    return ranked[0]

