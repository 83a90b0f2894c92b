"""Marks for pen and paper on a reportlab page: tick boxes with their labels, and ruled lines
to write on (with a label and a unit). Shared by the printable checklists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.exports.kit.pdf_fonts import font_name

# Issue 5: boxes big enough to tick with a pen; 5 mm is above the 4.5 mm asked for.
BOX = 5 * mm
WRITING_HEIGHT = 8 * mm  # room above a rule for one line of handwriting
LABEL_SIZE = 8.0  # points: labels beside boxes and rules
TEXT_SIZE = 9.0  # points: item text, English and Chinese alike (both readers matter)
INK = colors.HexColor("#1f2933")
RULE = colors.HexColor("#6b7480")


class TickBoxes(Flowable):
    """Square boxes to tick by hand, each followed by its label (English over Chinese),
    flowing left to right and onto a new line when the width runs out. `ticked` draws a
    tick in that box (a results printout); `colour` colours the labels."""

    GAP = 3.5  # points between a box and its label
    SPACING = 9.0  # points between one option and the next
    ROW = 18.0  # points: two label lines; the box is centred on them

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        *,
        ticked: int | None = None,
        colour: str | None = None,
    ) -> None:
        super().__init__()
        self.options = list(options)
        self.ticked = ticked
        self.colour = colour
        self._places: list[tuple[float, float]] = []

    def _option_width(self, option: tuple[str, str]) -> float:
        font = font_name()
        label = max(stringWidth(text, font, LABEL_SIZE) for text in option)
        return BOX + self.GAP + label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        row_height = self.ROW + 3
        x = 0.0
        y = 0.0
        places = []
        for option in self.options:
            width = self._option_width(option)
            if x and x + width > availWidth:
                x, y = 0.0, y + row_height
            places.append((x, y))
            x += width + self.SPACING
        self._places = places
        self.width = availWidth
        self.height = y + self.ROW
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        font = font_name()
        canvas.saveState()
        for index, (option, (x, y_down)) in enumerate(zip(self.options, self._places, strict=True)):
            y = self.height - y_down - self.ROW  # the foot of this line of options
            box_y = y + (self.ROW - BOX) / 2
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(0.9)
            canvas.rect(x, box_y, BOX, BOX)
            if index == self.ticked:
                draw_tick(canvas, x, box_y)
            canvas.setFillColor(colors.HexColor(self.colour) if self.colour else INK)
            canvas.setFont(font, LABEL_SIZE)
            english, chinese = option
            left = x + BOX + self.GAP
            if chinese:
                canvas.drawString(left, y + 10.5, english)
                canvas.drawString(left, y + 1.5, chinese)
            else:  # one line ("SGS"): level with the box's middle
                canvas.drawString(left, y + 6, english)
        canvas.restoreState()


def draw_tick(canvas: Any, x: float, y: float) -> None:
    """A pen-like tick inside the box at (x, y): drawn, so no glyph can print as a blank."""
    canvas.saveState()
    canvas.setLineWidth(1.6)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    path.moveTo(x + 0.2 * BOX, y + 0.52 * BOX)
    path.lineTo(x + 0.42 * BOX, y + 0.22 * BOX)
    path.lineTo(x + 0.84 * BOX, y + 0.86 * BOX)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


class WritingLine(Flowable):
    """A labelled rule to write on by hand: "Remark 备注 ______________ unit".

    `rule_width` fixes the rule's length (a number's blank); by default it runs to the
    right edge. `value` prints typed text over the rule instead of leaving it blank.
    `label_above` puts the label at the top and the rule under the whole width (a
    signature: the space between is for the pen).
    """

    def __init__(
        self,
        label: tuple[str, str] | None = None,
        *,
        unit: str = "",
        rule_width: float | None = None,
        height: float = WRITING_HEIGHT,
        value: str = "",
        label_above: bool = False,
    ) -> None:
        super().__init__()
        self.label_above = label_above
        self.label = " ".join(label) if label else ""
        self.unit = unit
        self.rule_width = rule_width
        self.line_height = height
        self.value = value

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.line_height
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        font = font_name()
        baseline = 3.0
        left = 0.0
        canvas.saveState()
        canvas.setFont(font, LABEL_SIZE)
        canvas.setFillColor(INK)
        if self.label and self.label_above:
            canvas.drawString(0, self.height - LABEL_SIZE, self.label)
        elif self.label:
            canvas.drawString(0, baseline, self.label)
            left = stringWidth(self.label, font, LABEL_SIZE) + 4
        unit_width = stringWidth(self.unit, font, LABEL_SIZE) + 4 if self.unit else 0.0
        right = self.width - unit_width
        if self.rule_width is not None:
            right = min(right, left + self.rule_width)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, 1.5, max(left, right), 1.5)
        if self.unit:
            canvas.drawString(right + 4, baseline, self.unit)
        if self.value:
            canvas.setFont(font, TEXT_SIZE)
            canvas.drawString(left + 2, baseline + 1, fitted(self.value, right - left - 4))
        canvas.restoreState()


def fitted(text: str, room: float, size: float = TEXT_SIZE) -> str:
    """`text` on one line, cut with "…" to fit `room` points."""
    font = font_name()
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"


# --- sections and items ------------------------------------------------------------------
