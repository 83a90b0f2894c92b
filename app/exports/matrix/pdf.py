"""The Capacity & Credit matrix as a printable landscape A4 report, followed by its legend.

Grades, ratings and levels print on the same colour-blind-safe fills as the tab and the
workbook (app.domain.matrix.grade_palette). Rows go through LongTable, so 10,000 suppliers lay out
in linear time; the coloured cells are tiny flowables of their own, cheaper than Paragraphs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.matrix.capacity import Dimension, Grade, grade_legend
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.credit_decision import RatingSource
from app.domain.matrix.grade_palette import (
    CREDIT_FILL,
    GRADE_FILL,
    LEVEL_FILL,
    TEXT_ON_FILL,
    colour_key,
)
from app.domain.matrix.rows import MatrixRow, rank_matrix
from app.domain.matrix.scoring import Criterion, Level, LevelThresholds, Ranked, Weights
from app.domain.suppliers.choices import Status
from app.exports.kit.pdf_fonts import font_name
from app.exports.kit.pdf_layout import (
    GREY,
    RED,
    DocumentSpec,
    Span,
    Styles,
    build_pdf,
    lines,
    paragraph,
    stacked,
    styles,
)
from app.exports.kit.pdf_table import GRID, HEADER_BACKGROUND, Column, LongTable
from app.exports.matrix.xlsx import BOUNDARY_RULE, CREDIT_RULE, SCORE_RULE

Progress = Callable[[int, int], bool]
NO_VALUE = "–"
TITLE = "Capacity & Credit matrix"
_WARNING_STATUSES = (Status.REJECTED, Status.BLACKLISTED)
REASON_LINES = 3  # an override reason longer than this is cut with "…": rows stay short

DIMENSION_HEADINGS: dict[Dimension, str] = {
    Dimension.MONTHLY_CAPACITY: "Capacity\npcs/month",
    Dimension.PRODUCTION_LINES: "Lines",
    Dimension.EMPLOYEES: "Employees",
    Dimension.FACTORY_AREA: "Area m²",
    Dimension.RESPONSE_TIME: "Response\nhours",
}
COLUMNS = (
    Column("Rank", 3.2, "right"),
    Column("Supplier", 13.4),
    Column("Province", 4.6),
    Column("Status", 4.8),
    *(Column(heading, 5.6) for heading in DIMENSION_HEADINGS.values()),
    Column("Credit", 7.4),
    Column("Period", 4.6),
    Column("Quality", 3.9, "right"),
    Column("Delivery", 4.1, "right"),
    Column("Service", 3.9, "right"),
    Column("Cost", 3.3, "right"),
    Column("Score", 3.6, "right"),
    Column("Level", 4.8),
)


def export_matrix_pdf(
    rows: Sequence[MatrixRow],
    out: Path,
    *,
    weights: Weights,
    thresholds: LevelThresholds,
    today: date,
    ranking: Mapping[int, Ranked] | None = None,
    on_progress: Progress | None = None,
) -> Path:
    """Write `rows` (in this order) to `out` with the scores, levels and ranks these weights
    and thresholds give (`ranking`, when the caller has ranked them already), then the legend;
    on_progress(done, total) returning False cancels."""
    if ranking is None:
        ranking = rank_matrix(rows, weights, thresholds)
    count = f"{len(rows):,} supplier{'' if len(rows) == 1 else 's'}"
    exported = f"exported {today.isoformat()}"
    spec = DocumentSpec(
        title=TITLE,
        subtitle=f"{exported}, {count} · weights {weights_text(weights)} · "
        f"levels A ≥ {thresholds.a}, B ≥ {thresholds.b}, C ≥ {thresholds.c} "
        f"(with ≥ {number_text(weights.min_known)} % of the weight scored)",
        landscape=True,
        running_header=TITLE,
        footer=f"Sourcing Workbench · {TITLE} · {exported}",
    )
    s = styles(7)
    table = LongTable(
        COLUMNS, rows, lambda row: matrix_row(row, ranking[row.supplier_id], s), table_styles=s
    )
    story: list[Flowable] = [table]
    if not rows:
        story.append(paragraph("No suppliers to export.", s.body))
    story += legend(weights, thresholds, s)
    return build_pdf(out, spec, story, total=len(rows), on_progress=on_progress)


def weights_text(weights: Weights) -> str:
    """ "Quality 40 % · Delivery 30 % · Service 20 % · Cost 10 %"."""
    return " · ".join(f"{c.label} {number_text(w)} %" for c, w in weights.as_dict().items())


def matrix_row(row: MatrixRow, ranked: Ranked, s: Styles) -> list[Flowable | str]:
    """The cells of one supplier's row, in COLUMNS order."""
    scores = row.scores
    cells: list[Flowable | str] = [
        NO_VALUE if ranked.rank is None else str(ranked.rank),
        _name(row, s),
        paragraph(row.province or NO_VALUE, s.cell),
        _status(row.status, s),
    ]
    for dimension in DIMENSION_HEADINGS:
        capacity = row.capacity[dimension]
        value = NO_VALUE if capacity.value is None else number_text(capacity.value)
        grade = capacity.grade
        texts = (
            ["n/a", "trading company"] if grade is Grade.NOT_APPLICABLE else [value, grade.value]
        )
        note = f"⚠ {capacity.warning}" if capacity.warning else ""
        cells.append(FilledCell(texts, GRADE_FILL[grade], note=note))
    cells += [
        _credit(row),
        row.period or NO_VALUE,
        *(score_text(getattr(scores, c.value)) for c in Criterion),
        NO_VALUE if ranked.score is None else str(ranked.score),  # always one decimal
        _level(ranked),
    ]
    return cells


