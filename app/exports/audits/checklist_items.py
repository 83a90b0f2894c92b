"""The items of the printable audit checklist (see checklist_pdf): the buyer's preparation on a
page of its own, then the audited sections, blank or as answered, with their counts."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from app.domain.audits.checklist import Audit, AuditScore, ChecklistTemplate, score_audit
from app.exports.audits.checklist_blocks import (
    NOT_ANSWERED,
    ItemStyles,
    blank_item,
    filled_item,
    section_flowables,
    section_heading,
)
from app.exports.kit.pdf_layout import GREY

PREPARATION_NOTE = (
    "The buyer's own preparation: kept with the checklist, not scored and not signed by the "
    "supplier (the audit and its signatures start on the next page).",
    "买方内部准备事项：随检查表保存，不计入评分，无需供应商签字（验厂内容及签字从下一页开始）。",
)


def counts_text(score: AuditScore, *, skip_zero: bool = False) -> str:
    """ "Passed 合格 7 · Failed 不合格 1 · N/A 不适用 2 · Not answered 未填写 3"."""
    counts = [
        ("Passed 合格", score.passed),
        ("Failed 不合格", score.failed),
        ("N/A 不适用", score.not_applicable),
        (" ".join(NOT_ANSWERED), score.unanswered),
    ]
    return " · ".join(f"{label} {n}" for label, n in counts if n or not skip_zero)


def preparation_page(
    template: ChecklistTemplate, audit: Audit | None, s: ItemStyles
) -> list[Flowable]:
    """The buyer's preparation sections on a page of their own, before the audit."""
    story = _sections(template, audit, s, preparation=True)
    if not story:
        return []
    english, chinese = PREPARATION_NOTE
    note = Paragraph(f'{english}<br/><font color="{GREY}">{chinese}</font>', s.small)
    return [note, *story, PageBreak()]


def signed_sections(template: ChecklistTemplate) -> tuple[int, ...]:
    """The numbers of the audited sections: what the supplier's signature confirms."""
    return tuple(
        number
        for number, section in enumerate(template.sections, start=1)
        if not section.preparation
    )


def checklist_items(
    template: ChecklistTemplate, audit: Audit | None, s: ItemStyles
) -> list[Flowable]:
    """Every audited section: its heading kept with its first item, items numbered "3.2"."""
    return [Spacer(1, 2 * mm), *_sections(template, audit, s, preparation=False)]


def _sections(
    template: ChecklistTemplate, audit: Audit | None, s: ItemStyles, *, preparation: bool
) -> list[Flowable]:
    story: list[Flowable] = []
    for number, section in enumerate(template.sections, start=1):
        if section.preparation is not preparation:
            continue
        note = ""
        if audit is not None and not preparation:
            part = ChecklistTemplate(name=template.name, sections=(section,))
            note = counts_text(score_audit(part, audit.answers), skip_zero=True)
        heading = section_heading(number, section, s, note)
        rows = []
        for position, item in enumerate(section.items, start=1):
            label = f"{number}.{position}"
            if audit is None:
                rows.append(blank_item(label, item, s))
            else:
                rows.append(filled_item(label, item, audit.answers.get(item.key), s))
        story += section_flowables(heading, rows)
        story.append(Spacer(1, 3 * mm))
    return story
