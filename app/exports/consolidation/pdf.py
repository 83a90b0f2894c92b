"""The packing list and customs declaration (装箱单) of a consolidation as an A4 PDF: per box
its parcels and their items with quantity, unit value, HS code and value, the box's totals,
then the shipment's totals and a signature block; Chinese embedded, "Page x of y".

Decisions:
- The boxes are the shown line's (data.shown_line: the cheapest line's best way). When no
  line can take the parcels, the PDF says so first with every line's reason, then lists the
  parcels' contents parcel by parcel (not packed yet), so the list is still of use.
- Declared values are quantity × unit value rounded to the minor unit (data.item_value) and
  are totalled per currency, never converted.
- Gross weight of a box is the box's weight (its parcels plus the carton's tare when the
  agent makes a new carton); a parcel's line shows its own weight.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.consolidation.boxes import Box
from app.domain.consolidation.parcels import Parcel, tags_text
from app.exports.consolidation.data import (
    NO_VALUE,
    ConsolidationExport,
    ParcelEntry,
    ParcelKey,
    Progress,
    Shown,
    check,
    declared,
    entries_by_parcel,
    item_value,
    kg_text,
    money_text,
    parcel_name,
    pieces,
    shown_line,
    totals_text,
)
from app.exports.kit.pdf_fonts import font_name
from app.exports.kit.pdf_layout import (
    GREY,
    RED,
    DocumentSpec,
    Styles,
    aligned,
    build_pdf,
    escape_text,
    paragraph,
    styles,
)
from app.exports.kit.pdf_marks import WritingLine
from app.exports.kit.pdf_table import GRID, HEADER_BACKGROUND, ClippedCell

TITLE = "Packing list · 装箱单"
SUBTITLE = "Packing list and customs declaration · 装箱单及报关资料"
FRAME_WIDTH = 190 * mm  # A4 portrait less the 10 mm side margins
FRAME_HEIGHT = 260 * mm  # a little under A4's 297 mm less the 14 mm top and bottom margins
MIN_START = 50 * mm  # a box too long for one page starts on this page if this much is left
# No. · description · HS code · quantity · unit value · value
ITEM_WIDTHS = (10 * mm, 74 * mm, 24 * mm, 16 * mm, 28 * mm, 38 * mm)
ITEM_HEADINGS = (
    ("No.", "序号", "left"),
    ("Description", "品名", "left"),
    ("HS code", "海关编码", "left"),
    ("Qty", "数量", "right"),
    ("Unit value", "单价", "right"),
    ("Value", "金额", "right"),
)
DECLARATION = (
    "I declare that the particulars given in this packing list are true and correct.",
    "本人申明本装箱单所列内容真实无误。",
)
PARCEL_BACKGROUND = colors.HexColor("#dfe6ef")
TOTAL_BACKGROUND = colors.HexColor("#eef2f7")


def export_consolidation_pdf(
    data: ConsolidationExport, out: Path, *, on_progress: Progress | None = None
) -> Path:
    """Write the packing list to `out` atomically; on_progress(done, total) is called as boxes
    are laid out and returning False cancels (no file is left, an existing `out` is kept)."""
    check(data)
    shown = shown_line(data)
    s = styles(8)
    entries = entries_by_parcel(data)
    story: list[Flowable] = [*summary(data, shown, s), Spacer(1, 4 * mm)]
    if shown is None:
        story += refusals(data, s)
        story += contents(data.parcels, s)
        groups = 1
    else:
        for number, box in enumerate(shown.boxes, start=1):
            story += box_section(number, shown, box, entries, s)
        groups = len(shown.boxes)
    story += [grand_total(data, shown, s), closing(s)]
    spec = DocumentSpec(
        title=f"{TITLE} · {data.title}",
        subtitle=f"{SUBTITLE} · {data.today.isoformat()}",
        running_header=f"{TITLE} · {data.title}",
        footer=f"{data.title} · {data.today.isoformat()}",
    )
    return build_pdf(Path(out), spec, story, total=groups, on_progress=on_progress)


# --- pieces ----------------------------------------------------------------------------------


class _Done(Flowable):
    """Marks one box laid out, for the progress report (draws nothing)."""

    progress_rows = 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def keep_start(flowables: list[Flowable]) -> list[Flowable]:
    """Kept on one page when they fit on one; a longer box starts where it is unless less
    than MIN_START of the page is left (so its heading never ends a page alone)."""
    height = sum(f.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] for f in flowables)
    if height <= FRAME_HEIGHT:
        return [KeepTogether(flowables)]
    return [CondPageBreak(MIN_START), *flowables]


def grid(rows: list[list[Any]], commands: list[tuple[Any, ...]], **table: Any) -> Table:
    """A Table in the CJK font (reportlab would otherwise add an unembedded Helvetica)."""
    drawn = Table(rows, hAlign="LEFT", **table)
    drawn.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font_name()), *commands]))
    return drawn


def both(
    english: str, chinese: str, s: Styles, *, header: bool = False, align: str = "left"
) -> Paragraph:
    """English then Chinese, the Chinese grey (white in a header)."""
    style = aligned(s.header_cell if header else s.cell, align)
    colour = "#dfe6ef" if header else GREY
    text = f'{escape_text(english)} <font color="{colour}">{escape_text(chinese)}</font>'
    return Paragraph(text, style)


def heading(english: str, chinese: str, s: Styles, note: str = "") -> Paragraph:
    text = f"<b>{escape_text(english)}</b>&nbsp;&nbsp;{escape_text(chinese)}"
    if note:
        text += f'&nbsp;&nbsp;&nbsp;<font color="{GREY}">{escape_text(note)}</font>'
    return Paragraph(text, s.body)


def _fields(pairs: Sequence[tuple[str, str, str]], s: Styles) -> Table:
    """Labelled values, two to a row: label (English over Chinese) then the value."""
    cells = [[both(en, zh, s), paragraph(value, s.cell)] for en, zh, value in pairs]
    rows = [
        [*cells[i], *(cells[i + 1] if i + 1 < len(cells) else [])] for i in range(0, len(cells), 2)
    ]
    if len(rows[-1]) == 2:
        rows[-1] += ["", ""]
    widths = [28 * mm, 67 * mm, 28 * mm, 67 * mm]
    return grid(
        rows,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
        colWidths=widths,
    )


# --- summary and refusals --------------------------------------------------------------------


def summary(data: ConsolidationExport, shown: Shown | None, s: Styles) -> list[Flowable]:
    """The shipment at a glance: title, date, line, boxes, pieces, weights, declared value."""
    pairs = [("Shipment", "货件", data.title), ("Date", "日期", data.today.isoformat())]
    if shown is not None:
        way = shown.way
        pairs += [
            ("Line", "线路", shown.name.line),
            ("Agent", "代理", shown.name.agent),
            ("Boxes", "箱数", str(len(shown.boxes))),
            ("Packing", "装箱方式", f"{way.way.label} · {way.way.label_zh}"),
            ("Gross weight", "毛重", f"{kg_text(way.actual_kg)} kg"),
            ("Chargeable weight", "计费重量", f"{kg_text(way.chargeable_kg)} kg"),
        ]
    pairs += [
        ("Parcels", "包裹数", str(len(data.parcels))),
        ("Pieces", "件数", str(pieces(data.parcels))),
        ("Declared value", "申报价值", totals_text(declared(data.parcels))),
    ]
    story: list[Flowable] = [_fields(pairs, s)]
    if shown is not None and shown.note:
        story += [Spacer(1, 2 * mm), paragraph(shown.note, s.cell)]
    return story


def refusals(data: ConsolidationExport, s: Styles) -> list[Flowable]:
    """No line can take the parcels: say so, with each line's reason."""
    warning = Paragraph(
        f'<font color="{RED}"><b>No line can take these parcels</b> · 没有可走的线路</font>',
        s.body,
    )
    if not data.plan.lines:
        reason = "No shipping lines to compare: add a line and its rate card. · 没有线路。"
        return [warning, paragraph(reason, s.cell), Spacer(1, 4 * mm)]
    header = [
        both(en, zh, s, header=True)
        for en, zh in (("Line", "线路"), ("Agent", "代理"), ("Reason", "原因"))
    ]
    rows: list[list[Any]] = [header]
    for plan, name in zip(data.plan.lines, data.names, strict=True):
        reason = plan.refusal or NO_VALUE
        rows.append(
            [paragraph(name.line, s.cell), paragraph(name.agent, s.cell), paragraph(reason, s.cell)]
        )
    table = grid(
        rows,
        [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ],
        colWidths=[45 * mm, 30 * mm, 115 * mm],
        repeatRows=1,
    )
    return [warning, Spacer(1, 2 * mm), table, Spacer(1, 5 * mm)]


