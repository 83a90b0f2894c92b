"""Shared .xlsx helpers for every export: user text stays text, tidy table sheets, write-only."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TypeAlias

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet import _writer  # its temporary files: see _spooled_file
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from app import temporaries
from app.exports.kit.xlsx_print import set_up_printing

# Excel refuses a cell longer than this; longer text is cut and ends with TRUNCATED_MARK.
MAX_CELL_TEXT = 32_767
TRUNCATED_MARK = "…"
# Control characters are not allowed in XML 1.0; openpyxl raises on them (pasted text has some).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# What openpyxl would not store as plain text: "=..." (formula), "#N/A" etc. (error), and
# illegal characters. Checked with one regex so plain strings cost one search.
_NEEDS_CARE = re.compile(r"^[=#]|[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ERROR_CODES = frozenset(ERROR_CODES)

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=False)
MIN_WIDTH, MAX_WIDTH = 6.0, 60.0

Sheet: TypeAlias = Worksheet | WriteOnlyWorksheet


def clean_text(text: str) -> str:
    """Text Excel can hold: no XML-illegal control characters, at most MAX_CELL_TEXT long."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub(" ", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - len(TRUNCATED_MARK)] + TRUNCATED_MARK
    return text


def text_cell(ws: Sheet, text: str) -> Cell:
    """A write-only cell that holds `text` as a literal string, never a formula or an error."""
    cell = WriteOnlyCell(ws, clean_text(text))
    cell.data_type = "s"
    return cell


def safe_value(ws: Sheet, value: object) -> object:
    """`value` itself when openpyxl stores it as it is; user text that it would not, as text."""
    if value.__class__ is str and (len(value) > MAX_CELL_TEXT or _NEEDS_CARE.search(value)):
        return text_cell(ws, value)
    return value


def protect_row(ws: Sheet, values: list[object]) -> list[object]:
    """Make every string in `values` a literal text cell where openpyxl would not (in place)."""
    search = _NEEDS_CARE.search
    for index, value in enumerate(values):
        if value.__class__ is str and (len(value) > MAX_CELL_TEXT or search(value)):
            values[index] = text_cell(ws, value)
    return values


def set_text(cell: Cell, text: str) -> None:
    """Put user text into a cell of a normal (not write-only) worksheet, kept as text."""
    cell.value = clean_text(text)
    if cell.value and (cell.value.startswith("=") or cell.value in _ERROR_CODES):
        cell.data_type = "s"


@dataclass(frozen=True, slots=True)
class TableColumn:
    """A header and its width in characters."""

    header: str
    width: float


def header_cells(ws: Sheet, headers: Sequence[str]) -> list[Cell]:
    cells = []
    for header in headers:
        cell = text_cell(ws, header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        cells.append(cell)
    return cells


def column_width(header: str, width: float) -> float:
    """At least wide enough for the header (Chinese characters count double), within limits."""
    header_width = sum(2 if ord(char) > 0x2E7F else 1 for char in header) + 3
    return min(MAX_WIDTH, max(MIN_WIDTH, width, header_width))


NARROW_WIDTH = 8  # a first column this narrow is a reference: print the next one beside it


def add_table_sheet(
    workbook: Workbook, title: str, columns: Sequence[TableColumn], row_count: int
) -> WriteOnlyWorksheet:
    """A write-only sheet with widths, a frozen styled header row and an autofilter over
    `row_count` data rows. Append the data rows next, each through `protect_row`."""
    ws = workbook.create_sheet(title)
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column_width(
            column.header, column.width
        )
    ws.freeze_panes = "A2"
    last = get_column_letter(max(1, len(columns)))
    ws.auto_filter.ref = f"A1:{last}{row_count + 1}"
    set_up_printing(
        ws,
        title=f"Sourcing Workbench · {title}",
        columns=len(columns),
        rows=row_count + 1,
        total_width=sum(column_width(c.header, c.width) for c in columns),
        title_columns=2
        if columns and columns[0].width <= NARROW_WIDTH
        else 1,  # a Ref, then a name
    )
    ws.append(header_cells(ws, [column.header for column in columns]))
    return ws


def _spooled_file(suffix: str = "") -> str:
    """openpyxl's create_temporary_file, made in our swept folder (and tracked as it tracks)."""
    name = temporaries.spooled_temporary_file(suffix)
    _writer.ALL_TEMP_FILES.append(name)  # openpyxl removes it from this list when done
    return name


@contextmanager
def write_only_workbook() -> Iterator[Workbook]:
    """A write-only workbook whose temporary sheet files are removed if saving never happens.

    openpyxl spools each sheet to a temporary file (up to 16 MB here): into our own folder,
    named with our process id, so those of a killed process are swept at the next start."""
    _writer.create_temporary_file = _spooled_file
    workbook = Workbook(write_only=True)
    try:
        yield workbook
    except BaseException:
        discard(workbook)
        raise


def discard(workbook: Workbook) -> None:
    """Close and delete the temporary files openpyxl keeps for unsaved write-only sheets."""
    for ws in workbook.worksheets:
        # openpyxl private state: the open row stream and the sheet's temporary file.
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            rows.close()
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        writer.close()
        with suppress(OSError, ValueError):
            writer.cleanup()
