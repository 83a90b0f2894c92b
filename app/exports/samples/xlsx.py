"""The samples comparison as an .xlsx workbook: one sheet per product, one row per sample with
its photo (the store's cached thumbnail, embedded), costs, dates, measurements against the spec,
scores, defects and verdict, the best value of each column marked as in the compare view.

Decisions:
- A normal (not write-only) workbook: sheets hold tens of samples, not 100,000 rows, and
  images, merged note rows and row heights are simpler there.
- Amounts, measurements and scores stay numbers (Decimal, never float text); the currency is
  in its own column and in each amount's number format, and a best mark ★ is part of the
  number format too, so a best value still sorts and sums as a number.
- Every piece of user text goes through `set_text`: a supplier named "=1+1" stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.drawing.image import Image
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.units import pixels_to_EMU
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.kit.money import Money, exponent
from app.domain.samples.sample import MEASUREMENTS, ComparisonCell, PassFail, SampleStatus
from app.errors import Cancelled
from app.exports.kit.atomic import atomic_output
from app.exports.kit.xlsx_cells import HEADER_FILL, HEADER_FONT, column_width, set_text
from app.exports.kit.xlsx_print import set_up_printing
from app.exports.samples.data import (
    BEST_FILL,
    GOLDEN_FILL,
    GOLDEN_TEXT,
    LEGEND,
    PhotoSource,
    ProductSamples,
    SampleEntry,
    sample_count,
    score_text,
    spec_text,
    status_text,
    thumbnail_photo,
)

Progress = Callable[[int, int], bool]

# Excel's rules for sheet names: at most 31 characters, none of []:*?/\, not blank, not
# starting or ending with an apostrophe, unique ignoring case.
SHEET_NAME_LENGTH = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

PHOTO_HEIGHT_PX = 80  # issue 4: a thumbnail per row, about 80 px tall
PHOTO_MAX_WIDTH_PX = 120  # a panorama is narrowed to this instead of widening the column
PHOTO_PADDING_PX = 4
PHOTO_ROW_HEIGHT = (PHOTO_HEIGHT_PX + 2 * PHOTO_PADDING_PX) * 0.75  # points (96 dpi pixels)
TEXT_ROW_HEIGHT = 30  # a row without a photo: two wrapped lines of defects or verdict
HEADER_ROW = 4  # title, spec and notes above it
NOTE_CHARS_PER_LINE = 150
NOTE_LINE_HEIGHT = 15

_TITLE = Font(bold=True, size=13)
_NOTE = Font(italic=True, color="5A6270")
_BOLD = Font(bold=True)
_REJECTED = Font(color="B3261E")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")
_BEST = PatternFill("solid", fgColor=BEST_FILL.lstrip("#").upper())
_GOLDEN = PatternFill("solid", fgColor=GOLDEN_FILL.lstrip("#").upper())
_DATE = "yyyy-mm-dd"
_MEASURE, _DEVIATION, _PERCENT = "0.0##", "+0.0##;-0.0##;0", "+0.0%;-0.0%;0.0%"

# (header, width in characters) before and after the measurement and criterion columns.
_LEADING = (
    ("Photo", 18),
    ("Supplier", 22),
    ("Supplier (English)", 26),
    ("Variant", 14),
    ("Status", 14),
    ("Golden", 17),  # "★ golden sample" in bold
    ("Currency", 9),
    ("Price", 13),
    ("Shipping", 13),
    ("Total", 13),
    ("Free", 6),
    ("Requested", 11),
    ("Shipped", 11),
    ("Received", 11),
    ("Tracking no.", 17),
)
_TRAILING = (("Defects", 32), ("Verdict", 32), ("Photos", 7))
_WRAPPED_COLUMNS = frozenset({2, 3, 4, 5})  # names, variant, status: wrap in the tall rows
CRITERION_WIDTH = 14  # a long criterion name wraps in the header instead of widening it
HEADER_HEIGHT = 45  # points: three header lines


def export_samples_xlsx(
    products: Sequence[ProductSamples],
    out: Path,
    *,
    store: PhotoSource,
    today: date,
    on_progress: Progress | None = None,
) -> Path:
    """Write one sheet per product to `out`; on_progress(done, total) is called after each
    sample and returning False cancels (no file is written, an existing `out` is kept)."""
    out = Path(out)
    total, done = sample_count(products), 0
    workbook = Workbook()
    workbook.remove(workbook.active)
    if not products:
        ws = workbook.create_sheet("Samples")
        ws["A1"] = f"Samples comparison (exported {today.isoformat()})"
        ws["A1"].font = _TITLE
        ws["A2"] = "No products to export."
    for product, title in zip(products, sheet_titles([p.title for p in products]), strict=True):
        sheet = _ProductSheet(workbook.create_sheet(title), product, store, today)
        for entry in product.entries:
            sheet.add(entry)
            done += 1
            if on_progress is not None and on_progress(done, total) is False:
                raise Cancelled("Export cancelled: no file was written.")
        sheet.finish()
    with atomic_output(out) as temporary:
        workbook.save(temporary)
    return out


def sheet_titles(names: Sequence[str]) -> list[str]:
    """A valid, unique sheet name for each name, in order: forbidden characters become "_",
    the name is cut to 31 characters, and a repeat gets " (2)", " (3)"... (Chinese is kept)."""
    titles: list[str] = []
    taken: set[str] = set()
    for number, name in enumerate(names, start=1):
        base = _SHEET_FORBIDDEN.sub("_", " ".join(name.split())).strip("'").strip()
        base = base or f"Product {number}"
        title, copy = base[:SHEET_NAME_LENGTH].rstrip("'"), 1
        while title.casefold() in taken:
            copy += 1
            suffix = f" ({copy})"
            title = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip("'") + suffix
        taken.add(title.casefold())
        titles.append(title)
    return titles


class _ProductSheet:
    """Writes one product's sheet: the title block, the header, then a row per sample."""

    def __init__(
        self, ws: Worksheet, product: ProductSamples, store: PhotoSource, today: date
    ) -> None:
        self.ws, self.product, self.store = ws, product, store
        self.headers = _headers(product)
        self.next_row = HEADER_ROW + 1
        self._title_block(today)
        for column, (header, width) in enumerate(self.headers, start=1):
            cell = ws.cell(HEADER_ROW, column)
            set_text(cell, header)
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, _HEADER_ALIGNMENT
            ws.column_dimensions[get_column_letter(column)].width = width
        ws.row_dimensions[HEADER_ROW].height = HEADER_HEIGHT
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 3)  # photo and supplier stay in view

    def _title_block(self, today: date) -> None:
        ws, last = self.ws, get_column_letter(len(self.headers))
        set_text(ws["A1"], f"{self.product.title} — samples (exported {today.isoformat()})")
        ws["A1"].font = _TITLE
        category = self.product.product.category.strip()
        notes = self.product.product.notes.strip()
        spec = spec_text(self.product.product)
        lines = [spec + (f" · {category}" if category else "") + (f" · {notes}" if notes else "")]
        lines.append(" ".join([LEGEND, *self.product.notes()]))
        for row, text in enumerate(lines, start=2):
            ws.merge_cells(f"A{row}:{last}{row}")
            cell = ws.cell(row, 1)
            set_text(cell, text)
            cell.font, cell.alignment = _NOTE, _WRAP
            wrapped = -(-len(text) // NOTE_CHARS_PER_LINE)
            ws.row_dimensions[row].height = NOTE_LINE_HEIGHT * max(1, wrapped)

    def add(self, entry: SampleEntry) -> None:
        """One sample's row: photo, details, the comparison's cells, defects and verdict."""
        ws, row, sample = self.ws, self.next_row, entry.sample
        index = self.next_row - HEADER_ROW - 1  # the sample's place in the comparison
        cells = {r.key: r.cells[index] for r in self.product.comparison.rows}
        values: list[object] = [
            None,
            entry.supplier_name_zh,
            entry.supplier_name_en,
            sample.variant,
            status_text(sample.status),
            GOLDEN_TEXT if sample.golden else "",
            _currency(sample.price, sample.shipping),
        ]
        column = len(values) + 1
        self._write_row(row, values)
        if sample.status is SampleStatus.REJECTED:
            ws.cell(row, 5).font = _REJECTED
        for key in ("price", "shipping", "total"):
            self._money(ws.cell(row, column), cells[key])
            column += 1
        self._put(row, column, "yes" if sample.free else "")
        for offset, day in enumerate((sample.requested_on, sample.shipped_on, sample.received_on)):
            self._put(row, column + 1 + offset, day).number_format = _DATE
        self._put(row, column + 4, sample.tracking_number)
        column += 5
        for name, _label, _unit in MEASUREMENTS:
            self._measurement(row, column, cells[name])
            column += 3
        for criterion in self.product.product.all_criteria:
            self._score(ws.cell(row, column), cells[f"criterion:{criterion.name}"])
            column += 1
        for text in (sample.defects, sample.verdict):
            self._put(row, column, text).alignment = _WRAP
            column += 1
        self._put(row, column, entry.photo_count)
        if sample.golden:
            self._golden_row(row)
        photo = self._photo(entry.cover_hash, row)
        ws.row_dimensions[row].height = PHOTO_ROW_HEIGHT if photo else TEXT_ROW_HEIGHT
        self.next_row += 1

    def finish(self) -> None:
        ws, last = self.ws, get_column_letter(len(self.headers))
        # Printed: landscape, readable pages across (photo and supplier repeated), the title
        # block and the header repeated on every page.
        set_up_printing(
            ws,
            title=f"Sourcing Workbench · Samples · {self.product.title}",
            columns=len(self.headers),
            rows=max(self.next_row - 1, HEADER_ROW + 1),
            header_rows=HEADER_ROW,
            landscape=True,
            total_width=sum(width for _header, width in self.headers),
            title_columns=2,
        )
        if not self.product.entries:
            set_text(ws.cell(HEADER_ROW + 1, 2), "No samples of this product yet.")
            return
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{self.next_row - 1}"

    # --- cells ---------------------------------------------------------------------------------
    def _put(self, row: int, column: int, value: object) -> Cell:
        cell = self.ws.cell(row, column)
        if isinstance(value, str):
            set_text(cell, value)
        else:
            cell.value = value
        cell.alignment = _TOP
        return cell

    def _write_row(self, row: int, values: list[object]) -> None:
        for column, value in enumerate(values, start=1):
            cell = self._put(row, column, value)
            if column in _WRAPPED_COLUMNS:
                cell.alignment = _WRAP

    def _money(self, cell: Cell, compared: ComparisonCell) -> None:
        money = compared.value
        cell.alignment = _TOP
        if not isinstance(money, Money):
            if compared.note:  # e.g. price and shipping in two currencies: no total
                set_text(cell, compared.note)
                cell.font, cell.alignment = _NOTE, _WRAP
            return
        cell.value = money.amount
        places = exponent(money.currency)
        number = "#,##0" + ("." + "0" * places if places else "")
        _format(cell, f'{number} "{money.currency}"', compared.best)

    def _measurement(self, row: int, column: int, compared: ComparisonCell) -> None:
        value, deviation = self._put(row, column, compared.value), self._put(row, column + 1, None)
        percent = self._put(row, column + 2, None)
        if compared.value is None:
            return
        _format(value, _MEASURE, compared.best)
        if compared.deviation is not None:
            deviation.value = compared.deviation
            _format(deviation, _DEVIATION, compared.best)
        if compared.deviation_percent is not None:
            percent.value = compared.deviation_percent / 100  # shown as % by the format
            _format(percent, _PERCENT, compared.best)

    def _score(self, cell: Cell, compared: ComparisonCell) -> None:
        value = compared.value
        cell.alignment = _TOP
        if isinstance(value, PassFail):
            text = score_text(value)
            set_text(cell, f"★ {text}" if compared.best else text)
            if compared.best:
                cell.font, cell.fill = _BOLD, _BEST
        elif value is not None:
            cell.value = value
            _format(cell, "0", compared.best)

    def _golden_row(self, row: int) -> None:
        for column in range(1, len(self.headers) + 1):
            cell = self.ws.cell(row, column)
            if cell.fill != _BEST:
                cell.fill = _GOLDEN
        self.ws.cell(row, 6).font = _BOLD

    def _photo(self, photo_hash: str | None, row: int) -> bool:
        """Embed the cover's cached thumbnail in the row's first cell; a photo the store cannot
        give says so in the cell instead. True when an image was placed."""
        if photo_hash is None:
            return False
        thumbnail = thumbnail_photo(self.store, photo_hash)
        if thumbnail is None:
            cell = self.ws.cell(row, 1)
            set_text(cell, "photo missing (run check)")
            cell.font, cell.alignment = _NOTE, _WRAP
            return False
        image = Image(BytesIO(thumbnail.data))
        scale = min(PHOTO_HEIGHT_PX / image.height, PHOTO_MAX_WIDTH_PX / image.width)
        width, height = round(image.width * scale), round(image.height * scale)
        image.width, image.height = width, height
        offset = pixels_to_EMU(PHOTO_PADDING_PX)
        image.anchor = OneCellAnchor(
            _from=AnchorMarker(col=0, colOff=offset, row=row - 1, rowOff=offset),
            ext=XDRPositiveSize2D(pixels_to_EMU(width), pixels_to_EMU(height)),
        )
        self.ws.add_image(image)
        return True


def _headers(product: ProductSamples) -> list[tuple[str, float]]:
    """(header, column width in characters); a best mark ★ needs room in a number column."""
    headers = [(header, column_width(header, width)) for header, width in _LEADING]
    spec = product.product
    for name, label, unit in MEASUREMENTS:
        target = getattr(spec, name)
        aim = "no spec" if target is None else f"spec {target:f}"
        headers += [(f"{label} ({unit})\n{aim}", 11), (f"± {unit}", 10), ("± %", 10)]
    headers += [(criterion.label, CRITERION_WIDTH) for criterion in spec.all_criteria]
    return headers + [(header, column_width(header, width)) for header, width in _TRAILING]


def _format(cell: Cell, number_format: str, best: bool) -> None:
    """A number format; a best value gets a ★ in front (in every section of the format, so
    the value stays a number) and bold on blue."""
    if best:
        number_format = ";".join(f'"★ "{part}' for part in number_format.split(";"))
        cell.font, cell.fill = _BOLD, _BEST
    cell.number_format = number_format


def _currency(price: Money | None, shipping: Money | None) -> str:
    """The sample's currency; both when its price and shipping are quoted in two."""
    codes = list(dict.fromkeys(m.currency for m in (price, shipping) if m is not None))
    return " / ".join(codes)