def _level(ranked: Ranked) -> FilledCell:
    """The level on its fill; an incomplete one names the scores still missing."""
    note = ""
    if ranked.level is Level.INCOMPLETE:
        note = "missing: " + ", ".join(c.label for c in ranked.missing)
    return FilledCell([ranked.level.value], LEVEL_FILL[ranked.level], note=note)


def number_text(value: Decimal) -> str:
    """ "120,000", "1,999.5": thousands separated, no trailing zeros."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def score_text(value: Decimal | None) -> str:
    return NO_VALUE if value is None else f"{value.normalize():f}"


def _name(row: MatrixRow, s: Styles) -> Paragraph:
    if row.name_zh and row.name_en:
        return stacked(row.name_zh, row.name_en, s.cell)
    return paragraph(row.display_name or NO_VALUE, s.cell)


def _status(status: Status, s: Styles) -> Paragraph | str:
    if status in _WARNING_STATUSES:
        return lines([Span(status.label, RED)], s.cell)
    return status.label


def _credit(row: MatrixRow) -> FilledCell:
    """The effective rating on its fill; a manual one says what the rule suggests, and why."""
    credit = row.credit
    rating = credit.effective
    if credit.source is RatingSource.MANUAL and credit.override is not None:
        note = f"rule: {credit.suggested.value} · {credit.override.reason.strip()}"
        return FilledCell([rating.value, "manual"], CREDIT_FILL[rating], note=note)
    # A capped rating says why (C: "red flag 'False company details' is disqualifying").
    return FilledCell(
        [rating.value, "suggested"], CREDIT_FILL[rating], note=" ".join(credit.assessment.caps)
    )


class FilledCell(Flowable):
    """Short lines of our own text on a coloured block, with an optional grey note below
    (wrapped, at most REASON_LINES lines). Drawn directly: no markup, so nothing to escape."""

    size, small, padding = 7.0, 6.2, 1.8

    def __init__(self, texts: Sequence[str], fill: str, note: str = "") -> None:
        super().__init__()
        self.texts = list(texts)
        self.fill = fill
        self.note = note
        self._note_lines: list[str] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        if self.note:
            split = simpleSplit(self.note, font_name(), self.small, availWidth)
            if len(split) > REASON_LINES:
                split = [
                    *split[: REASON_LINES - 1],
                    _fit(split[REASON_LINES - 1] + "…", self.small, availWidth),
                ]
            self._note_lines = split
        self.height = self._block_height + len(self._note_lines) * self.small * 1.2
        return self.width, self.height

    @property
    def _block_height(self) -> float:
        first, rest = self.size * 1.2, self.small * 1.2 * (len(self.texts) - 1)
        return first + rest + 2 * self.padding

    def draw(self) -> None:
        # Plain rectangles and cached colours: drawn 70,000 times in a 10,000-row report.
        canvas = self.canv
        font = font_name()
        top = self.height
        block = self._block_height
        canvas.setFillColor(_colour(self.fill))
        canvas.rect(0, top - block, self.width, block, stroke=0, fill=1)
        canvas.setFillColor(_colour(TEXT_ON_FILL))
        room = self.width - 2 * self.padding
        y = top - self.padding - self.size * 0.8
        size = self.size
        canvas.setFont(font, size)
        for text in self.texts:
            canvas.drawString(self.padding, y, _fit(text, size, room))
            if size != self.small:
                size = self.small
                canvas.setFont(font, size)
            y -= self.small * 1.2
        if self._note_lines:
            canvas.setFillColor(_colour(GREY))
            y = top - block - self.small
            for text in self._note_lines:
                canvas.drawString(0, y, text)
                y -= self.small * 1.2


@functools.lru_cache(maxsize=32)
def _colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


def _fit(text: str, size: float, room: float) -> str:
    """`text` shortened with "…" to fit `room` points (our own short words rarely need it)."""
    font = font_name()
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"


# --- the legend --------------------------------------------------------------------------------


def legend(weights: Weights, thresholds: LevelThresholds, s: Styles) -> list[Flowable]:
    """Weights, levels, capacity grades, credit ratings and the colour key, after the table."""
    heading = ParagraphStyle("legend_heading", parent=s.body, fontSize=11, leading=15, spaceAfter=3)
    note = ParagraphStyle("legend_note", parent=s.cell, textColor=GREY)
    half = 130 * mm

    weights_table = _table(
        [["Criterion", "Covers", "Weight %"]]
        + [[c.label, c.covers, number_text(w)] for c, w in weights.as_dict().items()]
        + [["Total", "", number_text(sum(weights.as_dict().values(), Decimal(0)))]]
        + [["Scored at least", "share of the weight for a level", number_text(weights.min_known)]],
        [24 * mm, 78 * mm, 18 * mm],
        s,
    )
    level_rows = [
        (Level.A, f"{thresholds.a} or more"),
        (Level.B, f"{thresholds.b} to under {thresholds.a}"),
        (Level.C, f"{thresholds.c} to under {thresholds.b}"),
        (Level.D, f"under {thresholds.c}"),
        (Level.INCOMPLETE, f"scored criteria carry under {number_text(weights.min_known)} %"),
        (Level.UNKNOWN, "no score"),
    ]
    levels_table = _table(
        [["Level", "Weighted score", "Action"]]
        + [[level.value, words, level.action] for level, words in level_rows],
        [16 * mm, 36 * mm, 70 * mm],
        s,
        fills={(0, n): LEVEL_FILL[level] for n, (level, _) in enumerate(level_rows, start=1)},
    )
    grades = [g for g in Grade if g not in (Grade.UNKNOWN, Grade.NOT_APPLICABLE)]
    capacity_table = _table(
        [["Dimension", *(g.value for g in grades)]]
        + [[f"{d.label} ({d.unit})", *(words for _, words in grade_legend(d))] for d in Dimension],
        [40 * mm, *([59 * mm] * len(grades))],
        s,
        fills={(n, 0): GRADE_FILL[g] for n, g in enumerate(grades, start=1)},
    )
    ratings = list(CreditRating)
    credit_table = _table(
        [["Rating", "Meaning", "Risk"]] + [[r.value, r.meaning, r.risk] for r in ratings],
        [18 * mm, 40 * mm, 50 * mm],
        s,
        fills={(0, n): CREDIT_FILL[r] for n, r in enumerate(ratings, start=1)},
    )
    key = colour_key()
    colour_table = _table(
        [["Colour", "Used for"]] + [[tone.value, used_for] for tone, used_for in key],
        [20 * mm, 90 * mm],
        s,
        fills={(0, n): tone.fill for n, (tone, _) in enumerate(key, start=1)},
    )

    def section(title: str, table: Table, *notes: str) -> list[Flowable]:
        return [
            paragraph(title, heading),
            table,
            *(paragraph(text, note) for text in notes),
            Spacer(1, 4 * mm),
        ]

    return [
        CondPageBreak(90 * mm),
        Spacer(1, 4 * mm),
        paragraph("Legend", s.title),
        _side_by_side(
            section("Performance weights", weights_table, SCORE_RULE),
            section("Levels", levels_table),
            half,
        ),
        KeepTogether(section("Capacity grades", capacity_table, f"Boundaries: {BOUNDARY_RULE}")),
        _side_by_side(
            section("Credit ratings", credit_table, CREDIT_RULE),
            section(
                "Colour key",
                colour_table,
                "Colour-blind-safe tints (Okabe-Ito); the text is always printed too.",
            ),
            half,
        ),
    ]


def _table(
    data: list[list[str]],
    widths: list[float],
    s: Styles,
    fills: dict[tuple[int, int], str] | None = None,
) -> Table:
    """A small legend table: header row, wrapped cells, the given (column, row) cells filled."""
    fills = fills or {}
    header = [
        paragraph(text, s.cell if (column, 0) in fills else s.header_cell)  # dark on a fill
        for column, text in enumerate(data[0])
    ]
    body = [[paragraph(text, s.cell) for text in row] for row in data[1:]]
    table = Table([header, *body], colWidths=widths, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), s.cell.fontName),  # never reportlab's Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for (column, row), colour in fills.items():
        commands.append(("BACKGROUND", (column, row), (column, row), colors.HexColor(colour)))
    table.setStyle(TableStyle(commands))
    return table


def _side_by_side(left: list[Flowable], right: list[Flowable], width: float) -> Table:
    """Two legend sections next to each other, kept together on one page."""
    table = Table([[left, right]], colWidths=[width, width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font_name()),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table
