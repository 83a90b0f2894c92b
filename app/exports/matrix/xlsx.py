"""The Capacity & Credit matrix as an .xlsx workbook whose scores, levels and ranks stay live.

Sheet "Matrix" holds one row per supplier; its weighted score, level, missing criteria and
rank are formulas that read the weights, the share of weight that must be scored and the level
minimums on sheet "Legend", so a partner who changes one in Excel or LibreOffice sees every
score, level and rank recompute. The formulas follow app.domain.matrix.scoring exactly: blank
scores are left out and the remaining weights renormalised, ROUND(x, 1) is half-up for these
non-negative values, a score whose scored criteria carry less than the required share of the
weight is "incomplete" (no level, no rank), and ranks are competition style (1, 2, 2, 4) among
the complete scores. No computed value is stored beside them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from app.domain.matrix.capacity import Dimension, Grade, boundary_rule, grade_legend
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.grade_palette import CREDIT_FILL, GRADE_FILL, LEVEL_FILL, Tone, colour_key
from app.domain.matrix.rows import MatrixRow
from app.domain.matrix.scoring import Criterion, Level, LevelThresholds, Weights
from app.errors import Cancelled
from app.exports.kit.atomic import atomic_output
from app.exports.kit.xlsx_cells import column_width, header_cells, protect_row, write_only_workbook

Progress = Callable[[int, int], bool]
PROGRESS_EVERY = 500  # rows between progress reports
MATRIX_SHEET, LEGEND_SHEET = "Matrix", "Legend"
FROZEN_AT = "C2"  # header row and both name columns stay in view

# Short headers keep the columns narrow (the Legend spells out each dimension and unit).
DIMENSION_HEADERS: dict[Dimension, tuple[str, str]] = {
    Dimension.MONTHLY_CAPACITY: ("Capacity (pcs/month)", "Capacity grade"),
    Dimension.PRODUCTION_LINES: ("Lines", "Lines grade"),
    Dimension.EMPLOYEES: ("Employees", "Employees grade"),
    Dimension.FACTORY_AREA: ("Area (m²)", "Area grade"),
    Dimension.RESPONSE_TIME: ("Response (h)", "Response grade"),
}
SCORE_HEADERS = ("Quality", "Delivery", "Service", "Cost")  # in Criterion order
HEADERS: tuple[tuple[str, float], ...] = (
    ("Chinese name", 26),
    ("English name", 28),
    ("Province", 9),
    ("Status", 11),
    *((header, 9) for pair in DIMENSION_HEADERS.values() for header in pair),
    ("Credit rating", 8),
    ("Suggested rating", 8),
    ("Rating source", 8),
    ("Override reason", 30),
    ("Rating caps", 30),
    ("Buyer protection", 9),
    ("Period", 9),
    *((header, 8) for header in SCORE_HEADERS),
    ("Weighted score", 8),
    ("Level", 10),
    ("Missing scores", 16),
    ("Rank", 7),
)
_COLUMN = {header: get_column_letter(n) for n, (header, _) in enumerate(HEADERS, start=1)}
SCORE_COLUMNS = tuple(_COLUMN[header] for header in SCORE_HEADERS)
WEIGHTED, LEVEL, RANK = _COLUMN["Weighted score"], _COLUMN["Level"], _COLUMN["Rank"]
PROTECTION_TEXT = {True: "yes", False: "no", None: "unknown"}

# Shared with the PDF legend: the rules in words.
BOUNDARY_RULE = (
    '"at least" and "at most" include the bound, "over" and "under" do not. '
    f"{boundary_rule()} A missing value is unknown, never weak; a trading company's "
    "production (capacity, lines, employees, area) is n/a, never weak."
)
SCORE_RULE = (
    "Weighted score = sum of (weight x score) / sum of the weights of the scores present, "
    "rounded half-up to 1 decimal: a blank score is left out, never counted as 0. "
    "The scored criteria must carry at least the share of the weight set above (exactly that "
    "share is enough); with less the level is incomplete, naming the scores missing, and there "
    "is no rank. Rank: highest complete score first; equal scores share a rank (1, 2, 2, 4)."
)
CREDIT_RULE = (
    "Credit rating is the manual rating when the user set one (source manual, with the "
    "reason), otherwise the rating the app suggests from the credit inputs (source suggested). "
    "An input not known (buyer protection unknown...) is left out, never counted as no. No "
    "membership, under 1 year of membership, payment asked to a personal account or false "
    "company details rate C (the caps column says why); any other open red flag caps at B."
)

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=12)
_NOTE = Font(italic=True, color="5A6270")
_THIN = Side(style="thin", color="5A6270")
_INPUT_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_ONE_DECIMAL = "0.0"
_WHOLE, _DECIMAL = "#,##0", "#,##0.0##"


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour.lstrip("#").upper())


GRADE_FILLS = {grade: _fill(colour) for grade, colour in GRADE_FILL.items()}
CREDIT_FILLS = {rating: _fill(colour) for rating, colour in CREDIT_FILL.items()}
LEVEL_FILLS = {level: _fill(colour) for level, colour in LEVEL_FILL.items()}


@dataclass(frozen=True, slots=True)
class LegendRefs:
    """Absolute references to the Legend's input cells, for the Matrix formulas."""

    weights: tuple[str, ...]  # Quality, Delivery, Service, Cost
    minimums: tuple[str, ...]  # level A, B, C
    min_known: str  # the share of the weight the scored criteria must carry (%)


