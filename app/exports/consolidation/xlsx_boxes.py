"""The Boxes sheet: the shown line's boxes, what each holds, and their chargeable weights as
live formulas on the line's settings, written in cells above the boxes.

The formulas follow app.domain.consolidation.chargeable.weigh step by step, one column each,
so a partner can follow them and their results equal the app's to the gram:
- measured side = MAX(ROUND(side, 0), 1) on lines that round sides to whole cm (DHL);
- volume counts = MAX(L, W, H) > trigger (>= when the trigger is inclusive);
- volumetric = L × W × H / divisor;
- base = MAX(actual, volumetric when it counts), or with 分泡 ratio r
  IF(volume counts and volumetric > actual, actual + r × (volumetric − actual), actual),
  then MAX(base, minimum chargeable), then ROUND(base, 10) (DUST_PLACES);
- step = the step of the first rounding band whose upper weight reaches the base (nested IF);
- chargeable = CEILING(base, step).
A sea (W/M) line has no per-box chargeable weight: the boxes' m³ and kg are summed and
W/M = MAX(m³, kg / kg per m³, minimum W/M) (CEILING to the W/M step when the line has one);
its chargeable kg is W/M × kg per m³, as in chargeable.revenue_tons.
Only the line's rules that it has are written; absent settings are absent from the formulas.

Spreadsheets compute in binary floating point: 74.4 × 50 × 25 / 6000 is 15.5 exactly but
15.500000000000002 as a double, which a strict CEILING or a band's "up to 20.5" would push
to the next step. LibreOffice's CEILING forgives that; to not rely on it (nor on Excel doing
the same), the base (and the W/M) is rounded to DUST_PLACES decimals first: far below any
real excess over a step (sides to 0.01 cm and weights to 1 g leave at least 1e-10 kg), far
above the dust (about 1e-15 of the value).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.domain.consolidation.boxes import Box
from app.domain.consolidation.parcels import CM3_PER_M3
from app.domain.consolidation.rate_card import PerRevenueTon, RateCard
from app.domain.consolidation.units import fmt
from app.exports.consolidation.data import ParcelEntry, ParcelKey, Shown, parcel_name
from app.exports.consolidation.xlsx_sheet import BOLD, CM, KG, WHOLE, Header, SheetWriter

BOXES_SHEET = "Boxes"
TOTAL = "Total · 合计"
M3 = "0.000###"
DUST_PLACES = 10  # see the module docstring
SETTING_NOTE_FROM = 5  # column E onwards: the words beside a setting
_BOX, _PARCELS, _ACTUAL = "box", "parcels", "actual"
_HEADERS: dict[str, Header] = {
    _BOX: ("Box", "箱号", 7),
    _PARCELS: ("Parcels", "包裹", 44),
    _ACTUAL: ("Actual kg", "实重", 11),
    "l": ("L cm", "长", 9),
    "w": ("W cm", "宽", 9),
    "h": ("H cm", "高", 9),
    "ml": ("Measured L", "计量长", 11),
    "mw": ("Measured W", "计量宽", 11),
    "mh": ("Measured H", "计量高", 11),
    "counts": ("Volume counts", "计泡", 14),
    "vol": ("Volumetric kg", "体积重", 14),
    "base": ("Base kg", "计费基数", 11),
    "step": ("Step kg", "进位", 9),
    "chargeable": ("Chargeable kg", "计费重量", 15),
    "m3": ("Volume m³", "体积", 11),
}


@dataclass(frozen=True, slots=True)
class _Refs:
    """Absolute references to the line's setting cells (None: the line has no such rule)."""

    divisor: str | None = None
    trigger: str | None = None
    ratio: str | None = None
    minimum: str | None = None
    bands: tuple[tuple[str | None, str], ...] = ()  # (upper kg or None, step) per band
    kg_per_m3: str | None = None
    minimum_wm: str | None = None
    wm_step: str | None = None


