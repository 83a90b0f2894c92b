"""Import suppliers from .xlsx or .csv: every row is checked first; any problem imports nothing."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.domain.suppliers.supplier import Supplier
from app.domain.suppliers.validation import validate_supplier
from app.errors import ImportRejected, WorkbenchError
from app.exports.suppliers.columns import (
    CERTIFICATIONS_SHEET,
    CHILD_COLUMNS,
    CONTACT_KEY_OF,
    CONTACTS_SHEET,
    IMPORT_ONLY_COLUMNS,
    SHEET_ALIASES,
    SUPPLIER_COLUMNS,
    SUPPLIERS_SHEET,
    CellProblem,
    Column,
    build_certification,
    build_contact,
    build_red_flag,
    build_supplier,
    header_key,
    header_keys,
)
from app.services.changes import Change
from app.services.suppliers.service import SupplierService

SUFFIXES = (".xlsx", ".csv")
HEADER_SEARCH_ROWS = 10  # a title line or two above the header row is common in Chinese sheets
NAME_KEYS = ("name_zh", "name_en")
MAIN_COLUMNS: tuple[Column[Any], ...] = (*SUPPLIER_COLUMNS, *IMPORT_ONLY_COLUMNS)
_FORMULA_START = tuple("=+-@\t\r")  # what a leading apostrophe protects in CSV (OWASP)


@dataclass
class Table:
    """One sheet's rows as read: (row number as the user sees it, cell values)."""

    title: str
    rows: list[tuple[int, Sequence[Any]]]


def import_suppliers(service: SupplierService, path: Path) -> Change:
    """Read and check the whole file, then insert every supplier in one transaction."""
    suppliers = read_suppliers_file(path, today=service.today())
    return service.insert_many(suppliers)


