"""Adversarial date-time strings, an independent strict RFC 3339 reader, and the check that a
generated package reads every string exactly as that reader does (tests/property/test_datetime_strict.py).

From Python 3.11 `datetime.fromisoformat` reads far more than RFC 3339: basic and week dates,
any separator character, times without seconds, fractions after the hours or minutes, `,`
fractions, `+0100` and `+01` offsets, offsets with seconds, an empty fraction (`58.Z`), any text
between a long fraction and the `Z`, NULs after the `Z`, a lone surrogate as the separator. The
generated code hands it only strings laid out as RFC 3339 in UTC; these cases try to slip
everything else past that test.

Standard library only, so that it also runs under interpreters without the test dependencies:
`python tests/support/datetime_cases.py [--count N] [PACKAGE_DIR]` checks the committed Face client (or
the package in PACKAGE_DIR, which must have a `TrainingResult` model) with the deterministic
cases and N seeded random ones of each kind (20000), and prints how many strings it checked.
"""

from __future__ import annotations

import importlib
import random
import re
import sys
import types
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

_RFC3339 = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]+))?(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))"
)


def reference(text: str) -> datetime | None:
    """RFC 3339 section 5.6 `date-time`, or None: hours 00-23, minutes and seconds 00-59 (a
    datetime cannot hold a leap second), offsets within a day, fractions truncated to
    microseconds."""
    match = _RFC3339.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = match.groups()
    if zulu:
        zone = timezone.utc
    elif int(off_h) > 23 or int(off_m) > 59:
        return None
    else:
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        zone = timezone(-offset if sign == "-" else offset)
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int((fraction or "0")[:6].ljust(6, "0")),
            zone,
        )
    except ValueError:
        return None


# Characters that fromisoformat treats specially, and ones that look like them: separators,
# signs, the week marker, NUL, non-ASCII digits (2- and 4-byte UTF-8), a lone surrogate.
ALPHABET = "0123456789-T:.Z,tz+ W_x/\x00\n\u00e9\u0663\uff12\u00b2\U0001d7d8\u2010\uff1a\ud800"

BASES = (
    "2024-03-05T11:07:58Z",
    "2024-03-05T11:07:58.3Z",
    "2024-03-05T11:07:58.37Z",
    "2024-03-05T11:07:58.371Z",
    "2024-03-05T11:07:58.3710Z",
    "2024-03-05T11:07:58.37100Z",
    "2024-03-05T11:07:58.371000Z",
    "2024-03-05T11:07:58.3710000Z",
    "2024-03-05T11:07:58.371000000Z",
    "2024-03-05T11:07:58+01:00",
    "2024-03-05T11:07:58.371-08:00",
)

# fromisoformat ends its reading at a `Z` followed by a NUL, whatever comes after.
TOKENS = ("Z\x00", "Z\x00Z", "Z\x009", "\x00Z", "+00", "-00:00", ".5", ",5", "Zz")

_TWO = ("00", "01", "05", "09", "10", "12", "13", "19", "23", "24", "29", "30", "31", "59", "60")


def exhaustive() -> Iterator[str]:
    """Every single-character substitution, insertion and deletion of each base; every pair of
    substitutions at the positions the layout fixes; the ISO 8601 forms fromisoformat reads."""
    for base in BASES:
        yield base
        for index in range(len(base) + 1):
            if index < len(base):
                yield base[:index] + base[index + 1 :]
            for char in ALPHABET:
                if index < len(base):
                    yield base[:index] + char + base[index + 1 :]
                yield base[:index] + char + base[index:]
        fixed = [i for i, c in enumerate(base) if not c.isdigit()]
        for first in fixed:
            for second in fixed:
                if first < second:
                    for a in "-T:.Z, \x00":
                        for b in "-T:.Z, \x00":
                            text = list(base)
                            text[first], text[second] = a, b
                            yield "".join(text)
        for index in range(len(base)):
            for token in TOKENS:
                yield base[:index] + token + base[index + len(token) :]
                yield base[:index] + token + base[index:]
        for tail in ("\x00", "Z", "\x00Z", "\x00\x00", "x", " ", "00", "+00:00"):
            yield base + tail
    yield from iso_forms(random.Random(0), 3000)


