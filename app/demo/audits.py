"""The factory-audit part of the demo, written through AuditService like a user would: a copied
template for leather goods, two filled audits whose "capacity seen" answers are the matrix's
audit facts for those suppliers, and one planned visit not yet answered.

- hengdacrafts: the buyer's own visit 30 days ago; passes (one safety and one traceability
  failure); its counts correct the 120,000 pieces a month claimed in the first chat.
- shundaflask: an SGS audit 90 days ago; scores "conditional", and the buyer sets "failed" by
  hand with the reason (one polishing line cannot carry the order). RoHS does not apply to a
  steel flask, and the expired ISO 9001 fails "certificates in date".
- jinchengpiju: a visit planned 12 days ahead on the copied leather-goods template, blank: a
  plan, not results.
Every answer is written out: an item an audit does not list stays unanswered, never a silent
pass.
The matrix demo (matrix_data.CAPACITY) leaves these audit facts to this module, so they are
linked to their answers as in real use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from app.demo.matrix import shop_slug
from app.domain.audits.checklist import (
    Answer,
    AnswerKind,
    Auditor,
    AuditResult,
    ChecklistItem,
    ChecklistSection,
    Verdict,
)
from app.domain.suppliers.supplier import Supplier
from app.services.audits.service import AuditService

PASS, FAIL, NA = Verdict.PASS, Verdict.FAIL, Verdict.NOT_APPLICABLE


class DemoAudit(NamedTuple):
    slug: str
    days_ago: int  # negative: a visit still to come
    auditor: Auditor
    auditor_name: str
    # The pass/fail answers, (verdict, remark) by item key; an item not listed is unanswered.
    verdicts: dict[str, tuple[Verdict, str]]
    numbers: dict[str, tuple[str, str]]  # capacity item key -> (number, remark)
    how_established: str = ""
    notes: str = ""
    result: tuple[AuditResult, str] | None = None  # set by hand, with the reason


# The default template's pass/fail items the demo audits answer Pass unless they say otherwise.
_PREPARATION = ("before.goals", "before.checklist", "before.date")
_DOCUMENTS = (
    "documents.business_licence",
    "documents.credit_code",
    "documents.bank_account_licence",
    "documents.legal_person_id",
    "documents.certificates_valid",
)
_PRODUCTION = (
    "production.cleanliness",
    "production.equipment",
    "production.standard_processes",
    "production.staff_proficiency",
    "production.safety",
)
_QUALITY = (
    "quality.incoming_inspection",
    "quality.in_process_qc",
    "quality.final_inspection",
    "quality.nonconforming",
    "quality.traceability",
)
_RED_FLAGS = (
    "red_flags.real_photos_refused",
    "red_flags.samples_or_visits_refused",
    "red_flags.payment_off_platform",
    "red_flags.personal_account",
    "red_flags.evasive_answers",
    "red_flags.pressure_to_pay",
    "red_flags.false_details",
    "red_flags.stock_photos",
)


def _passed(*groups: tuple[str, ...]) -> dict[str, tuple[Verdict, str]]:
    """Each item of the groups answered Pass, written out (the listed exceptions follow)."""
    return {key: (PASS, "") for group in groups for key in group}


LEATHER_TEMPLATE = "箱包皮具 Leather goods"
LEATHER_SECTION = ChecklistSection(
    "leather",
    "Leather and materials",
    "皮料与辅料",
    (
        ChecklistItem(
            "leather.genuine",
            "Leather as quoted (genuine leather: burn or water test on an offcut)",
            "皮料与报价一致（真皮：取边角料做燃烧或滴水测试）",
        ),
        ChecklistItem(
            "leather.thickness",
            "Leather thickness measured",
            "皮料厚度实测",
            AnswerKind.NUMBER,
            "mm",
        ),
        ChecklistItem(
            "leather.hardware",
            "Zips and metal parts from a named supplier, no rust",
            "拉链和五金件来源明确，无生锈",
        ),
    ),
)

AUDITS: tuple[DemoAudit, ...] = (
    DemoAudit(
        "hengdacrafts",
        30,
        Auditor.SELF,
        "",
        {
            **_passed(_PREPARATION),
            **_passed(_DOCUMENTS, _PRODUCTION, _QUALITY, _RED_FLAGS),
            "documents.ce": (NA, "Decorations: no CE needed."),
            "documents.fcc": (NA, ""),
            "documents.rohs": (NA, "No electronics; LED strings come from a supplier."),
            "documents.iso_9001": (NA, "No ISO 9001; the Intertek audit stands in for it."),
            "documents.third_party_audit": (PASS, "Intertek report, original seen in the office."),
            "documents.business_licence": (PASS, "原件已核对，与1688店铺信息一致。"),
            "production.safety": (
                FAIL,
                "消防通道被纸箱部分堵住。Fire exit half blocked by cartons.",
            ),
            "quality.traceability": (
                FAIL,
                "Batch numbers only on outer cartons, not on the goods.",
            ),
        },
        {
            "capacity.production_lines": ("4", "Two painting lines, two packing lines."),
            "capacity.employees": ("90", ""),
            "capacity.factory_area": ("2200", ""),
            "capacity.monthly_output": (
                "55000",
                "Seen at the visit: 120,000 only with outworkers in Q3.",
            ),
        },
        how_established="Counted on the floor with 楼总; September output from the 生产记录.",
        notes="Christmas orders must be placed by July; ask for batch labels on the goods.",
    ),
    DemoAudit(
        "shundaflask",
        90,
        Auditor.SGS,
        "陈静 (Ningbo office)",
        {
            **_passed(_DOCUMENTS, _PRODUCTION, _QUALITY, _RED_FLAGS),
            "documents.ce": (NA, ""),
            "documents.fcc": (NA, ""),
            "documents.rohs": (NA, "Stainless-steel flask, no electronics: RoHS does not apply."),
            "documents.third_party_audit": (NA, "This SGS audit is the first third-party one."),
            "documents.iso_9001": (
                FAIL,
                "ISO 9001 证书已过期（2024年）。Certificate expired in 2024.",
            ),
            "documents.certificates_valid": (FAIL, "The ISO 9001 certificate is out of date."),
            "production.equipment": (
                FAIL,
                "Two of three polishing machines idle, no maintenance log.",
            ),
            "production.standard_processes": (
                FAIL,
                "No work instructions at the welding stations.",
            ),
            "production.safety": (FAIL, "抛光车间无除尘设备。No dust extraction in polishing."),
            "quality.incoming_inspection": (FAIL, "Steel tube accepted without a material test."),
            "quality.in_process_qc": (FAIL, "Vacuum leak test only on finished flasks."),
            "quality.traceability": (FAIL, ""),
            "red_flags.evasive_answers": (
                FAIL,
                "说不清不锈钢原料的来源。Could not say where the steel comes from.",
            ),
        },
        {
            "capacity.production_lines": ("1", ""),
            "capacity.employees": ("18", ""),
            "capacity.factory_area": ("450", ""),
            "capacity.monthly_output": (
                "9000",
                "Saw one polishing line working; 9,000 a month at most.",
            ),
        },
        how_established="SGS inspector counted staff and lines; output from the shipping book.",
        result=(
            AuditResult.FAILED,
            "One polishing line cannot carry 20,000 flasks a month; on hold until they add one.",
        ),
    ),
    DemoAudit(
        "jinchengpiju", -12, Auditor.SELF, "", {}, {}, notes="Planned with the sample order."
    ),
)


def fill_demo_audits(audits: AuditService, suppliers: Iterable[Supplier], today: date) -> None:
    """Add the audit demo for the stored demo suppliers (matched by shop address); audits whose
    supplier is not given are left out."""
    ids = {shop_slug(s.shop_url): s.id for s in suppliers if s.id is not None}
    leather = audits.copy_template(None, LEATHER_TEMPLATE, "leather goods")
    sections = list(leather.sections)
    sections.insert(3, LEATHER_SECTION)  # after production: materials are checked there
    leather = audits.save_template(dataclasses.replace(leather, sections=tuple(sections)))
    for plan in AUDITS:
        if plan.slug not in ids:
            continue
        template_id = leather.id if plan.slug == "jinchengpiju" else None
        audit = audits.start_audit(
            ids[plan.slug],
            template_id,
            today - timedelta(days=plan.days_ago),
            plan.auditor,
            plan.auditor_name,
        )
        assert audit.id is not None  # start_audit returns the stored audit
        if plan.notes:
            audits.update_audit(audit.id, notes=plan.notes)
        if plan.days_ago > 0:
            audits.save_answers(audit.id, _answers(audit.template.items(), plan))
        if plan.result is not None:
            audits.set_result(audit.id, *plan.result)


def _answers(items: Iterable[ChecklistItem], plan: DemoAudit) -> list[Answer]:
    answers = []
    for item in items:
        if item.kind is AnswerKind.PASS_FAIL and item.key in plan.verdicts:
            verdict, remark = plan.verdicts[item.key]
            answers.append(Answer(item.key, verdict, remark=remark))
        elif item.key in plan.numbers:
            number, remark = plan.numbers[item.key]
            answers.append(Answer(item.key, number=Decimal(number), remark=remark))
        elif item.key == "capacity.how_established" and plan.how_established:
            answers.append(Answer(item.key, text=plan.how_established))
    return answers