# --- boxes and their contents ----------------------------------------------------------------


def box_section(
    number: int, shown: Shown, box: Box, entries: dict[ParcelKey, ParcelEntry], s: Styles
) -> list[Flowable]:
    """One box: a heading with its size and weights, then its parcels' items and totals."""
    count = len(shown.boxes)
    priced = shown.way.split.boxes[number - 1]
    details = [str(box.dimensions), f"gross 毛重 {kg_text(box.actual_kg)} kg"]
    if priced.quote is not None:
        details.append(f"chargeable 计费 {kg_text(priced.quote.weighing.chargeable_kg)} kg")
    parcels = len(box.parcels)
    details.append(f"{parcels} parcel{'' if parcels == 1 else 's'}")
    title = heading(
        f"Box {number} of {count}", f"第 {number} 箱 / 共 {count} 箱", s, " · ".join(details)
    )
    total = (f"Box {number} total", "本箱合计", box.actual_kg)
    table = item_table(box.parcels, entries, s, total)
    return [*keep_start([title, Spacer(1, 1.5 * mm), table]), Spacer(1, 5 * mm), _Done()]


def contents(parcels: Sequence[ParcelEntry], s: Styles) -> list[Flowable]:
    """Every parcel's items when there are no boxes (no line can take them)."""
    entries = {e.parcel.id: e for e in parcels}
    gross = sum((e.parcel.actual_kg for e in parcels), Decimal(0))
    title = heading("Contents by parcel", "包裹内容", s, "not packed yet · 尚未装箱")
    total = ("Total", "合计", gross)
    table = item_table([e.parcel for e in parcels], entries, s, total)
    return [*keep_start([title, Spacer(1, 1.5 * mm), table]), Spacer(1, 5 * mm), _Done()]


