"""Pieces of the printable audit checklist (see checklist_pdf): boxes to tick with a pen,
ruled lines to write on, heading bands, the item rows built from them, the label-and-value
grids of the header blocks, and the closing summary and signatures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.domain.checklist import (
    Answer,
    AnswerKind,
    Audit,
    AuditResult,
    ChecklistItem,
    ChecklistSection,
    Verdict,
    photo_ref_label,
)
from app.exports.pdf_fonts import font_name
from app.exports.pdf_layout import AMBER, GREY, RED, Span, escape_text, lines
from app.exports.pdf_table import GRID, ClippedCell

# Issue 5: boxes big enough to tick with a pen; 5 mm is above the 4.5 mm asked for.
BOX = 5 * mm
WRITING_HEIGHT = 8 * mm  # room above a rule for one line of handwriting
LABEL_SIZE = 8.0  # points: labels beside boxes and rules
TEXT_SIZE = 9.0  # points: item text, English and Chinese alike (both readers matter)
NUMBER_WIDTH = 9 * mm  # the item number column ("5.12")
ANSWER_WIDTH = 54 * mm  # three verdict boxes with their labels side by side
NUMBER_RULE = 30 * mm  # the blank a NUMBER item's value is written on
MAX_REMARK_HEIGHT = 160  # points: a longer typed remark is cut with a mark (a row < a page)
NO_VALUE = "–"
# Header blocks: label, value, label, value, as shares of the page width (A4 or Letter);
# fixed shares, since reportlab sizes free columns by their text and a long address
# would squeeze the other value to nothing.
FIELD_COLUMNS = ["18%", "34%", "15%", "33%"]
SIGNATURE: dict[str, Any] = {"height": 20 * mm, "label_above": True}  # room for the pen
INK = colors.HexColor("#1f2933")
RULE = colors.HexColor("#6b7480")
BAND = colors.HexColor("#e3e9f1")
GREEN = "#2e6b30"

VERDICT_LABELS: dict[Verdict, tuple[str, str]] = {
    Verdict.PASS: ("Pass", "合格"),
    Verdict.FAIL: ("Fail", "不合格"),
    Verdict.NOT_APPLICABLE: ("N/A", "不适用"),
}
VERDICT_COLOURS: dict[Verdict, str] = {
    Verdict.PASS: GREEN,
    Verdict.FAIL: RED,
    Verdict.NOT_APPLICABLE: GREY,
}
RESULT_TEXT: dict[AuditResult, tuple[str, str, str]] = {
    AuditResult.PASSED: ("Passed", "通过", GREEN),
    AuditResult.CONDITIONAL: ("Conditional", "有条件通过", AMBER),
    AuditResult.FAILED: ("Failed", "不通过", RED),
    AuditResult.NOT_DECIDED: ("Not decided", "未决定", GREY),
}
# What the auditor may tick as the overall result on paper ("not decided" is no choice).
OVERALL_CHOICES = (AuditResult.PASSED, AuditResult.CONDITIONAL, AuditResult.FAILED)
NOT_ANSWERED = ("Not answered", "未填写")
REMARK = ("Remark", "备注")
PHOTO = ("Photo no.", "照片编号")
ANSWER = ("Answer", "回答")
CRITICAL = "CRITICAL: a failure fails the whole audit · 关键项：不合格则整体不通过"


@dataclass(frozen=True, slots=True)
class ItemStyles:
    """Paragraph styles of the item rows and blocks, all in the CJK font."""

    text_en: ParagraphStyle
    text_zh: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    value: ParagraphStyle


def item_styles() -> ItemStyles:
    font = font_name()
    text_en = ParagraphStyle("item_en", fontName=font, fontSize=TEXT_SIZE, leading=11.5)
    return ItemStyles(
        text_en=text_en,
        text_zh=ParagraphStyle("item_zh", parent=text_en, textColor=colors.HexColor("#30363d")),
        small=ParagraphStyle("small", fontName=font, fontSize=LABEL_SIZE, leading=10.5),
        heading=ParagraphStyle("heading", fontName=font, fontSize=11, leading=14),
        value=ParagraphStyle("value", fontName=font, fontSize=10, leading=13),
    )


# --- drawn flowables ---------------------------------------------------------------------


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


def grid(rows: list[list[Any]], commands: list[tuple[Any, ...]], **table: Any) -> Table:
    """A left-aligned Table in the CJK font. Reportlab sets each cell's font as it draws, even
    for an empty or flowable cell, and its default would add an unembedded Helvetica."""
    drawn = Table(rows, hAlign="LEFT", **table)
    drawn.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font_name()), *commands]))
    return drawn


def band(title_en: str, title_zh: str, s: ItemStyles, *, number: str = "", note: str = "") -> Table:
    """A shaded heading band: "3  Quality system  质量管理体系", an optional note under it."""
    prefix = f"{number}&nbsp;&nbsp;" if number else ""
    title = f"{prefix}{escape_text(title_en)}&nbsp;&nbsp;&nbsp;{escape_text(title_zh)}"
    rows: list[list[Any]] = [[Paragraph(title, s.heading)]]
    if note:
        rows.append([Paragraph(f'<font color="{GREY}">{escape_text(note)}</font>', s.small)])
    return grid(
        rows,
        [
            ("BACKGROUND", (0, 0), (-1, -1), BAND),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 1), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ],
    )


def section_heading(number: int, section: ChecklistSection, s: ItemStyles, note: str = "") -> Table:
    return band(section.title_en, section.title_zh, s, number=str(number), note=note)


def item_text(item: ChecklistItem, s: ItemStyles) -> list[Flowable]:
    """The English line, then the Chinese line; critical items say so in both languages."""
    text = [Paragraph(escape_text(item.text_en), s.text_en)]
    text.append(Paragraph(escape_text(item.text_zh), s.text_zh))
    if item.critical:
        text.append(Paragraph(f'<font color="{RED}">{CRITICAL}</font>', s.small))
    return text


def blank_item(label: str, item: ChecklistItem, s: ItemStyles) -> Flowable:
    """An item to fill in by hand: boxes or a ruled blank, remark and photo lines."""
    rows: list[list[Any]] = []
    if item.kind is AnswerKind.PASS_FAIL:
        answer: Flowable | str = TickBoxes(list(VERDICT_LABELS.values()))
    elif item.kind is AnswerKind.NUMBER:
        answer = WritingLine(unit=item.unit, rule_width=NUMBER_RULE, height=6 * mm)
    else:
        answer = ""
    rows.append([label, item_text(item, s), answer])
    if item.kind is AnswerKind.TEXT:
        rows.append(["", WritingLine(ANSWER), ""])
        rows.append(["", WritingLine(), ""])
    rows.append(["", WritingLine(REMARK), WritingLine(PHOTO)])
    return _item_table(rows, s)


def filled_item(label: str, item: ChecklistItem, answer: Answer | None, s: ItemStyles) -> Flowable:
    """An item as answered: the ticked verdict, the number with its unit or the text, then
    the remark and photo references when there are any."""
    rows: list[list[Any]] = [[label, item_text(item, s), answer_cell(item, answer, s)]]
    details: list[Span | str] = []
    if answer is not None and item.kind is AnswerKind.TEXT and answer.text.strip():
        details.append(Span(f"{' '.join(ANSWER)}: {answer.text.strip()}"))
    if answer is not None and answer.remark.strip():
        details.append(Span(f"{' '.join(REMARK)}: {answer.remark.strip()}"))
    if answer is not None and answer.photo_refs:
        names = ", ".join(photo_ref_label(ref) for ref in answer.photo_refs)
        details.append(Span(f"Photos 照片: {names}", GREY))
    if details:
        rows.append(["", ClippedCell(lines(details, s.text_en), MAX_REMARK_HEIGHT), ""])
    return _item_table(rows, s, span_details=True)


def answer_cell(item: ChecklistItem, answer: Answer | None, s: ItemStyles) -> Flowable:
    """What a results printout shows in the answer column."""
    if item.kind is AnswerKind.PASS_FAIL and answer is not None and answer.verdict is not None:
        verdict = answer.verdict
        return TickBoxes([VERDICT_LABELS[verdict]], ticked=0, colour=VERDICT_COLOURS[verdict])
    if item.kind is AnswerKind.NUMBER and answer is not None and answer.number is not None:
        unit = f" {escape_text(item.unit)}" if item.unit else ""
        return Paragraph(f"{number_text(answer.number)}{unit}", s.value)
    if item.kind is AnswerKind.TEXT and answer is not None and answer.text.strip():
        return Spacer(1, 1)  # the text is too long for this column: it prints below
    if item.kind is AnswerKind.PASS_FAIL:
        return TickBoxes([NOT_ANSWERED], colour=GREY)
    return Paragraph(f'<font color="{GREY}">{" ".join(NOT_ANSWERED)}</font>', s.small)


def _item_table(rows: list[list[Any]], s: ItemStyles, *, span_details: bool = False) -> Table:
    commands: list[tuple[Any, ...]] = [
        ("FONTSIZE", (0, 0), (0, -1), TEXT_SIZE),
        ("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor(GREY)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("TOPPADDING", (0, 1), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID),
    ]
    if span_details and len(rows) > 1:
        commands.append(("SPAN", (1, 1), (2, 1)))
    return grid(rows, commands, colWidths=[NUMBER_WIDTH, None, ANSWER_WIDTH])


def section_flowables(heading: Flowable, items: Sequence[Flowable]) -> list[Flowable]:
    """The section's story: an item never splits across pages (its remark line stays with its
    text), and the heading moves to the next page with the first item, so a heading never
    stands alone at a page foot."""
    if not items:
        return [heading]
    return [KeepTogether([heading, items[0]]), *(KeepTogether([item]) for item in items[1:])]


def number_text(value: Decimal) -> str:
    """ "120,000", "1,999.5": thousands separated, no trailing zeros."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


