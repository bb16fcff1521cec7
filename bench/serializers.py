"""Serializers in one process: `from_dict` then `to_dict` (the round trip), and `from_dict`
alone, for our generated models against pydantic v2, msgspec and openapi-python-client.

- TrainingResult (our Face spec): ours, pydantic v2 (datamodel-code-generator's models:
  `model_validate`, then `model_dump(by_alias=True, mode="json")`), msgspec (a Struct written
  here to mirror the schema: `msgspec.convert`, then `msgspec.to_builtins`) and
  openapi-python-client's generated `from_dict`/`to_dict`. Payload: bench/fixtures/
  training_result.json (status, three RFC 3339 UTC date-times, one with milliseconds, message).
- Stripe's `charge` (a large nested model: billing details, outcome, card details with checks
  and 3-D Secure, a refund list...): ours, pydantic v2 and openapi-python-client, each
  generated from the Stripe spec. Payload: bench/fixtures/stripe_charge.json, checked against
  the spec's schema first. msgspec is left out of this case: mirroring the charge's reachable
  schemas (hundreds of them, with cycles and untagged unions of objects) by hand is not
  practical.

Every output is compared with the payload before timing: exactly, or after normalising
(date-times compared as instants, null the same as absent). pydantic's plain `model_dump` writes
every absent optional field as null, so it is also timed with `exclude_unset=True`, whose output
is exact. Timing: timeit, loop counts calibrated per callable, repeats interleaved (order rotated
every repeat); the table gives medians in µs and ratios to pydantic v2 and to msgspec.
Targets (issue 6): TrainingResult round trip faster than pydantic (ratio < 1); from_dict within
2x of msgspec's convert; the nested model no slower than pydantic.
"""

from __future__ import annotations

import enum
import importlib
import json
import math
import re
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

try:
    import msgspec
except ImportError:  # reported in the table's notes
    msgspec = None

from _common import BENCH, Context, Section, fmt, fmt_ratio, interleaved_timeit, median, table
from contenders import SPEC_BY_KEY, artifact

FIXTURES = BENCH / "fixtures"


class OperationStatus(enum.Enum):
    NOT_STARTED = "notStarted"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


if msgspec is not None:

    class TrainingResultStruct(msgspec.Struct, rename="camel", kw_only=True):
        """msgspec mirror of the Face spec's TrainingResult."""

        status: OperationStatus
        created_date_time: datetime
        last_action_date_time: datetime | None
        last_successful_training_date_time: datetime
        message: str | None | msgspec.UnsetType = msgspec.UNSET


# --------------------------------------------------------------------------- output checks

_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def normalise(value: Any) -> Any:
    """JSON with date-time strings replaced by datetimes and null-valued keys dropped."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str) and _DATETIME.match(value):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def check(output: Any, payload: Any) -> str:
    """How `output` compares with `payload`: 'exact', 'equal (normalised)' or 'DIFFERENT'."""
    if output == payload:
        return "exact"
    if normalise(output) == normalise(payload):
        return "equal (normalised)"
    return "DIFFERENT"


def _valid_charge(payload: Any) -> str:
    """Validate the charge fixture against the Stripe spec's schema (OpenAPI 3.0 rules; a
    `nullable` beside `anyOf` admits null, as Stripe means it)."""
    from openapi_schema_validator import OAS30Validator

    spec = json.loads(SPEC_BY_KEY["stripe"].path.read_text(encoding="utf-8"))

    def nullable_any_of(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: nullable_any_of(v) for k, v in node.items()}
            if out.get("nullable") and "anyOf" in out and "type" not in out:
                out["anyOf"] = [*out["anyOf"], {"enum": [None]}]
            return out
        return [nullable_any_of(v) for v in node] if isinstance(node, list) else node

    schema = {
        "$ref": "#/components/schemas/charge",
        "components": nullable_any_of(spec["components"]),
    }
    errors = list(OAS30Validator(schema).iter_errors(payload))
    if errors:
        first = errors[0]
        return f"INVALID ({len(errors)} errors; {list(first.absolute_path)}: {first.message[:80]})"
    return "valid against the spec's schema"


# --------------------------------------------------------------------------- contenders


def _load(ctx: Context, generator: str, spec: str, attribute: str) -> tuple[Any, str | None]:
    """The class `attribute` from `generator`'s output for `spec`, or (None, why not)."""
    found = artifact(ctx, generator, spec)
    if found is None:
        return None, "generation failed or not possible here"
    if str(found.path) not in sys.path:
        sys.path.insert(0, str(found.path))
    try:
        *submodules, name = attribute.split(".")
        module = importlib.import_module(".".join([found.module, *submodules]))
        return getattr(module, name), None
    except Exception as exc:  # noqa: BLE001 - a peer's package that does not import: reported
        return None, f"{type(exc).__name__}: {str(exc)[:100]}"


# name -> (round trip, from_dict alone); built per model.
Pair = tuple[Callable[[], object], Callable[[], object]]


