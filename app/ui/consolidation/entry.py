"""Numbers, sizes and money as the user types them on the Consolidation tab, and the figures as
the tab shows them: Decimal in, text out, never float.

Rules decided here:
- Weights and sides: a lone comma is a decimal comma ("1,25" kg is 1.25; no parcel weighs
  thousands of kg, so no grouping is meant); "50×40×30", "50x40x30 cm", "50*40*30" or
  "50 40 30" typed into one side field are the three sides.
- Money and other amounts: "1,250" and "12,345.50" group thousands; any other lone comma is a
  decimal comma ("12,5" is 12.5).
- A figure shown is never rounded for show beyond its own places: kg and cm as typed (20.5),
  money to the currency's places, per-unit money to 4 places (the money rules).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.consolidation.planner import LinePlan, WayCost
from app.domain.consolidation.rate_card import BracketTable, FirstAdditional, PerKg, RateCard
from app.domain.consolidation.units import fmt
from app.domain.kit.money import Money
from app.domain.negotiation.amounts import format_money
from app.ui import i18n
from app.ui.widgets.parsing import ParseError, parse_optional_decimal

UNKNOWN = "—"
_GROUPED = re.compile(r"[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?")
_SIDE_SEPARATORS = re.compile(r"\s*[×xX*✕╳]\s*|\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def read_amount(text: str, what: str, *, decimal_comma: bool = False) -> Decimal | None:
    """'' -> None; '2.80', '¥2.80', '3,000', '12,5' (a decimal comma) -> Decimal; else
    ParseError naming `what`. With `decimal_comma` every lone comma is a decimal comma."""
    stripped = text.strip().replace("，", ",")
    for unit in ("kg", "KG", "公斤", "cm", "CM", "厘米", "天", "days"):
        stripped = stripped.removesuffix(unit).strip()
    lone_comma = stripped.count(",") == 1 and "." not in stripped
    if lone_comma and (decimal_comma or not _GROUPED.fullmatch(stripped)):
        stripped = stripped.replace(",", ".")
    return parse_optional_decimal(stripped, what)


def read_measure(text: str, what: str) -> Decimal | None:
    """A weight or a side: '1.25', '1,25', '6.4 kg', '50 cm'."""
    return read_amount(text, what, decimal_comma=True)


def or_default(value: Decimal | None, default: Decimal = Decimal(0)) -> Decimal:
    """An empty field is its default (0 unless said); a typed 0 stays 0."""
    return default if value is None else value


def read_whole(text: str, what: str) -> int | None:
    """'' -> None; '180', '1,000' -> int; a fraction or anything else -> ParseError."""
    value = read_amount(text, what)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise ParseError(
            QCoreApplication.translate(
                "ConsolidationEntry", "'{text}' is not a whole number: {what}."
            ).format(text=text.strip(), what=what)
        )
    return int(value)


def split_sides(text: str) -> tuple[str, str, str] | None:
    """'50×40×30', '50 x 40 x 30 cm', '50*40*30' -> ('50', '40', '30'); None when the text
    is not three numbers (one side, or anything else)."""
    stripped = text.strip().removesuffix("cm").removesuffix("CM").strip()
    parts = [part for part in _SIDE_SEPARATORS.split(stripped) if part]
    if len(parts) == 3 and all(_NUMBER.fullmatch(part) for part in parts):
        return parts[0], parts[1], parts[2]
    return None


# --- shown -------------------------------------------------------------------------------------
KG_PLACES = 3  # grams: finer figures (a volumetric weight) are shown ≈, kept exact


def kg_text(value: Decimal | None) -> str:
    """ "20.5 kg"; "≈15.616 kg" for an exact figure with more places than grams."""
    if value is None:
        return UNKNOWN
    shown = value.quantize(Decimal(1).scaleb(-KG_PLACES), rounding=ROUND_HALF_UP)
    return f"{fmt(value)} kg" if shown == value else f"≈{fmt(shown)} kg"


def number_text(value: Decimal | int | None) -> str:
    return "" if value is None else fmt(value)


def figure_or_blank(value: Decimal) -> str:
    """A figure whose 0 means "none" (a fee, a minimum): blank for 0."""
    return fmt(value) if value else ""


def money_text(amount: Money | None) -> str:
    return UNKNOWN if amount is None else format_money(amount.amount, amount.currency)


def per_unit_text(amount: Money) -> str:
    """Freight per unit to 4 places (the service keeps 6)."""
    return f"{amount.amount:,.4f} {amount.currency}"


def date_text(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def sort_number(value: Decimal | int | None) -> float:
    """A numeric sort key (unknown last); the shown figure stays exact."""
    return float("inf") if value is None else float(value)


def sort_date(value: date | None) -> str:
    return "9999-99-99" if value is None else value.isoformat()


def both(label: str, label_zh: str) -> str:
    """ "Pending shipment · 待发货"; the Chinese alone in the Chinese interface."""
    return label_zh if i18n.active() == i18n.CHINESE else f"{label} · {label_zh}"


# --- the card in a few words (the lines table) ---------------------------------------------------
def pricing_text(card: RateCard) -> str:
    p = card.pricing
    weighing = (
        QCoreApplication.translate("ConsolidationEntry", "actual kg")
        if card.divisor is None
        else f"/{fmt(card.divisor)}"
    )
    if isinstance(p, FirstAdditional):
        text = (
            f"首重 {fmt(p.first_kg)} kg {fmt(p.first_price)} + 续重 {fmt(p.step_kg)} kg "
            f"{fmt(p.step_price)}"
        )
    elif isinstance(p, PerKg):
        bands = ", ".join(
            f"{fmt(b.price_per_kg)}/kg" + ("" if b.up_to_kg is None else f" ≤{fmt(b.up_to_kg)}")
            for b in p.bands
        )
        text = (f"{fmt(p.base_price)} + " if p.base_price else "") + bands
    elif isinstance(p, BracketTable):
        text = QCoreApplication.translate(
            "ConsolidationEntry", "table to {kg} kg ({rows} rows)"
        ).format(kg=fmt(p.brackets[-1].up_to_kg), rows=len(p.brackets))
    else:
        weighing = f"1 m³ = {fmt(p.kg_per_m3)} kg"
        text = QCoreApplication.translate(
            "ConsolidationEntry", "{price} per W/M, min {minimum}"
        ).format(price=fmt(p.price_per_wm), minimum=fmt(p.minimum_wm))
    return f"{weighing} · {text} {card.currency}"


def limits_text(card: RateCard) -> str:
    limits = card.limits
    parts = [
        f"{label} {fmt(value)}"
        for value, label in (
            (limits.max_kg, "≤kg"),
            (limits.max_longest_cm, QCoreApplication.translate("ConsolidationEntry", "L≤")),
            (
                limits.max_length_plus_girth_cm,
                QCoreApplication.translate("ConsolidationEntry", "L+girth≤"),
            ),
            (limits.max_sum_of_sides_cm, "Σ≤"),
        )
        if value is not None
    ]
    return ", ".join(parts) or QCoreApplication.translate("ConsolidationEntry", "none")


def transit_text(card: RateCard) -> str:
    low, high = card.transit_days_min, card.transit_days_max
    if low is None and high is None:
        return "—"
    if low is None or high is None or low == high:
        return QCoreApplication.translate("ConsolidationEntry", "{days} days").format(
            days=low if high is None else high
        )
    return QCoreApplication.translate("ConsolidationEntry", "{low}-{high} days").format(
        low=low, high=high
    )


def cost_text(plan: LinePlan, cost: WayCost) -> str:
    """What the chosen way costs, part by part."""
    split, fees = cost.split, cost.fees
    agent = ", ".join(
        f"{name} {money_text(amount)}"
        for name, amount in (
            (QCoreApplication.translate("ConsolidationEntry", "handling"), fees.handling),
            ("合箱", fees.consolidation),
            (QCoreApplication.translate("ConsolidationEntry", "repack"), fees.repack),
            (QCoreApplication.translate("ConsolidationEntry", "insurance"), fees.insurance),
            (QCoreApplication.translate("ConsolidationEntry", "storage"), fees.storage),
        )
        if amount.amount
    )
    text = QCoreApplication.translate(
        "ConsolidationEntry",
        "Freight {freight} + fuel {fuel} + per-box fees {box_fees} + agent fees {fees}"
        "{details} = <b>{total}</b>. ",
    ).format(
        freight=money_text(split.freight),
        fuel=money_text(split.fuel_surcharge),
        box_fees=money_text(split.box_fees),
        fees=money_text(fees.total),
        details=f" ({agent})" if agent else "",
        total=money_text(cost.total),
    )
    text += (
        QCoreApplication.translate("ConsolidationEntry", "The split is proven cheapest. ")
        if split.proven_optimal
        else QCoreApplication.translate(
            "ConsolidationEntry", "The split is the best found (too many parcels to prove it). "
        )
    )
    saving = plan.saving_over_separate
    if saving is not None and saving.amount > 0:
        text += QCoreApplication.translate(
            "ConsolidationEntry", "Consolidating saves {amount} over sending each parcel alone."
        ).format(amount=money_text(saving))
    return text


# --- the rate card's fields (the line form) ------------------------------------------------------
# (field, label) of each part of the card; a label is shown with `card_label`.
CARD_FIRST_ADDITIONAL = (
    ("first_kg", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "First weight / 首重 kg"))),
    ("first_price", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "First price"))),
    ("step_kg", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "Additional step / 续重 kg"))),
    ("step_price", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "Step price"))),
)
CARD_SEA = (
    ("price_per_wm", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "Price per W/M"))),
    ("kg_per_m3", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "kg per m³ (1000)"))),
    ("minimum_wm", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "Minimum W/M (1)"))),
    ("wm_step", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "W/M step"))),
)
CARD_LIMITS = (
    ("max_kg", str(QT_TRANSLATE_NOOP("ConsolidationEntry", "Max weight per box / 单箱限重 (kg)"))),
    (
        "max_longest_cm",
        str(QT_TRANSLATE_NOOP("ConsolidationEntry", "Max longest side / 最长边 (cm)")),
    ),
    (
        "max_length_plus_girth_cm",
        str(QT_TRANSLATE_NOOP("ConsolidationEntry", "Max L + 2W + 2H / 长+围 (cm)")),
    ),
    (
        "max_sum_of_sides_cm",
        str(QT_TRANSLATE_NOOP("ConsolidationEntry", "Max sum of sides / 三边和 (cm)")),
    ),
)


def card_label(label: str) -> str:
    """A label of the tables above in the interface language."""
    return QCoreApplication.translate("ConsolidationEntry", label)


def field_name(label: str) -> str:
    """A field's label as an error names it: "max longest side", "price per W/M", "首重 kg"."""
    name = card_label(label).split(" / ")[0]
    return name[:1].lower() + name[1:]
