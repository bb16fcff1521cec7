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
from ..enums import (
    GoblinSharkKind,
)
from ..errors import DeserializationError
from ..models import (
    Shark,
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


def shark(depth: int = 0) -> st.SearchStrategy[Shark]:
    """Instances of Shark."""
    own = st.builds(
        Shark,
        age=_integers(bits=32),
        kind=_enum_members(GoblinSharkKind),
        sharktype=_text(),
    )
    return st.one_of(
        own.filter(_untagged("sharktype", "goblin", "SawShark")),
        st.deferred(lambda: goblin_shark(depth + 1)).map(
            _tag_instance("sharktype", "goblin")
        ),
        st.deferred(lambda: saw_shark(depth + 1)).map(
            _tag_instance("sharktype", "SawShark")
        ),
    )


def shark_json(depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """JSON values valid against the schema of Shark."""
    own = st.fixed_dictionaries(
        {
            "age": _integers(bits=32),
            "kind": _enum_json(GoblinSharkKind),
            "sharktype": _text(),
        },
        optional=_when_shallow(
            depth,
            {},
        ),
    )
    return st.one_of(
        own.filter(_untagged_json("sharktype", "goblin", "SawShark")),
        st.deferred(lambda: goblin_shark_json(depth + 1)).map(
            _tag_json("sharktype", "goblin")
        ),
        st.deferred(lambda: saw_shark_json(depth + 1)).map(
            _tag_json("sharktype", "SawShark")
        ),
    )


# The strategies of the other parts' models, imported once this part's own are defined.
from ._part_g import (
    goblin_shark,
    goblin_shark_json,
)
from ._part_saw import (
    saw_shark,
    saw_shark_json,
)
