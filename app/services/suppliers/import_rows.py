"""Checking an import file's rows and building supplier records from them.

Every problem is collected as 'row N, column K: why' and the whole file is refused
(ImportRejected) if there is any. Each record remembers which fields its row gave a value for:
an import that updates an existing supplier replaces only those (see importing.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.suppliers.supplier import Supplier
from app.domain.suppliers.validation import validate_supplier
from app.errors import ImportRejected, WorkbenchError
from app.exports.suppliers.columns import (
    ATTENTION_LABEL,
    CERTIFICATIONS_SHEET,
    CHILD_COLUMNS,
    CONTACT_KEY_OF,
    CONTACT_KEYS,
    CONTACTS_SHEET,
    IMPORT_ONLY_COLUMNS,
    RED_FLAGS_SHEET,
    SUPPLIER_COLUMNS,
    CellProblem,
    Column,
    build_certification,
    build_contact,
    build_red_flag,
    build_supplier,
    header_key,
    header_keys,
    parse_text,
)
from app.services.suppliers.import_files import (
    HEADER_SEARCH_ROWS,
    Table,
    column_letter,
    filled,
    read_tables,
)

NAME_KEYS = ("name_zh", "name_en")
MAIN_COLUMNS: tuple[Column[Any], ...] = (*SUPPLIER_COLUMNS, *IMPORT_ONLY_COLUMNS)
LABELS = {column.key: column.label for column in MAIN_COLUMNS}
# The record field a column of the supplier sheet gives (columns not named here give none).
_FIELD_OF_COLUMN = {
    "membership_years": "member_since",
    **{key: "contacts" for key in CONTACT_KEYS},
}
_RECORD_FIELDS = frozenset(Supplier.__dataclass_fields__) - {"id", "created_at", "updated_at"}
_LIST_SHEETS = {
    "contacts": CONTACTS_SHEET,
    "certifications": CERTIFICATIONS_SHEET,
    "red_flags": RED_FLAGS_SHEET,
}

Where = tuple[str, int]  # sheet title, row number


@dataclass
class IncomingRow:
    """One supplier row of the file: its record and the fields the file gave a value for
    (a blank cell or a missing column gives none; a Contacts sheet row gives `contacts`)."""

    supplier: Supplier
    row: int
    given: set[str] = field(default_factory=set)
    contact_rows: list[Where] = field(default_factory=list, repr=False)
    flag_rows: list[Where] = field(default_factory=list, repr=False)
    # The row's cells in columns the importer does not know: (header as written, text).
    unknown: list[tuple[str, str]] = field(default_factory=list, repr=False)


@dataclass
class ReadFile:
    """The checked rows of one file, and its headers as the user wrote them."""

    file_name: str
    rows: list[IncomingRow]
    headers: dict[str, str]  # column key → header as written, on the supplier sheet
    sheet_titles: dict[str, str]  # Contacts/Certifications/Red flags → sheet title as written
    # Headers no field answers to, as written ("采购员"; "Contacts: 备用电话" on another sheet).
    unknown_columns: tuple[str, ...] = ()

    def label(self, field_name: str) -> str:
        """What the user calls a record field: its header (or sheet) as written in the file."""
        if field_name in _LIST_SHEETS:
            return self.sheet_titles.get(_LIST_SHEETS[field_name], _LIST_SHEETS[field_name])
        keys = [key for key, name in _FIELD_OF_COLUMN.items() if name == field_name]
        for key in (field_name, *keys):
            if key in self.headers:
                return self.headers[key]
        return LABELS.get(field_name, field_name)

    def problem(self, row: int, key: str, message: str) -> str:
        """'row N, column K: why', as the reader words its own problems."""
        return problem_text(f"row {row}", key, self.headers.get(key), message)


def problem_text(where: str, key: str, header: str | None, message: str) -> str:
    column = key
    if header and header_key(header) != header_key(key):
        column = f"{key} ({header})"
    return f"{where}, column {column}: {message}"


def read_rows(path: Path, *, today: date) -> ReadFile:
    """The file's supplier rows, all checked; raises ImportRejected listing every bad row."""
    main, children = read_tables(path)
    return _Reader(today, Path(path).name).read(main, children)


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
        self.by_ref: dict[str, IncomingRow] = {}
        self.sheet_titles: dict[str, str] = {}
        self.unknown: dict[str, list[tuple[int, str]]] = {}  # title → (index, header) ignored

    def read(self, main: Table, children: dict[str, Table]) -> ReadFile:
        self.main_title = main.title
        located = self._suppliers(self._parse(main, MAIN_COLUMNS, NAME_KEYS), main)
        for role in CHILD_COLUMNS:
            if role in children:
                self._attach(role, children[role])
        self._check_names(located)
        self._validate(located)
        if self.problems:
            raise ImportRejected([problem.text for problem in sorted(self.problems)])
        if not located:
            raise WorkbenchError(f"Nothing was imported: '{self.file_name}' has no supplier rows.")
        headers = self.headers.get(self.main_title, {})
        return ReadFile(
            self.file_name, located, headers, self.sheet_titles, self._unknown_columns()
        )

    def _unknown_columns(self) -> tuple[str, ...]:
        names = [header for _, header in self.unknown.get(self.main_title, [])]
        for title, found in self.unknown.items():
            if title != self.main_title:
                names += [f"{title}: {header}" for _, header in found]
        return tuple(names)

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
        self.unknown[table.title] = _unknown(cells, keys)
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
        if not any(filled(cells) for _, cells in table.rows):
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

    def _suppliers(self, rows: list[tuple[int, dict[str, Any]]], table: Table) -> list[IncomingRow]:
        located: list[IncomingRow] = []
        cells_of = dict(table.rows)
        for number, values in rows:
            where = (self.main_title, number)
            supplier = self._build(where, values, lambda v: build_supplier(v, self.today))
            # A deposit currency alone gives no field: it changes no stored deposit.
            given = {_FIELD_OF_COLUMN.get(key, key) for key in values} & _RECORD_FIELDS
            item = IncomingRow(supplier, number, given)
            item.unknown = _unknown_cells(cells_of.get(number, ()), self.unknown[self.main_title])
            if supplier.contacts:
                item.contact_rows.append(where)
            else:
                item.given.discard("contacts")
            self._remember_ref(item, values.get("ref"))
            located.append(item)
        return located

    def _remember_ref(self, item: IncomingRow, ref: str | None) -> None:
        if ref is None:
            return
        if ref in self.by_ref:
            earlier = self.by_ref[ref].row
            self._problem(self.main_title, item.row, "ref", f"ref {ref} is also on row {earlier}")
        else:
            self.by_ref[ref] = item

    def _attach(self, role: str, table: Table) -> None:
        """Add the rows of a Contacts, Certifications or Red flags sheet to their suppliers."""
        if not any(filled(cells) for _, cells in table.rows):
            return
        self.sheet_titles[role] = table.title
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
                owner.given.add("contacts")
            elif role == CERTIFICATIONS_SHEET:
                certification = self._build(where, values, build_certification)
                if certification is not None:
                    owner.supplier.certifications.append(certification)
                    owner.given.add("certifications")
            else:
                owner.supplier.red_flags.append(self._build(where, values, build_red_flag))
                owner.flag_rows.append(where)
                owner.given.add("red_flags")

    def _owner(self, title: str, number: int, ref: str | None) -> IncomingRow | None:
        if ref is None:
            self._problem(title, number, "ref", "say which supplier this row belongs to (its ref)")
            return None
        owner = self.by_ref.get(ref)
        if owner is None:
            self._problem(title, number, "ref", f"no supplier on the first sheet has ref {ref}")
        return owner

    # --- whole-record checks ---------------------------------------------------------------
    def _check_names(self, located: list[IncomingRow]) -> None:
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

    def _validate(self, located: list[IncomingRow]) -> None:
        for item in located:
            for key, message in validate_supplier(item.supplier, self.today).items():
                cell = self._locate(item, key)
                if cell not in self.bad_cells:
                    self._problem(*cell, message)

    def _locate(self, item: IncomingRow, key: str) -> tuple[str, int, str]:
        """Where a validation key like 'contacts[1].email' points: sheet, row, column."""
        found = ITEM_KEY.match(key)
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
        text = problem_text(where, key, header, message)
        order = len(self.problems)
        self.problems.append(_Problem(self.sheets.get(title, 0), number, order, text))


