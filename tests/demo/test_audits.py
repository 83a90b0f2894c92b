"""The audit demo: two filled audits feeding the matrix, one planned visit, a copied template."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.demo import demo_suppliers, fill_demo, fill_demo_audits
from app.demo.audits import LEATHER_TEMPLATE
from app.demo.matrix import shop_slug
from app.domain.audits.checklist import Audit, Auditor, AuditResult, audit_result, score_audit
from app.domain.audits.checklist_default import DEFAULT_TEMPLATE_NAME
from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.rows import MatrixRow
from app.services.audits.service import AuditService
from app.services.matrix.rows import load_matrix
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file
from tests.conftest import TODAY

CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Demo:
    audits: AuditService
    by_slug: dict[str, int]
    rows: dict[int, MatrixRow]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    open_database_file(path)
    database = Database(path)
    try:
        suppliers = SupplierService(database, today=lambda: TODAY)
        fill_demo(suppliers)  # as the CLI calls it
        by_slug = {shop_slug(s.shop_url): s.id for s in suppliers.all_records()}
        matrix = MatrixService(database, today=lambda: TODAY)
        rows = {row.supplier_id: row for row in load_matrix(matrix, TODAY)}
        yield Demo(AuditService(database, today=lambda: TODAY), by_slug, rows)
    finally:
        database.close()


def _only_audit(demo: Demo, slug: str) -> Audit:
    [audit] = demo.audits.audits(demo.by_slug[slug])
    return audit


def test_two_filled_audits_and_one_planned_visit(demo: Demo) -> None:
    all_audits = [a for sid in demo.by_slug.values() for a in demo.audits.audits(sid)]
    assert len(all_audits) == 3
    own = _only_audit(demo, "hengdacrafts")
    sgs = _only_audit(demo, "shundaflask")
    planned = _only_audit(demo, "jinchengpiju")
    assert (own.auditor, own.audited_on) == (Auditor.SELF, TODAY - timedelta(days=30))
    assert (sgs.auditor, sgs.auditor_name) == (Auditor.SGS, "陈静 (Ningbo office)")
    assert planned.audited_on > TODAY and planned.answers == {}
    assert planned.template.name == LEATHER_TEMPLATE
    for audit in (own, sgs):
        assert audit.template.name == DEFAULT_TEMPLATE_NAME
        assert score_audit(audit.template, audit.answers).unanswered == 0  # every item answered


def test_the_results_pass_and_fail_by_hand(demo: Demo) -> None:
    own = _only_audit(demo, "hengdacrafts")
    sgs = _only_audit(demo, "shundaflask")
    assert audit_result(own) is AuditResult.PASSED
    assert score_audit(own.template, own.answers).failed == 2
    scored = score_audit(sgs.template, sgs.answers)
    assert scored.result is AuditResult.CONDITIONAL and scored.critical_failures == ()
    assert audit_result(sgs) is AuditResult.FAILED and sgs.override_reason


def test_remarks_come_in_chinese_and_english(demo: Demo) -> None:
    remarks = [
        answer.remark
        for slug in ("hengdacrafts", "shundaflask")
        for answer in _only_audit(demo, slug).answers.values()
        if answer.remark
    ]
    assert any(CJK.search(r) for r in remarks)
    assert any(not CJK.search(r) for r in remarks)
    assert _only_audit(demo, "hengdacrafts").answers["capacity.how_established"].text


@pytest.mark.parametrize(
    ("slug", "seen"),
    [
        ("hengdacrafts", {"monthly_capacity": 55000, "production_lines": 4, "employees": 90}),
        ("shundaflask", {"monthly_capacity": 9000, "production_lines": 1, "factory_area": 450}),
    ],
)
def test_the_audits_counts_are_the_matrix_values(
    demo: Demo, slug: str, seen: dict[str, int]
) -> None:
    audit = _only_audit(demo, slug)
    assert len(demo.audits.audit_facts(audit.id)) == 4  # every capacity item, linked
    row = demo.rows[demo.by_slug[slug]]
    for dimension, value in seen.items():
        cell = row.capacity[Dimension(dimension)]
        assert (cell.value, cell.source, cell.observed_on) == (
            Decimal(value),
            FactSource.AUDIT,
            audit.audited_on,
        )


def test_a_copied_template_with_a_leather_section(demo: Demo) -> None:
    names = [t.name for t in demo.audits.templates()]
    assert names == [DEFAULT_TEMPLATE_NAME, LEATHER_TEMPLATE]
    [leather] = demo.audits.templates()[1:]
    assert leather.category == "leather goods"
    assert [s.key for s in leather.sections][3] == "leather"
    assert leather.items_by_key()["leather.thickness"].unit == "mm"


def test_audits_without_their_supplier_are_left_out(
    supplier_service: SupplierService, database: Database, db_path: Path
) -> None:
    chosen = [s for s in demo_suppliers(TODAY) if shop_slug(s.shop_url) == "shundaflask"]
    ids = supplier_service.insert_many(chosen).created
    stored = [dataclasses.replace(s, id=i) for s, i in zip(chosen, ids, strict=True)]
    audits = AuditService(database, today=lambda: TODAY)
    fill_demo_audits(audits, stored, TODAY)
    assert len(audits.audits(ids[0])) == 1
    assert len(audits.templates()) == 2


# --- issue 13 ------------------------------------------------------------------------------


def test_no_item_passes_silently(demo: Demo) -> None:
    """Every answer is one the demo wrote out: an item it does not list stays unanswered."""
    from app.demo.audits import AUDITS

    for plan in AUDITS:
        if plan.days_ago <= 0:
            continue
        audit = _only_audit(demo, plan.slug)
        verdicts = {k: a.verdict for k, a in audit.answers.items() if a.verdict is not None}
        assert verdicts == {key: verdict for key, (verdict, _) in plan.verdicts.items()}


def test_shunda_is_not_passed_on_rohs_or_certificates_in_date(demo: Demo) -> None:
    """A steel flask needs no RoHS; its ISO 9001 expired, so "certificates in date" fails."""
    from app.domain.audits.checklist import Verdict

    answers = _only_audit(demo, "shundaflask").answers
    assert answers["documents.rohs"].verdict is Verdict.NOT_APPLICABLE
    assert answers["documents.certificates_valid"].verdict is Verdict.FAIL
    assert answers["documents.iso_9001"].verdict is Verdict.FAIL


def test_the_planned_visit_is_a_plan_not_results(demo: Demo) -> None:
    from app.domain.audits.checklist import is_planned, no_results_reason

    planned = _only_audit(demo, "jinchengpiju")
    assert is_planned(planned, TODAY)
    assert no_results_reason(planned, TODAY) is not None
    for slug in ("hengdacrafts", "shundaflask"):
        audit = _only_audit(demo, slug)
        assert audit.audited_on <= TODAY and no_results_reason(audit, TODAY) is None
