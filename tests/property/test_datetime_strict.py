"""Date-times are read exactly as RFC 3339 says on every path: `parse_datetime` (its
`fromisoformat` shortcut and its regex) and the inline fast path of `from_dict`, which hands
`datetime.fromisoformat` only strings laid out as RFC 3339 in UTC. Each is compared with an
independent strict reader (tests/support/datetime_cases.py) on strings built to slip past that layout
test: everything that 3.11's `fromisoformat` reads beyond RFC 3339, and mutations of valid text.
"""

from __future__ import annotations

import random
from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import datetime_cases
from support.tools import GeneratedPackage


@pytest.fixture()
def face(generated_packages: dict[str, GeneratedPackage]) -> GeneratedPackage:
    return generated_packages["face"]


def _check(face: GeneratedPackage, text: str) -> None:
    datetime_cases.check(face.runtime, face.models, text)


def test_every_deterministic_case(face: GeneratedPackage) -> None:
    checked = 0
    for text in datetime_cases.exhaustive():
        _check(face, text)
        checked += 1
    assert checked > 40000


def test_seeded_random_cases(face: GeneratedPackage) -> None:
    rng = random.Random(2)
    for text in datetime_cases.iso_forms(rng, 5000):
        _check(face, text)
    for text in datetime_cases.mutations(rng, 5000):
        _check(face, text)


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05T11:07:58.Z",  # an empty fraction
        "2024-03-05T11:07:58xZ",  # any character between the seconds and the Z
        "2024-03-05T11:07:58 Z",
        "2024-03-05T11:07:58.1234567xZ",  # text after a long fraction
        "2024-03-05T11:07:58.1234567\u0663Z",  # a non-ASCII digit there
        "2024-03-05T11:07:58Z\x00",  # a NUL after the Z
        "2024-03-05T11:07:58.3Z\x00Z",
        "2024-03-05T11:07:Z\x008Z",  # a Z and a NUL end the time early
        "2024-03-05T11:07.123Z",  # a fraction after the minutes
        "2024-03-05T11:07:58+01:75",  # an offset minute past 59
        "2024-03-05T24:00:00Z",  # 3.14's fromisoformat reads it as the next midnight
        "2024-03-05\ud80011:07:58Z",  # a lone surrogate separator, which 3.11 reads as T
    ],
)
def test_forms_fromisoformat_reads_are_refused(face: GeneratedPackage, text: str) -> None:
    assert datetime_cases.reference(text) is None
    _check(face, text)


def test_long_fractions_are_read(face: GeneratedPackage) -> None:
    text = "2024-03-05T11:07:58.3710009Z"  # .NET's seven digits
    expected = datetime(2024, 3, 5, 11, 7, 58, 371000, timezone.utc)
    assert face.runtime.parse_datetime(text) == expected
    _check(face, text)


@st.composite
def mutated(draw: Any) -> str:
    """Valid RFC 3339 text with a few characters replaced, inserted or removed."""
    text = list(draw(st.sampled_from(datetime_cases.BASES)))
    pieces = st.sampled_from(tuple(datetime_cases.ALPHABET) + datetime_cases.TOKENS)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(("replace", "insert", "delete")))
        if op == "replace" and index < len(text):
            text[index] = draw(pieces)
        elif op == "insert":
            text.insert(index, draw(pieces))
        elif index < len(text):
            del text[index]
    return "".join(text)


@given(text=mutated())
def test_mutated_text(generated_packages: dict[str, GeneratedPackage], text: str) -> None:
    _check(generated_packages["face"], text)


@given(text=st.text(alphabet=datetime_cases.ALPHABET, min_size=15, max_size=34))
def test_text_from_the_alphabet(generated_packages: dict[str, GeneratedPackage], text: str) -> None:
    _check(generated_packages["face"], text)


@given(
    value=st.datetimes(timezones=st.just(timezone.utc)),
    digits=st.integers(0, 9),
    zulu=st.sampled_from("Zz"),
    separator=st.sampled_from("Tt"),
)
def test_valid_text_is_read(
    generated_packages: dict[str, GeneratedPackage],
    value: datetime,
    digits: int,
    zulu: str,
    separator: str,
) -> None:
    if value.year < 1000:
        value = value.replace(year=1000 + value.year)
    text = value.strftime(f"%Y-%m-%d{separator}%H:%M:%S")
    if digits:
        text += "." + f"{value.microsecond:06d}{'0' * 9}"[:digits]
    text += zulu
    assert datetime_cases.reference(text) is not None
    _check(generated_packages["face"], text)
