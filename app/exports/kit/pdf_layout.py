"""Shared PDF pieces: safe paragraphs, CJK styles, and a paged, numbered document."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.doctemplate import LayoutError

from app.errors import Cancelled, ExportFailed
from app.exports.kit import paper
from app.exports.kit.atomic import atomic_output
from app.exports.kit.pdf_fonts import font_name

# README: Pitfalls: ASCII85 encoding makes image-heavy PDFs about 15x slower to write.
rl_config.useA85 = 0

Progress = Callable[[int, int], bool]

TEXT_LIMIT = 2000  # characters per piece of user text: beyond this, "…" (keeps layout fast)
MARGIN_SIDE = 10 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 14 * mm
GREY = "#5a6270"
RED = "#b3261e"
AMBER = "#9a5b00"


# --- text --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of user text with optional looks; the text is always escaped when rendered."""

    text: str
    colour: str | None = None
    smaller: bool = False


def escape_text(value: object, limit: int = TEXT_LIMIT) -> str:
    """User text as safe Paragraph markup: escaped, shortened to `limit`, newlines kept."""
    text = "" if value is None else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def span_markup(span: Span | str, style: ParagraphStyle) -> str:
    """Markup for one span: escaped text, wrapped in our own font tag when it has looks."""
    if isinstance(span, str):
        return escape_text(span)
    attributes = []
    if span.colour:
        attributes.append(f'color="{span.colour}"')
    if span.smaller:
        attributes.append(f'size="{style.fontSize - 1:g}"')
    text = escape_text(span.text)
    return f"<font {' '.join(attributes)}>{text}</font>" if attributes else text