ITEM_KEY = re.compile(r"^(?P<list>contacts|red_flags)\[(?P<index>\d+)\]\.(?P<field>\w+)$")


# Written by the app's own export but read by no field: not worth a word.
_EXPORT_ONLY = {header_key(ATTENTION_LABEL)}


def _unknown(cells: Sequence[Any], keys: Sequence[str | None]) -> list[tuple[int, str]]:
    """(index, header as written) of the header cells that name no column of the sheet."""
    found = []
    for index, (cell, key) in enumerate(zip(cells, keys, strict=False)):
        header = "" if cell is None else str(cell).strip()
        if key is None and header and header_key(header) not in _EXPORT_ONLY:
            found.append((index, header))
    return found


def _unknown_cells(cells: Sequence[Any], unknown: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """(header, text) of a row's non-blank cells in the unknown columns."""
    values = []
    for index, header in unknown:
        raw = cells[index] if index < len(cells) else None
        text = "" if raw is None else parse_text(raw)
        if text:
            values.append((header, text))
    return values


def _find_header(
    table: Table, columns: Sequence[Column[Any]], required: Sequence[str]
) -> tuple[int, Sequence[Any], list[str | None]] | None:
    """The first row (of the first few) naming a required column: number, cells, keys."""
    for number, cells in table.rows[:HEADER_SEARCH_ROWS]:
        keys = header_keys(cells, columns)
        if any(key in required for key in keys):
            return number, cells, keys
    return None