def export_matrix_xlsx(
    rows: Sequence[MatrixRow],
    out: Path,
    *,
    weights: Weights,
    thresholds: LevelThresholds,
    today: date,
    on_progress: Progress | None = None,
) -> Path:
    """Write `rows` (in this order) to `out`; on_progress(done, total) returning False cancels
    (no file is written and an existing `out` is kept)."""
    out = Path(out)
    with atomic_output(out) as temporary, write_only_workbook() as workbook:
        matrix = workbook.create_sheet(MATRIX_SHEET)  # first: the sheet a CSV conversion takes
        refs = write_legend(workbook.create_sheet(LEGEND_SHEET), weights, thresholds, today)
        _write_matrix(matrix, rows, refs, on_progress)
        workbook.save(temporary)
    return out


# --- Matrix ----------------------------------------------------------------------------------


def _write_matrix(
    ws: WriteOnlyWorksheet,
    rows: Sequence[MatrixRow],
    refs: LegendRefs,
    on_progress: Progress | None,
) -> None:
    for number, (header, width) in enumerate(HEADERS, start=1):
        ws.column_dimensions[get_column_letter(number)].width = column_width(header, width)
    ws.freeze_panes = FROZEN_AT
    last_row = len(rows) + 1
    ws.auto_filter.ref = f"A1:{RANK}{last_row}"
    ws.append(header_cells(ws, [header for header, _ in HEADERS]))
    formulas = _Formulas(refs, last_row)
    total = len(rows)
    for start in range(0, total, PROGRESS_EVERY):
        for number, row in enumerate(rows[start : start + PROGRESS_EVERY], start=start + 2):
            ws.append(matrix_row(ws, row, formulas, number))
        done = min(total, start + PROGRESS_EVERY)
        if on_progress is not None and not on_progress(done, total):
            raise Cancelled("Export cancelled: no file was written.")
    if rows:
        _level_formatting(ws, last_row)


def matrix_row(
    ws: WriteOnlyWorksheet, row: MatrixRow, formulas: _Formulas, number: int
) -> list[object]:
    """The cells of one supplier on sheet row `number`, in HEADERS order."""
    values: list[object] = [row.name_zh, row.name_en, row.province, row.status.label]
    for dimension in DIMENSION_HEADERS:
        cell = row.capacity[dimension]
        values += [_number(ws, cell.value), _filled(ws, cell.grade.value, GRADE_FILLS[cell.grade])]
    credit = row.credit
    values += [
        _filled(ws, credit.effective.value, CREDIT_FILLS[credit.effective]),
        _filled(ws, credit.suggested.value, CREDIT_FILLS[credit.suggested]),
        credit.source.value,
        credit.override.reason.strip() if credit.override else None,
        "; ".join(credit.assessment.caps) or None,
        PROTECTION_TEXT[row.buyer_protection],
        row.period,
    ]
    scores = row.scores
    values += [scores.quality, scores.delivery, scores.service, scores.cost]
    values += formulas.cells(ws, number)
    return protect_row(ws, values)


