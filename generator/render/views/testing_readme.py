"""The README's testing example (`api | testing_readme`): a test of application code that
scripts the fake service with a typed answer, calls the code with a client on the fake, and
checks the answer and the call. Only names the naming module made and values made here.

The example exists when some plain operation (not paged, not a stream) has required
arguments that readme_view can make, and returns a model whose required fields this module
can give values (scalars, enums, date-times, nested such models, empty lists and maps).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.kinds import TypeKind
from generator.ir.nodes import Api, Model, Operation
from generator.ir.types import TypeRef
from generator.naming import import_sort_key
from generator.render.layout import call
from generator.render.literals import pyrepr
from generator.render.views.readme_view import _values, method_path

_SCALARS = {
    TypeKind.STRING: '"text"',
    TypeKind.INTEGER: "1",
    TypeKind.NUMBER: "1.5",
    TypeKind.BOOLEAN: "True",
    TypeKind.DATETIME: "datetime(2024, 1, 1, tzinfo=timezone.utc)",
    TypeKind.ARRAY: "[]",
    TypeKind.MAP: "{}",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class TestingReadme:
    """What the README's "Testing your code" section prints."""

    example: str
    """A Python block (no trailing newline) that defines and runs a test; "" when no
    operation fits (see the module's docstring)."""
    method: str
    """The operation method the example scripts (`get_pet`); "" without an example."""


class _Sampler:
    """Constructor expressions of models, remembering the names they need."""

    def __init__(self, api: Api) -> None:
        self.models: dict[str, Model] = {m.class_name: m for m in api.models}
        self.enums = {e.class_name: e for e in api.enums}
        self.names: set[str] = set()
        self.datetime = False

    def value(self, ref: TypeRef, depth: int) -> str | None:
        if ref.kind is TypeKind.ENUM and ref.target in self.enums:
            members = self.enums[ref.target].members
            if not members:
                return None
            self.names.add(ref.target)
            return f"{ref.target}.{members[0].py_name}"
        if ref.kind is TypeKind.MODEL and ref.target in self.models and depth < 3:
            return self.model(self.models[ref.target], depth + 1)
        if ref.kind is TypeKind.STRING and not ref.constraints.is_empty:
            return None  # a pattern or a length: no text made here is sure to fit
        self.datetime |= ref.kind is TypeKind.DATETIME
        return _SCALARS.get(ref.kind)

    def model(self, model: Model, depth: int = 0) -> str | None:
        arguments = self.arguments(model, depth)
        return (
            None if arguments is None else f"{model.class_name}({', '.join(arguments)})"
        )

    def arguments(self, model: Model, depth: int) -> list[str] | None:
        """`field=value` for each required field; None when one cannot be made."""
        if model.polymorphism is not None and model.polymorphism.discriminator:
            return None
        arguments = []
        for field in model.fields:
            if not field.required:
                continue
            value = self.value(field.type, depth)
            if value is None:
                return None
            arguments.append(f"{field.py_name}={value}")
        self.names.add(model.class_name)
        return arguments


def _candidate(api: Api) -> tuple[Operation, list[str], str, _Sampler] | None:
    for op in api.operations:
        if op.paging is not None or op.stream is not None or op.body is not None:
            continue
        values = _values(op)
        success = [r for r in op.responses if r.status.startswith("2")]
        if values is None or len(success) != 1 or success[0].type is None:
            continue
        sampler = _Sampler(api)
        model = sampler.models.get(success[0].type.target or "")
        fields = sampler.arguments(model, 0) if model is not None else None
        if model is not None and fields is not None:
            return (
                op,
                values,
                call(f"answer = {model.class_name}", fields, "    "),
                sampler,
            )
    return None


def _client_arguments(api: Api) -> tuple[list[str], set[str]]:
    """The client's positional arguments for the example, and the names they import."""
    arguments = [
        (
            '"https://example.test"'
            if "endpoint" in v.py_name or "url" in v.py_name
            else '"test"'
        )
        for v in api.server.required_variables
    ]
    kinds = api.credential_types
    if "ApiKeyCredential" in kinds:
        return [*arguments, 'ApiKeyCredential("key")'], {"ApiKeyCredential"}
    if "HttpCredential" in kinds:
        return [*arguments, 'HttpCredential("secret")'], {"HttpCredential"}
    if kinds:
        return [*arguments, "..."], set()
    return arguments, set()


def testing_readme(api: Api) -> TestingReadme:
    """The README's testing example for `api` (see the module's docstring)."""
    found = _candidate(api)
    client_arguments, credential_names = _client_arguments(api)
    if found is None or "..." in client_arguments:
        return TestingReadme(example="", method="")
    op, values, answer, sampler = found
    package = api.package_name
    names = sorted({"Client", *credential_names, *sampler.names}, key=import_sort_key)
    required = [a.py_name for a in op.signature if a.required]
    recorded = ", ".join(
        f"{pyrepr(name)}: {value}" for name, value in zip(required, values)
    )
    returned = op.return_annotation
    lines = []
    if sampler.datetime:
        lines += ["from datetime import datetime, timezone", ""]
    lines += [
        f"from {package} import {', '.join(names)}",
        f"from {package}.testing import FakeService",
        "",
        "",
        f"def fetch(client: Client) -> {returned}:",
        '    """The application code under test."""',
        f"    return {method_path(api, op)}({', '.join(values)})",
        "",
        "",
        "def test_fetch() -> None:",
        "    fake = FakeService()",
        f"    {answer}",
        f"    fake.{op.py_name}.returns(answer)",
        "    "
        + call(
            "with Client", [*client_arguments, "transport=fake"], "    ", " as client:"
        ),
        "        assert fetch(client) == answer",
        f"    call = fake.{op.py_name}.call  # what was sent, typed",
        f"    assert call.arguments == {{{recorded}}}",
        "    fake.assert_no_violations()",
        "",
        "",
        "test_fetch()",
    ]
    return TestingReadme(example="\n".join(lines), method=op.py_name)
