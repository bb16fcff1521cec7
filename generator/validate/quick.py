"""The validate stage's quick answer for a valid OpenAPI 3.0 document, without
openapi-spec-validator.

Importing that library costs about a quarter of a second (it pulls in pydantic-settings), more
than everything else a typical spec's run does. Yet on a valid document it finds nothing: the
document matches the version's JSON Schema, and its keyword walker (defaults against their
schemas, `required` names an `allOf` never defines, duplicate parameters, schemas against the
JSON Schema meta-schema) has nothing to say. This module answers exactly that case:

* jsonschema-rs checks the document against the same JSON Schema file the library ships
  (read from the installed package's resources, not imported);
* `semantic_problems` finds nothing;
* a walk over the schemas the library's walker visits finds nothing it could report, judged
  conservatively: whatever this module does not model exactly (a default of an object type, a
  string format the library may check, a float for an integer...) counts as "may report".

Then the validate stage's result is known to be empty, and `quick_validate` returns `()`. In
every other case it returns None and the library runs as before, so messages, codes and
positions are always the library's: this module only decides when it need not run. Only
OpenAPI 3.0 takes this path (3.1's walker also checks each schema against its JSON Schema
dialect; Swagger 2.0 is converted first).
"""

from __future__ import annotations

import base64
import binascii
import importlib
import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.load.document import Document
from generator.validate.semantics import follow as _follow
from generator.validate.semantics import semantic_problems

_VERSION_30 = re.compile(r"3\.0(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?\Z")
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Past this many schemas the walk is not the cheap part any more; the library decides.
_MAX_SCHEMAS = 200_000

# Keys a schema may hold for its default to be judged here: the validation keywords that are
# modelled below, and annotations the library's value validator does not check.
_ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "default",
        "example",
        "deprecated",
        "readOnly",
        "writeOnly",
        "xml",
        "externalDocs",
        "nullable",
    }
)
_MODELLED = frozenset(
    {
        "type",
        "format",
        "enum",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "pattern",
        "items",
        "minItems",
        "maxItems",
    }
)
# Formats whose check on a value of their type is modelled exactly (see `_format_passes`); a
# string with any other format may be checked by a jsonschema format checker that depends on
# what is installed, so it is left to the library.
_NUMBER_FORMATS = frozenset({"int32", "int64", "float", "double"})
_STRING_FORMATS = frozenset({"password", "binary", "byte"})

_RUST_VALIDATOR: list[Any] = []


def quick_validate(document: Document) -> tuple[()] | None:
    """`()` when the validate stage is sure to find nothing in `document`; None when the full
    validator must run (it then reports what there is)."""
    data = document.data
    if not isinstance(data, dict) or not _is_openapi_30(data.get("openapi")):
        return None
    if semantic_problems(data):
        return None
    validator = _rust_validator()
    if validator is None:
        return None
    try:
        if not validator.is_valid(data):
            return None
    except Exception:  # noqa: BLE001 - any doubt means the library decides
        return None
    return () if _walker_finds_nothing(data) else None


def _is_openapi_30(version: object) -> bool:
    return isinstance(version, str) and _VERSION_30.match(version) is not None


def _rust_validator() -> Any:
    """jsonschema-rs's validator of the OpenAPI 3.0 JSON Schema that openapi-spec-validator
    ships, or None (jsonschema-rs or the schema file missing, or options it does not take)."""
    if not _RUST_VALIDATOR:
        _RUST_VALIDATOR.append(_build_rust_validator())
    return _RUST_VALIDATOR[0]


def _build_rust_validator() -> Any:
    schema_file = _shipped_schema("3.0")
    if schema_file is None or importlib.util.find_spec("jsonschema_rs") is None:
        return None
    rust = importlib.import_module("jsonschema_rs")
    try:
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        return rust.validator_cls_for(schema)(schema, validate_formats=False, offline=True)
    except (OSError, ValueError, TypeError):
        return None


def _shipped_schema(version: str) -> Path | None:
    """openapi-spec-validator's JSON Schema of `version`, found without importing the library
    (finding a top-level package's location runs none of its code)."""
    spec = importlib.util.find_spec("openapi_spec_validator")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location, "resources", "schemas", f"v{version}", "schema.json")
        if candidate.is_file():
            return candidate
    return None


# --- what the library's keyword walker could report -----------------------------------------


def _walker_finds_nothing(data: dict[str, Any]) -> bool:
    if _has_external_ref(data):
        return False  # the library resolves those itself; let it
    has_regress = importlib.util.find_spec("regress") is not None
    seen: set[int] = set()
    for entry in _entry_schemas(data):
        if entry is None:
            return False
        if not _entry_passes(data, entry, seen, has_regress):
            return False
        if len(seen) > _MAX_SCHEMAS:
            return False
    return True