class _Formulas:
    """The weighted score, level and rank formulas of one sheet row."""

    def __init__(self, refs: LegendRefs, last_row: int) -> None:
        pairs = list(zip(SCORE_COLUMNS, refs.weights, strict=True))
        # N() and ISNUMBER() make a blank (or typed-over text) score count as missing.
        self._sum = "+".join(f"N({col}{{n}})*{weight}" for col, weight in pairs)
        self._present = "+".join(f"ISNUMBER({col}{{n}})*{weight}" for col, weight in pairs)
        a, b, c = refs.minimums
        w, incomplete = f"{WEIGHTED}{{n}}", Level.INCOMPLETE.value
        # Incomplete when the scored criteria carry less than the Legend's share of the weight.
        self._level = (
            f'=IF({w}="","{Level.UNKNOWN.value}",IF(({self._present})<{refs.min_known},'
            f'"{incomplete}",IF({w}>={a},"A",IF({w}>={b},"B",IF({w}>={c},"C","D")))))'
        )
        # ", Quality, Cost" for each blank score with a weight, its first ", " cut off.
        blanks = "&".join(
            f'IF(AND(NOT(ISNUMBER({col}{{n}})),{weight}>0),", {criterion.label}","")'
            for (col, weight), criterion in zip(pairs, Criterion, strict=True)
        )
        self._missing = f'=IF({LEVEL}{{n}}="{incomplete}",MID({blanks},3,200),"")'
        # Competition ranks among the complete scores only: 1 + how many complete ones beat it.
        scores = f"${WEIGHTED}$2:${WEIGHTED}${last_row}"
        levels = f"${LEVEL}$2:${LEVEL}${last_row}"
        self._rank = (
            f'=IF(OR({w}="",{LEVEL}{{n}}="{incomplete}"),"",'
            f'COUNTIFS({scores},">"&{w},{levels},"<>{incomplete}")+1)'
        )

    def weighted(self, n: int) -> str:
        present = self._present.format(n=n)
        total = self._sum.format(n=n)
        return f'=IF(({present})=0,"",ROUND(({total})/({present}),1))'

    def cells(self, ws: WriteOnlyWorksheet, n: int) -> list[object]:
        weighted = WriteOnlyCell(ws, self.weighted(n))
        weighted.number_format = _ONE_DECIMAL
        # Cells, not strings: protect_row would (rightly) turn a "=..." string into text.
        level = WriteOnlyCell(ws, self._level.format(n=n))
        missing = WriteOnlyCell(ws, self._missing.format(n=n))
        rank = WriteOnlyCell(ws, self._rank.format(n=n))
        return [weighted, level, missing, rank]


def _level_formatting(ws: WriteOnlyWorksheet, last_row: int) -> None:
    """Level cells are formulas, so their fill follows the recomputed value, not the export's."""
    cells = f"{LEVEL}2:{LEVEL}{last_row}"
    for level, fill in LEVEL_FILLS.items():
        rule = CellIsRule(operator="equal", formula=[f'"{level.value}"'], fill=fill)
        ws.conditional_formatting.add(cells, rule)


def _filled(ws: WriteOnlyWorksheet, text: str, fill: PatternFill) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, text)
    cell.fill = fill
    return cell


def _number(ws: WriteOnlyWorksheet, value: Decimal | None) -> WriteOnlyCell | None:
    """A raw capacity value as a number cell with thousands separators; None stays empty."""
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value)
    cell.number_format = _WHOLE if value == value.to_integral_value() else _DECIMAL
    return cell


# --- Legend ----------------------------------------------------------------------------------

LEGEND_WIDTHS = (24, 46, 16, 44)
NOTE_CHARS_PER_LINE = 125  # a little under the four widths' sum: wrapped lines are uneven
NOTE_LINE_HEIGHT = 15  # points


