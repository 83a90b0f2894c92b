"""The tab's legend: every grade boundary, level, credit rating and colour, in words.

Built from the same rules the grading uses (capacity bands, thresholds, rating meanings), so
the legend can never disagree with the cells it explains. Also the tab's words for the
matrix domain's own labels (grades, dimensions, criteria, ratings…), which the domain holds in
English only: `term()` shows them in the interface language (issue 15).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from app.domain.matrix.capacity import Dimension, Grade, boundary_rule, grade_legend
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.grade_palette import CREDIT_FILL, GRADE_FILL, LEVEL_FILL, TEXT_ON_FILL
from app.domain.matrix.scoring import Level, LevelThresholds

TERMS = "MatrixTerms"  # the translation context of the domain's labels
# Every English label of app.domain.matrix that the tab shows (a test checks none is missing).
TERM_SOURCES = (
    # grades (Grade values) and the level / rating sources
    str(QT_TRANSLATE_NOOP("MatrixTerms", "excellent")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "good")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "average")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "weak")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "unknown")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "n/a (trading company)")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "incomplete")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "suggested")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "manual")),
    # dimensions and their units in words (symbols such as m² and h stay)
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Monthly capacity")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Production lines")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Employees")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Factory area")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Response time")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "pieces")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "lines")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "people")),
    # where a capacity fact came from
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Supplier's word")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "1688 page")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Seen at audit")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Third-party report")),
    # criteria, what each covers, the chart axes
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Quality")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Delivery")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Service")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Cost")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "pass rate, complaint rate, improvement")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "on-time rate, quantity accuracy")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "response speed, problem solving")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "price competitiveness, cost reduction")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Capacity")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Credit")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Weighted")),
    # sub-indicators and their units
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Pass rate")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Complaint rate")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Improvement")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "On-time rate")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Quantity accuracy")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Response speed")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Problem solving")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Price competitiveness")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Cost reduction")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "of 5")),
    # credit ratings: meaning and risk; volume trends
    str(QT_TRANSLATE_NOOP("MatrixTerms", "very poor")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "poor")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "not rated")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "very low risk")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "low risk")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "manageable risk")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "caution")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "do not cooperate")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "unknown risk")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "rising")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "stable")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "falling")),
    # what a level asks for
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Increase share and prefer")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Keep and improve")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Reduce orders, demand corrective action")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "End cooperation and find a replacement")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Score the missing criteria before deciding")),
    str(QT_TRANSLATE_NOOP("MatrixTerms", "Not evaluated yet")),
)


def term(label: str) -> str:
    """A label of the matrix domain in the interface language (unlisted text as it is)."""
    return QCoreApplication.translate(TERMS, label)


def _swatch(fill: str, text: str) -> str:
    return (
        f'<td style="background:{fill}; color:{TEXT_ON_FILL}; padding:2px 6px">'
        f"{html.escape(text)}</td>"
    )


def legend_html(thresholds: LevelThresholds) -> str:
    parts = [
        "<h3>{}</h3>".format(QCoreApplication.translate("LegendLabel", "Capacity grades")),
        "<p>{} {}</p>".format(
            html.escape(boundary_rule()),
            QCoreApplication.translate(
                "LegendLabel",
                "No value is <i>unknown</i>, never weak; a trading company's capacity, lines, "
                "employees and area are <i>n/a</i>, never weak.",
            ),
        ),
    ]
    for dimension in Dimension:
        rows = "".join(
            f"<tr>{_swatch(GRADE_FILL[grade], term(grade.value))}<td>{html.escape(text)}</td></tr>"
            for grade, text in grade_legend(dimension)
        )
        name = html.escape(term(dimension.label))
        parts.append(f"<p><b>{name}</b></p><table cellspacing='2'>{rows}</table>")
    incomplete = QCoreApplication.translate(
        "LegendLabel",
        "the scored criteria carry under the share of the weight a level needs (Weights tab, "
        "50 % by default): score the missing ones first",
    )
    described = [*thresholds.describe(), (Level.INCOMPLETE, incomplete)]
    level_rows = "".join(
        f"<tr>{_swatch(LEVEL_FILL[level], term(level.value))}<td>{html.escape(text)}</td></tr>"
        for level, text in described
    )
    levels = QCoreApplication.translate("LegendLabel", "Levels (weighted score)")
    parts.append(f"<h3>{levels}</h3>")
    parts.append(f"<table cellspacing='2'>{level_rows}</table>")
    rating_rows = "".join(
        f"<tr>{_swatch(CREDIT_FILL[rating], rating.value)}"
        f"<td>{html.escape(term(rating.meaning))}, {html.escape(term(rating.risk))}</td></tr>"
        for rating in CreditRating
        if rating is not CreditRating.UNKNOWN
    )
    credit = QCoreApplication.translate("LegendLabel", "Credit rating")
    parts.append(f"<h3>{credit}</h3>")
    parts.append(f"<table cellspacing='2'>{rating_rows}</table>")
    grey = QCoreApplication.translate(
        "LegendLabel",
        "Grey is unknown everywhere: no value, no score, or too few credit inputs; also {na} "
        "and an incomplete score.",
    )
    parts.append(f"<p>{grey.format(na=html.escape(term(Grade.NOT_APPLICABLE.value)))}</p>")
    return "".join(parts)


class LegendLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_thresholds(LevelThresholds())

    def show_thresholds(self, thresholds: LevelThresholds) -> None:
        self.setText(legend_html(thresholds))
