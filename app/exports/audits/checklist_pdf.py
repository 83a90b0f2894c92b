"""The printable factory-audit checklist (issue 5): blank for an agent, filled in with one
supplier's record, or with an audit's results; bilingual, A4 or US Letter.

Decisions:
- One document, three versions, chosen by what is given: no supplier prints empty labelled
  fields; a supplier prints its record and known capacity; an audit prints its answers and
  score (and needs its supplier).
- A results printout always shows the audit's own template snapshot, never the `template`
  passed in, so editing a template later never changes how an old audit prints.
- The supplier name (or "Blank checklist") is in the footer of every page, beside
  "Page x of y"; the blocks that close the checklist are kept on one page.
- The buyer's preparation ("Before the visit") prints first, on a page of its own marked as
  not scored and not signed; the audited sections that follow are what the signatures (which
  name their section numbers) confirm.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.domain.audits.checklist import (
    Audit,
    Auditor,
    AuditScore,
    ChecklistTemplate,
    audit_result,
    score_audit,
)
from app.domain.matrix.capacity import Dimension, FactSource, unit_text
from app.domain.suppliers.choices import Membership
from app.domain.suppliers.membership import member_since_text, years_text
from app.domain.suppliers.supplier import Contact, Supplier
from app.exports.audits.checklist_blocks import (
    FIELD_COLUMNS,
    GRID,
    NO_VALUE,
    RESULT_TEXT,
    ItemStyles,
    band,
    closing_block,
    field_grid,
    grid,
    item_styles,
    label_cell,
    value_cell,
)
from app.exports.audits.checklist_items import (
    checklist_items,
    counts_text,
    preparation_page,
    signed_sections,
)
from app.exports.kit.pdf_layout import GREY, RED, DocumentSpec, build_pdf, escape_text
from app.exports.kit.pdf_marks import TickBoxes, WritingLine

if TYPE_CHECKING:
    from app.domain.matrix.records import CapacityFact

TITLE = "Factory audit checklist"
TITLE_ZH = "验厂检查表"
BLANK_NAME = "Blank checklist"
PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "LETTER": LETTER}

# Chinese for the factory staff, beside the app's English labels.
DIMENSION_ZH: dict[Dimension, str] = {
    Dimension.MONTHLY_CAPACITY: "月产能",
    Dimension.PRODUCTION_LINES: "生产线",
    Dimension.EMPLOYEES: "员工人数",
    Dimension.FACTORY_AREA: "厂房面积",
    Dimension.RESPONSE_TIME: "响应时间",
}
SOURCE_ZH: dict[FactSource, str] = {
    FactSource.SUPPLIER_WORD: "供应商自述",
    FactSource.LISTING_1688: "1688页面",
    FactSource.AUDIT: "验厂所见",
    FactSource.THIRD_PARTY: "第三方报告",
}
AUDITOR_BOXES: dict[Auditor, tuple[str, str]] = {
    Auditor.SELF: ("Self", "自行验厂"),
    Auditor.SGS: ("SGS", ""),
    Auditor.BV: ("BV", ""),
    Auditor.TUV: ("TÜV", ""),
    Auditor.OTHER: ("Other", "其他机构"),
}
INSTRUCTIONS = (
    "How to fill in: tick one box per item. Write numbers as counted or seen on site, with "
    "their unit. Write the photo number beside the item it shows. A failed CRITICAL item "
    "fails the whole audit.",
    "填写说明：每项勾选一个方框；数字按现场清点或核实的结果填写，并注明单位；"
    "照片编号写在对应项目旁；关键项不合格则整体不通过。",
)


@dataclass(frozen=True, slots=True)
class _PaperSpec(DocumentSpec):
    """DocumentSpec on the paper the user chose (DocumentSpec itself knows A4 only)."""

    paper: tuple[float, float] = A4

    @property
    def page_size(self) -> tuple[float, float]:
        return self.paper


def paper_size(paper: str) -> tuple[float, float]:
    """ "A4" or "Letter" (any case) in points; anything else is a programming error."""
    try:
        return PAPER_SIZES[paper.strip().upper()]
    except KeyError:
        raise ValueError(f"Unknown paper {paper!r}: use 'A4' or 'Letter'.") from None


def export_checklist_pdf(
    template: ChecklistTemplate,
    out: Path,
    *,
    supplier: Supplier | None = None,
    capacity: Mapping[Dimension, CapacityFact] | None = None,
    audit: Audit | None = None,
    paper: str = "A4",
    today: date,
) -> Path:
    """Write the checklist to `out` atomically: blank, for `supplier`, or `audit`'s results."""
    size = paper_size(paper)
    if audit is not None:
        if supplier is None:
            raise ValueError("A results checklist needs the audited supplier.")
        if supplier.id is not None and supplier.id != audit.supplier_id:
            raise ValueError("The audit is of another supplier.")
        template = audit.template
    name = supplier_name(supplier)
    count = len(template.items())
    printed = f"printed {today.isoformat()}"
    if audit is not None:
        subtitle = f"Results of the audit on {audit.audited_on.isoformat()} · {template.name}"
    else:
        subtitle = f"{template.name} · {count} item{'' if count == 1 else 's'}"
    spec = _PaperSpec(
        title=f"{TITLE} · {TITLE_ZH}",
        subtitle=f"{subtitle} · {printed}",
        running_header=f"{TITLE} · {TITLE_ZH}",
        footer=f"{name} · {template.name} · {printed}",
        paper=size,
    )
    s = item_styles()
    story: list[Flowable] = preparation_page(template, audit, s)
    if supplier is None:
        story += blank_header(s)
    else:
        story += supplier_header(supplier, capacity or {}, audit, s, today)
    if audit is not None:
        story += results_block(audit, s)
    else:
        story.append(instructions(s))
    story += checklist_items(template, audit, s)
    story.append(closing_block(audit, s, signed_sections(template)))
    return build_pdf(out, spec, story)