def write_boxes(
    ws: WriteOnlyWorksheet, shown: Shown | None, entries: dict[ParcelKey, ParcelEntry]
) -> str | None:
    """Write the sheet; the absolute reference of the total chargeable kg (None: no boxes)."""
    if shown is None:
        sheet = SheetWriter(ws, [60])
        sheet.title("Boxes · 箱子")
        sheet.note(
            "No line can take these parcels, so there are no boxes: the Lines sheet gives each "
            "line's reason. · 没有可走的线路。",
            span=1,
        )
        return None
    keys = _columns(shown.line)
    letters = {key: get_column_letter(n) for n, key in enumerate(keys, start=1)}
    sheet = SheetWriter(ws, [_HEADERS[key][2] for key in keys])
    way = shown.way.way
    sheet.title(f"Boxes on {shown.name.line} · {shown.name.agent}: {way.label} · {way.label_zh}")
    count = len(shown.boxes)
    figures = "W/M and chargeable weight are" if shown.line.is_sea else "chargeable weights are"
    intro = (
        f"{count} box{'' if count == 1 else 'es'}. The {figures} formulas on the line "
        "settings below: change a weight, a side or a setting and they recompute."
    )
    sheet.note(" ".join(part for part in (intro, shown.note) if part))
    sheet.blank()
    sheet.row(sheet.cell("Line settings · 线路设置", font=BOLD))
    refs = _settings(sheet, shown.line)
    sheet.blank()
    header = sheet.header([_HEADERS[key] for key in keys])
    first = sheet.next_row
    for number, box in enumerate(shown.boxes, start=1):
        sheet.row(*_box_row(sheet, number, box, entries, keys, letters, refs, shown.line))
    last = sheet.next_row - 1
    sheet.filter(header, last)
    parcels = sum(len(box.parcels) for box in shown.boxes)
    total = _total_row(sheet, keys, letters, first, last, parcels)
    if shown.line.is_sea:
        total = _sea_totals(sheet, letters, total, refs)
    sheet.blank()
    sheet.note(_rules_text(shown.line))
    return f"{BOXES_SHEET}!${total[0]}${total[1]}"


def _columns(line: RateCard) -> list[str]:
    keys = [_BOX, _PARCELS, _ACTUAL, "l", "w", "h"]
    if line.round_sides_to_cm:
        keys += ["ml", "mw", "mh"]
    if line.is_sea:
        return [*keys, "m3"]
    if line.volume_trigger is not None:
        keys.append("counts")
    if line.divisor is not None:
        keys.append("vol")
    return [*keys, "base", "step", "chargeable"]


# --- settings --------------------------------------------------------------------------------


def _setting(
    sheet: SheetWriter,
    english: str,
    chinese: str,
    value: object,
    words: str = "",
    second: object = None,
) -> int:
    """A setting row: label over columns A:B, value in C (a second in D), words beside them;
    returns the row's number."""
    number = sheet.next_row
    sheet.ws.merged_cells.add(f"A{number}:B{number}")
    last = get_column_letter(max(sheet.columns, SETTING_NOTE_FROM))
    sheet.ws.merged_cells.add(f"{get_column_letter(SETTING_NOTE_FROM)}{number}:{last}{number}")
    shown = sheet.setting(value) if isinstance(value, Decimal | int) else value
    extra = sheet.setting(second) if isinstance(second, Decimal | int) else second
    return sheet.row(f"{english} · {chinese}", None, shown, extra, words)


def _ref(column: str, row: int) -> str:
    return f"${column}${row}"


def _input(sheet: SheetWriter, english: str, chinese: str, value: Decimal, words: str = "") -> str:
    """A setting the formulas read: the absolute reference of its value."""
    return _ref("C", _setting(sheet, english, chinese, value, words))


