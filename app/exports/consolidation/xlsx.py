"""The consolidation plan as an .xlsx workbook: Lines (every line: accepted or why not, boxes,
chargeable kg, cost, the cost of sending each parcel alone, transit days, cheapest), Boxes (the
cheapest line's boxes, what each holds, and the chargeable weights as live formulas on the
line's settings: xlsx_boxes), Allocation (the freight shared back to the items) and Parcels.

Decisions:
- Lines comes first: the sheet a CSV conversion takes. Its Chargeable kg of the line whose
  boxes are shown refers to the Boxes sheet's total, so a partner's change there shows here;
  the other lines show the app's values (their boxes are not in the workbook).
- Costs are the app's figures (numbers, with the currency in its own column): only the
  chargeable weights are formulas. A refused line has no boxes, weight or cost: its reason.
- Every header is English over Chinese; every piece of user text stays text.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.domain.consolidation.parcels import tags_text
from app.domain.consolidation.planner import WayCost
from app.errors import Cancelled
from app.exports.consolidation.data import (
    ConsolidationExport,
    Progress,
    Shown,
    box_numbers,
    check,
    currency_totals,
    entries_by_parcel,
    free_storage_days,
    parcel_name,
    shown_line,
    storage_days_left,
    totals_text,
    transit_text,
)
from app.exports.consolidation.xlsx_boxes import BOXES_SHEET, write_boxes
from app.exports.consolidation.xlsx_sheet import (
    BOLD,
    DATE,
    KG,
    Header,
    SheetWriter,
    money_format,
)
from app.exports.kit.atomic import atomic_output
from app.exports.kit.xlsx_cells import write_only_workbook

LINES_SHEET, ALLOCATION_SHEET, PARCELS_SHEET = "Lines", "Allocation", "Parcels"
SHEETS = 4  # progress is reported once per sheet
YES, NO = "yes", "no"

LINE_HEADERS: tuple[Header, ...] = (
    ("Line", "线路", 22),
    ("Agent", "代理", 14),
    ("Accepted", "可走", 9),
    ("Reason", "原因", 44),
    ("Boxes", "箱数", 7),
    ("Chargeable kg", "计费重量", 12),
    ("Cost", "运费", 12),
    ("Currency", "币种", 9),
    ("Separately", "分开寄", 12),
    ("Transit days", "时效(天)", 10),
    ("Cheapest", "最便宜", 9),
)
ALLOCATION_HEADERS: tuple[Header, ...] = (
    ("Item", "品名", 44),
    ("Basis", "分摊依据", 12),
    ("Share", "分摊运费", 12),
    ("Per unit", "单件运费", 12),
    ("Currency", "币种", 9),
)
PARCEL_HEADERS: tuple[Header, ...] = (
    ("Parcel", "包裹", 22),
    ("Supplier", "供应商", 28),
    ("Orders", "订单号", 24),
    ("Actual kg", "实重", 10),
    ("Size L × W × H", "尺寸", 20),
    ("Restricted goods", "敏感货", 20),
    ("Arrived", "入库日期", 11),
    ("Free storage days left", "免费仓储剩余天数", 12),
    ("Box", "箱号", 7),
)


def export_consolidation_xlsx(
    data: ConsolidationExport, out: Path, *, on_progress: Progress | None = None
) -> Path:
    """Write the plan to `out` atomically; on_progress(done, total) is called after each sheet
    and returning False cancels (no file is written and an existing `out` is kept)."""
    check(data)
    out = Path(out)
    shown = shown_line(data)
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        if on_progress is not None and on_progress(done, SHEETS) is False:
            raise Cancelled("Export cancelled: no file was written.")

    with atomic_output(out) as temporary, write_only_workbook() as workbook:
        lines = workbook.create_sheet(LINES_SHEET)  # first: the sheet a CSV conversion takes
        entries = entries_by_parcel(data)
        total = write_boxes(workbook.create_sheet(BOXES_SHEET), shown, entries)
        advance()
        write_lines(lines, data, shown, total)
        advance()
        write_allocation(workbook.create_sheet(ALLOCATION_SHEET), data, shown)
        advance()
        write_parcels(workbook.create_sheet(PARCELS_SHEET), data, shown)
        advance()
        workbook.save(temporary)
    return out


def write_lines(
    ws: WriteOnlyWorksheet, data: ConsolidationExport, shown: Shown | None, total: str | None
) -> None:
    sheet = SheetWriter.table(ws, LINE_HEADERS)
    for plan, name in zip(data.plan.lines, data.names, strict=True):
        best, currency = plan.best, plan.line.currency
        money = money_format(currency)
        chargeable: object = None
        if shown is not None and plan is shown.plan and total is not None:
            chargeable = sheet.formula(f"={total}", KG)
        elif best is not None:
            chargeable = sheet.number(best.chargeable_kg, KG)
        separately = plan.separate.total.amount if isinstance(plan.separate, WayCost) else None
        sheet.row(
            name.line,
            name.agent,
            YES if best is not None else NO,
            plan.refusal,
            best.boxes if best is not None else None,
            chargeable,
            sheet.number(best.total.amount if best is not None else None, money),
            currency,
            sheet.number(separately, money),
            transit_text(plan.line),
            YES if plan.cheapest else "",
        )
    sheet.filter(1, sheet.next_row - 1)
    sheet.blank()
    notes = [f"{data.title} · exported {data.today.isoformat()}"]
    if not data.plan.lines:
        notes.append("No shipping lines to compare: add a line and its rate card.")
    elif shown is None:
        notes.append("No line can take these parcels: each line's reason is beside it.")
    else:
        notes.append(
            f"Cost = freight, fuel surcharge and the line's per-box fees plus the agent's fees, "
            f"for the line's best way. The Chargeable kg of {shown.name.line} adds up the "
            f"{BOXES_SHEET} sheet's formulas; the other lines show the app's figures."
        )
        if shown.note:
            notes.append(shown.note)
    if data.plan.note and (shown is None or data.plan.note not in shown.note):
        notes.append(data.plan.note)
    for note in notes:
        sheet.note(note, span=len(LINE_HEADERS))


def write_allocation(
    ws: WriteOnlyWorksheet, data: ConsolidationExport, shown: Shown | None
) -> None:
    sheet = SheetWriter.table(ws, ALLOCATION_HEADERS)
    basis = data.allocation_basis
    first = sheet.next_row
    for entry in data.allocation:
        money = money_format(entry.share.currency)
        sheet.row(
            entry.item,
            entry.basis_value,
            sheet.number(entry.share.amount, money),
            sheet.number(entry.per_unit.amount, money),
            entry.share.currency,
        )
    last = sheet.next_row - 1
    sheet.filter(1, last)
    if data.allocation:
        currency = data.allocation[0].share.currency
        sheet.row(
            sheet.cell("Total · 合计", font=BOLD),
            None,
            sheet.formula(f"=SUM(C{first}:C{last})", money_format(currency), bold=True),
            None,
            currency,
        )
    sheet.blank()
    span = len(ALLOCATION_HEADERS)
    sheet.note(f"Basis: {basis.label} · {basis.label_zh}.", span=span)
    if not data.allocation:
        why = "no line can take these parcels" if shown is None else "no line is marked cheapest"
        sheet.note(f"Nothing is allocated: {why}.", span=span)
    else:
        total = currency_totals(entry.share for entry in data.allocation)
        sheet.note(
            f"{totals_text(total)} shared by largest remainder: the shares add up to it to the "
            "cent, and each is within a cent of its exact part.",
            span=span,
        )


def write_parcels(ws: WriteOnlyWorksheet, data: ConsolidationExport, shown: Shown | None) -> None:
    sheet = SheetWriter.table(ws, PARCEL_HEADERS)
    free_days = free_storage_days(data, shown)
    boxes = box_numbers(shown)
    for entry in data.parcels:
        parcel = entry.parcel
        arrived = sheet.cell(parcel.arrived_on, number_format=DATE) if parcel.arrived_on else None
        sheet.row(
            parcel_name(parcel),
            entry.supplier_name,
            ", ".join(entry.order_numbers),
            sheet.number(parcel.actual_kg, KG),
            str(parcel.dimensions),
            tags_text(parcel.tags),
            arrived,
            storage_days_left(parcel, data.today, free_days),
            boxes.get(parcel.id),
        )
    sheet.filter(1, sheet.next_row - 1)
