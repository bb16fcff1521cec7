"""Sub-clients: operations grouped by their Azure-style `Group_` id prefix, else their first tag.

`client.pet_store.get_pet_status(...)` is the same call as the flat
`client.get_pet_store_pet_status(...)`; the group just reads better for big APIs.
An operation with neither a prefix nor a tag is only a flat method. The groups' attribute and
class names are claimed after the flat methods and the models, so adding a group never renames
anything that existed before it.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator import naming
from generator.diagnostics import join_pointer
from generator.ir.nodes import GroupMethod, Operation, OperationGroup


def group_operations(
    operations: tuple[Operation, ...],
    tags: object,
    method_scope: naming.NameScope,
    class_scope: naming.NameScope,
) -> tuple[OperationGroup, ...]:
    tag_info = _tag_info(tags)
    members: dict[str, list[Operation]] = {}
    for operation in operations:
        group = naming.split_operation_id(operation.operation_id)[0]
        if not group and operation.tags:
            group = operation.tags[0]
        if group:
            members.setdefault(group, []).append(operation)
    groups = []
    for name, ops in members.items():
        scope = naming.NameScope(naming.RESERVED_GROUP_METHOD_NAMES)
        methods = []
        for operation in ops:
            py_name = scope.claim(naming.group_method_name(operation.operation_id, name))
            methods.append(GroupMethod(py_name=py_name, operation=operation))
            if operation.with_headers_name:
                methods.append(
                    GroupMethod(
                        py_name=scope.claim(naming.with_headers_name(py_name)),
                        operation=operation,
                        returns_headers=True,
                    )
                )
            if operation.long_running is not None:
                for kind, method_name in (
                    ("begin", naming.begin_method_name(py_name)),
                    ("resume", naming.resume_method_name(py_name)),
                ):
                    methods.append(
                        GroupMethod(
                            py_name=scope.claim(method_name),
                            operation=operation,
                            long_running=kind,
                        )
                    )
        # `list` last: before it, annotations still see the builtin (see naming).
        methods.sort(key=lambda m: m.py_name == "list")
        class_name = class_scope.claim(naming.group_class_name(name))
        pointer, description = tag_info.get(name, (ops[0].pointer, None))
        groups.append(
            OperationGroup(
                pointer=pointer,
                name=name,
                attribute=method_scope.claim(naming.group_attribute(name)),
                class_name=class_name,
                async_class_name=class_scope.claim("Async" + class_name),
                description=description,
                methods=tuple(methods),
            )
        )
    return tuple(groups)


def _tag_info(tags: object) -> dict[str, tuple[str, str | None]]:
    info: dict[str, tuple[str, str | None]] = {}
    for index, tag in enumerate(tags if isinstance(tags, list) else ()):
        if isinstance(tag, Mapping) and isinstance(tag.get("name"), str):
            description = tag.get("description")
            info[tag["name"]] = (
                join_pointer("/tags", index),
                description if isinstance(description, str) and description.strip() else None,
            )
    return info
