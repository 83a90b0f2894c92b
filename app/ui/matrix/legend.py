"""The tab's legend: every grade boundary, level, credit rating and colour, in words.

Built from the same rules the grading uses (capacity bands, thresholds, rating meanings), so
the legend can never disagree with the cells it explains.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.domain.matrix.capacity import Dimension, Grade, boundary_rule, grade_legend
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.grade_palette import CREDIT_FILL, GRADE_FILL, LEVEL_FILL, TEXT_ON_FILL
from app.domain.matrix.scoring import Level, LevelThresholds


def _swatch(fill: str, text: str) -> str:
    return (
        f'<td style="background:{fill}; color:{TEXT_ON_FILL}; padding:2px 6px">'
        f"{html.escape(text)}</td>"
    )


def legend_html(thresholds: LevelThresholds) -> str:
    parts = [
        "<h3>Capacity grades</h3>",
        f"<p>{html.escape(boundary_rule())} No value is <i>unknown</i>, never weak; a trading "
        "company's capacity, lines, employees and area are <i>n/a</i>, never weak.</p>",
    ]
    for dimension in Dimension:
        rows = "".join(
            f"<tr>{_swatch(GRADE_FILL[grade], grade.value)}<td>{html.escape(text)}</td></tr>"
            for grade, text in grade_legend(dimension)
        )
        parts.append(f"<p><b>{dimension.label}</b></p><table cellspacing='2'>{rows}</table>")
    described = [
        *thresholds.describe(),
        (Level.INCOMPLETE, "the scored criteria carry under the share of the weight a level "
         "needs (Weights tab, 50 % by default): score the missing ones first"),
    ]  # fmt: skip
    level_rows = "".join(
        f"<tr>{_swatch(LEVEL_FILL[level], level.value)}<td>{html.escape(text)}</td></tr>"
        for level, text in described
    )
    parts.append("<h3>Levels (weighted score)</h3>")
    parts.append(f"<table cellspacing='2'>{level_rows}</table>")
    rating_rows = "".join(
        f"<tr>{_swatch(CREDIT_FILL[rating], rating.value)}"
        f"<td>{html.escape(rating.meaning)}, {html.escape(rating.risk)}</td></tr>"
        for rating in CreditRating
        if rating is not CreditRating.UNKNOWN
    )
    parts.append("<h3>Credit rating</h3>")
    parts.append(f"<table cellspacing='2'>{rating_rows}</table>")
    parts.append(
        "<p>Grey is unknown everywhere: no value, no score, or too few credit inputs; also "
        f"{html.escape(Grade.NOT_APPLICABLE.value)} and an incomplete score.</p>"
    )
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