def paragraph(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: markup in it prints literally (`<img>` is text, not an image)."""
    return Paragraph(escape_text(text), style)


def lines(parts: Sequence[Span | str], style: ParagraphStyle) -> Paragraph:
    """Several user-text lines in one cell, each escaped; empty lines are left out."""
    shown = [span_markup(p, style) for p in parts if (p if isinstance(p, str) else p.text)]
    return Paragraph("<br/>".join(shown), style)


def stacked(primary: str, secondary: str, style: ParagraphStyle) -> Paragraph:
    """One value over another, the second smaller and grey (Chinese name over English)."""
    return lines([primary, Span(secondary, GREY, smaller=True)], style)


# --- styles ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles of every export, all in the CJK font."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle


@functools.lru_cache(maxsize=4)
def _styles_for(font: str, size: float) -> Styles:
    cell = ParagraphStyle("cell", fontName=font, fontSize=size, leading=size * 1.25)
    return Styles(
        title=ParagraphStyle("title", fontName=font, fontSize=16, leading=20, spaceAfter=2),
        subtitle=ParagraphStyle(
            "subtitle", fontName=font, fontSize=9, leading=12, textColor=GREY, spaceAfter=6
        ),
        body=ParagraphStyle("body", fontName=font, fontSize=9, leading=12),
        cell=cell,
        header_cell=ParagraphStyle("header_cell", parent=cell, textColor=colors.white),
    )


def styles(size: float = 7.5) -> Styles:
    """Styles in the CJK font; `size` is the table text size in points."""
    return _styles_for(font_name(), size)


@functools.lru_cache(maxsize=64)
def aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    """`style` aligned "left", "right" or "centre" (the same style object for "left")."""
    alignment = {"right": TA_RIGHT, "centre": TA_CENTER}.get(align)
    if alignment is None:
        return style
    return ParagraphStyle(f"{style.name}_{align}", parent=style, alignment=alignment)


# --- the document ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    """What frames the content: title, subtitle, page orientation, running header and footer."""

    title: str
    subtitle: str = ""
    landscape: bool = False
    running_header: str = ""
    footer: str = ""  # printed left of "Page x of y"
    author: str = "Sourcing Workbench"

    @property
    def page_size(self) -> tuple[float, float]:
        """The user's paper (A4 unless Letter was chosen), turned when landscape."""
        size = paper.page_size()
        return landscape(size) if self.landscape else size


class _NumberedCanvas(Canvas):
    """Holds pages until the end so each can say "Page x of y" (one layout pass only)."""

    def __init__(self, *args: Any, spec: DocumentSpec, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._spec = spec
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            _draw_page_furniture(self, self._spec, number, total)
            super().showPage()
        super().save()


def _draw_page_furniture(canvas: Canvas, spec: DocumentSpec, number: int, total: int) -> None:
    width, height = spec.page_size
    font = font_name()
    canvas.saveState()
    canvas.setFont(font, 7.5)
    canvas.setFillColor(colors.HexColor(GREY))
    baseline = MARGIN_BOTTOM - 8 * mm
    page_text = f"Page {number} of {total}"
    canvas.drawRightString(width - MARGIN_SIDE, baseline, page_text)
    room = width - 2 * MARGIN_SIDE - stringWidth(page_text, font, 7.5) - 10 * mm
    if spec.footer:
        canvas.drawString(MARGIN_SIDE, baseline, _fit(spec.footer, font, 7.5, room))
    if spec.running_header and number > 1:  # page 1 shows the title instead
        top = height - MARGIN_TOP + 5 * mm
        canvas.drawString(MARGIN_SIDE, top, _fit(spec.running_header, font, 7.5, room))
    canvas.restoreState()


def _fit(text: str, font: str, size: float, room: float) -> str:
    """`text` on one line, shortened with an ellipsis to fit `room` points."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"


class _Document(BaseDocTemplate):
    """A one-frame document that reports progress as table pages are laid out."""

    def __init__(self, filename: str, spec: DocumentSpec, progress: _ProgressReport) -> None:
        width, height = spec.page_size
        super().__init__(
            filename,
            pagesize=spec.page_size,
            leftMargin=MARGIN_SIDE,
            rightMargin=MARGIN_SIDE,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=spec.title,
            author=spec.author,
            creator="Sourcing Workbench",
            subject=spec.subtitle,
            invariant=1,
            initialFontName=font_name(),  # no Helvetica resource: every font is embedded
        )
        frame = Frame(
            MARGIN_SIDE,
            MARGIN_BOTTOM,
            width - 2 * MARGIN_SIDE,
            height - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("page", frames=[frame])])
        self._progress = progress

    def afterFlowable(self, flowable: Flowable) -> None:
        rows = getattr(flowable, "progress_rows", 0)
        if rows:
            self._progress.advance(rows)


@dataclass(slots=True)
class _ProgressReport:
    """Adds up the records drawn and asks the callback whether to go on."""

    total: int
    callback: Progress | None
    done: int = 0

    def advance(self, rows: int) -> None:
        self.done = min(self.total, self.done + rows)
        self.report()

    def report(self) -> None:
        if self.callback is not None and self.callback(self.done, self.total) is False:
            raise Cancelled("The export was cancelled; no file was written.")


def build_pdf(
    out: Path,
    spec: DocumentSpec,
    story: Sequence[Flowable],
    *,
    total: int = 0,
    on_progress: Progress | None = None,
) -> Path:
    """Write title, subtitle and `story` to `out` atomically, with "Page x of y" on each page.

    `total` is the number of records the story's long tables hold (any flowable may also
    count for some with a `progress_rows` attribute); `on_progress(done, total)` is called as
    their pages are laid out, and returning False cancels (no file is left). The story's
    flowables are used up: build a new story for each document.
    """
    out = Path(out)
    progress = _ProgressReport(total, on_progress)
    progress.report()
    text_styles = styles()
    head: list[Flowable] = [paragraph(spec.title, text_styles.title)]
    if spec.subtitle:
        head.append(paragraph(spec.subtitle, text_styles.subtitle))
    else:
        head.append(Spacer(1, 4))
    canvasmaker = functools.partial(_NumberedCanvas, spec=spec)
    try:
        with atomic_output(out) as temporary:
            _Document(str(temporary), spec, progress).build(
                [*head, *story], canvasmaker=canvasmaker
            )
            progress.done = total
            progress.report()
    except LayoutError:
        raise ExportFailed(
            f"The PDF {out.name} could not be laid out: an item in it is larger than a page."
        ) from None
    except OSError as error:
        raise ExportFailed(f"Cannot write {out}: {error.strerror or error}.") from None
    return out
