"""Derive the blocking runtime modules from their asyncio sources, as httpcore does with its
scripts/unasync.py: line by line, whole-token substitutions (`async def` → `def`, `await ` →
nothing, `AsyncPipeline` → `Pipeline`, ...), so each pipeline and poller is written once.

`python -m generator.runtime.unasync` rewrites every derived module; `--check` writes
nothing and exits 1 when one is stale (tests/unit/runtime/test_runtime_source.py runs it too). What
differs between the two beyond these tokens stays in hooks named `NAME_async` / `NAME`
that the sources call (the deadline: asyncio's cancellation or the blocking watchdog, in
`_calls.py`); the substitutions only pick the hook.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

RUNTIME_DIR = Path(__file__).resolve().parent

PAIRS = (
    ("_async_pipeline.py", "_sync_pipeline.py"),
    ("_async_poller.py", "_sync_poller.py"),
    ("_async_streams.py", "_sync_streams.py"),
    ("_async_paging.py", "_sync_paging.py"),
)
"""(asyncio source, derived blocking module), in this directory."""

HEADER = (
    "# Derived from {source} by `python -m generator.runtime.unasync`: edit that.\n"
)
"""The derived module's first line: what it is made from and how."""

DROPPED_LINES = frozenset({"import asyncio"})
"""Source lines the blocking module leaves out, indented or not (its sleep is time.sleep)."""

SUBSTITUTIONS = (
    (r"\basync def\b", "def"),
    (r"\basync for\b", "for"),
    (r"\basync with\b", "with"),
    (r"\banext\(", "next("),
    (r"\bStopAsyncIteration\b", "StopIteration"),
    (r"\b__a(iter|next|enter|exit)__\b", r"__\1__"),
    (r"\bawait ", ""),
    (r"\basyncio\.sleep\b", "time.sleep"),
    (r"\bAwaitable\[([^\[\]]*)\]", r"\1"),
    (r"\bAwaitable, ", ""),
    (r"\.aclose\(", ".close("),
    (r"\.aiter_(raw|bytes)\(", r".iter_\1("),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\b(\w+)_async\b", r"\1"),
    (r"\(asyncio\)", "(blocking)"),
    (r"\bone task at a time\b", "one thread at a time"),
)
"""(regular expression, replacement), applied in this order to each line. Each must be
used by some source: one that none uses is an error, so the table cannot go stale."""

_COMPILED = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in SUBSTITUTIONS
)


def unasync_line(line: str, used: set[int]) -> str:
    """`line` with every substitution applied; the index of each one that changed it goes
    into `used`."""
    for index, (pattern, replacement) in enumerate(_COMPILED):
        changed = pattern.sub(replacement, line)
        if changed != line:
            used.add(index)
            line = changed
    return line


def unasync_text(source_name: str, text: str, used: set[int]) -> str:
    """The blocking module derived from the asyncio source `text`."""
    lines = [HEADER.format(source=source_name)]
    for line in text.splitlines(keepends=True):
        if line.strip() in DROPPED_LINES:
            continue
        lines.append(unasync_line(line, used))
    return "".join(lines)


def derived_modules(directory: Path = RUNTIME_DIR) -> dict[str, str]:
    """Derived file name → its text, from the sources in `directory`."""
    used: set[int] = set()
    derived = {}
    for source, target in PAIRS:
        text = (directory / source).read_text(encoding="utf-8")
        derived[target] = unasync_text(source, text, used)
    unused = [
        SUBSTITUTIONS[index][0]
        for index in range(len(SUBSTITUTIONS))
        if index not in used
    ]
    if unused:
        raise ValueError(
            f"substitutions no source uses (remove them): {', '.join(unused)}"
        )
    return derived


def stale_modules(directory: Path = RUNTIME_DIR) -> list[str]:
    """The derived modules whose file is not what their source derives to."""
    stale = []
    for name, text in derived_modules(directory).items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.runtime.unasync",
        description="Derive the blocking runtime modules from their asyncio sources.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a module is stale",
    )
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_modules()
        for name in stale:
            print(
                f"{RUNTIME_DIR / name} is stale: run `python -m generator.runtime.unasync`"
            )
        return 1 if stale else 0
    for name, text in derived_modules().items():
        path = RUNTIME_DIR / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
