"""Every workbook prints well (issue 14: 37 suppliers printed on 21 pages, a wide sheet squeezed
35 columns into one unreadable page): paper from the user's setting (A4 by default), landscape
where the sheet is wide, fit to the page width with as many pages tall as needed, the header rows
repeated on every page, a print area, and a footer with the title and "Page &P of &N".
"""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from app.exports.kit.paper import current as paper_in_use

PAPER_SIZES = {"A4": 9, "Letter": 1}  # the SpreadsheetML paper codes
DEFAULT_PAPER = "A4"
LANDSCAPE_FROM_COLUMNS = 8  # wider sheets print across the page
# How many characters of column width a landscape page holds at a readable size (about 70 %
# of 11 pt); a wider sheet prints across more pages, its first column repeated on each.
READABLE_PAGE_WIDTH = 240
DEFAULT_COLUMN_WIDTH = 13


def set_up_printing(
    ws: Worksheet | WriteOnlyWorksheet,
    *,
    title: str,
    columns: int,
    rows: int | None,
    header_rows: int = 1,
    paper: str | None = None,
    landscape: bool | None = None,
    total_width: float | None = None,
    title_columns: int = 1,
) -> None:
    """Page setup of one sheet of `columns` × `rows` cells (rows counted with the headers;
    None: not known yet, the used cells are printed).

    On a write-only sheet call it before the first row: the sheet's properties (fit to page)
    are written with the first row."""
    chosen = paper or paper_in_use()  # the user's setting for this export (A4 by default)
    ws.page_setup.paperSize = PAPER_SIZES.get(chosen, PAPER_SIZES[DEFAULT_PAPER])
    wide = columns >= LANDSCAPE_FROM_COLUMNS if landscape is None else landscape
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    width = total_width if total_width is not None else columns * DEFAULT_COLUMN_WIDTH
    pages_wide = max(1, math.ceil(width / READABLE_PAGE_WIDTH))
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0  # as many pages tall as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
    last_column = get_column_letter(max(1, columns))
    if rows is not None:  # unknown yet (a write-only sheet): the used cells print, as usual
        ws.print_area = f"A1:{last_column}{max(rows, 1)}"
    if header_rows:
        ws.print_title_rows = f"1:{header_rows}"
    if pages_wide > 1:  # each page across shows what the row is about
        ws.print_title_cols = f"A:{get_column_letter(title_columns)}"
    ws.oddFooter.left.text = _footer_text(title)
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.left.size = ws.oddFooter.right.size = 8


def set_up_workbook_printing(workbook: Workbook, title: str, paper: str | None = None) -> None:
    """Page setup of every sheet of a finished normal-mode workbook, from its own cells."""
    for ws in workbook.worksheets:
        widths = [
            ws.column_dimensions[get_column_letter(n)].width or DEFAULT_COLUMN_WIDTH
            for n in range(1, ws.max_column + 1)
        ]
        set_up_printing(
            ws,
            title=f"{title} · {ws.title}",
            columns=ws.max_column,
            rows=ws.max_row,
            paper=paper,
            total_width=sum(widths),
        )


def _footer_text(title: str) -> str:
    """The footer codes start with '&': a title's own ampersands are doubled to print as one."""
    return title.replace("&", "&&")