def supplier_name(supplier: Supplier | None) -> str:
    """What every page's footer names: both names of the supplier, or "Blank checklist"."""
    if supplier is None:
        return BLANK_NAME
    names = [n.strip() for n in (supplier.name_zh, supplier.name_en) if n.strip()]
    return " · ".join(names) or f"Supplier #{supplier.id}"


# --- header blocks -----------------------------------------------------------------------


def blank_header(s: ItemStyles) -> list[Flowable]:
    """Empty labelled fields for the supplier and the visit, to write in by hand."""
    rows: list[list[Any]] = [
        [label_cell("Chinese name", "中文名称", s), WritingLine(), "", ""],
        [label_cell("English name", "英文名称", s), WritingLine(), "", ""],
        [label_cell("Address", "地址", s), WritingLine(), "", ""],
        [
            label_cell("Contact person", "联系人", s),
            WritingLine(),
            label_cell("Phone / WeChat", "电话 / 微信", s),
            WritingLine(),
        ],
        [label_cell("1688 shop URL", "1688店铺网址", s), WritingLine(), "", ""],
        [
            label_cell("1688 membership", "1688会员等级", s),
            TickBoxes([(m.label, m.label_zh) for m in Membership]),
            "",
            "",
        ],
    ]
    spans = [0, 1, 2, 4, 5]
    return [
        band("Supplier", "供应商", s),
        field_grid(rows, spans),
        Spacer(1, 3 * mm),
        *visit_fields(None, s),
    ]


def supplier_header(
    supplier: Supplier,
    capacity: Mapping[Dimension, CapacityFact],
    audit: Audit | None,
    s: ItemStyles,
    today: date,
) -> list[Flowable]:
    """The supplier's record as known before the visit, then the visit's fields."""
    membership = NO_VALUE
    if supplier.membership is not None:
        membership = f"{supplier.membership.label} · {supplier.membership.label_zh}"
    years = supplier.membership_years(today)
    if years is not None:
        joined = member_since_text(supplier.member_since, supplier.member_since_month)
        membership += f"\nmember since {joined} ({years_text(years)})"
    rows: list[list[Any]] = [
        [
            label_cell("Chinese name", "中文名称", s),
            value_cell(supplier.name_zh, s),
            label_cell("English name", "英文名称", s),
            value_cell(supplier.name_en, s),
        ],
        [label_cell("Address", "地址", s), value_cell(supplier.address, s), "", ""],
        [label_cell("Contacts", "联系人", s), contacts_text(supplier.contacts, s), "", ""],
        [
            label_cell("1688 shop", "1688店铺", s),
            value_cell(supplier.shop_url, s),
            label_cell("1688 membership", "1688会员等级", s),
            value_cell(membership, s),
        ],
    ]
    return [
        band("Supplier", "供应商", s),
        field_grid(rows, [1, 2], filled=True),
        Spacer(1, 2 * mm),
        *capacity_table(capacity, s),
        Spacer(1, 3 * mm),
        *visit_fields(audit, s),
    ]


def visit_fields(audit: Audit | None, s: ItemStyles) -> list[Flowable]:
    """Date and auditor: blanks and boxes to fill in, or the audit's own."""
    if audit is None:
        rows: list[list[Any]] = [
            [
                label_cell("Audit date", "验厂日期", s),
                WritingLine(),
                label_cell("Auditor", "验厂人员", s),
                WritingLine(),
            ],
            [
                label_cell("Audit by", "验厂方", s),
                TickBoxes(list(AUDITOR_BOXES.values())),
                "",
                "",
            ],
        ]
        return [band("Visit", "验厂", s), field_grid(rows, [1])]
    auditor = " · ".join(p for p in (audit.auditor.label, audit.auditor_name.strip()) if p)
    rows = [
        [
            label_cell("Audit date", "验厂日期", s),
            value_cell(audit.audited_on.isoformat(), s),
            label_cell("Auditor", "验厂人员", s),
            value_cell(auditor, s),
        ]
    ]
    return [band("Visit", "验厂", s), field_grid(rows, [], filled=True)]


