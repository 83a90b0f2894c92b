"""Long PDF tables: laid out a page at a time, header repeated, over-tall cells cut off."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.exports.kit.pdf_fonts import font_name
from app.exports.kit.pdf_layout import RED, Styles, aligned, escape_text, styles

Row = TypeVar("Row")

MAX_CELL_HEIGHT = 330  # points; taller cell content is cut off with a mark, so a row always
# fits on a page (landscape A4 frame 516 pt, minus the title and a header row)
HEADER_BACKGROUND = colors.HexColor("#2f4b6e")
ZEBRA = colors.HexColor("#eef2f7")
GRID = colors.HexColor("#b8c2cf")
CUT_MARK = "[…]"
FIRST_BATCH_ROWS = 48  # more than a landscape page holds; doubled while a page takes more
MIN_BATCH_ROWS = 8


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its heading, its share of the width, and how to align its cells."""

    heading: str
    weight: float
    align: str = "left"  # "left", "right" or "centre"


class ClippedCell(Flowable):
    """A table cell that is never taller than `max_height`: the rest is cut off and marked."""

    def __init__(self, content: Flowable, max_height: float = MAX_CELL_HEIGHT) -> None:
        super().__init__()
        self.content = content
        self.max_height = max_height
        self._content_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, self._content_height = self.content.wrap(availWidth, availHeight)
        self.width = width
        return width, min(self._content_height, self.max_height)

    def draw(self) -> None:
        if self._content_height <= self.max_height:
            self.content.drawOn(self.canv, 0, 0)
            return
        canvas = self.canv
        shown = self._shown_height()
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, self.max_height - shown, self.width, shown)
        canvas.clipPath(clip, stroke=0, fill=0)
        self.content.drawOn(canvas, 0, self.max_height - self._content_height)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFont(font_name(), 7)
        canvas.setFillColor(colors.HexColor(RED))
        canvas.drawRightString(self.width, 1, CUT_MARK)
        canvas.restoreState()

    def _shown_height(self) -> float:
        """Whole lines of a paragraph, leaving the last line for the cut mark."""
        leading = getattr(getattr(self.content, "style", None), "leading", 0) or 0
        if leading <= 0:
            return self.max_height
        return leading * (int(self.max_height // leading) - 1)


class _TableSource(Generic[Row]):
    """What every page of one LongTable shares: columns, records, built rows, the header."""

    def __init__(
        self,
        columns: Sequence[Column],
        records: Sequence[Row],
        make_row: Callable[[Row], Sequence[Flowable | str]],
        table_styles: Styles,
    ) -> None:
        self.columns = list(columns)
        self.records = records
        self.make_row = make_row
        self.table_styles = table_styles
        self.header = [
            Paragraph(escape_text(c.heading), aligned(table_styles.header_cell, c.align))
            for c in self.columns
        ]
        self._built: dict[int, list[Flowable | str]] = {}

    def row(self, index: int) -> list[Flowable | str]:
        """The cells of record `index`, built once and kept until its page is done."""
        cells = self._built.get(index)
        if cells is None:
            cells = [
                cell if isinstance(cell, str) else ClippedCell(cell)
                for cell in self.make_row(self.records[index])
            ]
            self._built[index] = cells
        return cells

    def forget(self, start: int, end: int) -> None:
        for index in range(start, end):
            self._built.pop(index, None)

    def table(self, width: float, start: int, end: int) -> Table:
        """Header plus records start..end as one reportlab Table, `width` points wide."""
        body = [self.row(index) for index in range(start, end)]
        total_weight = sum(c.weight for c in self.columns)
        widths = [width * c.weight / total_weight for c in self.columns]
        table = Table([self.header, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(self._style(start, len(body)))
        return table

    def _style(self, start: int, body_rows: int) -> TableStyle:
        cell = self.table_styles.cell
        stripes = [colors.white, ZEBRA] if start % 2 == 0 else [ZEBRA, colors.white]
        commands: list[tuple[Any, ...]] = [
            # Plain-string cells (and the Table's own font) use the CJK font, never Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
            ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
            ("LEADING", (0, 0), (-1, -1), cell.leading),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ]
        for number, column in enumerate(self.columns):
            if column.align != "left":
                alignment = "CENTER" if column.align == "centre" else "RIGHT"
                commands.append(("ALIGN", (number, 1), (number, -1), alignment))
        if body_rows:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes))
        return TableStyle(commands)


class LongTable(Flowable):
    """A table of any length, laid out one page at a time, with the header row on every page.

    `make_row(record)` returns one cell per column: a Paragraph (see `paragraph`, `lines`) for
    text that may wrap, or a plain str for a short one-line value such as a number (drawn as
    is, never read as markup, and cheaper). Cells are built only for the rows being laid out,
    so time and memory grow linearly with the number of rows (one big reportlab Table lays out
    in quadratic time). Put it directly in a document's story, not inside another table,
    and use it in one document only. Each piece drawn tells the document how many records it
    holds (`progress_rows`), which build_pdf adds up for its progress callback.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        records: Sequence[Row],
        make_row: Callable[[Row], Sequence[Flowable | str]],
        *,
        table_styles: Styles | None = None,
    ) -> None:
        self._init(_TableSource(columns, records, make_row, table_styles or styles()), 0)

    def _init(self, source: _TableSource[Any], first: int, batch: int = FIRST_BATCH_ROWS) -> None:
        super().__init__()
        self._source = source
        self._first = first
        self._batch = batch
        self._whole: Table | None = None
        self.progress_rows = 0

    @property
    def _end(self) -> int:
        return len(self._source.records)

    # Flowable protocol ----------------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._end - self._first > self._batch:
            self._whole = None
            return availWidth, availHeight + 1  # too tall: the frame will call split()
        self._whole = self._source.table(availWidth, self._first, self._end)
        self.progress_rows = self._end - self._first
        return self._whole.wrap(availWidth, availHeight)

    def draw(self) -> None:
        if self._whole is not None:
            self._whole.drawOn(self.canv, 0, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not self._first_row_fits(availWidth, availHeight):
            return []  # the foot of a page: try again on the next one
        while True:
            end = min(self._end, self._first + self._batch)
            table = self._source.table(availWidth, self._first, end)
            parts = table.split(availWidth, availHeight)
            if not parts:
                return []
            if len(parts) == 2:
                return self._page_and_rest(parts[0])
            if end == self._end:
                table.progress_rows = end - self._first
                return [table]
            self._batch *= 2  # the whole batch fitted: small rows, take more

    # internals ------------------------------------------------------------------------
    def _first_row_fits(self, availWidth: float, availHeight: float) -> bool:
        """Whether the header and one row fit; far cheaper than laying out a whole batch."""
        probe = self._source.table(availWidth, self._first, min(self._end, self._first + 1))
        return probe.wrap(availWidth, availHeight)[1] <= availHeight

    def _page_and_rest(self, page: Table) -> list[Flowable]:
        done = self._first + len(page._cellvalues) - 1  # minus the header row
        page.progress_rows = done - self._first
        self._source.forget(self._first, done)
        rest = LongTable.__new__(LongTable)
        # Next, lay out about as many rows as this page took, plus room: extra rows cost time.
        rest._init(self._source, done, max(MIN_BATCH_ROWS, (done - self._first) * 3 // 2 + 2))
        return [page, rest]


def cell_style(column: Column, table_styles: Styles) -> ParagraphStyle:
    """The paragraph style that aligns a cell as its column asks."""
    return aligned(table_styles.cell, column.align)
