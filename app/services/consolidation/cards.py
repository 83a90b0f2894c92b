"""Rate cards and agent fees as the JSON documents stored in one column each.

Rules, decided once:
- Every number is a Decimal written as its string ("0.5", "6000"), never a JSON number (a float
  on the way back); whole numbers of days stay JSON integers; dates are ISO text; absent
  settings (no divisor, no trigger, no limit) are null.
- A document carries its format version (`card_version`, `fees_version`); a version this build
  does not know is refused with a message (a newer app wrote it), never guessed at.
- Reading a document builds the domain value, which validates it: a stored card is always one
  the planner can use, and a damaged one is reported, not half-read.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.consolidation.agent_fees import AgentFees, ServiceTier
from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.rate_card import (
    BoxLimits,
    Bracket,
    BracketTable,
    FirstAdditional,
    PerKg,
    PerKgBand,
    PerRevenueTon,
    Pricing,
    RateCard,
    RoundingBand,
    VolumeTrigger,
)
from app.errors import WorkbenchError

CARD_VERSION = 1
FEES_VERSION = 1
_LIMITS = ("max_kg", "max_longest_cm", "max_length_plus_girth_cm", "max_sum_of_sides_cm")
_FEE_AMOUNTS = (
    "service_minimum",
    "handling_per_parcel",
    "consolidation_per_box",
    "repack_per_parcel",
    "insurance_percent",
    "insurance_minimum",
    "storage_fee_per_month",
)


class StoredDocumentError(WorkbenchError):
    """A stored card or fee document this build cannot read."""


# --- rate cards ---------------------------------------------------------------------------------
def card_document(card: RateCard) -> dict[str, Any]:
    """The card as a JSON-ready dict (see the module's rules)."""
    trigger = card.volume_trigger
    return {
        "card_version": CARD_VERSION,
        "name": card.name,
        "currency": card.currency,
        "divisor": _text(card.divisor),
        "volume_trigger": None
        if trigger is None
        else {"side_cm": _text(trigger.side_cm), "inclusive": trigger.inclusive},
        "half_volumetric_ratio": _text(card.half_volumetric_ratio),
        "round_sides_to_cm": card.round_sides_to_cm,
        "rounding": [
            {"up_to_kg": _text(band.up_to_kg), "step_kg": _text(band.step_kg)}
            for band in card.rounding
        ],
        "minimum_chargeable_kg": _text(card.minimum_chargeable_kg),
        "per_box_fee": _text(card.per_box_fee),
        "fuel_surcharge_percent": _text(card.fuel_surcharge_percent),
        "limits": {name: _text(getattr(card.limits, name)) for name in _LIMITS},
        "accepted_tags": [tag.value for tag in RestrictedTag if tag in card.accepted_tags],
        "transit_days_min": card.transit_days_min,
        "transit_days_max": card.transit_days_max,
        "rules_as_of": None if card.rules_as_of is None else card.rules_as_of.isoformat(),
        "pricing": _pricing_document(card.pricing),
    }


def _pricing_document(pricing: Pricing) -> dict[str, Any]:
    if isinstance(pricing, FirstAdditional):
        return {
            "kind": "first_additional",
            "first_kg": _text(pricing.first_kg),
            "first_price": _text(pricing.first_price),
            "step_kg": _text(pricing.step_kg),
            "step_price": _text(pricing.step_price),
        }
    if isinstance(pricing, PerKg):
        return {
            "kind": "per_kg",
            "base_price": _text(pricing.base_price),
            "bands": [
                {"up_to_kg": _text(b.up_to_kg), "price_per_kg": _text(b.price_per_kg)}
                for b in pricing.bands
            ],
        }
    if isinstance(pricing, BracketTable):
        return {
            "kind": "brackets",
            "brackets": [
                {"up_to_kg": _text(b.up_to_kg), "price": _text(b.price)} for b in pricing.brackets
            ],
        }
    return {
        "kind": "per_revenue_ton",
        "price_per_wm": _text(pricing.price_per_wm),
        "kg_per_m3": _text(pricing.kg_per_m3),
        "minimum_wm": _text(pricing.minimum_wm),
        "wm_step": _text(pricing.wm_step),
    }


def card_json(card: RateCard) -> str:
    return json.dumps(card_document(card), ensure_ascii=False, sort_keys=True)


def card_from_json(text: str) -> RateCard:
    """The stored card; StoredDocumentError if it cannot be read (RateCardError if it breaks
    a rule, which a card stored by this app never does)."""
    document = _load(text, "card_version", CARD_VERSION, "rate card")
    try:
        return card_from_document(document)
    except (KeyError, TypeError, InvalidOperation, AttributeError) as error:
        raise StoredDocumentError(f"A stored rate card is damaged ({error!r}).") from None


def card_from_document(doc: dict[str, Any]) -> RateCard:
    trigger = doc.get("volume_trigger")
    limits = doc.get("limits") or {}
    return RateCard(
        name=doc["name"],
        pricing=_pricing_from(doc["pricing"]),
        currency=doc["currency"],
        divisor=_number(doc.get("divisor")),
        volume_trigger=None
        if trigger is None
        else VolumeTrigger(Decimal(trigger["side_cm"]), bool(trigger.get("inclusive", False))),
        half_volumetric_ratio=_number(doc.get("half_volumetric_ratio")),
        round_sides_to_cm=bool(doc.get("round_sides_to_cm", False)),
        rounding=tuple(
            RoundingBand(_number(band.get("up_to_kg")), Decimal(band["step_kg"]))
            for band in doc["rounding"]
        ),
        minimum_chargeable_kg=Decimal(doc.get("minimum_chargeable_kg") or 0),
        per_box_fee=Decimal(doc.get("per_box_fee") or 0),
        fuel_surcharge_percent=Decimal(doc.get("fuel_surcharge_percent") or 0),
        limits=BoxLimits(**{name: _number(limits.get(name)) for name in _LIMITS}),
        accepted_tags=frozenset(RestrictedTag(tag) for tag in doc.get("accepted_tags", ())),
        transit_days_min=doc.get("transit_days_min"),
        transit_days_max=doc.get("transit_days_max"),
        rules_as_of=None if not doc.get("rules_as_of") else date.fromisoformat(doc["rules_as_of"]),
    )


def _pricing_from(doc: dict[str, Any]) -> Pricing:
    kind = doc["kind"]
    if kind == "first_additional":
        return FirstAdditional(
            Decimal(doc["first_kg"]),
            Decimal(doc["first_price"]),
            Decimal(doc["step_kg"]),
            Decimal(doc["step_price"]),
        )
    if kind == "per_kg":
        bands = tuple(
            PerKgBand(_number(b.get("up_to_kg")), Decimal(b["price_per_kg"])) for b in doc["bands"]
        )
        return PerKg(bands, Decimal(doc.get("base_price") or 0))
    if kind == "brackets":
        return BracketTable(
            tuple(Bracket(Decimal(b["up_to_kg"]), Decimal(b["price"])) for b in doc["brackets"])
        )
    if kind == "per_revenue_ton":
        return PerRevenueTon(
            Decimal(doc["price_per_wm"]),
            Decimal(doc["kg_per_m3"]),
            Decimal(doc["minimum_wm"]),
            _number(doc.get("wm_step")),
        )
    raise KeyError(f"unknown pricing {kind!r}")


# --- agent fees ---------------------------------------------------------------------------------
def fees_document(fees: AgentFees) -> dict[str, Any]:
    document: dict[str, Any] = {
        "fees_version": FEES_VERSION,
        "currency": fees.currency,
        "service_tiers": [
            {"up_to": _text(tier.up_to), "percent": _text(tier.percent)}
            for tier in fees.service_tiers
        ],
        "free_storage_days": fees.free_storage_days,
    }
    document.update({name: _text(getattr(fees, name)) for name in _FEE_AMOUNTS})
    return document


def fees_json(fees: AgentFees) -> str:
    return json.dumps(fees_document(fees), ensure_ascii=False, sort_keys=True)


def fees_from_json(text: str, name: str) -> AgentFees:
    """The stored fees of the agent called `name`."""
    doc = _load(text, "fees_version", FEES_VERSION, "agent's fees")
    try:
        return AgentFees(
            name=name,
            currency=doc["currency"],
            service_tiers=tuple(
                ServiceTier(_number(tier.get("up_to")), Decimal(tier["percent"]))
                for tier in doc["service_tiers"]
            ),
            free_storage_days=doc["free_storage_days"],
            **{key: Decimal(doc[key]) for key in _FEE_AMOUNTS},
        )
    except (KeyError, TypeError, InvalidOperation, AttributeError) as error:
        raise StoredDocumentError(f"The stored fees of {name} are damaged ({error!r}).") from None


# --- helpers ------------------------------------------------------------------------------------
def _text(value: Decimal | int | None) -> str | None:
    return None if value is None else str(value)


def _number(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _load(text: str, version_key: str, version: int, what: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except ValueError:
        raise StoredDocumentError(f"A stored {what} is not readable JSON.") from None
    if not isinstance(document, dict):
        raise StoredDocumentError(f"A stored {what} is not a JSON object.")
    found = document.get(version_key)
    if found != version:
        raise StoredDocumentError(
            f"A stored {what} has format version {found!r}; this version of the app reads "
            f"version {version}. Was the database written by a newer version?"
        )
    return document
