"""Context-safe filters: the only way spec text reaches generated files.

Each filter makes text inert for one context: a Python literal (`pyrepr`), the inside of a
triple-quoted docstring (`docstring`), text inside a docstring a template opened
(`doc_inline`), a `#` comment (`comment`), a TOML basic string (`tomlstr`), a one-line
package metadata field (`metadata_line`, before `tomlstr`) and Markdown prose (`markdown`).
Text from the spec is data; after these filters it can neither end the construct it sits in nor
be read as code.
"""

from __future__ import annotations

import functools
import re
import textwrap
import unicodedata
from collections.abc import Iterable

from generator import naming
from generator.render.literals import pyrepr

# Characters that some tool (Python's str.splitlines, editors, black) treats as a line break.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK_RE = re.compile("\r\n|[" + _LINE_BREAKS + "]")


_PLAIN_ASCII = re.compile(r"[ -~\n]*\Z")


def _escape_invisible(text: str, *, backslashes: bool = False) -> str:
    """Show control and other non-printing characters as escapes; keep ordinary Unicode text.

    With `backslashes`, a backslash is doubled too, so the result is the body of a string
    literal whose value is `text` and in which nothing of the spec can form an escape.
    """
    if _PLAIN_ASCII.match(text):  # the common case, without a look at each character
        return text.replace("\\", "\\\\") if backslashes else text
    out = []
    for char in text:
        if char == "\n" or char == " ":
            out.append(char)
        elif char == "\t":
            out.append("    ")
        elif char == "\\" and backslashes:
            out.append("\\\\")
        elif not char.isprintable() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            code = ord(char)
            if code < 0x100:
                out.append(f"\\x{code:02x}")
            elif code < 0x10000:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def _normalise_lines(text: str) -> str:
    return _LINE_BREAK_RE.sub("\n", text)


# A big client prints each operation's text in several places (its sync and async methods,
# their group's): wrapping it once is enough.
@functools.lru_cache(maxsize=1 << 14)
def docstring(text: str | None, indent: int = 0, width: int = 88) -> str:
    """A complete triple-quoted docstring for `text`, wrapped to `width`, body indented.

    Backslashes are doubled (so no escape sequence of the spec's survives), control characters
    become visible escapes, and quotes are escaped wherever they could close the string.
    """
    body = _escape_invisible(_normalise_lines(text or "").strip(), backslashes=True)
    body = re.sub(r'"(?=")|"$', '\\\\"', body)
    text_out = _wrapped(body, max(width - indent, 40))
    if "\n" not in text_out and len(text_out) + indent + 6 > width:
        # Black keeps a one-line docstring on one line however long, so a line that does not
        # fit with its quotes is wrapped shorter, into the multi-line form, where it can.
        text_out = _wrapped(body, max(width - indent - 6, 34))
    if "\n" not in text_out:
        return f'"""{text_out}"""'
    pad = " " * indent
    first, *rest = text_out.split("\n")
    # Black takes away the indentation all the lines after the first share.
    shared = min((len(line) - len(line.lstrip(" ")) for line in rest if line), default=0)
    indented = "\n".join((pad + line[shared:]) if line else "" for line in rest)
    return f'"""{first}\n{indented}\n{pad}"""'


@functools.lru_cache(maxsize=1 << 14)
def black_docstring(text: str | None, indent: int = 0) -> str:
    """`docstring(indent)` as black leaves it: a one-line docstring keeps its closing quotes on
    its line whatever its length, and a quote just inside the triple quotes gets a space. Text
    that fits only without its quotes is wrapped shorter, so that no line is too long."""
    closing = "\n" + " " * indent + '"""'
    written = docstring(text, indent)
    if written.count("\n") == 1 and written.endswith(closing):
        written = docstring(text, indent, 82)
        first, _, rest = written.partition("\n")
        if "\n" + rest == closing:
            written = first + '"""'
    if "\n" not in written and len(written) > 6 and written[-4] == '"':
        written = written[:-3] + ' """'
    if written.startswith('""""'):
        written = '""" ' + written[3:]
    return written


# The characters textwrap turns into spaces (a line holding one takes the slow path).
_TEXTWRAP_SPACE = re.compile("[\t\n\x0b\x0c\r]")