def _has_external_ref(data: Any) -> bool:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _entry_schemas(data: dict[str, Any]) -> Iterator[Any]:
    """The schemas the library's walker starts from, in its order; None for one that cannot be
    seen (a broken chain of `$ref`), which makes the whole answer "may report". Duplicate
    parameters are reported as None too."""
    paths = data.get("paths") or {}
    for raw_item in paths.values():
        item = _follow(data, raw_item)
        if not isinstance(item, dict):
            yield None
            return
        shared = item.get("parameters")
        if shared is not None:
            yield from _parameter_schemas(data, shared)
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            operation = _follow(data, operation)
            if not isinstance(operation, dict):
                yield None
                return
            for raw_response in (operation.get("responses") or {}).values():
                response = _follow(data, raw_response)
                if not isinstance(response, dict):
                    yield None
                    return
                for raw_media in (response.get("content") or {}).values():
                    media = _follow(data, raw_media)
                    if not isinstance(media, dict):
                        yield None
                        return
                    if "schema" in media:
                        yield media["schema"]
            if "parameters" in operation:
                yield from _parameter_schemas(data, operation["parameters"])
    components = data.get("components") or {}
    yield from (components.get("schemas") or {}).values()


def _parameter_schemas(data: Any, parameters: Any) -> Iterator[Any]:
    seen: set[tuple[Any, Any]] = set()
    for raw in parameters if isinstance(parameters, list) else [None]:
        parameter = _follow(data, raw)
        if not isinstance(parameter, dict):
            yield None
            return
        key = (parameter.get("name"), parameter.get("in"))
        if key in seen:
            yield None  # a duplicate parameter: the library reports it
            return
        seen.add(key)
        if "schema" in parameter:
            yield parameter["schema"]


def _entry_passes(data: Any, entry: Any, seen: set[int], has_regress: bool) -> bool:
    """Whether the walker's visit of one entry schema (the meta-schema check of its own text,
    `required` against an `allOf`, and every default below it) surely reports nothing."""
    schema = _follow(data, entry)
    if not isinstance(schema, dict):
        return False
    if not _meta_schema_passes(schema, has_regress):
        return False
    if "allOf" in schema and not _required_defined(data, schema):
        return False
    stack = [schema]
    while stack:
        node = _follow(data, stack.pop())
        if not isinstance(node, dict):
            return False
        if id(node) in seen:
            continue
        seen.add(id(node))
        if "default" in node and not _default_passes(node, node["default"], has_regress):
            return False
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in node:
                stack.extend(node[keyword])
        for keyword in ("not", "items"):
            if keyword in node:
                stack.append(node[keyword])
        stack.extend((node.get("properties") or {}).values())
    return True


def _meta_schema_passes(schema: dict[str, Any], has_regress: bool) -> bool:
    """What the draft-04 meta-schema (the library's check of a 3.0 entry schema) asks beyond
    the OpenAPI 3.0 JSON Schema, which the document already matches: unique `enum` values,
    `exclusiveMinimum`/`exclusiveMaximum` only beside `minimum`/`maximum`, and patterns that
    compile. Checked through the entry's own text, as the meta-schema is (references are not
    followed)."""
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict) or "$ref" in node:
            continue
        enum = node.get("enum")
        if isinstance(enum, list) and not _distinct(enum):
            return False
        if "exclusiveMinimum" in node and "minimum" not in node:
            return False
        if "exclusiveMaximum" in node and "maximum" not in node:
            return False
        if "pattern" in node and not _compiles(node["pattern"], has_regress):
            return False
        for keyword in ("allOf", "anyOf", "oneOf"):
            stack.extend(node.get(keyword) or ())
        for keyword in ("not", "items", "additionalProperties"):
            stack.append(node.get(keyword))
        stack.extend((node.get("properties") or {}).values())
    return True


def _distinct(values: list[Any]) -> bool:
    keys = []
    for value in values:
        if isinstance(value, (dict, list)):
            return False  # JSON equality of containers: not modelled
        keys.append((type(value) if isinstance(value, bool) else None, value))
    try:
        return len(set(keys)) == len(keys)
    except TypeError:
        return False


def _compiles(pattern: Any, has_regress: bool) -> bool:
    if not isinstance(pattern, str) or has_regress:
        return False  # an ECMA regex library judges patterns differently: not modelled
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    return True


def _required_defined(data: Any, schema: dict[str, Any]) -> bool:
    """The walker's `required`-names check of an entry schema with `allOf`: every required
    name is a property of the schema or of one of its `allOf` parts (their own `properties`,
    `allOf`, `anyOf`, `oneOf`, `items` and `not`, references followed)."""
    required = schema.get("required") or []
    if not required:
        return True
    names = set((schema.get("properties") or {}).keys())
    for part in schema.get("allOf") or ():
        collected = _collect_properties(data, part)
        if collected is None:
            return False
        names |= collected
    return all(isinstance(name, str) and name in names for name in required)


def _collect_properties(data: Any, node: Any, depth: int = 0) -> set[str] | None:
    node = _follow(data, node)
    if not isinstance(node, dict) or depth > 64:
        return None
    names = set((node.get("properties") or {}).keys())
    children = [*node.get("allOf", ()), *node.get("anyOf", ()), *node.get("oneOf", ())]
    children += [node[key] for key in ("items", "not") if key in node]
    for child in children:
        found = _collect_properties(data, child, depth + 1)
        if found is None:
            return None
        names |= found
    return names


