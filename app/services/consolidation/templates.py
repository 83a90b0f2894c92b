"""The import templates (`python -m app template parcels|rates --out FILE.xlsx`) and the example
shipping lines behind them (the demo's lines too): realistic cards of a Chinese agent's lines.

A template is the import's sheet with bilingual headers ('重量 / Weight (kg)') and example rows
that import as they are, plus a help sheet naming every column. Text goes into cells as text
(order numbers of 19 digits stay exact), and the file is written atomically.

The example cards (prices in CNY, as agents published them in 2026; every figure is a setting):
- EXPRESS: DHL via an agent, divisor 5000, 0.5 kg steps up to 20.5 kg then whole kg, base +
  per-kg price (so 21 kg can cost less than 20.5 kg), fuel 10 %, at most 70 kg and 120 cm.
- EMS: 首重 0.5 kg + 续重 0.5 kg, volume only when a side is over 60 cm, then at /8000; 30 kg,
  150 cm, length + girth 300 cm.
- AIR_SPECIAL: an agent's air line for sensitive goods (battery, magnet, liquid, powder),
  divisor 6000, per-kg bands, at least 1 kg, 20 CNY per box.
- SEA_LCL: sea freight per W/M at 1,000 kg per m³, at least 1 W/M.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.rate_card import (
    BoxLimits,
    BracketTable,
    FirstAdditional,
    PerKg,
    PerKgBand,
    PerRevenueTon,
    RateCard,
    RoundingBand,
    VolumeTrigger,
)
from app.errors import WorkbenchError
from app.exports.kit.atomic import atomic_output
from app.exports.kit.xlsx_cells import (
    HEADER_ALIGNMENT,
    HEADER_FILL,
    HEADER_FONT,
    column_width,
    set_text,
)
from app.services.consolidation import import_parcels, import_rates
from app.services.consolidation.sheets import SheetColumn

D = Decimal
RULES_AS_OF = date(2026, 11, 1)
TAGS = RestrictedTag
EXPRESS = RateCard(
    name="DHL 快递 Express",
    pricing=PerKg((PerKgBand(D("20.5"), D(60)), PerKgBand(None, D(45))), base_price=D(90)),
    divisor=D(5000),
    rounding=(RoundingBand(D("20.5"), D("0.5")), RoundingBand(None, D(1))),
    fuel_surcharge_percent=D(10),
    limits=BoxLimits(max_kg=D(70), max_longest_cm=D(120)),
    transit_days_min=4,
    transit_days_max=7,
    rules_as_of=RULES_AS_OF,
)
EMS = RateCard(
    name="EMS",
    pricing=FirstAdditional(D("0.5"), D(125), D("0.5"), D(38)),
    divisor=D(8000),
    volume_trigger=VolumeTrigger(D(60)),
    rounding=(RoundingBand(None, D("0.5")),),
    limits=BoxLimits(max_kg=D(30), max_longest_cm=D(150), max_length_plus_girth_cm=D(300)),
    transit_days_min=10,
    transit_days_max=20,
    rules_as_of=RULES_AS_OF,
)
AIR_SPECIAL = RateCard(
    name="空运特货专线 Air special",
    pricing=PerKg((PerKgBand(D(10), D(78)), PerKgBand(D(21), D(72)), PerKgBand(None, D(66)))),
    divisor=D(6000),
    rounding=(RoundingBand(None, D("0.5")),),
    minimum_chargeable_kg=D(1),
    per_box_fee=D(20),
    limits=BoxLimits(max_kg=D(30), max_longest_cm=D(120), max_sum_of_sides_cm=D(200)),
    accepted_tags=frozenset({TAGS.BATTERY, TAGS.MAGNET, TAGS.LIQUID, TAGS.POWDER}),
    transit_days_min=8,
    transit_days_max=15,
    rules_as_of=RULES_AS_OF,
)
SEA_LCL = RateCard(
    name="海运拼箱 Sea LCL",
    pricing=PerRevenueTon(D(1100), D(1000), D(1)),
    divisor=None,
    limits=BoxLimits(max_kg=D(60), max_longest_cm=D(200)),
    accepted_tags=frozenset({TAGS.BATTERY, TAGS.MAGNET, TAGS.LIQUID, TAGS.POWDER}),
    transit_days_min=35,
    transit_days_max=50,
    rules_as_of=RULES_AS_OF,
)
TEMPLATE_AGENT = "Superbuy"
TEMPLATE_LINES = (EMS, EXPRESS)  # the rates template's examples
_HELP_SHEET = "说明 Help"


def parcel_example_rows(today: date) -> list[dict[str, object]]:
    """Two parcels as the agent's warehouse list shows them."""
    return [
        {
            "code": "YT7538192046371",
            "label": "帆布托特包 tote bags",
            "agent": TEMPLATE_AGENT,
            "order_numbers": "3301928374650123456",
            "supplier": "义乌市恒达工艺品厂",
            "weight_kg": D("6.4"),
            "length_cm": D(45),
            "width_cm": D(35),
            "height_cm": D(25),
            "arrived_on": today - timedelta(days=3),
            "tags": "",
            "declared_value": D("360.00"),
            "declared_currency": "CNY",
            "note": "外箱有压痕 box corner dented",
        },
        {
            "code": "SF1402938475612",
            "label": "磁吸手机支架 phone stands",
            "agent": TEMPLATE_AGENT,
            "order_numbers": "3301928374650123457; 3301928374650123458",
            "supplier": "义乌市恒达工艺品厂",
            "weight_kg": D("3.2"),
            "length_cm": D(30),
            "width_cm": D(25),
            "height_cm": D(20),
            "arrived_on": today - timedelta(days=1),
            "tags": "带磁",
            "note": "",
        },
    ]