def _wrapped(body: str, width: int) -> str:
    """`body`'s paragraphs wrapped to `width`, each line's own indentation kept."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", body)]
    wrapped = []
    for paragraph in paragraphs:
        lines = []
        for line in paragraph.split("\n"):
            stripped = line.lstrip(" ")
            # Keep a line's own indentation (a Google-style `Args:` entry), wrap under it.
            lead = " " * min(len(line) - len(stripped), 12)
            text = stripped.rstrip()
            if len(lead) + len(text) <= width and not _TEXTWRAP_SPACE.search(text):
                # What textwrap gives a line that fits, without building a TextWrapper (most
                # lines of a big spec's docstrings fit, and there are hundreds of thousands).
                lines.append(lead + text if text else "")
                continue
            lines.extend(_wrapped_line(lead, text, width))
        wrapped.append("\n".join(lines))
    return "\n\n".join(wrapped)


# The same long line recurs in every operation's docstring (the per-call options, the errors
# raised): a big spec wraps it once, not tens of thousands of times.
@functools.lru_cache(maxsize=1 << 12)
def _wrapped_line(lead: str, text: str, width: int) -> tuple[str, ...]:
    """One line wrapped to `width` under its indentation `lead`, continuation lines 4 further."""
    return tuple(
        textwrap.wrap(
            text,
            width=width,
            initial_indent=lead,
            subsequent_indent=lead + ("    " if lead else ""),
            break_long_words=False,
            break_on_hyphens=False,
        )
        or [""]
    )


def doc_inline(text: str | None) -> str:
    """Text for the inside of a docstring the template opened: one line (every kind of line
    break becomes a space), backslashes doubled, controls escaped, and every double quote
    escaped, so nothing can close the docstring or form an escape sequence."""
    line = " ".join(_normalise_lines(text or "").split("\n")).strip()
    return _escape_invisible(line, backslashes=True).replace('"', '\\"')


def comment(text: str | None) -> str:
    """Text for after `# `: every kind of line break starts a new `# ` line, controls escaped."""
    lines = _normalise_lines(text or "").strip().split("\n")
    return "\n# ".join(_escape_invisible(line).rstrip() for line in lines)


def tomlstr(text: str) -> str:
    """A TOML basic string (double-quoted), with every control character escaped."""
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif not char.isprintable() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def metadata_line(text: object) -> str:
    """One line of text for a single-line package metadata field (`description`, `name`,
    `version`, ... of pyproject.toml; print it through `tomlstr` too). Every line break and
    control character becomes a space, runs of spaces become one, the ends are stripped: a
    TOML escape such as `\\r` decodes back to a real line break, which setuptools copies into
    PKG-INFO, where it would start a header of its own (`Requires-Dist: evil-pkg`). None is ""."""
    line = "" if text is None else str(text)
    if not _PLAIN_ASCII_LINE.match(line):
        line = "".join(" " if _breaks_metadata(char) else char for char in line)
    return " ".join(line.split())


_PLAIN_ASCII_LINE = re.compile(r"[ -~]*\Z")


def _breaks_metadata(char: str) -> bool:
    # Cc: C0/C1 controls (\r, \n, \x0b, \x0c, \x85, ...), Zl/Zp: U+2028/U+2029, Cs: a lone
    # surrogate, which cannot be written as UTF-8 at all.
    return char.isspace() or unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs")


def markdown(text: str | None) -> str:
    """Prose for a Markdown paragraph: `&`, `<`, `>`, `[` and `]` become entities (no HTML,
    links or images), every kind of line break becomes `\n`, lines are kept, and a code
    fence the text opens is closed at its end (else the rest of the document would be code).
    Only for a paragraph of its own: in a heading, list item or table cell use
    `markdown_inline`."""
    cleaned = _escape_invisible(_normalise_lines(text or "").strip())
    cleaned = cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # No links or images (a tracking pixel in a package's README): brackets are literal.
    cleaned = cleaned.replace("[", "&#91;").replace("]", "&#93;")
    fence = _open_fence(cleaned)
    return cleaned if fence is None else f"{cleaned}\n{fence}"


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")


def _open_fence(text: str) -> str | None:
    """The fence a CommonMark reader would still be inside of at the end of `text`, or None.

    A fence opens with three or more backticks or tildes (at most three spaces in); it closes
    at a line of the same character, at least as long, and nothing else but spaces.
    """
    open_fence: str | None = None
    for line in text.split("\n"):
        found = _FENCE.fullmatch(line)
        if found is None:
            continue
        marker, rest = found.groups()
        if open_fence is None:
            # A backtick fence's info string may not hold a backtick; then it is no fence.
            if not (marker[0] == "`" and "`" in rest):
                open_fence = marker
        elif marker[0] == open_fence[0] and len(marker) >= len(open_fence) and not rest.strip():
            open_fence = None
    return open_fence


_MARKDOWN_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|#<>~!])")


def markdown_inline(text: object) -> str:
    """Text for one line of Markdown (a heading, a list item, a table cell): line breaks
    become spaces, and every character Markdown or HTML could read as markup (`\\` `` ` ``
    `*` `_` `[` `]` `|` `#` `<` `>` `~` `!`) is backslash-escaped, `&` becomes `&amp;`. None is
    ""; a number or boolean is printed as Python prints it."""
    line = "" if text is None else str(text)
    line = " ".join(_normalise_lines(line).split("\n")).strip()
    line = _escape_invisible(line).replace("&", "&amp;")
    return _MARKDOWN_INLINE_SPECIAL.sub(r"\\\1", line)


def markdown_code(text: object) -> str:
    """An inline code span (`` ` value ` ``, padded with a space each side) that backticks in
    the text cannot close early; line breaks become spaces. None is an empty span; a number
    or boolean is printed as Python prints it (`EnumMember.value` may be an int)."""
    shown = "" if text is None else str(text)
    cleaned = _escape_invisible(_normalise_lines(shown)).replace("\n", " ")
    fence = "`"
    while fence in cleaned:
        fence += "`"
    return f"{fence} {cleaned} {fence}"


def import_order(names: Iterable[str]) -> list[str]:
    """Names for a `from m import (...)` list, in the order isort (ruff I001) wants."""
    return sorted(names, key=naming.import_sort_key)


def snake(text: str) -> str:
    """`text` in snake_case (`PetStore` → `pet_store`), for a name a template derives itself.

    The IR's names are final and unique; a derived one is not checked against keywords or
    other names.
    """
    return naming.snake_case(text)


def pascal(text: str) -> str:
    """`text` in PascalCase (`pet_store` → `PetStore`), for a name a template derives itself.

    The IR's names are final and unique; a derived one is not checked against other names.
    """
    return naming.pascal_case(text)


FILTERS = {
    "import_order": import_order,
    "pyrepr": pyrepr,
    "docstring": docstring,
    "black_docstring": black_docstring,
    "comment": comment,
    "doc_inline": doc_inline,
    "tomlstr": tomlstr,
    "metadata_line": metadata_line,
    "markdown": markdown,
    "markdown_code": markdown_code,
    "markdown_inline": markdown_inline,
    "snake": snake,
    "pascal": pascal,
}
