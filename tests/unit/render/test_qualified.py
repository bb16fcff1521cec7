"""The names a module of a split package reads through a sibling package are spelled
`_models.Pet` in its code and annotations, and nowhere else (render/qualified.py)."""

from __future__ import annotations

import pytest

from generator.render.qualified import qualify

SPELLED = {"Pet": "_models.Pet", "_decode_list_Pet": "_models._decode_list_Pet"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("owner: Pet | None = UNSET\n", "owner: _models.Pet | None = UNSET\n"),
        ("return Pet.from_dict(value)\n", "return _models.Pet.from_dict(value)\n"),
        ("if isinstance(value, Pet):\n", "if isinstance(value, _models.Pet):\n"),
        ("_r = _decode_list_Pet(_r)\n", "_r = _models._decode_list_Pet(_r)\n"),
        ("x: list[Pet] = [Pet()]\n", "x: list[_models.Pet] = [_models.Pet()]\n"),
    ],
)
def test_a_name_in_code_is_spelled_through_its_package(source: str, expected: str) -> None:
    assert qualify(source, SPELLED) == expected


@pytest.mark.parametrize(
    "source",
    [
        '"""A Pet, as the store sells it: see `Pet`."""\n',
        "'''Pet'''\n",
        'tag == "Pet"\n',
        "fail('Pet', value)\n",
        'b"Pet" + rb"Pet" + f"Pet"\n',
        '"say \\"Pet\\" twice"\n',
        '"""quoted \\""" Pet"""\n',
        "# a Pet's owner\n",
        "value.Pet\n",
        "PetKind | Petal | MyPet | Pet_\n",
        "pet = 1\n",
    ],
)
def test_strings_comments_attributes_and_other_names_are_left_alone(source: str) -> None:
    assert qualify(source, SPELLED) == source


def test_code_after_a_docstring_or_comment_is_still_rewritten() -> None:
    source = '"""Pet."""\n# Pet\nx = Pet  # Pet\ny = "Pet" + str(Pet)\n'
    expected = '"""Pet."""\n# Pet\nx = _models.Pet  # Pet\ny = "Pet" + str(_models.Pet)\n'
    assert qualify(source, SPELLED) == expected


def test_nothing_to_spell_leaves_the_text_as_it_is() -> None:
    source = "x: Pet = Pet()\n"
    assert qualify(source, {}) is source
