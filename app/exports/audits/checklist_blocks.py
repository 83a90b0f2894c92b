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
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.domain.audits.checklist import (
    Answer,
    AnswerKind,
    Audit,
    AuditResult,
    ChecklistItem,
    ChecklistSection,
    Verdict,
    photo_ref_label,
)
from app.domain.matrix.capacity import unit_text
from app.exports.kit.pdf_fonts import font_name
from app.exports.kit.pdf_layout import AMBER, GREY, RED, Span, escape_text, lines
from app.exports.kit.pdf_marks import LABEL_SIZE, TEXT_SIZE, TickBoxes, WritingLine
from app.exports.kit.pdf_table import GRID, ClippedCell

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
    AuditResult.NOT_DECIDED: ("Not decided", "待定", GREY),
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
        shown = unit_text(answer.number, item.unit) if item.unit else number_text(answer.number)
        return Paragraph(escape_text(shown), s.value)  # "1 line", "4 lines", "1.5 h"
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


def closing_block(audit: Audit | None, s: ItemStyles, sections: Sequence[int] = ()) -> Flowable:
    """Summary (blank versions) and the signatures, kept together on one page; `sections` are
    the numbers of the audited sections the signatures confirm (not the buyer's preparation)."""
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
                WritingLine(("Auditor signature", "验厂人员签字"), **SIGNATURE),
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
    note = ""
    if sections:
        shown = _ranges(sections)
        note = f"Signed for sections {shown} (the audit) · 签字确认第{shown}部分（验厂内容）"
    parts += [band("Sign-off", "签字确认", s, note=note), signatures]
    return KeepTogether(parts)


def _ranges(numbers: Sequence[int]) -> str:
    """(2, 3, 4, 5, 6) -> "2-6"; (2, 4, 5) -> "2, 4-5"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def _counts_to_write() -> Table:
    """Three short blanks: how many items passed, failed, were not applicable."""
    blanks = [WritingLine((en, zh), rule_width=20 * mm) for en, zh in VERDICT_LABELS.values()]
    return grid([blanks], [("LEFTPADDING", (0, 0), (-1, -1), 0)])
