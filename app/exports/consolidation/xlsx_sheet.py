"""A write-only sheet that knows the number of its next row, so formulas can point at cells
written earlier; bilingual headers (English over Chinese), titles, notes and number cells."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.domain.kit.money import exponent
from app.exports.kit.xlsx_cells import (
    HEADER_FILL,
    HEADER_FONT,
    column_width,
    protect_row,
    text_cell,
)
from app.exports.kit.xlsx_print import set_up_printing

TITLE_FONT = Font(bold=True, size=12)
BOLD = Font(bold=True)
NOTE_FONT = Font(italic=True, color="5A6270")
_THIN = Side(style="thin", color="5A6270")
INPUT_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")
_WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_HEIGHT = 30  # points: two lines, English over Chinese
NOTE_LINE_HEIGHT = 15
KG = "0.0##"  # a gram is the third decimal
CM = "0.0#"
WHOLE = "0"
DATE = "yyyy-mm-dd"


def money_format(currency: str) -> str:
    places = exponent(currency)
    return "#,##0" + ("." + "0" * places if places else "")


Header = tuple[str, str, float]  # English, Chinese, width in characters


class SheetWriter:
    """Appends rows to a write-only sheet and counts them."""

    def __init__(
        self, ws: WriteOnlyWorksheet, widths: Sequence[float], header_rows: int = 0
    ) -> None:
        self.ws = ws
        self.next_row = 1
        self.columns = len(widths)
        for number, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(number)].width = width
        # Printed: A4 landscape, readable pages across, as many tall as it takes (before the
        # first row: a write-only sheet writes its properties with it).
        set_up_printing(
            ws,
            title=f"Sourcing Workbench · Consolidation · {ws.title}",
            columns=len(widths),
            rows=None,
            header_rows=header_rows,
            landscape=True,
            total_width=sum(widths),
        )

    @classmethod
    def table(cls, ws: WriteOnlyWorksheet, headers: Sequence[Header]) -> SheetWriter:
        """A sheet whose first row is `headers`, frozen below it."""
        widths = [column_width(f"{en} {zh}", width) for en, zh, width in headers]
        writer = cls(ws, widths, header_rows=1)
        ws.freeze_panes = "A2"
        writer.header(headers)
        return writer

    def row(self, *values: object, height: float | None = None) -> int:
        """Append a row (user text stays text) and return its number."""
        if height is not None:
            self.ws.row_dimensions[self.next_row].height = height
        self.ws.append(protect_row(self.ws, list(values)))
        self.next_row += 1
        return self.next_row - 1

    def header(self, headers: Sequence[Header]) -> int:
        cells = []
        for english, chinese, _ in headers:
            cell = text_cell(self.ws, f"{english}\n{chinese}" if chinese else english)
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, _HEADER_ALIGNMENT
            cells.append(cell)
        return self.row(*cells, height=HEADER_HEIGHT)

    def filter(self, first: int, last: int) -> None:
        """An autofilter over the header row `first` and the data rows down to `last`."""
        self.ws.auto_filter.ref = f"A{first}:{get_column_letter(self.columns)}{max(last, first)}"

    def title(self, text: str) -> int:
        return self.row(self.cell(text, font=TITLE_FONT))

    def note(self, text: str, *, span: int | None = None, chars_per_line: int = 110) -> int:
        """A sentence across `span` columns (all by default), wrapped in a tall enough row."""
        last = get_column_letter(span or self.columns)
        lines = -(-len(text) // chars_per_line)
        if span != 1:
            self.ws.merged_cells.add(f"A{self.next_row}:{last}{self.next_row}")
        cell = self.cell(text, font=NOTE_FONT)
        cell.alignment = _WRAP
        return self.row(cell, height=NOTE_LINE_HEIGHT * max(1, lines))

    def blank(self) -> int:
        return self.row()

    def cell(
        self,
        value: object,
        *,
        font: Font | None = None,
        fill: PatternFill | None = None,
        number_format: str | None = None,
        formula: bool = False,
    ) -> WriteOnlyCell:
        """A styled cell; text is kept literal (never a formula) unless `formula`."""
        if isinstance(value, str) and not formula:
            cell = text_cell(self.ws, value)
        else:
            cell = WriteOnlyCell(self.ws, value)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if number_format is not None:
            cell.number_format = number_format
        return cell

    def formula(
        self, formula: str, number_format: str | None = None, *, bold: bool = False
    ) -> WriteOnlyCell:
        """A formula cell (a cell, so protect_row leaves it a formula)."""
        font = BOLD if bold else None
        return self.cell(formula, number_format=number_format, font=font, formula=True)

    def number(self, value: Decimal | int | None, number_format: str) -> WriteOnlyCell | None:
        if value is None:
            return None
        return self.cell(value, number_format=number_format)

    def setting(self, value: Decimal | int, number_format: str = "General") -> WriteOnlyCell:
        """A line setting a partner may change: bold in a box."""
        cell = self.cell(value, font=BOLD, number_format=number_format)
        cell.border = INPUT_BORDER
        return cell