def rate_example_rows() -> list[dict[str, object]]:
    return [row for card in TEMPLATE_LINES for row in card_rows(TEMPLATE_AGENT, card)]


def write_parcels_template(out: Path, today: date) -> Path:
    lines = [
        "One row per parcel at the agent's warehouse; 运单号 (tracking number or the agent's "
        "parcel code) is how a re-import finds it, so importing again updates, never duplicates.",
        "每行一个包裹；运单号是关键：再次导入会更新，不会重复。",
        "Order numbers link the parcel to stored orders; an order number not stored yet is "
        "created for the supplier named on the row.",
        "A new parcel needs weight and three sides; on an update, blank cells keep what is stored.",
    ]
    return _write(out, import_parcels.COLUMNS, parcel_example_rows(today), lines, "Parcels")


def write_rates_template(out: Path, today: date | None = None) -> Path:
    lines = [
        "One row per weight band; the rows of one agent and line make one rate card. Blank "
        "agent or line cells mean the same as the row above.",
        "每行一个重量段；同一集运商、同一线路的各行组成一张运价表。",
        "Line settings (divisor, 首重/续重, limits, transit...) go on the line's first row.",
        "Price with 首重/续重, or a price per kg per band (+ base price), or a price table, or "
        "a price per W/M (sea). A blank divisor charges actual weight only.",
        "Importing again updates the line (by agent and line name).",
    ]
    return _write(out, import_rates.COLUMNS, rate_example_rows(), lines, "Rates")


def _write(
    out: Path,
    columns: tuple[SheetColumn, ...],
    rows: list[dict[str, object]],
    help_lines: list[str],
    title: str,
) -> Path:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise WorkbenchError(f"Cannot write the template to '{out.name}': name the file .xlsx.")
    workbook = Workbook()
    ws = workbook.active
    ws.title = title
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        set_text(cell, column.header)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
        width = column_width(column.header, column.width)
        ws.column_dimensions[get_column_letter(index)].width = width
    for row_number, values in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            value = values.get(column.key)
            if value is None or value == "":
                continue
            cell = ws.cell(row=row_number, column=index)
            if isinstance(value, str):
                set_text(cell, value)
                cell.number_format = "@"
            else:
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    help_sheet = workbook.create_sheet(_HELP_SHEET)
    for line in [*help_lines, ""]:
        help_sheet.append([line])
    for column in columns:
        help_sheet.append([column.header, column.help, ", ".join(column.aliases)])
    for sheet_row in help_sheet.iter_rows():
        for cell in sheet_row:
            if isinstance(cell.value, str):
                set_text(cell, cell.value)
    for letter, width in (("A", 32), ("B", 70), ("C", 40)):
        help_sheet.column_dimensions[letter].width = width
    with atomic_output(out) as temporary:
        workbook.save(temporary)
    return out