def item_table(
    parcels: Sequence[Parcel],
    entries: dict[ParcelKey, ParcelEntry],
    s: Styles,
    total: tuple[str, str, Decimal],
) -> Table:
    """A row per parcel (spanning the table) followed by its items, then the totals row."""
    rows: list[list[Any]] = [
        [both(en, zh, s, header=True, align=al) for en, zh, al in ITEM_HEADINGS]
    ]
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    right = aligned(s.cell, "right")
    chosen: list[ParcelEntry] = []
    number = 0
    for parcel in parcels:
        entry = entries.get(parcel.id)
        row = len(rows)
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), PARCEL_BACKGROUND),
        ]
        if entry is not None and entry.items:  # a parcel's line never ends a page alone
            commands.append(("NOSPLIT", (0, row), (-1, row + 1)))
        rows.append(
            [ClippedCell(Paragraph(parcel_line(parcel, entry), s.cell)), "", "", "", "", ""]
        )
        if entry is None:
            continue
        chosen.append(entry)
        for item in entry.items:
            number += 1
            rows.append(
                [
                    Paragraph(str(number), s.cell),
                    ClippedCell(paragraph(item.product_name, s.cell)),
                    paragraph(item.hs_code.strip() or NO_VALUE, s.cell),
                    Paragraph(f"{item.quantity:,}", right),
                    paragraph(money_text(item.unit_value), right),
                    paragraph(money_text(item_value(item)), right),
                ]
            )
    english, chinese, gross = total
    row = len(rows)
    weight = f" · gross 毛重 {kg_text(gross)} kg"
    rows.append(
        [
            Paragraph(f"<b>{escape_text(english)}</b> {chinese}{escape_text(weight)}", s.cell),
            "",
            "",
            Paragraph(f"<b>{pieces(chosen):,}</b>", right),
            "",
            Paragraph(
                "<br/>".join(f"<b>{money_text(m)}</b>" for m in declared(chosen)) or NO_VALUE, right
            ),
        ]
    )
    commands += [
        ("NOSPLIT", (0, row - 1), (-1, row)),  # nor does the total start one
        ("SPAN", (0, row), (2, row)),
        ("BACKGROUND", (0, row), (-1, row), TOTAL_BACKGROUND),
        ("LINEABOVE", (0, row), (-1, row), 0.8, colors.HexColor(GREY)),
    ]
    return grid(rows, commands, colWidths=list(ITEM_WIDTHS), repeatRows=1)


