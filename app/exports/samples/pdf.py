"""The samples comparison sheet as a printable landscape A4 PDF: per product its target spec,
then its samples side by side (up to five columns a page, more continue on the next page), each
with its cover photo, stage and dates, costs, measurements against the spec, scores, defects
and verdict. The best value of each row is marked three ways (★, bold, blue), as in the compare
view; the golden sample's column is tinted and framed in gold.

Photos are scaled down before they are embedded (samples_data.scaled_photo: PHOTO_MAX_SIDE
pixels, a JPEG of PHOTO_QUALITY made in memory, embedded as it is); a photo on two samples is
embedded once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, PageBreak, Spacer, Table, TableStyle

from app.domain.samples.sample import RowKind, Sample, SampleStatus
from app.errors import Cancelled
from app.exports.kit.pdf_fonts import font_name
from app.exports.kit.pdf_layout import (
    GREY,
    MARGIN_SIDE,
    RED,
    DocumentSpec,
    Span,
    Styles,
    build_pdf,
    lines,
    paragraph,
    styles,
)
from app.exports.kit.pdf_table import GRID, HEADER_BACKGROUND, ClippedCell
from app.exports.samples.data import (
    BEST_FILL,
    BEST_MARK,
    GOLDEN_EDGE,
    GOLDEN_FILL,
    GOLDEN_TEXT,
    LEGEND,
    NO_VALUE,
    EmbeddedPhoto,
    PhotoSource,
    ProductSamples,
    deviation_text,
    row_label,
    sample_count,
    scaled_photo,
    spec_text,
    status_text,
    value_text,
)

Progress = Callable[[int, int], bool]
TITLE = "Samples comparison"

PHOTO_MAX_SIDE = 480  # pixels: 300-400 dpi at the 40 × 30 mm a photo is printed
PHOTO_QUALITY = 80  # JPEG: no visible loss at that size, a fraction of the original's bytes
SAMPLES_PER_PAGE = 5  # issue 4: compare 2-5 samples; a sixth continues on the next page
MIN_COLUMNS = 3  # two samples still get columns a third of the width, not half each
LABEL_WIDTH = 50 * mm  # "Appearance (colour, size, workmanship)" on one line
PHOTO_HEIGHT = 30 * mm  # with the rows below, a product of five samples fits one page
FINDINGS_HEIGHT = 62  # points: defects and verdict beyond this are cut off with a mark
SECTION_BACKGROUND = colors.HexColor("#dfe6ef")
_BEST, _GOLDEN_EDGE = colors.HexColor(BEST_FILL), colors.HexColor(GOLDEN_EDGE)
LEADING = 1.25  # line height as a multiple of the font size


_SECTIONS = {
    RowKind.COST: "Costs",
    RowKind.MEASUREMENT: "Measurements against the spec",
    RowKind.CRITERION: "Scores",
}


def export_samples_pdf(
    products: Sequence[ProductSamples],
    out: Path,
    *,
    store: PhotoSource,
    today: date,
    on_progress: Progress | None = None,
) -> Path:
    """Write the comparison sheet of `products` to `out`; on_progress(done, total) is called
    as each sample's photo is prepared, and returning False cancels (no file is written)."""
    photos = _prepare_photos(products, store, on_progress)
    samples = sample_count(products)
    exported = f"exported {today.isoformat()}"
    spec = DocumentSpec(
        title=TITLE,
        subtitle=f"{exported} · {len(products)} product{'' if len(products) == 1 else 's'}, "
        f"{samples} sample{'' if samples == 1 else 's'}",
        landscape=True,
        running_header=TITLE,
        footer=f"Sourcing Workbench · {TITLE} · {exported}",
    )
    s = styles(7.5)
    story: list[Flowable] = []
    for number, product in enumerate(products):
        if number:
            story.append(PageBreak())
        story += _product_story(product, photos, s)
    if not products:
        story.append(paragraph("No products to export.", s.body))
    return build_pdf(out, spec, story)


def _prepare_photos(
    products: Sequence[ProductSamples], store: PhotoSource, on_progress: Progress | None
) -> dict[str, EmbeddedPhoto | None]:
    """Every cover, scaled down and re-encoded once; None for one the store cannot give."""
    photos: dict[str, EmbeddedPhoto | None] = {}
    total, done = sample_count(products), 0
    for product in products:
        for entry in product.entries:
            photo_hash = entry.cover_hash
            if photo_hash is not None and photo_hash not in photos:
                photos[photo_hash] = scaled_photo(store, photo_hash, PHOTO_MAX_SIDE, PHOTO_QUALITY)
            done += 1
            if on_progress is not None and on_progress(done, total) is False:
                raise Cancelled("Export cancelled: no file was written.")
    return photos