# --- a default against its schema, as the library's OAS 3.0 value validator judges it ---------


def _default_passes(schema: dict[str, Any], value: Any, has_regress: bool) -> bool:
    """Whether the library's check of `value` (the schema's default) surely passes."""
    if value is None and schema.get("nullable") is True:
        return True  # the walker skips it
    return _value_passes(schema, value, has_regress, depth=0)


def _value_passes(schema: Any, value: Any, has_regress: bool, *, depth: int) -> bool:
    if not isinstance(schema, dict) or depth > 8:
        return False
    keys = set(schema)
    if not keys <= _MODELLED | _ANNOTATIONS and not all(
        key.startswith("x-") for key in keys - _MODELLED - _ANNOTATIONS
    ):
        return False  # $ref, allOf, properties, multipleOf, ...: not modelled
    if value is None:
        return False  # "None for not nullable", or keywords on None: not modelled
    kind = schema.get("type")
    if not _type_passes(kind, value):
        return False
    if "enum" in schema and not _in_enum(schema["enum"], value):
        return False
    if "format" in schema and not _format_passes(schema["format"], value):
        return False
    if isinstance(value, str):
        return _string_passes(schema, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_passes(schema, value)
    if isinstance(value, list):
        return _array_passes(schema, value, has_regress, depth=depth)
    return isinstance(value, bool) and kind in ("boolean", None)


def _type_passes(kind: Any, value: Any) -> bool:
    if kind is None:
        return not isinstance(value, (dict, list))  # untyped containers: not modelled
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        # A float is an integer in some drafts and not in others: not modelled.
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    return False  # objects: not modelled


def _in_enum(enum: Any, value: Any) -> bool:
    if not isinstance(enum, list):
        return False
    if isinstance(value, str):
        return value in [member for member in enum if isinstance(member, str)]
    if isinstance(value, bool):
        return any(member is value for member in enum)
    if isinstance(value, int):
        return any(
            isinstance(member, int) and not isinstance(member, bool) and member == value
            for member in enum
        )
    return False  # floats and containers: JSON equality not modelled


def _format_passes(form: Any, value: Any) -> bool:
    """The OAS 3.0 format checker on `value`; a format it may check that is not modelled here
    counts as failing."""
    if isinstance(value, (bool, list)):
        return form in _NUMBER_FORMATS or form in _STRING_FORMATS
    if isinstance(value, int):
        if form == "int32":
            return -(2**31) <= value < 2**31
        if form == "int64":
            return -(2**63) <= value < 2**63
        return form in ("float", "double") or form in _STRING_FORMATS
    if isinstance(value, float):
        return form in _NUMBER_FORMATS or form in _STRING_FORMATS
    if isinstance(value, str):
        if form == "byte":
            try:
                base64.b64decode(value.encode("ascii"), validate=True)
            except (binascii.Error, ValueError):
                return False
            return True
        return form in _NUMBER_FORMATS or form in ("password", "binary")
    return False


def _string_passes(schema: dict[str, Any], value: str) -> bool:
    # Matching the spec's pattern against the default is what can backtrack for hours (see
    # `spec_validator._time_limit`): a default with a pattern is left to the library, under its
    # limit.
    return "pattern" not in schema and _length_passes(schema, len(value), "minLength", "maxLength")


def _length_passes(schema: dict[str, Any], length: int, low_key: str, high_key: str) -> bool:
    """`minLength`/`maxLength` (or `minItems`/`maxItems`) hold for a value of `length`; a bound
    that is not an integer counts as failing."""
    for key, is_low in ((low_key, True), (high_key, False)):
        if key in schema:
            bound = schema[key]
            if not isinstance(bound, int) or isinstance(bound, bool):
                return False
            if (length < bound) if is_low else (length > bound):
                return False
    return True


def _number_passes(schema: dict[str, Any], value: float) -> bool:
    if "minimum" in schema:
        low = schema["minimum"]
        if not isinstance(low, (int, float)) or isinstance(low, bool):
            return False
        exclusive = schema.get("exclusiveMinimum", False)
        if exclusive is True and not value > low or exclusive is False and not value >= low:
            return False
        if not isinstance(exclusive, bool):
            return False
    if "maximum" in schema:
        high = schema["maximum"]
        if not isinstance(high, (int, float)) or isinstance(high, bool):
            return False
        exclusive = schema.get("exclusiveMaximum", False)
        if exclusive is True and not value < high or exclusive is False and not value <= high:
            return False
        if not isinstance(exclusive, bool):
            return False
    return True


def _array_passes(
    schema: dict[str, Any], value: list[Any], has_regress: bool, *, depth: int
) -> bool:
    if not _length_passes(schema, len(value), "minItems", "maxItems"):
        return False
    if "items" not in schema:
        return all(not isinstance(item, (dict, list)) for item in value)
    items = schema["items"]
    return all(_value_passes(items, item, has_regress, depth=depth + 1) for item in value)


__all__ = ["quick_validate"]