def parcel_line(parcel: Parcel, entry: ParcelEntry | None) -> str:
    """Markup: "Parcel 'label' · supplier · orders … · 4.2 kg · 45 × 35 × 20 cm · Magnet"."""
    parts = [f"<b>Parcel 包裹 {escape_text(parcel_name(parcel))}</b>"]
    if entry is not None and entry.supplier_name.strip():
        parts.append(escape_text(entry.supplier_name.strip()))
    if entry is not None and entry.order_numbers:
        parts.append("orders 订单 " + escape_text(", ".join(entry.order_numbers)))
    parts += [f"{kg_text(parcel.actual_kg)} kg", escape_text(str(parcel.dimensions))]
    if parcel.tags:
        parts.append(f'<font color="{RED}">{escape_text(tags_text(parcel.tags))}</font>')
    if entry is None or not entry.items:
        parts.append(f'<font color="{GREY}">no items recorded · 无商品明细</font>')
    return " · ".join(parts)


# --- the end ---------------------------------------------------------------------------------


def grand_total(data: ConsolidationExport, shown: Shown | None, s: Styles) -> Flowable:
    """The shipment's totals: boxes, parcels, pieces, gross kg, declared value per currency."""
    parcels = data.parcels
    gross = sum((e.parcel.actual_kg for e in parcels), Decimal(0))
    pairs = []
    if shown is not None:
        gross = shown.way.actual_kg
        pairs.append(("Boxes", "箱数", str(len(shown.boxes))))
    pairs += [
        ("Parcels", "包裹数", str(len(parcels))),
        ("Pieces", "件数", f"{pieces(parcels):,}"),
        ("Gross weight", "毛重", f"{kg_text(gross)} kg"),
        ("Declared value", "申报价值", totals_text(declared(parcels))),
    ]
    return KeepTogether(
        [heading("Shipment total", "总计", s), Spacer(1, 1.5 * mm), _fields(pairs, s)]
    )


def closing(s: Styles) -> Flowable:
    """The declaration and the signature lines, kept together on one page."""
    english, chinese = DECLARATION
    signature = grid(
        [
            [
                WritingLine(
                    ("Shipper's signature", "发货人签名"), label_above=True, height=16 * mm
                ),
                WritingLine(("Date", "日期"), label_above=True, height=16 * mm),
            ],
            [WritingLine(("Name", "姓名")), ""],
        ],
        [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        colWidths=[120 * mm, 60 * mm],
    )
    text = f'{escape_text(english)}<br/><font color="{GREY}">{escape_text(chinese)}</font>'
    return KeepTogether([Spacer(1, 4 * mm), Paragraph(text, s.body), Spacer(1, 3 * mm), signature])