def iso_forms(rng: random.Random, count: int) -> Iterator[str]:
    """Strings built from the grammar fromisoformat (3.11+) reads, with odd pieces mixed in."""

    def two() -> str:
        return rng.choice(_TWO) if rng.random() < 0.8 else f"{rng.randrange(100):02d}"

    for _ in range(count):
        year = rng.choice(("2024", "0000", "0001", "9999", "1999"))
        date = rng.choice(
            (
                f"{year}-{two()}-{two()}",
                f"{year}{two()}{two()}",
                f"{year}-W{two()}-{rng.randrange(10)}",
                f"{year}W{two()}{rng.randrange(10)}",
                f"{year}-W{two()}",
                f"{year}W{two()}",
                f"{year}-{rng.randrange(1000):03d}",
            )
        )
        separator = rng.choice("TTTTt " + ALPHABET)
        colon = rng.choice((":", ":", ":", ""))
        time = rng.choice(
            (
                two(),
                f"{two()}{colon}{two()}",
                f"{two()}{colon}{two()}{colon}{two()}",
                f"{two()}{colon}{two()}{rng.choice(ALPHABET)}{two()}",
            )
        )
        if rng.random() < 0.6:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(13)))
            junk = rng.choice(("",) * 6 + tuple(ALPHABET))
            time += rng.choice("..,") + digits + junk
        zone = rng.choice(
            (
                "Z",
                "Z",
                "z",
                "",
                f"+{two()}",
                f"-{two()}{two()}",
                f"+{two()}:{two()}",
                f"-{two()}:{two()}",
                f"+{two()}:{two()}:{two()}",
                f"+{two()}:{two()}:{two()}.{rng.randrange(10**6):06d}",
            )
        )
        tail = rng.choice(("",) * 8 + ("\x00", "Z", "\x00Z", " ", "x"))
        yield date + separator + time + zone + tail


def mutations(rng: random.Random, count: int) -> Iterator[str]:
    """Valid RFC 3339 strings with a few random substitutions, insertions and deletions."""
    for _ in range(count):
        text = list(rng.choice(BASES))
        for _ in range(rng.randrange(1, 5)):
            index = rng.randrange(len(text) + 1)
            op = rng.randrange(3)
            if op == 0 and index < len(text):
                text[index] = rng.choice(ALPHABET)
            elif op == 1:
                text.insert(index, rng.choice(tuple(ALPHABET) + TOKENS))
            elif index < len(text):
                del text[index]
        yield "".join(text)


def check(runtime: Any, models: Any, text: str) -> None:
    """`text` is read exactly as `reference` reads it: by `parse_datetime` on both of its paths,
    and by `TrainingResult.from_dict` (its fast path, or the careful one, which names the
    field) in a required and a nullable field. Raises AssertionError otherwise."""
    expected = reference(text)
    fast = runtime._FAST_ISOFORMAT
    try:
        for shortcut in (fast, False):
            runtime._FAST_ISOFORMAT = shortcut
            try:
                got = runtime.parse_datetime(text)
            except runtime.DeserializationError:
                assert expected is None, (text, shortcut, "refused")
            else:
                _same(got, expected, text)
    finally:
        runtime._FAST_ISOFORMAT = fast
    body = {
        "status": "running",
        "createdDateTime": text,
        "lastActionDateTime": text,
        "lastSuccessfulTrainingDateTime": "2024-03-05T11:09:12Z",
    }
    try:
        result = models.TrainingResult.from_dict(body)
    except runtime.DeserializationError as exc:
        assert expected is None, (text, "from_dict refused")
        assert str(exc).startswith("TrainingResult.createdDateTime: "), str(exc)
    else:
        _same(result.created_date_time, expected, text)
        _same(result.last_action_date_time, expected, text)


def _same(got: object, expected: datetime | None, text: str) -> None:
    assert expected is not None, (text, "accepted", got)
    assert type(got) is datetime, (text, type(got))
    assert got == expected and got.utcoffset() == expected.utcoffset(), (text, got, expected)
    assert (got.year, got.microsecond, got.fold) == (
        expected.year,
        expected.microsecond,
        expected.fold,
    ), (text, got, expected)


def main(argv: list[str]) -> int:
    count = 20000
    if argv[:1] == ["--count"]:
        count, argv = int(argv[1]), argv[2:]
    root = Path(__file__).resolve().parents[2]
    package_dir = Path(argv[0]) if argv else root / "generated" / "face_client" / "face_client"
    # The package's __init__ imports the client (httpx); load only its models and runtime.
    package = types.ModuleType(package_dir.name)
    package.__path__ = [str(package_dir)]
    sys.modules[package_dir.name] = package
    runtime = importlib.import_module(package_dir.name + "._runtime")
    models = importlib.import_module(package_dir.name + ".models")
    rng = random.Random(1)
    checked = 0
    for cases in (exhaustive(), iso_forms(rng, count), mutations(rng, count)):
        for text in cases:
            check(runtime, models, text)
            checked += 1
    print(f"Python {sys.version.split()[0]}: {checked} strings read as RFC 3339 says")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