def _settings(sheet: SheetWriter, line: RateCard) -> _Refs:
    if line.round_sides_to_cm:
        words = "each side to the nearest cm (half up), at least 1 cm, before anything else"
        _setting(sheet, "Sides rounded to whole cm", "边长取整", "yes", words)
    if isinstance(line.pricing, PerRevenueTon):
        return _sea_settings(sheet, line.pricing)
    divisor = trigger = ratio = minimum = None
    if line.divisor is None:
        _setting(sheet, "Volumetric divisor", "材积除数", "none", "actual weight only")
    else:
        words = "volumetric kg = L × W × H (cm) ÷ divisor"
        divisor = _input(sheet, "Volumetric divisor", "材积除数", line.divisor, words)
    if line.volume_trigger is not None:
        words = f"{'at least' if line.volume_trigger.inclusive else 'over'} this many cm"
        label = "Volume counts when the longest side is"
        trigger = _input(sheet, label, "计泡条件（最长边）", line.volume_trigger.side_cm, words)
    if line.half_volumetric_ratio is not None:
        words = "base = actual + ratio × (volumetric − actual) when the volumetric is larger"
        ratio = _input(
            sheet, "Half-volumetric ratio", "分泡比例", line.half_volumetric_ratio, words
        )
    if line.minimum_chargeable_kg > 0:
        label = "Minimum chargeable kg"
        minimum = _input(sheet, label, "最低计费重量", line.minimum_chargeable_kg)
    if len(line.rounding) == 1:
        words = "the base weight is rounded up to a whole number of steps"
        step = _input(sheet, "Rounding step kg", "计费进位", line.rounding[0].step_kg, words)
        return _Refs(divisor, trigger, ratio, minimum, ((None, step),))
    bands: list[tuple[str | None, str]] = []
    for number, band in enumerate(line.rounding, start=1):
        row = _setting(
            sheet,
            f"Band {number}: up to kg, step kg",
            f"进位档 {number}",
            band.up_to_kg if band.up_to_kg is not None else "above",
            "the first band whose upper weight reaches the base gives the step",
            second=band.step_kg,
        )
        bands.append((_ref("C", row) if band.up_to_kg is not None else None, _ref("D", row)))
    return _Refs(divisor, trigger, ratio, minimum, tuple(bands))


def _sea_settings(sheet: SheetWriter, sea: PerRevenueTon) -> _Refs:
    per_m3 = _input(sheet, "kg per m³ (1 W/M)", "每立方公斤数", sea.kg_per_m3, "tons = kg ÷ this")
    least = _input(sheet, "Minimum W/M", "最低计费吨", sea.minimum_wm)
    step = None
    if sea.wm_step is not None:
        step = _input(sheet, "W/M step", "计费吨进位", sea.wm_step, "W/M rounded up to it")
    return _Refs(kg_per_m3=per_m3, minimum_wm=least, wm_step=step)


# --- boxes -----------------------------------------------------------------------------------


def _box_row(
    sheet: SheetWriter,
    number: int,
    box: Box,
    entries: dict[ParcelKey, ParcelEntry],
    keys: list[str],
    at: dict[str, str],
    refs: _Refs,
    line: RateCard,
) -> list[object]:
    n = sheet.next_row
    sides = box.dimensions
    values: dict[str, object] = {
        _BOX: number,
        _PARCELS: "; ".join(_parcel_text(p.id, parcel_name(p), entries) for p in box.parcels),
        _ACTUAL: sheet.number(box.actual_kg, KG),
        "l": sheet.number(sides.length, CM),
        "w": sheet.number(sides.width, CM),
        "h": sheet.number(sides.height, CM),
    }
    for measured, side in (("ml", "l"), ("mw", "w"), ("mh", "h")):
        values[measured] = sheet.formula(f"=MAX(ROUND({at[side]}{n},0),1)", WHOLE)
    src = ("ml", "mw", "mh") if line.round_sides_to_cm else ("l", "w", "h")
    product = "*".join(f"{at[key]}{n}" for key in src)
    if line.is_sea:
        values["m3"] = sheet.formula(f"={product}/{fmt(CM3_PER_M3)}", M3)
        return [values.get(key) for key in keys]
    actual = f"{at[_ACTUAL]}{n}"
    counts = vol = None
    if refs.trigger is not None and line.volume_trigger is not None:
        op = ">=" if line.volume_trigger.inclusive else ">"
        counts = f"{at['counts']}{n}"
        longest = f"MAX({at[src[0]]}{n}:{at[src[2]]}{n})"  # whatever order a partner types
        values["counts"] = sheet.formula(f"={longest}{op}{refs.trigger}")
    if refs.divisor is not None:
        vol = f"{at['vol']}{n}"
        values["vol"] = sheet.formula(f"={product}/{refs.divisor}", KG)
    base = actual
    if vol is not None and refs.ratio is None:
        base = f"MAX({actual},{vol if counts is None else f'IF({counts},{vol},0)'})"
    elif vol is not None:
        larger = f"{vol}>{actual}" if counts is None else f"AND({counts},{vol}>{actual})"
        base = f"IF({larger},{actual}+{refs.ratio}*({vol}-{actual}),{actual})"
    if refs.minimum is not None:
        base = f"MAX({base},{refs.minimum})"
    values["base"] = sheet.formula(f"=ROUND({base},{DUST_PLACES})", KG)
    step = _step_formula(f"{at['base']}{n}", refs.bands)
    values["step"] = sheet.formula(f"={step}", KG)
    values["chargeable"] = sheet.formula(f"=CEILING({at['base']}{n},{at['step']}{n})", KG)
    return [values.get(key) for key in keys]


