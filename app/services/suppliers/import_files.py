"""Reading an import file into tables of cells: .xlsx sheets or one .csv, as the user sees them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.errors import WorkbenchError
from app.exports.suppliers.columns import CHILD_COLUMNS, SHEET_ALIASES, SUPPLIERS_SHEET, header_key

SUFFIXES = (".xlsx", ".csv")
HEADER_SEARCH_ROWS = 10  # a title line or two above the header row is common in Chinese sheets
_FORMULA_START = tuple("=+-@\t\r")  # what a leading apostrophe protects in CSV (OWASP)


@dataclass
class Table:
    """One sheet's rows as read: (row number as the user sees it, cell values)."""

    title: str
    rows: list[tuple[int, Sequence[Any]]]


def read_tables(path: Path) -> tuple[Table, dict[str, Table]]:
    """The supplier table and any Contacts/Certifications/Red flags tables of a file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise WorkbenchError(
            f"Cannot import '{path.name}': save it as an Excel workbook (.xlsx) or as CSV (.csv)."
        )
    if not path.is_file():
        raise WorkbenchError(f"{path} does not exist.")
    if suffix == ".xlsx":
        return read_xlsx_tables(path)
    return read_csv_table(path), {}


# --- CSV -----------------------------------------------------------------------------------
def read_csv_table(path: Path) -> Table:
    """A CSV file in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    text = decode_text(path.read_bytes(), path.name)
    dialect = _dialect(text)
    try:
        rows: list[tuple[int, Sequence[Any]]] = [
            (number, [_unprotect(cell) for cell in cells])
            for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), 1)
        ]
    except csv.Error as error:
        raise WorkbenchError(f"Cannot read '{path.name}' as CSV: {error}.") from None
    return Table("", rows)


def decode_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise WorkbenchError(f"'{name}' is not a CSV text file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")  # what Chinese Excel saves; a superset of GBK and GB2312
    except UnicodeDecodeError:
        raise WorkbenchError(
            f"'{name}' is neither UTF-8 nor GB18030 text: save it again as CSV (UTF-8)."
        ) from None


def _dialect(text: str) -> type[csv.Dialect]:
    """Comma, semicolon or tab: whichever the first lines hold most. Quotes are always '"'
    (csv.Sniffer would take the apostrophes that protect formulas for quote marks)."""
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS])
    counts = {mark: sample.count(mark) for mark in DELIMITERS}
    return DELIMITERS[max(counts, key=counts.__getitem__)]


class _Semicolon(csv.excel):
    delimiter = ";"


DELIMITERS: dict[str, type[csv.Dialect]] = {",": csv.excel, ";": _Semicolon, "\t": csv.excel_tab}


def _unprotect(cell: str) -> str:
    """Strip the apostrophe an exporter put before a formula-like value (OWASP CSV injection)."""
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_START):
        return cell[1:]
    return cell


# --- Excel ---------------------------------------------------------------------------------
def read_xlsx_tables(path: Path) -> tuple[Table, dict[str, Table]]:
    """The Suppliers sheet (or the first sheet) and any Contacts/Certifications/Red flags."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            return _tables_of(workbook)
        finally:
            workbook.close()
    except WorkbenchError:
        raise
    except Exception as error:  # a damaged or foreign file fails in many ways inside openpyxl
        raise WorkbenchError(
            f"Cannot read '{path.name}': it is not an Excel workbook (.xlsx) or it is damaged"
            f" ({type(error).__name__})."
        ) from None


def _tables_of(workbook: Any) -> tuple[Table, dict[str, Table]]:
    sheets = {_sheet_role(ws.title): ws for ws in reversed(workbook.worksheets)}
    main = sheets.get(SUPPLIERS_SHEET) or workbook.worksheets[0]
    children = {
        role: _xlsx_table(ws)
        for role, ws in sheets.items()
        if role in CHILD_COLUMNS and ws is not main
    }
    return _xlsx_table(main), children


def _sheet_role(title: str) -> str | None:
    wanted = header_key(title)
    for role, aliases in SHEET_ALIASES.items():
        if wanted in {header_key(name) for name in (role, *aliases)}:
            return role
    return None


def _xlsx_table(ws: Any) -> Table:
    ws.reset_dimensions()  # some writers declare a wrong size; read what is there
    rows: list[tuple[int, Sequence[Any]]] = [
        (number, [_xlsx_value(cell) for cell in row])
        for number, row in enumerate(ws.iter_rows(), 1)
    ]
    return Table(ws.title, rows)


def _xlsx_value(cell: Any) -> Any:
    """The value as the user sees it: 0.455 shown as a percentage reads as '45.5%'."""
    value = cell.value
    if value.__class__ in (int, float) and "%" in (cell.number_format or ""):
        shown = format(Decimal(format(value, ".15g")) * 100, "f")
        return (shown.rstrip("0").rstrip(".") if "." in shown else shown) + "%"
    return value


# --- small helpers -------------------------------------------------------------------------
def filled(cells: Iterable[Any]) -> bool:
    """Whether a row holds anything but blanks."""
    return any(cell is not None and str(cell).strip() for cell in cells)


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