# --- one product ---------------------------------------------------------------------------------
def _product_story(
    product: ProductSamples, photos: dict[str, EmbeddedPhoto | None], s: Styles
) -> list[Flowable]:
    heading = ParagraphStyle("product", parent=s.body, fontSize=13, leading=17, spaceAfter=1)
    note = ParagraphStyle("note", parent=s.cell, textColor=colors.HexColor(GREY))
    details = [spec_text(product.product)]
    details += [t.strip() for t in (product.product.category, product.product.notes) if t.strip()]
    story: list[Flowable] = [
        paragraph(product.title, heading),
        paragraph(" · ".join(details), s.body),
        Spacer(1, 2 * mm),
    ]
    entries = product.entries
    if not entries:
        return [*story, paragraph("No samples of this product yet.", s.body)]
    chunks = range(0, len(entries), SAMPLES_PER_PAGE)
    for start in chunks:
        if start:
            story += [PageBreak(), paragraph(f"{product.title} (continued)", heading)]
        if len(chunks) > 1:
            end = min(len(entries), start + SAMPLES_PER_PAGE)
            story.append(paragraph(f"Samples {start + 1}–{end} of {len(entries)}", note))
        story.append(_ComparisonSheet(product, start, photos, s).table())
    story.append(Spacer(1, 2 * mm))
    story += [paragraph(text, note) for text in (LEGEND, *(f"* {n}" for n in product.notes()))]
    return story


class _ComparisonSheet:
    """The side-by-side table of up to SAMPLES_PER_PAGE samples of one product."""

    def __init__(
        self,
        product: ProductSamples,
        start: int,
        photos: dict[str, EmbeddedPhoto | None],
        s: Styles,
    ) -> None:
        self.product, self.photos, self.s = product, photos, s
        self.indexes = range(start, min(len(product.entries), start + SAMPLES_PER_PAGE))
        self.entries = [product.entries[i] for i in self.indexes]
        self.rows: list[list[Any]] = []
        self.commands: list[tuple[Any, ...]] = []
        self.sections: list[int] = []
        self.label = ParagraphStyle("label", parent=s.cell, textColor=colors.HexColor("#303840"))
        self.header = ParagraphStyle("sample", parent=s.header_cell, fontSize=8.5, leading=10.5)
        self.golden_header = ParagraphStyle("golden", parent=self.header, textColor=colors.black)

    def table(self) -> Table:
        room = landscape(A4)[0] - 2 * MARGIN_SIDE - LABEL_WIDTH
        column = room / max(MIN_COLUMNS, len(self.entries))
        self._header()
        self._photo_row(column)
        self._details()
        self._comparison()
        self._findings()
        table = Table(
            self.rows,
            colWidths=[LABEL_WIDTH] + [column] * len(self.entries),
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle(TableStyle(self._style()))
        return table

    # --- rows ----------------------------------------------------------------------------------
    def _header(self) -> None:
        """Supplier (Chinese over English), variant, and the golden sample's mark on gold."""
        cells: list[Any] = [paragraph("Sample", self.header)]
        for column, entry in enumerate(self.entries, start=1):
            names = [entry.supplier_name_zh, entry.supplier_name_en]
            parts: list[Span | str] = [names[0] or names[1]]
            parts += [
                Span(t, smaller=True) for t in (names[1] if names[0] else "", entry.sample.variant)
            ]
            if entry.sample.golden:
                parts.append(GOLDEN_TEXT.upper())
                self.commands.append(("BACKGROUND", (column, 0), (column, 0), _GOLDEN_EDGE))
            cells.append(lines(parts, self.golden_header if entry.sample.golden else self.header))
        self.rows.append(cells)

    def _photo_row(self, column_width: float) -> None:
        cells: list[Any] = [paragraph("Photo", self.label)]
        for entry in self.entries:
            photo = self.photos.get(entry.cover_hash) if entry.cover_hash else None
            if photo is None:
                text = "No photo" if entry.cover_hash is None else "Photo missing from the store"
                cells.append(ValueCell(text, muted=True))
                continue
            room = column_width - 6  # the cell's padding
            scale = min(room / photo.width, PHOTO_HEIGHT / photo.height)
            cells.append(Image(BytesIO(photo.data), photo.width * scale, photo.height * scale))
        self.rows.append(cells)
        row = len(self.rows) - 1
        self.commands += [
            ("ALIGN", (1, row), (-1, row), "CENTER"),
            ("VALIGN", (1, row), (-1, row), "MIDDLE"),
        ]

    def _details(self) -> None:
        samples = [entry.sample for entry in self.entries]
        red = {SampleStatus.REJECTED: RED}
        self._row(
            "Status", [ValueCell(status_text(s.status), colour=red.get(s.status)) for s in samples]
        )
        self._row("Requested → shipped → received", [ValueCell(_dates(s)) for s in samples])
        self._row("Tracking no.", [ValueCell(s.tracking_number or NO_VALUE) for s in samples])

    def _comparison(self) -> None:
        kind = None
        for compared in self.product.comparison.rows:
            if compared.kind is not kind:
                kind = compared.kind
                self._section(_SECTIONS[kind])
            cells = []
            for index, entry in zip(self.indexes, self.entries, strict=True):
                cell = compared.cells[index]
                measured = compared.kind is RowKind.MEASUREMENT
                below = deviation_text(cell, compared.unit) if measured else cell.note
                text = value_text(compared, cell, entry.sample)
                cells.append(ValueCell(text, below, best=cell.best))
            row = self._row(row_label(compared) + (" *" if compared.note else ""), cells)
            for column, cell in enumerate(
                compared.cells[self.indexes.start : self.indexes.stop], 1
            ):
                if cell.best:
                    self.commands.append(("BACKGROUND", (column, row), (column, row), _BEST))

    def _findings(self) -> None:
        self._section("Findings")
        for label, name in (("Defects", "defects"), ("Verdict", "verdict")):
            cells = [
                ClippedCell(paragraph(getattr(e.sample, name) or "–", self.s.cell), FINDINGS_HEIGHT)
                for e in self.entries
            ]
            self._row(label, cells)

    def _row(self, label: str, cells: list[Any]) -> int:
        self.rows.append([paragraph(label, self.label), *cells])
        return len(self.rows) - 1

    def _section(self, title: str) -> None:
        self.rows.append([paragraph(title.upper(), self.label)] + [""] * len(self.entries))
        self.sections.append(len(self.rows) - 1)

    # --- looks ---------------------------------------------------------------------------------
    def _style(self) -> list[tuple[Any, ...]]:
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.s.cell.fontName),
            ("FONTSIZE", (0, 0), (-1, -1), self.s.cell.fontSize),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("LINEAFTER", (0, 0), (-2, -1), 0.4, GRID),
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ]
        # Later commands paint over earlier ones: golden tint, then section bands, then the
        # golden header and the best marks (self.commands).
        for column, entry in enumerate(self.entries, start=1):
            if entry.sample.golden:
                commands += [
                    ("BACKGROUND", (column, 1), (column, -1), colors.HexColor(GOLDEN_FILL)),
                    ("BOX", (column, 0), (column, -1), 1.6, colors.HexColor(GOLDEN_EDGE)),
                ]
        for row in self.sections:
            commands += [
                ("SPAN", (0, row), (-1, row)),
                ("BACKGROUND", (0, row), (-1, row), SECTION_BACKGROUND),
                ("TOPPADDING", (0, row), (-1, row), 1),
                ("BOTTOMPADDING", (0, row), (-1, row), 1),
            ]
        return commands + self.commands