def _contenders(ctx: Context, model: str, payload: Any) -> tuple[dict[str, Pair], list[str]]:
    spec, names = (
        ("face", ("TrainingResult", "models.TrainingResult", "models.TrainingResult"))
        if model == "TrainingResult"
        else ("stripe", ("Charge", "models.Charge", "models.Charge"))
    )
    dm_name, ours_name, opc_name = names
    pairs: dict[str, Pair] = {}
    notes: list[str] = []
    ours, why = _load(ctx, "ours", spec, ours_name)
    if ours is None:
        notes.append(f"ours: {why}")
    else:
        pairs["clientgen (ours)"] = (
            lambda: ours.from_dict(payload).to_dict(),
            lambda: ours.from_dict(payload),
        )
    pyd, why = _load(ctx, "dmcg", spec, dm_name)
    if pyd is None:
        notes.append(f"pydantic v2 (datamodel-code-generator): {why}")
    else:
        pairs["pydantic v2"] = (
            lambda: pyd.model_validate(payload).model_dump(by_alias=True, mode="json"),
            lambda: pyd.model_validate(payload),
        )
        pairs["pydantic v2, exclude_unset"] = (
            lambda: pyd.model_validate(payload).model_dump(
                by_alias=True, mode="json", exclude_unset=True
            ),
            lambda: pyd.model_validate(payload),
        )
    if model == "TrainingResult" and msgspec is None:
        notes.append("msgspec: not installed")
    elif model == "TrainingResult":
        struct = TrainingResultStruct
        pairs["msgspec"] = (
            lambda: msgspec.to_builtins(msgspec.convert(payload, struct)),
            lambda: msgspec.convert(payload, struct),
        )
    opc, why = _load(ctx, "opc", spec, opc_name)
    if opc is None:
        notes.append(f"openapi-python-client: {why}")
    else:
        pairs["openapi-python-client"] = (
            lambda: opc.from_dict(payload).to_dict(),
            lambda: opc.from_dict(payload),
        )
    return pairs, notes


def _measure(ctx: Context, model: str, payload: Any) -> tuple[list[list[object]], list[str], dict]:
    pairs, notes = _contenders(ctx, model, payload)
    checks: dict[str, str] = {}
    callables: dict[str, Callable[[], object]] = {}
    for name, (round_trip, decode) in pairs.items():
        try:
            checks[name] = check(round_trip(), payload)
        except Exception as exc:  # noqa: BLE001 - a contender that rejects the payload: reported
            checks[name] = f"REJECTS the payload ({type(exc).__name__}: {str(exc)[:80]})"
            continue
        callables[f"{name}|round trip"] = round_trip
        callables[f"{name}|from_dict"] = decode
    ctx.log(f"serializers {model}: timing {len(callables)} callables")
    repeats, target = (3, 0.02) if ctx.smoke else (15, 0.2)
    samples = interleaved_timeit(callables, repeats=repeats, target=target)
    micro = {key: median(values) * 1e6 for key, values in samples.items()}
    rows: list[list[object]] = []
    for operation in ("round trip", "from_dict"):
        pyd = micro.get(f"pydantic v2|{operation}", math.nan)
        msg = micro.get(f"msgspec|{operation}", math.nan)
        for name in pairs:
            value = micro.get(f"{name}|{operation}", math.nan)
            if name == "pydantic v2, exclude_unset" and operation == "from_dict":
                continue  # the same call as pydantic v2's
            rows.append(
                [
                    model,
                    operation,
                    name,
                    fmt(value),
                    fmt_ratio(value / pyd),
                    fmt_ratio(value / msg),
                    checks[name],
                ]
            )
    return rows, notes, micro


def _verdicts(micro: dict[str, dict[str, float]]) -> list[str]:
    notes = []
    training = micro.get("TrainingResult", {})
    ours = training.get("clientgen (ours)|round trip", math.nan)
    pyd = training.get("pydantic v2|round trip", math.nan)
    if not math.isnan(ours / pyd):
        notes.append(
            f"target: TrainingResult round trip ours / pydantic = {ours / pyd:.2f} "
            f"(< 1: {'met' if ours < pyd else 'NOT met'})"
        )
    ours = training.get("clientgen (ours)|from_dict", math.nan)
    msg = training.get("msgspec|from_dict", math.nan)
    if not math.isnan(ours / msg):
        notes.append(
            f"target: TrainingResult from_dict ours / msgspec convert = {ours / msg:.2f} "
            f"(≤ 2: {'met' if ours <= 2 * msg else 'NOT met'})"
        )
    charge = micro.get("Charge", {})
    ours = charge.get("clientgen (ours)|round trip", math.nan)
    pyd = charge.get("pydantic v2|round trip", math.nan)
    if not math.isnan(ours / pyd):
        notes.append(
            f"target: Charge round trip ours / pydantic = {ours / pyd:.2f} "
            f"(≤ 1: {'met' if ours <= pyd else 'NOT met'})"
        )
    return notes


def run(ctx: Context) -> list[Section]:
    rows: list[list[object]] = []
    notes: list[str] = []
    micro: dict[str, dict[str, float]] = {}
    training = json.loads((FIXTURES / "training_result.json").read_text(encoding="utf-8"))
    got, extra, micro["TrainingResult"] = _measure(ctx, "TrainingResult", training)
    rows += got
    notes += extra
    if ctx.smoke:
        notes.append("smoke run: Stripe's charge left out (generating Stripe takes minutes)")
    else:
        charge = json.loads((FIXTURES / "stripe_charge.json").read_text(encoding="utf-8"))
        notes.append(f"bench/fixtures/stripe_charge.json: {_valid_charge(charge)}")
        got, extra, micro["Charge"] = _measure(ctx, "Charge", charge)
        rows += got
        notes += extra
        notes.append(
            "msgspec is left out of the Charge case (no hand-written Structs for "
            "Stripe's reachable schemas)"
        )
    notes = _verdicts(micro) + notes
    intro = (
        "µs per call (median of interleaved timeit repeats) in one process; ratios to "
        "pydantic v2 and to msgspec (below 1 means faster); output = round-trip result "
        "against the payload."
    )
    headers = ["model", "operation", "implementation", "µs", "× pydantic", "× msgspec", "output"]
    return [
        Section(
            "serializers",
            "Serializers: from_dict / to_dict",
            intro,
            table(headers, rows),
            notes,
            {"micro": micro},
        )
    ]