# --- cards to rows ---------------------------------------------------------------------------
def card_rows(agent: str, card: RateCard) -> list[dict[str, object]]:
    """The card as the sheet's rows ({column key: value}); importing them gives the card back."""
    first: dict[str, object] = {"agent": agent, "line": card.name, "currency": card.currency}
    first["divisor"] = "none" if card.divisor is None else card.divisor
    pricing = card.pricing
    if isinstance(pricing, FirstAdditional):
        first.update(
            first_kg=pricing.first_kg,
            first_price=pricing.first_price,
            step_kg=pricing.step_kg,
            step_price=pricing.step_price,
        )
    elif isinstance(pricing, PerKg) and pricing.base_price:
        first["base_price"] = pricing.base_price
    elif isinstance(pricing, PerRevenueTon):
        first.update(
            price_per_wm=pricing.price_per_wm,
            kg_per_m3=pricing.kg_per_m3,
            min_wm=pricing.minimum_wm,
        )
        if pricing.wm_step is not None:
            first["wm_step"] = pricing.wm_step
    optional = {
        "min_chargeable": card.minimum_chargeable_kg or None,
        "per_box_fee": card.per_box_fee or None,
        "fuel": card.fuel_surcharge_percent or None,
        "half_ratio": card.half_volumetric_ratio,
        "rules_as_of": card.rules_as_of,
        **{key: getattr(card.limits, field) for key, field in import_rates.LIMIT_FIELDS.items()},
    }
    first.update({key: value for key, value in optional.items() if value is not None})
    if card.volume_trigger is not None:
        first["trigger"] = card.volume_trigger.side_cm
        first["trigger_inclusive"] = "yes" if card.volume_trigger.inclusive else "no"
    if card.round_sides_to_cm:
        first["round_sides"] = "yes"
    if card.accepted_tags:
        first["restricted"] = ";".join(t.label_zh for t in RestrictedTag if t in card.accepted_tags)
    if card.transit_days_min is not None or card.transit_days_max is not None:
        low = card.transit_days_min if card.transit_days_min is not None else card.transit_days_max
        high = card.transit_days_max if card.transit_days_max is not None else low
        first["transit"] = f"{low}-{high}"
    bands = _band_rows(card)
    bands[0] = {**first, **bands[0]}
    return bands


def _band_rows(card: RateCard) -> list[dict[str, object]]:
    pricing = card.pricing
    if isinstance(pricing, BracketTable):
        count = max(len(pricing.brackets), len(card.rounding))
        rows: list[dict[str, object]] = [{} for _ in range(count)]
        for entry, bracket in zip(rows, pricing.brackets, strict=False):
            entry.update(bracket_up_to=bracket.up_to_kg, bracket_price=bracket.price)
        for entry, band in zip(rows, card.rounding, strict=False):
            entry["step"] = band.step_kg
            if band.up_to_kg is not None:
                entry["band_to"] = band.up_to_kg
        return rows
    steps = {band.up_to_kg: band.step_kg for band in card.rounding}
    prices = (
        {b.up_to_kg: b.price_per_kg for b in pricing.bands} if isinstance(pricing, PerKg) else {}
    )
    bounds = [*sorted({b for b in (*steps, *prices) if b is not None}), None]
    rows = []
    previous = Decimal(0)
    for bound in bounds:
        row: dict[str, object] = {"band_from": previous}
        if bound is not None:
            row["band_to"] = bound
            previous = bound
        if bound in steps:
            row["step"] = steps[bound]
        if bound in prices:
            row["per_kg"] = prices[bound]
        rows.append(row)
    return rows
