"""Open enums are part of the declared type (docs/enums.md): `mypy --strict` sees the value a
newer service may send, so an exhaustive `match` over the listed members alone fails, and the
idiom with `case str():` after them passes."""

from __future__ import annotations

from pathlib import Path

from support.tools import GeneratedPackage, mypy_strict, tool_output

_MATCH = '''\
from __future__ import annotations

from typing import NoReturn

from shop import Colour, ReserveHeaders


def assert_never(value: NoReturn) -> NoReturn:  # typing.assert_never from Python 3.11
    raise AssertionError(value)


def describe(headers: ReserveHeaders) -> str:
    state = headers.x_state
    match state:
        case None:
            return "no state"
        case Colour.RED:
            return "stopped"
        case Colour.GREEN | Colour.BLUE:
            return "moving"
{unlisted_case}        case _:
            assert_never(state)  # the line mypy must flag when the unlisted case is missing
'''

_UNLISTED_CASE = '''\
        case str():
            return "new state " + state  # exactly as the service sent it
'''


def test_an_exhaustive_match_must_handle_the_unlisted_value(
    generated_packages: dict[str, GeneratedPackage], tmp_path: Path
) -> None:
    pkg = generated_packages["operations"]
    exhaustive = tmp_path / "exhaustive.py"
    exhaustive.write_text(_MATCH.format(unlisted_case=_UNLISTED_CASE), encoding="utf-8")
    forgetful = tmp_path / "forgetful.py"
    forgetful.write_text(_MATCH.format(unlisted_case=""), encoding="utf-8")
    result = mypy_strict(exhaustive, forgetful, cwd=pkg.root)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, tool_output(result)
    line = forgetful.read_text(encoding="utf-8").splitlines().index(
        "            assert_never(state)  # the line mypy must flag when the unlisted case is"
        " missing"
    ) + 1
    assert errors[0].startswith(f"{forgetful}:{line}: error:"), tool_output(result)
    assert 'incompatible type "str"' in errors[0], errors[0]