class ValueCell(Flowable):
    """A value in a table cell, wrapped to the column: the main text (★ and a stroked, bolder
    look when it is its row's best: the CJK font has no bold face) and an optional smaller grey
    line below (a deviation, or why the value is unknown). Drawn directly: no markup to escape.
    """

    size, small = 7.5, 6.5

    def __init__(
        self,
        text: str,
        below: str = "",
        *,
        best: bool = False,
        muted: bool = False,
        colour: str | None = None,
    ) -> None:
        super().__init__()
        self.text = f"{BEST_MARK} {text}" if best else text
        self.below, self.best = below, best
        self.colour = GREY if muted else colour or "#1f1f1f"
        self._lines: list[str] = []
        self._below: list[str] = []
        self._inline: float | None = None  # where the grey part starts when it shares the line

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        font = font_name()
        self.width = availWidth
        self._lines = simpleSplit(self.text, font, self.size, availWidth) or [""]
        self._below, self._inline = [], None
        if self.below:
            after = stringWidth(self._lines[-1] + "  ", font, self.size)
            if (
                len(self._lines) == 1
                and after + stringWidth(self.below, font, self.small) <= availWidth
            ):
                self._inline = after  # the grey part fits on the same line
            else:
                self._below = simpleSplit(self.below, font, self.small, availWidth)
        self.height = (
            len(self._lines) * self.size * LEADING + len(self._below) * self.small * LEADING
        )
        return self.width, self.height

    def draw(self) -> None:
        canvas, font = self.canv, font_name()
        text = canvas.beginText()
        text.setFont(font, self.size, self.size * LEADING)
        text.setFillColor(colors.HexColor(self.colour))
        if self.best:  # fill and stroke the glyphs: a bold look from a regular face
            text.setTextRenderMode(2)
            canvas.setStrokeColor(colors.HexColor(self.colour))
            canvas.setLineWidth(0.35)
        text.setTextOrigin(0, self.height - self.size)
        for line in self._lines:
            text.textLine(line)
        text.setTextRenderMode(0)  # the mode outlives the text object: the grey part is plain
        canvas.drawText(text)
        if not self.below:
            return
        canvas.setFont(font, self.small)
        canvas.setFillColor(colors.HexColor(GREY))
        if self._inline is not None:
            canvas.drawString(self._inline, self.height - self.size, self.below)
            return
        y = self.height - len(self._lines) * self.size * LEADING - self.small
        for line in self._below:
            canvas.drawString(0, y, line)
            y -= self.small * LEADING


def _dates(sample: Sample) -> str:
    """ "2026-10-15 → 10-17 → 10-20": the year once, again only when it changes; – unknown."""
    shown, year = [], None
    for day in (sample.requested_on, sample.shipped_on, sample.received_on):
        if day is None:
            shown.append(NO_VALUE)
            continue
        shown.append(day.strftime("%m-%d") if day.year == year else day.isoformat())
        year = day.year
    return NO_VALUE if year is None else " → ".join(shown)