def read_suppliers_file(path: Path, *, today: date) -> list[Supplier]:
    """Suppliers from a .xlsx or .csv file; raises ImportRejected listing every bad row."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise WorkbenchError(
            f"Cannot import '{path.name}': save it as an Excel workbook (.xlsx) or as CSV (.csv)."
        )
    if not path.is_file():
        raise WorkbenchError(f"{path} does not exist.")
    if suffix == ".xlsx":
        main, children = read_xlsx_tables(path)
    else:
        main, children = read_csv_table(path), {}
    return _Reader(today, path.name).read(main, children)


# --- reading files into tables -------------------------------------------------------------
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


# --- checking and building -----------------------------------------------------------------
Where = tuple[str, int]  # sheet title, row number


@dataclass
class _Located:
    """A parsed supplier and where its parts came from, to point problems at the right cell."""

    supplier: Supplier
    row: int
    contact_rows: list[Where] = field(default_factory=list)
    flag_rows: list[Where] = field(default_factory=list)


@dataclass(order=True)
class _Problem:
    sheet: int
    row: int
    order: int
    text: str = field(compare=False)


class _Reader:
    """Parses the tables into suppliers, collecting every problem as 'row N, column K: why'.

    A bad cell does not stop the row: the rest is still built and checked, so one run lists
    everything to fix (but no rule is reported for a cell that did not parse).
    """

    def __init__(self, today: date, file_name: str) -> None:
        self.today = today
        self.file_name = file_name
        self.main_title = ""
        self.problems: list[_Problem] = []
        self.sheets: dict[str, int] = {}  # title → position, to list problems sheet by sheet
        self.headers: dict[str, dict[str, str]] = {}  # title → column key → header as written
        self.bad_cells: set[tuple[str, int, str]] = set()
        self.bad_rows: set[Where] = set()
        self.by_ref: dict[str, _Located] = {}

    def read(self, main: Table, children: dict[str, Table]) -> list[Supplier]:
        self.main_title = main.title
        located = self._suppliers(self._parse(main, MAIN_COLUMNS, NAME_KEYS))
        for role in CHILD_COLUMNS:
            if role in children:
                self._attach(role, children[role])
        self._check_names(located)
        self._validate(located)
        if self.problems:
            raise ImportRejected([problem.text for problem in sorted(self.problems)])
        if not located:
            raise WorkbenchError(f"Nothing was imported: '{self.file_name}' has no supplier rows.")
        return [item.supplier for item in located]

    # --- tables to {key: value} rows -------------------------------------------------------
    def _parse(
        self, table: Table, columns: Sequence[Column[Any]], required: Sequence[str]
    ) -> list[tuple[int, dict[str, Any]]]:
        """The non-blank rows after the header as (row number, {column key: parsed value})."""
        self.sheets.setdefault(table.title, len(self.sheets))
        found = _find_header(table, columns, required)
        if found is None:
            raise WorkbenchError(self._no_header_message(table))
        header_number, cells, keys = found
        used = self._used_columns(table.title, header_number, cells, keys)
        by_key = {column.key: column for column in columns}
        wanted = [(index, by_key[key]) for index, key in used if by_key[key].parse]
        rows = []
        for number, row_cells in table.rows:
            if number > header_number:
                values = self._parse_row(table.title, number, row_cells, wanted)
                if values:
                    rows.append((number, values))
        return rows

    def _used_columns(
        self, title: str, number: int, cells: Sequence[Any], keys: Sequence[str | None]
    ) -> list[tuple[int, str]]:
        """(index, key) of each recognised column; a second column for the same key is a problem."""
        first: dict[str, int] = {}
        repeated: list[tuple[int, str]] = []
        for index, key in enumerate(keys):
            if key in first:
                repeated.append((index, key))
            elif key is not None:
                first[key] = index
        self.headers[title] = {key: str(cells[index]).strip() for key, index in first.items()}
        for index, key in repeated:
            letters = f"{column_letter(first[key])} and {column_letter(index)}"
            self._problem(title, number, key, f"columns {letters} both hold it; keep one")
        return [(index, key) for key, index in first.items()]

    def _parse_row(
        self, title: str, number: int, cells: Sequence[Any], wanted: list[tuple[int, Column[Any]]]
    ) -> dict[str, Any]:
        """{key: value} of the non-empty cells that parse; a bad cell is noted and left out."""
        values: dict[str, Any] = {}
        for index, column in wanted:
            raw = cells[index] if index < len(cells) else None
            if raw is None or (raw.__class__ is str and not raw.strip()):
                continue
            try:
                values[column.key] = column.parse(raw)  # type: ignore[misc]
            except ValueError as error:
                self._bad_cell(title, number, column.key, str(error))
        return values

    def _no_header_message(self, table: Table) -> str:
        if not any(_filled(cells) for _, cells in table.rows):
            if table.title == self.main_title:
                return f"Nothing was imported: '{self.file_name}' is empty."
            return f"Nothing was imported: the {table.title} sheet has no header row."
        if table.title != self.main_title:
            return (
                f"Nothing was imported: the {table.title} sheet needs a 'ref' column naming"
                " the supplier of each row."
            )
        return (
            f"Nothing was imported: '{self.file_name}' has no name column. The first row must"
            " hold the column names, with name_zh (Chinese name, 供应商名称) or"
            " name_en (English name, 英文名称)."
        )

    # --- rows to records -------------------------------------------------------------------
    def _build(self, where: Where, values: dict[str, Any], build: Callable[..., Any]) -> Any:
        """build(values); a value that does not fit is noted and left out, then retried."""
        while True:
            try:
                return build(values)
            except CellProblem as problem:
                self._bad_cell(*where, problem.key, str(problem))
                if problem.key not in values:
                    return None
                values = {key: value for key, value in values.items() if key != problem.key}

    def _suppliers(self, rows: list[tuple[int, dict[str, Any]]]) -> list[_Located]:
        located: list[_Located] = []
        for number, values in rows:
            where = (self.main_title, number)
            supplier = self._build(where, values, lambda v: build_supplier(v, self.today))
            item = _Located(supplier, number)
            if supplier.contacts:
                item.contact_rows.append(where)
            self._remember_ref(item, values.get("ref"))
            located.append(item)
        return located

    def _remember_ref(self, item: _Located, ref: str | None) -> None:
        if ref is None:
            return
        if ref in self.by_ref:
            earlier = self.by_ref[ref].row
            self._problem(self.main_title, item.row, "ref", f"ref {ref} is also on row {earlier}")
        else:
            self.by_ref[ref] = item

    def _attach(self, role: str, table: Table) -> None:
        """Add the rows of a Contacts, Certifications or Red flags sheet to their suppliers."""
        if not any(_filled(cells) for _, cells in table.rows):
            return
        for number, values in self._parse(table, CHILD_COLUMNS[role], ("ref",)):
            where = (table.title, number)
            if values.keys() == {"ref"} and where not in self.bad_rows:
                continue  # a ref alone adds nothing
            owner = self._owner(table.title, number, values.get("ref"))
            if owner is None:
                continue
            if role == CONTACTS_SHEET:
                owner.supplier.contacts.append(self._build(where, values, build_contact))
                owner.contact_rows.append(where)
            elif role == CERTIFICATIONS_SHEET:
                certification = self._build(where, values, build_certification)
                if certification is not None:
                    owner.supplier.certifications.append(certification)
            else:
                owner.supplier.red_flags.append(self._build(where, values, build_red_flag))
                owner.flag_rows.append(where)

    def _owner(self, title: str, number: int, ref: str | None) -> _Located | None:
        if ref is None:
            self._problem(title, number, "ref", "say which supplier this row belongs to (its ref)")
            return None
        owner = self.by_ref.get(ref)
        if owner is None:
            self._problem(title, number, "ref", f"no supplier on the first sheet has ref {ref}")
        return owner

    # --- whole-record checks ---------------------------------------------------------------
    def _check_names(self, located: list[_Located]) -> None:
        """The same Chinese (or English) name twice in one file is a mistake."""
        for key in NAME_KEYS:
            seen: dict[str, int] = {}
            for item in located:
                name = " ".join(getattr(item.supplier, key).casefold().split())
                if not name:
                    continue
                if name in seen:
                    message = f"the same name as row {seen[name]}"
                    self._problem(self.main_title, item.row, key, message)
                else:
                    seen[name] = item.row

    def _validate(self, located: list[_Located]) -> None:
        for item in located:
            for key, message in validate_supplier(item.supplier, self.today).items():
                cell = self._locate(item, key)
                if cell not in self.bad_cells:
                    self._problem(*cell, message)

    def _locate(self, item: _Located, key: str) -> tuple[str, int, str]:
        """Where a validation key like 'contacts[1].email' points: sheet, row, column."""
        found = _ITEM_KEY.match(key)
        if found:
            origins = item.contact_rows if found["list"] == "contacts" else item.flag_rows
            index = int(found["index"])
            if index < len(origins):
                title, number = origins[index]
                return title, number, CONTACT_KEY_OF.get(found["field"], found["field"])
        return self.main_title, item.row, key

    # --- messages --------------------------------------------------------------------------
    def _bad_cell(self, title: str, number: int, key: str, message: str) -> None:
        self.bad_cells.add((title, number, key))
        self.bad_rows.add((title, number))
        self._problem(title, number, key, message)

    def _problem(self, title: str, number: int, key: str, message: str) -> None:
        where = f"row {number}" if title == self.main_title else f"{title} row {number}"
        header = self.headers.get(title, {}).get(key)
        column = key
        if header and header_key(header) != header_key(key):
            column = f"{key} ({header})"
        text = f"{where}, column {column}: {message}"
        order = len(self.problems)
        self.problems.append(_Problem(self.sheets.get(title, 0), number, order, text))


_ITEM_KEY = re.compile(r"^(?P<list>contacts|red_flags)\[(?P<index>\d+)\]\.(?P<field>\w+)$")


def _find_header(
    table: Table, columns: Sequence[Column[Any]], required: Sequence[str]
) -> tuple[int, Sequence[Any], list[str | None]] | None:
    """The first row (of the first few) naming a required column: number, cells, keys."""
    for number, cells in table.rows[:HEADER_SEARCH_ROWS]:
        keys = header_keys(cells, columns)
        if any(key in required for key in keys):
            return number, cells, keys
    return None


def _filled(cells: Iterable[Any]) -> bool:
    return any(cell is not None and str(cell).strip() for cell in cells)


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
