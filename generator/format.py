"""Format generated Python with black, so the committed output is exactly black's."""

from __future__ import annotations

from collections.abc import Mapping

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from .diagnostics import Diagnostic, error

_MODE = Mode(target_versions={TargetVersion.PY310}, line_length=88)


def format_files(files: Mapping[str, str]) -> tuple[dict[str, str], tuple[Diagnostic, ...]]:
    """Return `files` with every `.py` file black-formatted; code black cannot parse or Python
    cannot compile is an error."""
    formatted: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for path, text in files.items():
        if not path.endswith(".py"):
            formatted[path] = text
            continue
        try:
            formatted[path] = black.format_str(text, mode=_MODE)
        except InvalidInput as exc:
            problems.append(
                error(
                    "generated-code-invalid",
                    "",
                    f"{path}: the templates produced code black cannot parse: {exc}",
                )
            )
            formatted[path] = text
            continue
        try:
            # black accepts some code Python does not compile (a repeated argument name, too
            # many nested parentheses); a package that cannot be imported is never written.
            compile(formatted[path], path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
            problems.append(
                error(
                    "generated-code-invalid",
                    "",
                    f"{path}: the generated code does not compile: {type(exc).__name__}: {exc}",
                    hint="please report this with the spec that caused it",
                )
            )
    return formatted, tuple(problems)
