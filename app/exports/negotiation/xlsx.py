"""One product's quotes as a live .xlsx calculator a partner can play with.

Sheets: "Comparison" (one row per quote: the applicable break's unit price, the totals, the
landed cost, per unit, selling price and rank, then the workings line by line), "Inputs" (every
input in a cell with a workbook-level defined name: PlannedQty, FX_<CCY>, AgentFeePct...),
"Breaks" (each quote's MOQ, order multiple, shop minimum, domestic shipping and price breaks)
and "Notes" (the money rules, the rates with their dates, what each input means).

Every figure on Comparison is a formula (xlsx_formulas) over Inputs and Breaks: change the
quantity, a rate or a break price in Excel or LibreOffice and the break, totals, landed cost,
selling price and rank recompute; no computed value is stored. A program that reads the file
without recalculating (pandas) sees them empty. User text (supplier names) is always text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.properties import CalcProperties
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.matrix.grade_palette import Tone
from app.domain.negotiation.quotes import quote_problems
from app.errors import Cancelled
from app.exports.kit.atomic import atomic_output
from app.exports.kit.xlsx_cells import HEADER_FILL, HEADER_FONT, set_text
from app.exports.kit.xlsx_print import set_up_workbook_printing
from app.exports.negotiation.data import NegotiationExport, QuoteEntry
from app.exports.negotiation.xlsx_formulas import (
    B_CURRENCY,
    B_LEAD_TIME,
    B_MOQ,
    B_MULTIPLE,
    B_SHIPPING,
    B_SHOP_AMOUNT,
    B_SHOP_PIECES,
    B_SUPPLIER,
    B_VALID_UNTIL,
    BREAKS_SHEET,
    COLUMN,
    COMPARISON_COLUMNS,
    FIRST_BREAK_COLUMN,
    QuoteLayout,
    row_formulas,
)
from app.exports.negotiation.xlsx_inputs import (
    COUNT_FORMAT,
    INPUT_BORDER,
    InputRefs,
    amount_format,
    write_inputs,
)
from app.exports.negotiation.xlsx_notes import write_notes

Progress = Callable[[int, int], bool]
COMPARISON_SHEET, NOTES_SHEET = "Comparison", "Notes"
VISIBLE_COLUMNS = 9  # supplier .. rank; the workings follow
_WORKINGS_FILL = PatternFill("solid", fgColor="5A6270")
_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")
_BOLD = Font(bold=True)
_NOTE = Font(italic=True, color="5A6270")
_REASON = Font(color="B3261E")
_BEST = PatternFill("solid", fgColor=Tone.BEST.fill.lstrip("#").upper())
_DATE = "yyyy-mm-dd"
MIN_BREAK_SLOTS = 3


def export_negotiation_xlsx(
    data: NegotiationExport, out: Path, *, on_progress: Progress | None = None
) -> Path:
    """Write the calculator to `out` atomically; on_progress(done, total) is called after each
    quote and returning False cancels (no file is written, an existing `out` is kept)."""
    out = Path(out)
    workbook = Workbook()
    workbook.remove(workbook.active)
    comparison = workbook.create_sheet(COMPARISON_SHEET)  # first: the sheet that opens
    refs = write_inputs(workbook, data)
    breaks = workbook.create_sheet(BREAKS_SHEET)
    slots = max([MIN_BREAK_SLOTS - 1, *(len(e.quote.breaks) for e in data.quotes)]) + 1
    _comparison_header(comparison)
    _breaks_header(breaks, slots)
    last_row = len(data.quotes) + 1
    total = len(data.quotes)
    for done, entry in enumerate(data.quotes, start=1):
        layout = QuoteLayout(done + 1, entry.quote.currency.upper(), slots)
        _breaks_row(breaks, entry, layout)
        _comparison_row(comparison, entry, layout, refs, last_row)
        if on_progress is not None and on_progress(done, total) is False:
            raise Cancelled("Export cancelled: no file was written.")
    _comparison_footer(comparison, data, last_row)
    _breaks_footer(breaks, last_row)
    write_notes(workbook.create_sheet(NOTES_SHEET), data, refs)
    set_up_workbook_printing(workbook, f"Sourcing Workbench · Negotiation · {data.product_name}")
    workbook.active = 0
    workbook.calculation = CalcProperties(fullCalcOnLoad=True)  # Excel: compute on opening
    with atomic_output(out) as temporary:  # any OSError: one ExportFailed line, no file
        workbook.save(temporary)
    return out


# --- Comparison ----------------------------------------------------------------------------


def _comparison_header(ws: Worksheet) -> None:
    for number, (_, english, chinese, width) in enumerate(COMPARISON_COLUMNS, start=1):
        cell = ws.cell(row=1, column=number, value=f"{english}\n{chinese}")
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL if number <= VISIBLE_COLUMNS else _WORKINGS_FILL
        cell.alignment = _HEADER_ALIGNMENT
        ws.column_dimensions[cell.column_letter].width = width
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "C2"


def _comparison_row(
    ws: Worksheet, entry: QuoteEntry, layout: QuoteLayout, refs: InputRefs, last_row: int
) -> None:
    r, q, home = layout.row, layout.currency, refs.home
    set_text(ws[f"{COLUMN['supplier']}{r}"], entry.supplier_name)
    set_text(ws[f"{COLUMN['currency']}{r}"], q)
    problems = quote_problems(entry.quote)
    if problems:  # a broken quote (no breaks...): nothing to compute, say why
        set_text(ws[f"{COLUMN['unit_price']}{r}"], " ".join(problems))
        ws[f"{COLUMN['unit_price']}{r}"].font = _REASON
        return
    formats = {
        "unit_price": amount_format(q, 2),
        "goods": amount_format(q),
        "goods_home": amount_format(home),
        "landed": amount_format(home),
        "per_unit": f'#,##0.0000" {home}"',
        "selling": amount_format(home),
        "rank": "0",
        "ordered": COUNT_FORMAT,
        "break_from": COUNT_FORMAT,
        "break_price": amount_format(q, 2),
        "goods_quote": amount_format(q),
        "agent_fee_agent": amount_format(refs.agent),
        "relief_value": amount_format(refs.destination) if refs.destination else "General",
    }
    for key, formula in row_formulas(layout, refs, last_row).items():
        cell = ws[f"{COLUMN[key]}{r}"]
        cell.value = formula  # our own formula: never user text
        cell.number_format = formats.get(key, amount_format(home))


def _comparison_footer(ws: Worksheet, data: NegotiationExport, last_row: int) -> None:
    if last_row > 1:
        rank = f"{COLUMN['rank']}2:{COLUMN['rank']}{last_row}"
        ws.conditional_formatting.add(
            rank, CellIsRule(operator="equal", formula=["1"], fill=_BEST, font=_BOLD)
        )
        price = f"{COLUMN['unit_price']}2:{COLUMN['unit_price']}{last_row}"
        ws.conditional_formatting.add(
            price, FormulaRule(formula=[f"ISTEXT({COLUMN['unit_price']}2)"], font=_REASON)
        )
    row = last_row + 2
    if last_row == 1:
        ws.cell(row=row - 1, column=1, value="No quotes to compare / 没有报价").font = _NOTE
    ws.cell(row=row, column=1, value="Product / 产品").font = _BOLD
    set_text(ws.cell(row=row, column=2), data.product_name)
    ws.cell(row=row + 1, column=1, value="Planned quantity / 计划数量").font = _BOLD
    ws.cell(row=row + 1, column=2, value="=PlannedQty").number_format = COUNT_FORMAT
    ws.cell(row=row + 2, column=1, value="Home currency / 本币").font = _BOLD
    ws.cell(row=row + 2, column=2, value=data.home.upper())
    ws.cell(row=row + 3, column=1, value="Exported / 导出日期").font = _BOLD
    ws.cell(row=row + 3, column=2, value=data.today.isoformat())
    ws.cell(
        row=row + 4,
        column=1,
        value="Every figure is a formula: change the inputs on Inputs or a price break on "
        "Breaks and this sheet recomputes. The rules are on Notes. / 所有数字均为公式。",
    ).font = _NOTE


# --- Breaks --------------------------------------------------------------------------------

_BREAKS_HEADERS = (
    (B_SUPPLIER, "Supplier / 供应商", 34),
    (B_CURRENCY, "Currency / 币种", 10),
    (B_MOQ, "MOQ / 起订量", 10),
    (B_MULTIPLE, "Order multiple / 倍数", 10),
    (B_SHOP_AMOUNT, "Shop minimum amount / 店铺起订金额", 14),
    (B_SHOP_PIECES, "Shop minimum pieces / 店铺起订件数", 12),
    (B_SHIPPING, "Domestic shipping per order / 国内运费", 14),
    (B_VALID_UNTIL, "Valid until / 有效期至", 12),
    (B_LEAD_TIME, "Lead time (days) / 交期", 10),
)


def _breaks_header(ws: Worksheet, slots: int) -> None:
    headers = [(column, text, width) for column, text, width in _BREAKS_HEADERS]
    for n in range(slots):
        headers.append(("", f"From qty {n + 1} / 起订量{n + 1}", 11))
    for n in range(slots):
        headers.append(("", f"Unit price {n + 1} / 单价{n + 1}", 11))
    for number, (_, text, width) in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=number, value=text)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, _HEADER_ALIGNMENT
        ws.column_dimensions[cell.column_letter].width = width
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "C2"


def _breaks_row(ws: Worksheet, entry: QuoteEntry, layout: QuoteLayout) -> None:
    quote, r, q = entry.quote, layout.row, layout.currency
    set_text(ws[f"{B_SUPPLIER}{r}"], entry.supplier_name)
    set_text(ws[f"{B_CURRENCY}{r}"], q)
    first_min = ws.cell(row=r, column=FIRST_BREAK_COLUMN).coordinate
    moq: object = quote.moq if quote.moq is not None else f"={first_min}"  # follows break 1
    shipping = 0 if quote.shipping_included else quote.domestic_shipping
    inputs = {
        B_MOQ: (moq, COUNT_FORMAT),
        B_MULTIPLE: (quote.order_multiple, COUNT_FORMAT),
        B_SHOP_AMOUNT: (quote.seller_min_amount, amount_format(q)),
        B_SHOP_PIECES: (quote.seller_min_qty, COUNT_FORMAT),
        B_SHIPPING: (shipping, amount_format(q)),
    }
    for column, (value, number_format) in inputs.items():
        _input(ws, f"{column}{r}", value, number_format)
    ws[f"{B_VALID_UNTIL}{r}"] = quote.valid_until
    ws[f"{B_VALID_UNTIL}{r}"].number_format = _DATE
    ws[f"{B_LEAD_TIME}{r}"] = quote.lead_time_days
    for n in range(layout.slots):
        price_break = quote.breaks[n] if n < len(quote.breaks) else None
        minimum = ws.cell(row=r, column=FIRST_BREAK_COLUMN + n).coordinate
        price = ws.cell(row=r, column=FIRST_BREAK_COLUMN + layout.slots + n).coordinate
        _input(ws, minimum, price_break.min_qty if price_break else None, COUNT_FORMAT)
        _input(ws, price, price_break.unit_price if price_break else None, amount_format(q, 2))


def _input(ws: Worksheet, ref: str, value: object, number_format: str) -> None:
    cell = ws[ref]
    cell.value = value
    cell.number_format = number_format
    cell.font, cell.border = _BOLD, INPUT_BORDER


def _breaks_footer(ws: Worksheet, last_row: int) -> None:
    notes = (
        "Boxed cells are inputs: the Comparison sheet recomputes when they change.",
        "Price breaks are all-units: the ordered quantity takes the price of the break with the "
        "largest 'from' quantity not above it. Keep the 'from' quantities rising left to right "
        "and leave unused slots empty; a new break goes in the first empty slot.",
        "MOQ: empty in the app means the first break's quantity (the cell follows it). Shop "
        "minimum: met by the amount OR the pieces. Domestic shipping: per order, in the quote's "
        "currency; 0 = included, empty = unknown (no landed cost then).",
        "报价为全量阶梯价：订购数量适用不超过它的最大起订量档位的单价。",
    )
    for offset, text in enumerate(notes, start=2):
        ws.cell(row=last_row + offset, column=1, value=text).font = _NOTE