def capacity_table(capacity: Mapping[Dimension, CapacityFact], s: ItemStyles) -> list[Flowable]:
    """The current capacity facts, so the auditor can compare them with what is seen."""
    title = Paragraph(
        f'Known capacity 已知产能 <font color="{GREY}">(compare with what you see on site · '
        "请与现场核实结果对比)</font>",
        s.small,
    )
    facts = [capacity[d] for d in Dimension if d in capacity]
    if not facts:
        return [title, Paragraph("No capacity facts recorded yet · 暂无产能记录", s.small)]
    header = ["What 项目", "Value 数值", "Source 来源", "Date 日期", "Note 备注"]
    rows: list[list[Any]] = [[Paragraph(h, s.small) for h in header]]
    for fact in facts:
        rows.append(
            [
                Paragraph(
                    f"{escape_text(fact.dimension.label)} {DIMENSION_ZH[fact.dimension]}", s.small
                ),
                Paragraph(escape_text(unit_text(fact.value, fact.dimension.unit)), s.small),
                Paragraph(f"{fact.source.label} {SOURCE_ZH[fact.source]}", s.small),
                Paragraph(fact.observed_on.isoformat() if fact.observed_on else NO_VALUE, s.small),
                Paragraph(escape_text(fact.note.strip(), 300) or NO_VALUE, s.small),
            ]
        )
    table = grid(
        rows,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
        colWidths=[40 * mm, 26 * mm, 42 * mm, 20 * mm, None],
        repeatRows=1,
    )
    return [title, Spacer(1, 1 * mm), table]


def contacts_text(contacts: Sequence[Contact], s: ItemStyles) -> Paragraph:
    """One line per contact: person · phone · WeChat · Wangwang · e-mail."""
    shown = []
    for contact in contacts:
        if contact.is_empty():
            continue
        parts = [
            contact.person,
            contact.phone,
            f"WeChat 微信 {contact.wechat}" if contact.wechat else "",
            f"Wangwang 旺旺 {contact.wangwang}" if contact.wangwang else "",
            contact.email,
        ]
        shown.append(escape_text(" · ".join(p.strip() for p in parts if p.strip()), 300))
    return Paragraph("<br/>".join(shown) or NO_VALUE, s.value)


def instructions(s: ItemStyles) -> Flowable:
    english, chinese = INSTRUCTIONS
    text = f'{english}<br/><font color="{GREY}">{chinese}</font>'
    return KeepTogether([Spacer(1, 3 * mm), Paragraph(text, s.small), Spacer(1, 2 * mm)])


# --- results -----------------------------------------------------------------------------


def results_block(audit: Audit, s: ItemStyles) -> list[Flowable]:
    """The overall result and the score, before the items they come from."""
    score = score_audit(audit.template, audit.answers)
    result = audit_result(audit)
    english, chinese, colour = RESULT_TEXT[result]
    verdict = f'<font color="{colour}" size="13">{english} · {chinese}</font>'
    if audit.result_override is not None:
        by_score = RESULT_TEXT[score.result]
        reason = escape_text(audit.override_reason.strip(), 400) or NO_VALUE
        verdict += (
            f"<br/>set by hand 手动设定: {reason}"
            f'<br/><font color="{GREY}">the score gives {by_score[0]} · {by_score[1]}</font>'
        )
    rows: list[list[Any]] = [
        [label_cell("Result", "结论", s), Paragraph(verdict, s.value)],
        [label_cell("Score", "得分", s), Paragraph(score_text(score), s.value)],
        [label_cell("Answers", "统计", s), Paragraph(counts_text(score), s.value)],
    ]
    if score.critical_failures:
        labels = item_labels(audit.template)
        failed = [
            f"{labels[key][0]} {escape_text(labels[key][1].text_en)}"
            for key in score.critical_failures
        ]
        critical = f'<font color="{RED}">{"<br/>".join(failed)}</font>'
        rows.append(
            [label_cell("Critical failures", "关键项不合格", s), Paragraph(critical, s.value)]
        )
    if audit.notes.strip():
        rows.append([label_cell("Notes", "备注", s), Paragraph(escape_text(audit.notes), s.value)])
    table = grid(
        rows,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ],
        colWidths=[FIELD_COLUMNS[0], "82%"],
    )
    return [Spacer(1, 3 * mm), band("Result", "结论", s), table, Spacer(1, 4 * mm)]


def score_text(score: AuditScore) -> str:
    """ "87.5 % (7 of 8 pass/fail answers passed)", or why there is no score yet."""
    judged = score.passed + score.failed
    if score.percent is None:
        return f"{NO_VALUE} (no item passed or failed yet · 尚无评分)"
    return f"{score.percent:f} % ({score.passed} of {judged} pass/fail answers passed)"


def item_labels(template: ChecklistTemplate) -> dict[str, tuple[str, Any]]:
    """Item key -> ("3.2", item): the numbers printed beside the items."""
    labels = {}
    for number, section in enumerate(template.sections, start=1):
        for position, item in enumerate(section.items, start=1):
            labels[item.key] = (f"{number}.{position}", item)
    return labels
