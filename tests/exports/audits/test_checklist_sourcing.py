"""Issue 13 on the printed checklist: the buyer's preparation on its own page, out of the counts
and off the signed part; the Chinese labels and the units as a sourcing professional writes them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from app.domain.audits.checklist import Answer, Audit, Verdict
from app.domain.audits.checklist_default import default_template
from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.records import CapacityFact
from app.exports.audits.checklist_pdf import export_checklist_pdf
from tests.conftest import TODAY
from tests.exports.pdf_tools import flat, page_count, pdf_text
from tests.factories import hengda


def test_before_the_visit_prints_first_on_its_own_page_and_is_not_signed(tmp_path: Path) -> None:
    out = export_checklist_pdf(default_template(), tmp_path / "blank.pdf", today=TODAY)
    first = flat(pdf_text(out, 1))
    assert "验厂前准备" in first and "not scored and not signed by the supplier" in first
    assert "Documents" not in first  # the audit starts on the next page
    last = flat(pdf_text(out, page_count(out)))
    assert "Signed for sections 2-6 (the audit) · 签字确认第2-6部分（验厂内容）" in last


def test_results_leave_the_preparation_out_of_the_counts(tmp_path: Path) -> None:
    template = default_template()
    answers = {
        "before.goals": Answer("before.goals", Verdict.FAIL),  # the buyer's own: not scored
        "quality.nonconforming": Answer("quality.nonconforming", Verdict.PASS),
    }
    audit = Audit(1, template, date(2026, 11, 20), answers=answers)
    out = export_checklist_pdf(
        template, tmp_path / "r.pdf", supplier=hengda(id=1), audit=audit, today=TODAY
    )
    text = flat(pdf_text(out))
    assert "100.0 % (1 of 1 pass/fail answers passed)" in text
    assert "Failed 不合格 1" not in text


def test_the_chinese_labels_and_units_read_right(tmp_path: Path) -> None:
    capacity = {
        Dimension.RESPONSE_TIME: CapacityFact(
            1, 1, Dimension.RESPONSE_TIME, Decimal("1.5"), FactSource.LISTING_1688, None, "",
            datetime(2026, 11, 1),
        ),
        Dimension.PRODUCTION_LINES: CapacityFact(
            2, 1, Dimension.PRODUCTION_LINES, Decimal(1), FactSource.AUDIT, None, "",
            datetime(2026, 11, 1),
        ),
    }  # fmt: skip
    out = export_checklist_pdf(
        default_template(),
        tmp_path / "s.pdf",
        supplier=hengda(id=1),
        capacity=capacity,
        today=TODAY,
    )
    text = flat(pdf_text(out))
    assert "1688 membership 1688会员等级" in text and "诚信通会员" not in text
    assert "响应时间" in text and "1.5 h" in text
    assert "1 line " in text and "1 lines" not in text
    assert "考察" not in text and "危险信号" not in text
    assert "风险信号（未发现 = 合格）" in text
