"""The empty quotes sheet to fill in and import (`python -m app template quotes --out FILE`):
the import's columns with bilingual headers, one example quote of three price breaks (three
rows: the quote's own columns only on its first row), and a sheet that explains the columns.

Every text goes into its cell as text, never as a formula (exports.kit.xlsx_cells), and the file
is written atomically (exports.kit.atomic).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from app.errors import WorkbenchError
from app.exports.kit.atomic import atomic_output
from app.exports.kit.xlsx_cells import (
    HEADER_ALIGNMENT,
    HEADER_FILL,
    HEADER_FONT,
    column_width,
    set_text,
)
from app.services.negotiation.quote_columns import COLUMNS, REQUIRED, SHEET_NAMES

EXAMPLE_SUPPLIER = "义乌市恒达工艺品厂"
EXAMPLE_PRODUCT = "硅胶解压玩具"
# domain.md: "2-99 pcs ¥3.20, 100-499 ¥2.80, ≥ 500 ¥2.50"
EXAMPLE_BREAKS = ((2, Decimal("3.20")), (100, Decimal("2.80")), (500, Decimal("2.50")))
_HELP_SHEET = "说明 Help"
_FORMATS = {"unit_price": "0.00##", "domestic_shipping": "0.00", "seller_min_amount": "0.00"}


def example_rows(today: date) -> list[dict[str, object]]:
    """The example quote as {column key: value}, one dict per price break."""
    first: dict[str, object] = {
        "currency": "CNY",
        "moq": 2,
        "order_multiple": 1,
        "valid_from": today,
        "valid_until": today + timedelta(days=30),
        "lead_time_days": 7,
        "domestic_shipping": Decimal("8.00"),
        "shipping_included": "no",
        "payment_terms": "支付宝担保交易 Alipay escrow",
        "trade_term": "EXW",
        "note": "混批 colours mixed from 2 pieces",
    }
    rows = []
    for number, (quantity, price) in enumerate(EXAMPLE_BREAKS):
        row: dict[str, object] = {
            "supplier": EXAMPLE_SUPPLIER,
            "product": EXAMPLE_PRODUCT,
            "min_qty": quantity,
            "unit_price": price,
        }
        if number == 0:
            row.update(first)
        rows.append(row)
    return rows


def write_quote_template(out: Path, today: date) -> Path:
    """Write the template to `out` (.xlsx), atomically."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise WorkbenchError(f"Cannot write the template to '{out.name}': name the file .xlsx.")
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET_NAMES[0]
    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=index)
        set_text(cell, column.header)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column_width(column.header, column.width)
    for row_number, values in enumerate(example_rows(today), start=2):
        for index, column in enumerate(COLUMNS, start=1):
            value = values.get(column.key)
            if value is None:
                continue
            cell = ws.cell(row=row_number, column=index)
            if isinstance(value, str):
                set_text(cell, value)
            else:
                cell.value = value
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            elif column.key in _FORMATS:
                cell.number_format = _FORMATS[column.key]
    ws.freeze_panes = "A2"
    _help_sheet(workbook)
    with atomic_output(out) as temporary:
        workbook.save(temporary)
    return out


def _help_sheet(workbook: object) -> None:
    ws = workbook.create_sheet(_HELP_SHEET)  # type: ignore[attr-defined]
    lines = [
        "One row per price break; the rows of one supplier and product are one quote.",
        "每行一个价格阶梯；同一供应商、同一产品的各行组成一份报价。",
        "Required: "
        + ", ".join(c.header for c in COLUMNS if c.key in REQUIRED)
        + " (the currency once per quote).",
        "The supplier must exist already (its name or id); a new product is created.",
        "供应商须已存在（名称或编号）；新产品会自动创建。",
        "The other columns describe the whole quote: fill them on its first row.",
        "Importing the same file again updates the quotes, it does not add them twice.",
        "",
    ]
    for line in lines:
        ws.append([line])
    for column in COLUMNS:
        ws.append([column.header, ", ".join(column.aliases)])
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                set_text(cell, cell.value)
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 60
