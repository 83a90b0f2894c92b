"""Rate cards, agents and parcels shared by the consolidation tests."""

from __future__ import annotations

from decimal import Decimal

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.parcels import Dimensions, Parcel, RestrictedTag
from app.domain.consolidation.rate_card import (
    BoxLimits,
    FirstAdditional,
    RateCard,
    VolumeTrigger,
)

D = Decimal


def parcel(
    pid: int | str,
    kg: str,
    sides: tuple[int | str, int | str, int | str],
    *tags: RestrictedTag,
    label: str = "",
) -> Parcel:
    dims = Dimensions(*(D(str(s)) for s in sides))
    return Parcel(pid, label or f"P{pid}", D(kg), dims, frozenset(tags))


def ems(**changes: object) -> RateCard:
    """EMS as some agents publish it: volume counts over 60 cm, at /8000."""
    fields: dict[str, object] = {
        "name": "EMS",
        "pricing": FirstAdditional(D("0.5"), D(100), D("0.5"), D(30)),
        "divisor": D(8000),
        "volume_trigger": VolumeTrigger(D(60)),
        "limits": BoxLimits(max_kg=D(30), max_longest_cm=D(150)),
        "transit_days_min": 7,
        "transit_days_max": 15,
    }
    fields.update(changes)
    return RateCard(**fields)  # type: ignore[arg-type]


def air(**changes: object) -> RateCard:
    fields: dict[str, object] = {
        "name": "Air",
        "pricing": FirstAdditional(D("0.5"), D(60), D("0.5"), D(20)),
        "divisor": D(6000),
        "limits": BoxLimits(max_kg=D(30), max_longest_cm=D(120)),
        "transit_days_min": 8,
        "transit_days_max": 12,
    }
    fields.update(changes)
    return RateCard(**fields)  # type: ignore[arg-type]


FREE_AGENT = AgentFees(name="Free", service_minimum=D(0))
AGENT = AgentFees(
    name="Agent",
    handling_per_parcel=D(2),
    consolidation_per_box=D(5),
    repack_per_parcel=D(3),
)
