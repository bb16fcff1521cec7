"""Run in a fresh interpreter by tests/property/test_fuzz.py: import each generated package and check
every model's round trip with the package's own Hypothesis strategies.

Usage: python fuzz_check.py PLAN.json, where the plan maps each package (importable from
PYTHONPATH) to its models as [class, strategy, JSON strategy]. Prints `ok` and exits 0 when every
package imports and every model survives `from_dict(to_dict(x)) == x` and
`from_dict(to_dict(from_dict(j))) == from_dict(j)` for JSON drawn from its schema.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

SETTINGS = settings(
    max_examples=10,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def check(package_name: str, models: list[list[str]]) -> None:
    package = importlib.import_module(package_name)
    importlib.import_module(package_name + ".client")
    strategies = importlib.import_module(package_name + ".strategies")
    for class_name, strategy_name, json_strategy_name in models:
        model = getattr(package, class_name)
        _round_trip(
            model, getattr(strategies, strategy_name)(), getattr(strategies, json_strategy_name)()
        )


def _round_trip(model: Any, instances: Any, wires: Any) -> None:
    @SETTINGS
    @given(instances, wires)
    def round_trip(instance: Any, wire: Any) -> None:
        assert model.from_dict(instance.to_dict()) == instance, model
        # JSON may spell a value in several ways (times, numbers); the decoded value is what
        # must survive, and the JSON written for it must decode to the same value.
        decoded = model.from_dict(wire)
        assert model.from_dict(decoded.to_dict()) == decoded, (model, wire)

    round_trip()

if __name__ == "__main__":
    plan = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    for package_name, models in plan.items():
        check(package_name, models)
    print("ok")