def _step_formula(base: str, bands: tuple[tuple[str | None, str], ...]) -> str:
    """IF(base<=up1,step1,IF(base<=up2,step2,step3)): the first band reaching the base."""
    formula = bands[-1][1]
    for upper, step in reversed(bands[:-1]):
        formula = f"IF({base}<={upper},{step},{formula})"
    return formula


def _parcel_text(key: ParcelKey, name: str, entries: dict[ParcelKey, ParcelEntry]) -> str:
    entry = entries.get(key)
    supplier = entry.supplier_name.strip() if entry is not None else ""
    return f"{name} ({supplier})" if supplier else name


def _total_row(
    sheet: SheetWriter,
    keys: list[str],
    at: dict[str, str],
    first: int,
    last: int,
    parcels: int,
) -> tuple[str, int]:
    """The totals under the boxes; (column, row) of the total chargeable kg (sea: of m³)."""
    label = f"{TOTAL} ({parcels} parcel{'' if parcels == 1 else 's'})"
    row: dict[str, object] = {_PARCELS: sheet.cell(label, font=BOLD)}
    for key, number_format in ((_ACTUAL, KG), ("vol", KG), ("chargeable", KG), ("m3", M3)):
        if key in at:
            column = at[key]
            row[key] = sheet.formula(
                f"=SUM({column}{first}:{column}{last})", number_format, bold=True
            )
    number = sheet.row(*[row.get(key) for key in keys])
    return (at["m3"] if "m3" in at else at["chargeable"], number)


def _sea_totals(
    sheet: SheetWriter, at: dict[str, str], m3_total: tuple[str, int], refs: _Refs
) -> tuple[str, int]:
    """Weight tons, W/M and the chargeable kg under a sea line's boxes."""
    m3 = f"{m3_total[0]}{m3_total[1]}"
    kg = f"{at[_ACTUAL]}{m3_total[1]}"
    sheet.blank()
    tons = sheet.next_row
    _setting(
        sheet,
        "Weight tons",
        "重量吨",
        sheet.formula(f"={kg}/{refs.kg_per_m3}", M3),
        "total actual kg ÷ kg per m³",
    )
    larger = f"ROUND(MAX({m3},C{tons},{refs.minimum_wm}),{DUST_PLACES})"
    if refs.wm_step is not None:
        larger = f"CEILING({larger},{refs.wm_step})"
    wm = sheet.next_row
    _setting(
        sheet,
        "W/M (revenue tons)",
        "计费吨",
        sheet.formula(f"={larger}", M3),
        "the larger of m³ and weight tons, at least the minimum"
        + (", rounded up to the step" if refs.wm_step is not None else ""),
    )
    chargeable = sheet.next_row
    cell: WriteOnlyCell = sheet.formula(f"=C{wm}*{refs.kg_per_m3}", KG, bold=True)
    _setting(sheet, "Chargeable kg", "计费重量", cell, "W/M × kg per m³")
    return ("C", chargeable)


def _rules_text(line: RateCard) -> str:
    if line.is_sea:
        return (
            "A sea (W/M) line charges the whole consignment: W/M = the larger of its volume in "
            "m³ and its weight in tons (kg ÷ kg per m³), at least the minimum. Box sizes are "
            "the app's estimate of the cartons the agent will pack; the agent's tape decides."
        )
    return (
        "Volumetric = L × W × H ÷ divisor, unrounded. Base = the larger of the actual and the "
        "volumetric weight (only when the volume counts; with 分泡 only part of the difference), "
        "at least the minimum. Chargeable = the base rounded up to the step (CEILING). Box "
        "sizes are the app's estimate of the cartons the agent will pack; the agent's scale "
        "and tape decide."
    )
