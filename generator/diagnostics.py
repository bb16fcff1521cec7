"""Diagnostics are values: collected by every stage, reported together, never raised one at a time."""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """One problem found in an input, located by file, JSON pointer and (when known) line:column."""

    code: str
    severity: Severity
    pointer: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    generated_file: str | None = None
    """The generated file (its relative output path) the problem is in, when it is about one:
    a later stage finds the template that rendered it from this, not from the message."""

    def format(self) -> str:
        """Render as `file:line:col: error[code] /pointer: message (hint)`, one line."""
        place = self.file or "<input>"
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        pointer = self.pointer or "/"
        text = f"{place}: {self.severity.value}[{self.code}] at {pointer}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return terminal_safe(text)


def terminal_safe(text: str) -> str:
    """`text` with every control, format and line-break character shown as an escape.

    Messages quote the spec (names, pointers, values); a spec must not be able to split a
    report line, fake another one, or send escape sequences to the terminal or CI log.
    """
    out = []
    for char in text:
        if char.isprintable() and unicodedata.category(char) not in ("Cf", "Zl", "Zp"):
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


def error(code: str, pointer: str, message: str, *, hint: str | None = None) -> Diagnostic:
    return Diagnostic(
        code=code, severity=Severity.ERROR, pointer=pointer, message=message, hint=hint
    )


def warning(code: str, pointer: str, message: str, *, hint: str | None = None) -> Diagnostic:
    return Diagnostic(
        code=code, severity=Severity.WARNING, pointer=pointer, message=message, hint=hint
    )


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


class GenerationFailed(Exception):
    """Raised at the pipeline boundary, carrying every diagnostic collected so far."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


def escape_pointer_token(token: str | int) -> str:
    """RFC 6901 escaping of one reference token."""
    text = str(token)
    if "~" in text or "/" in text:
        return text.replace("~", "~0").replace("/", "~1")
    return text


def join_pointer(base: str, *tokens: str | int) -> str:
    if len(tokens) == 1:  # the usual case, some hundred thousand times on a big spec
        return base + "/" + escape_pointer_token(tokens[0])
    return base + "".join("/" + escape_pointer_token(t) for t in tokens)


def split_pointer(pointer: str) -> list[str]:
    """RFC 6901 reference tokens of `pointer`, unescaped; "" (the whole document) has none."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"a JSON pointer must be empty or start with '/': {pointer!r}")
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]
