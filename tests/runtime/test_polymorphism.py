"""Polymorphism over real HTTP (issue 19): each body shape of Spector's inheritance, union and
additional-properties scenarios decodes to the right class and goes back on the wire exactly.

The package comes from tests/specs/polymorphism.yaml: `Fish` with a discriminator whose
subtypes `Shark` (with its own `sharktype` discriminator: `GoblinShark` by mapping, `SawShark`
by schema name) and a recursive `Salmon`; two unions of `Cat | Dog` told apart by `kind` and by
`type`; an `anyOf` of the two; a record extended through allOf.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from support.client_kit import client_of
from support.echo import EchoServer, Reply
from support.tools import GeneratedPackage

# Spector's type/model/inheritance/nested-discriminator recursive body, in this spec's names.
RECURSIVE = {
    "age": 1,
    "kind": "salmon",
    "partner": {"age": 2, "kind": "shark", "sharktype": "SawShark"},
    "friends": [
        {"age": 2, "kind": "salmon", "partner": {"age": 3, "kind": "salmon"}},
        {"age": 3, "kind": "shark", "sharktype": "goblin", "jawLength": 4},
    ],
}


@pytest.fixture(scope="module")
def aquarium(generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages["polymorphism"].module


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


@pytest.fixture
def client(aquarium: Any, server: EchoServer, flavour: str) -> Iterator[Any]:
    with client_of(aquarium, flavour, base_url=server.url, backoff_factor=0.001) as c:
        yield c


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"age": 1, "kind": "shark", "sharktype": "goblin", "jawLength": 2}, "GoblinShark"),
        ({"age": 1, "kind": "shark", "sharktype": "SawShark"}, "SawShark"),
        ({"age": 1, "kind": "shark", "sharktype": "tiger"}, "Shark"),
        ({"age": 1, "kind": "salmon"}, "Salmon"),
        ({"age": 1}, "Fish"),  # no discriminator: the base, which is a concrete model
        ({"age": 1, "kind": "wrongKind"}, "Fish"),  # an unknown value is kept
        (RECURSIVE, "Salmon"),
    ],
)
def test_a_base_model_decodes_as_the_subtype_the_body_names(
    aquarium: Any, client: Any, server: EchoServer, body: dict[str, Any], expected: str
) -> None:
    server.reply(Reply.json(body), Reply(204))
    fish = client.get_fish()
    assert type(fish) is getattr(aquarium, expected)
    assert isinstance(fish, aquarium.Fish)
    assert fish.to_dict() == body
    client.put_fish(fish)
    assert server.last.json() == body


def test_the_recursive_body_keeps_its_subtypes_at_every_depth(
    aquarium: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply.json(RECURSIVE))
    salmon = client.get_fish()
    assert type(salmon.partner) is aquarium.SawShark
    assert [type(f) for f in salmon.friends] == [aquarium.Salmon, aquarium.GoblinShark]
    assert salmon.friends[1].jaw_length == 4


@pytest.mark.parametrize("operation", ["pet_by_kind", "pet_by_type"])
def test_unions_told_apart_by_different_properties_each_read_their_own(
    aquarium: Any, client: Any, server: EchoServer, operation: str
) -> None:
    tag = "kind" if operation == "pet_by_kind" else "type"
    for value, cls in (("cat", aquarium.Cat), ("dog", aquarium.Dog)):
        body = {tag: value, "name": "Whiskers", **({"bark": True} if value == "dog" else {})}
        server.reply(Reply.json(body), Reply(204))
        pet = getattr(client, "get_" + operation)()
        assert type(pet) is cls
        # Cat and Dog do not declare the discriminator; it is written all the same.
        getattr(client, "put_" + operation)(pet)
        assert server.last.json() == body
    other = "type" if tag == "kind" else "kind"
    server.reply(Reply.json({other: "cat", "name": "Whiskers"}))
    with pytest.raises(aquarium.DeserializationError):
        getattr(client, "get_" + operation)()


def test_any_of_decodes_as_the_best_fit_and_records_keep_their_extra_keys(
    aquarium: Any, client: Any, server: EchoServer
) -> None:
    body = {
        # Cat reads this too (its only required property is name), and would drop bark.
        "resident": {"name": "Rex", "bark": True},
        "ratings": {"name": "stars", "average": 4.5, "food": 5.0, "water": 4.0},
    }
    server.reply(Reply.json(body))
    tank = client.get_tank()
    assert type(tank.resident) is aquarium.Dog
    assert tank.ratings.additional_properties == {"food": 5.0, "water": 4.0}
    assert tank.to_dict() == body
    server.reply(Reply.json({"resident": {"name": "Tom", "meow": True}}))
    assert type(client.get_tank().resident) is aquarium.Cat


def test_a_derived_record_takes_its_extra_keys_in_the_constructor(aquarium: Any) -> None:
    ratings = aquarium.DerivedRatings(name="n", additional_properties={"x": 1.5})
    assert ratings.to_dict() == {"name": "n", "x": 1.5}
    assert aquarium.DerivedRatings.from_dict(ratings.to_dict()) == ratings


def test_best_fit_prefers_fewer_lost_keys_then_more_declared_ones_then_the_first(
    generated_packages: dict[str, GeneratedPackage],
) -> None:
    pkg = generated_packages["polymorphism"]
    best_fit, models = pkg.runtime.best_fit, pkg.models
    dog = {"name": "Rex", "bark": True}
    # Cat reads it too but loses `bark`; Dog keeps every key.
    assert type(best_fit(dog, ((True, models.Cat.from_dict), (True, models.Dog.from_dict)))) is (
        models.Dog
    )
    # A reader not admitted (its guard failed) is not tried; none left reads it: None.
    assert best_fit(dog, ((False, models.Dog.from_dict),)) is None
    # An open model loses nothing but declares fewer of the keys than DerivedRatings.
    ratings = {"name": "n", "average": 1.5}
    found = best_fit(
        ratings, ((True, models.Ratings.from_dict), (True, models.DerivedRatings.from_dict))
    )
    assert type(found) is models.DerivedRatings
    # A tie goes to the first reader.
    cat = {"name": "Tom"}
    for first, second in ((models.Cat, models.Ratings), (models.Ratings, models.Cat)):
        found = best_fit(cat, ((True, first.from_dict), (True, second.from_dict)))
        assert type(found) is first
