"""Hypothesis strategies for every model of Aquarium.

For each model there are two: `<model>()` draws instances, and `<model>_json()` draws
JSON values that are valid against the model's schema (formats and constraints included).
Use them to fuzz code that consumes this API. Needs `hypothesis`, which the package does
not otherwise import.
"""

# ruff: noqa: F401
# (A part of a split module imports the shared names whether its models use them or not.)

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any, TypeVar

from hypothesis import reject
from hypothesis import strategies as st

from .._runtime import UNSET, Unset, to_wire_as
from ..errors import DeserializationError
from ..models import (
    Tank,
    _decode_union_Cat_or_Dog,
    _encode_union_Cat_or_Dog,
)
from ._support import (
    _MAX_DEPTH,
    _MAX_SIZE,
    E,
    T,
    _as_json,
    _aware_datetimes,
    _datetime_texts,
    _decimals,
    _dicts,
    _enum_allowed,
    _enum_json,
    _enum_members,
    _extras,
    _float_durations,
    _floats,
    _integers,
    _json_values,
    _lists,
    _optional,
    _or_absent,
    _or_none,
    _present,
    _read_once,
    _tag_instance,
    _tag_json,
    _text,
    _told_apart,
    _untagged,
    _untagged_json,
    _when_shallow,
    _whole_second_datetimes,
    _with_extras,
)


def tank(depth: int = 0) -> st.SearchStrategy[Tank]:
    """Instances of Tank."""
    return st.builds(
        Tank,
        resident=_optional(
            depth,
            _told_apart(
                st.one_of(
                    st.deferred(lambda: cat(depth + 1)),
                    st.deferred(lambda: dog(depth + 1)),
                ),
                _decode_union_Cat_or_Dog,
                _encode_union_Cat_or_Dog,
            ),
        ),
        ratings=_optional(depth, st.deferred(lambda: derived_ratings(depth + 1))),
        fish=_optional(depth, _lists(depth, st.deferred(lambda: fish(depth + 1)))),
    )


def tank_json(depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """JSON values valid against the schema of Tank."""
    return st.fixed_dictionaries(
        {},
        optional=_when_shallow(
            depth,
            {
                "resident": st.one_of(
                    st.deferred(lambda: cat_json(depth + 1)),
                    st.deferred(lambda: dog_json(depth + 1)),
                ),
                "ratings": st.deferred(lambda: derived_ratings_json(depth + 1)),
                "fish": _lists(depth, st.deferred(lambda: fish_json(depth + 1))),
            },
        ),
    )


# The strategies of the other parts' models, imported once this part's own are defined.
from ._part_c import (
    cat,
    cat_json,
)
from ._part_de import (
    derived_ratings,
    derived_ratings_json,
)
from ._part_do import (
    dog,
    dog_json,
)
from ._part_f import (
    fish,
    fish_json,
)