class _LegendWriter:
    """Appends Legend rows and knows the number of the next one (for absolute references)."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.next_row = 1

    def row(self, *values: object) -> int:
        self.ws.append(protect_row(self.ws, list(values)))
        self.next_row += 1
        return self.next_row - 1

    def title(self, text: str) -> None:
        if self.next_row > 1:
            self.row()
        self.row(self.styled(text, font=_TITLE))

    def header(self, *texts: str) -> None:
        self.row(*header_cells(self.ws, texts))

    def note(self, text: str) -> None:
        """A sentence across the four columns, wrapped, in a row tall enough for it."""
        lines = -(-len(text) // NOTE_CHARS_PER_LINE)
        self.ws.row_dimensions[self.next_row].height = NOTE_LINE_HEIGHT * max(1, lines)
        self.ws.merged_cells.add(f"A{self.next_row}:D{self.next_row}")
        cell = self.styled(text, font=_NOTE)
        cell.alignment = _WRAP
        self.row(cell)

    def styled(
        self, value: object, *, font: Font | None = None, fill: PatternFill | None = None
    ) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        return cell

    def input(self, value: Decimal) -> WriteOnlyCell:
        """An editable number: bold in a box, so a partner sees what to change."""
        cell = self.styled(value, font=_BOLD)
        cell.border = _INPUT_BORDER
        return cell


def write_legend(
    ws: WriteOnlyWorksheet, weights: Weights, thresholds: LevelThresholds, today: date
) -> LegendRefs:
    """Weights and level minimums as editable cells, then the rules and the colour key."""
    for number, width in enumerate(LEGEND_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(number)].width = width
    legend = _LegendWriter(ws)
    legend.title(f"Capacity & Credit matrix: how to read it (exported {today.isoformat()})")
    legend.note("Change a weight or a level minimum below: the Matrix sheet recomputes.")

    legend.title("Performance weights (%)")
    legend.header("Criterion", "Covers", "Weight %", "")
    weight_rows = [
        legend.row(c.label, c.covers, legend.input(weights.as_dict()[c])) for c in Criterion
    ]
    total = legend.next_row
    legend.row(
        legend.styled("Total", font=_BOLD),
        "must add up to 100",
        legend.styled(f"=SUM(C{weight_rows[0]}:C{weight_rows[-1]})", font=_BOLD),
        legend.styled(
            f'=IF(C{total}=100,"OK: the weights add up to 100.",'
            '"Make the weights add up to 100: the app accepts no other total.")'
        ),
    )
    _warn_unless_100(ws, f"C{total}")
    min_known_row = legend.row(
        legend.styled("Scored at least", font=_BOLD),
        "share of the weight the scored criteria must carry for a level",
        legend.input(weights.min_known),
        "with less: incomplete, no level, no rank",
    )
    legend.note(SCORE_RULE)

    legend.title("Levels")
    legend.header("Level", "Action", "Minimum score", "")
    minimum_rows = []
    for level, minimum in (
        (Level.A, thresholds.a),
        (Level.B, thresholds.b),
        (Level.C, thresholds.c),
    ):
        fill = LEVEL_FILLS[level]
        minimum_rows.append(
            legend.row(legend.styled(level.value, fill=fill), level.action, legend.input(minimum))
        )
    legend.row(
        legend.styled("D", fill=LEVEL_FILLS[Level.D]), Level.D.action, "under level C's minimum"
    )
    legend.row(
        legend.styled(Level.INCOMPLETE.value, fill=LEVEL_FILLS[Level.INCOMPLETE]),
        Level.INCOMPLETE.action,
        f"scored criteria under C{min_known_row}'s share of the weight",
    )
    legend.row(
        legend.styled(Level.UNKNOWN.value, fill=LEVEL_FILLS[Level.UNKNOWN]),
        Level.UNKNOWN.action,
        "no score",
    )
    _numbers_only(ws, [f"C{n}" for n in (*weight_rows, min_known_row, *minimum_rows)])

    legend.title("Capacity grades")
    legend.header("Dimension", "Range", "Grade", "")
    for dimension in Dimension:
        for grade, words in grade_legend(dimension):
            legend.row(dimension.label, words, legend.styled(grade.value, fill=GRADE_FILLS[grade]))
    legend.row(
        "Any dimension",
        "no value recorded",
        legend.styled("unknown", fill=GRADE_FILLS[Grade.UNKNOWN]),
    )
    legend.row(
        "Capacity, lines, employees, area",
        "a trading company's: it has no production of its own",
        legend.styled(Grade.NOT_APPLICABLE.value, fill=GRADE_FILLS[Grade.NOT_APPLICABLE]),
    )
    legend.note(f"Boundaries: {BOUNDARY_RULE}")

    legend.title("Credit ratings")
    legend.header("Rating", "Meaning", "Risk", "")
    for rating in CreditRating:
        legend.row(
            legend.styled(rating.value, fill=CREDIT_FILLS[rating]), rating.meaning, rating.risk
        )
    legend.note(CREDIT_RULE)

    legend.title("Colour key")
    legend.header("Colour", "Used for", "", "")
    for tone, used_for in colour_key():
        legend.row(legend.styled(tone.value, fill=_fill(tone.fill)), used_for)
    legend.note("Colour-blind-safe tints (Okabe-Ito); the text is always shown as well.")

    return LegendRefs(
        weights=tuple(f"{LEGEND_SHEET}!$C${n}" for n in weight_rows),
        minimums=tuple(f"{LEGEND_SHEET}!$C${n}" for n in minimum_rows),
        min_known=f"{LEGEND_SHEET}!$C${min_known_row}",
    )


def _warn_unless_100(ws: WriteOnlyWorksheet, cell: str) -> None:
    ws.conditional_formatting.add(
        cell, CellIsRule(operator="notEqual", formula=["100"], fill=_fill(Tone.BAD.fill))
    )


def _numbers_only(ws: WriteOnlyWorksheet, cells: list[str]) -> None:
    validation = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="100",
        showErrorMessage=True,
        errorTitle="A number from 0 to 100",
        error="Weights, the share scored and level minimums are numbers from 0 to 100.",
    )
    for cell in cells:
        validation.add(cell)
    ws.data_validations.append(validation)