# --- field grids and the closing block -----------------------------------------------


def label_cell(english: str, chinese: str, s: ItemStyles) -> Paragraph:
    """A field's label: English over grey Chinese."""
    return Paragraph(f'{english}<br/><font color="{GREY}">{chinese}</font>', s.small)


def value_cell(text: str, s: ItemStyles) -> Paragraph:
    """A printed value of user text, or a dash."""
    return Paragraph(escape_text(text.strip(), 400) or NO_VALUE, s.value)


def field_grid(rows: list[list[Any]], spans: Sequence[int], *, filled: bool = False) -> Table:
    """Label, value, label, value; rows in `spans` give the first value the whole width."""
    commands: list[tuple[Any, ...]] = [
        # Blank rows: labels sit on the rule; filled rows read from the top.
        ("VALIGN", (0, 0), (-1, -1), "TOP" if filled else "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 3 if filled else 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 if filled else 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    if filled:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID))
    commands += [("SPAN", (1, row), (3, row)) for row in spans]
    return grid(rows, commands, colWidths=FIELD_COLUMNS)


def closing_block(audit: Audit | None, s: ItemStyles) -> Flowable:
    """Summary (blank versions) and the signatures, kept together on one page."""
    parts: list[Flowable] = [Spacer(1, 2 * mm)]
    if audit is None:
        parts += [
            band("Summary", "总结", s),
            field_grid(
                [
                    [
                        label_cell("Counted", "统计", s),
                        _counts_to_write(),
                        "",
                        "",
                    ],
                    [
                        label_cell("Overall result", "总体结论", s),
                        TickBoxes([RESULT_TEXT[r][:2] for r in OVERALL_CHOICES]),
                        "",
                        "",
                    ],
                    [label_cell("Follow-up", "跟进事项", s), WritingLine(), "", ""],
                    ["", WritingLine(), "", ""],
                ],
                [0, 1, 2, 3],
            ),
            Spacer(1, 3 * mm),
        ]
    name = audit.auditor_name.strip() if audit is not None else ""
    signatures = grid(
        [
            [
                WritingLine(("Auditor signature", "考察人员签字"), **SIGNATURE),
                WritingLine(("Supplier representative signature", "供应商代表签字"), **SIGNATURE),
            ],
            [
                WritingLine(("Name", "姓名"), value=name),
                WritingLine(("Name and position", "姓名及职务")),
            ],
            [WritingLine(("Date", "日期")), WritingLine(("Date", "日期"))],
        ],
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
        ],
        colWidths=["50%", "50%"],
    )
    parts += [band("Sign-off", "签字确认", s), signatures]
    return KeepTogether(parts)


def _counts_to_write() -> Table:
    """Three short blanks: how many items passed, failed, were not applicable."""
    blanks = [WritingLine((en, zh), rule_width=20 * mm) for en, zh in VERDICT_LABELS.values()]
    return grid([blanks], [("LEFTPADDING", (0, 0), (-1, -1), 0)])
