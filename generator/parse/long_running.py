"""Long-running operations: which operations start one, and how their poller asks for the status.

Two declarations on the starting operation, ours first:

    x-clientgen-long-running:             # poll another operation of the spec
      status-operation: GetExportStatus    # its operationId (required)
      parameters: {exportId: exportId}   # status parameter: start parameter
      status-field: status                 # a string or enum field of its result model
      succeeded: [succeeded]               # terminal values (case-insensitive)
      failed: [failed]
      message-field: message               # optional: the service's message on failure
      polling-interval: 1                  # optional: seconds, without Retry-After

    x-ms-long-running-operation: true      # Azure: poll the URL of Operation-Location
    x-ms-long-running-operation-options:
      final-state-schema: "#/components/schemas/ExportStatus"   # optional result type

Problems are diagnostics at the extension's pointer; an operation with an error keeps its
ordinary method and gets no `begin_` method, so nothing is dropped silently.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from generator import naming
from generator.diagnostics import Diagnostic, error, join_pointer, warning
from generator.ir.kinds import TypeKind
from generator.ir.nodes import Enum, LongRunning, Model, Operation, PassedArgument

EXTENSION = "x-clientgen-long-running"
AZURE = "x-ms-long-running-operation"
AZURE_OPTIONS = "x-ms-long-running-operation-options"

_KEYS = (
    "status-operation",
    "parameters",
    "status-field",
    "succeeded",
    "failed",
    "message-field",
    "polling-interval",
)
_DEFAULT_SUCCEEDED = ("succeeded",)
_DEFAULT_FAILED = ("failed", "canceled", "cancelled")
_DEFAULT_INTERVAL = 1.0
_LOCATION_HEADERS = ("operation-location", "azure-asyncoperation", "location")
_PASSABLE = frozenset({TypeKind.STRING, TypeKind.INTEGER, TypeKind.NUMBER, TypeKind.BOOLEAN})


def attach_long_running(
    operations: tuple[Operation, ...],
    raw: Mapping[str, Mapping[str, Any]],
    models: Mapping[str, Model],
    enums: Mapping[str, Enum],
    method_scope: naming.NameScope,
) -> tuple[tuple[Operation, ...], tuple[Diagnostic, ...]]:
    """`operations`, each that starts a long-running operation with its `long_running` set.

    `raw` maps each operation's pointer to its object in the (OpenAPI 3) document; `models`
    and `enums` are by class name; `method_scope` holds the client's method names, which the `begin_` and
    `resume_` methods join."""
    reader = _Reader(operations, models, enums)
    result = []
    for operation in operations:
        source = raw.get(operation.pointer, {})
        found: LongRunning | None = None
        if EXTENSION in source:
            found = reader.extension(operation, source[EXTENSION])
        elif source.get(AZURE) is True:
            found = reader.azure(operation, source.get(AZURE_OPTIONS))
        if found is not None:
            method = operation.py_name
            found = replace(
                found,
                begin_name=method_scope.claim(naming.begin_method_name(method)),
                resume_name=method_scope.claim(naming.resume_method_name(method)),
                poller_name=method_scope.claim(naming.poller_factory_name(method)),
                reader_name=naming.status_reader_name(method),
            )
            operation = replace(operation, long_running=found)
        result.append(operation)
    return tuple(result), tuple(reader.diagnostics)


class _Reader:
    def __init__(
        self,
        operations: Sequence[Operation],
        models: Mapping[str, Model],
        enums: Mapping[str, Enum],
    ) -> None:
        self.by_id = {operation.operation_id: operation for operation in operations}
        self.models = models
        self.enums = enums
        self.diagnostics: list[Diagnostic] = []

    def report(self, pointer: str, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(error("long-running.invalid", pointer, message, hint=hint))

    # -- x-clientgen-long-running ------------------------------------------------------------

    def extension(self, start: Operation, value: object) -> LongRunning | None:
        pointer = join_pointer(start.pointer, EXTENSION)
        if not isinstance(value, Mapping):
            self.report(pointer, f"{EXTENSION} must be an object", hint=_example())
            return None
        count = len(self.diagnostics)
        for key in value:
            if key not in _KEYS:
                close = difflib.get_close_matches(str(key), _KEYS, n=1)
                hint = f"did you mean `{close[0]}`?" if close else "known keys: " + ", ".join(_KEYS)
                self.report(join_pointer(pointer, str(key)), f"unknown key `{key}`", hint)
        status = self._status_operation(start, value.get("status-operation"), pointer)
        if status is None:
            return None
        model = self._result_model(status, pointer)
        passed = self._passed(start, status, value.get("parameters"), pointer)
        succeeded = self._values(value, "succeeded", _DEFAULT_SUCCEEDED, pointer)
        failed = self._values(value, "failed", _DEFAULT_FAILED, pointer)
        interval = self._interval(value.get("polling-interval"), pointer)
        if model is None:
            return None
        status_field = self._field(model, value.get("status-field", "status"), pointer,
                                   "status-field", required=True)
        message_field = None
        if "message-field" in value:
            message_field = self._field(model, value["message-field"], pointer,
                                        "message-field", required=False)
        if status_field is not None:
            for key, values in (("succeeded", succeeded), ("failed", failed)):
                if key in value:
                    self._check_values(model, status_field, values, join_pointer(pointer, key))
        overlap = sorted(set(succeeded) & set(failed))
        if overlap:
            self.report(
                join_pointer(pointer, "failed"),
                f"{', '.join(overlap)} is both a success and a failure value",
            )
        if len(self.diagnostics) > count or passed is None or status_field is None:
            return None
        return LongRunning(
            pointer=pointer,
            style="status-operation",
            begin_name="",
            resume_name="",
            poller_name="",
            reader_name="",
            result_annotation=model.class_name,
            result_model=model.class_name,
            status_operation_id=status.operation_id,
            status_builder_name=status.builder_name,
            status_parser_name=status.parser_name,
            passed=passed,
            status_field=status_field,
            message_field=message_field,
            succeeded=succeeded,
            failed=failed,
            polling_interval=interval,
        )

    def _status_operation(self, start: Operation, value: object, pointer: str) -> Operation | None:
        where = join_pointer(pointer, "status-operation")
        if not isinstance(value, str) or not value:
            self.report(where, "`status-operation` is required: the operationId to poll",
                        hint=_example())
            return None
        status = self.by_id.get(value)
        if status is None:
            close = difflib.get_close_matches(value, list(self.by_id), n=1)
            hint = f"did you mean {close[0]!r}?" if close else None
            self.report(where, f"no operation has the operationId {value!r}", hint)
            return None
        if status is start:
            self.report(where, "an operation cannot poll itself")
            return None
        if status.body is not None and status.body.required:
            self.report(where, f"{value!r} needs a request body; a status operation cannot")
            return None
        return status

    def _result_model(self, status: Operation, pointer: str) -> Model | None:
        for response in status.success_responses:
            ref = response.type
            model = self.models.get(ref.target or "") if ref is not None else None
            if model is not None and ref is not None and ref.kind is TypeKind.MODEL:
                return model
        self.report(
            join_pointer(pointer, "status-operation"),
            f"{status.operation_id!r} must answer with a JSON object (a model) holding the status",
        )
        return None

    def _passed(
        self, start: Operation, status: Operation, value: object, pointer: str
    ) -> tuple[PassedArgument, ...] | None:
        where = join_pointer(pointer, "parameters")
        if value is not None and not isinstance(value, Mapping):
            self.report(where, "`parameters` must map the status operation's parameter names"
                        " to the starting operation's")
            return None
        pairs = dict(value or {})
        start_by_name = {p.name: p for p in start.parameters}
        passed = []
        ok = True
        for parameter in status.parameters:
            source_name = pairs.pop(parameter.name, None)
            entry = join_pointer(where, parameter.name) if source_name is not None else None
            if source_name is None:
                if not parameter.required:
                    continue
                source_name = parameter.name  # paired by name by default
            source = start_by_name.get(str(source_name))
            if source is None:
                self.report(
                    entry or join_pointer(pointer, "status-operation"),
                    f"the status operation's required parameter {parameter.name!r} has no"
                    f" value: the starting operation has no parameter {source_name!r}",
                    hint="name the one to pass under `parameters`",
                )
                ok = False
                continue
            if not source.required:
                self.report(
                    entry or parameter.pointer,
                    f"{source.name!r} is optional in the starting operation, so it may have no"
                    f" value to pass to {parameter.name!r}",
                )
                ok = False
                continue
            if source.type.kind not in _PASSABLE or parameter.type.kind not in _PASSABLE:
                self.report(
                    entry or parameter.pointer,
                    f"{parameter.name!r} can only be passed along as a string, number or"
                    " boolean (its value goes into continuation tokens)",
                )
                ok = False
                continue
            passed.append(
                PassedArgument(
                    pointer=entry or parameter.pointer,
                    status_argument=parameter.py_name,
                    start_argument=source.py_name,
                )
            )
        for unknown in pairs:
            names = [p.name for p in status.parameters]
            close = difflib.get_close_matches(str(unknown), names, n=1)
            hint = f"did you mean {close[0]!r}?" if close else None
            self.report(
                join_pointer(where, str(unknown)),
                f"the status operation has no parameter {unknown!r}",
                hint,
            )
            ok = False
        return tuple(passed) if ok else None

    def _values(
        self, value: Mapping[str, Any], key: str, default: tuple[str, ...], pointer: str
    ) -> tuple[str, ...]:
        found = value.get(key, list(default))
        if (
            not isinstance(found, list)
            or not found
            or not all(isinstance(item, str) and item for item in found)
        ):
            self.report(join_pointer(pointer, key), f"`{key}` must be a non-empty list of strings")
            return default
        return tuple(dict.fromkeys(item.lower() for item in found))

    def _interval(self, value: object, pointer: str) -> float:
        if value is None:
            return _DEFAULT_INTERVAL
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value < 0
        ):
            self.report(
                join_pointer(pointer, "polling-interval"),
                "`polling-interval` must be a number of seconds, 0 or more",
            )
            return _DEFAULT_INTERVAL
        return float(value)

    def _field(
        self, model: Model, wire_name: object, pointer: str, key: str, *, required: bool
    ) -> str | None:
        where = join_pointer(pointer, key)
        fields = {field.wire_name: field for field in model.fields}
        field = fields.get(wire_name) if isinstance(wire_name, str) else None
        if field is None:
            close = difflib.get_close_matches(str(wire_name), list(fields), n=1)
            hint = f"did you mean {close[0]!r}?" if close else None
            self.report(where, f"{model.class_name} has no property {wire_name!r}", hint)
            return None
        if field.type.kind not in (TypeKind.STRING, TypeKind.ENUM):
            self.report(where, f"{model.class_name}.{wire_name} must be a string or an enum")
            return None
        if required and not field.required:
            self.diagnostics.append(
                warning(
                    "long-running.optional-status",
                    where,
                    f"{model.class_name}.{wire_name} is optional; a status response without it"
                    " counts as still running",
                )
            )
        return field.py_name

    def _check_values(
        self, model: Model, py_name: str, values: tuple[str, ...], pointer: str
    ) -> None:
        field = next(f for f in model.fields if f.py_name == py_name)
        allowed: tuple[object, ...] = tuple(field.type.constraints.enum_values or ())
        enum = self.enums.get(field.type.target or "")
        if not allowed and enum is not None:
            allowed = tuple(member.value for member in enum.members)
        if not allowed:
            return
        known = {str(value).lower() for value in allowed}
        for value in values:
            if value not in known:
                self.diagnostics.append(
                    warning(
                        "long-running.unknown-status",
                        pointer,
                        f"{value!r} is not a value of {model.class_name}.{field.wire_name}"
                        f" ({', '.join(map(str, allowed))})",
                    )
                )

    # -- x-ms-long-running-operation ---------------------------------------------------------

    def azure(self, start: Operation, options: object) -> LongRunning | None:
        pointer = join_pointer(start.pointer, AZURE)
        model: Model | None = None
        if isinstance(options, Mapping) and "final-state-schema" in options:
            where = join_pointer(start.pointer, AZURE_OPTIONS, "final-state-schema")
            model = self._schema_model(options["final-state-schema"], where)
            if model is None:
                return None
        return LongRunning(
            pointer=pointer,
            style="operation-location",
            begin_name="",
            resume_name="",
            poller_name="",
            reader_name="",
            result_annotation=model.class_name if model else "Any",
            result_model=model.class_name if model else None,
            status_operation_id=None,
            status_builder_name=None,
            status_parser_name=None,
            status_field="status",
            succeeded=_DEFAULT_SUCCEEDED,
            failed=_DEFAULT_FAILED,
            polling_interval=_DEFAULT_INTERVAL,
            location_headers=_LOCATION_HEADERS,
        )

    def _schema_model(self, ref: object, where: str) -> Model | None:
        target = ref if isinstance(ref, str) else ""
        for prefix in ("#/components/schemas/", "#/definitions/"):
            if target.startswith(prefix):
                pointer = "/components/schemas/" + target[len(prefix) :]
                for model in self.models.values():
                    if model.pointer == pointer:
                        return model
        self.report(where, f"final-state-schema {ref!r} does not name an object schema")
        return None


def _example() -> str:
    return (
        f"{EXTENSION}: {{status-operation: GetStatus, status-field: status,"
        " succeeded: [succeeded], failed: [failed]}"
    )
