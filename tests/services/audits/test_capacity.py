"""An audit's "capacity seen" answers feed the supplier's capacity facts, and the matrix shows
them with source "Seen at audit"; changing, clearing or deleting takes back only its own facts."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.audits.checklist import Answer, Auditor
from app.domain.matrix.capacity import Dimension, FactSource, Grade
from app.errors import ValidationError
from app.services.audits.service import AuditService
from app.services.matrix.rows import load_matrix
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda, minimal

AUDITED = TODAY - timedelta(days=3)
MC, LINES, STAFF, AREA = (
    Dimension.MONTHLY_CAPACITY,
    Dimension.PRODUCTION_LINES,
    Dimension.EMPLOYEES,
    Dimension.FACTORY_AREA,
)


@pytest.fixture
def audits(database: Database) -> AuditService:
    return AuditService(database, today=lambda: TODAY)


@pytest.fixture
def matrix(database: Database) -> MatrixService:
    return MatrixService(database, today=lambda: TODAY)


@pytest.fixture
def sid(supplier_service: SupplierService) -> int:
    return supplier_service.save(hengda()).created[0]


def _seen(lines: int | None = 4, staff: int | None = 90, area: str | None = "2200") -> list[Answer]:
    return [
        Answer("capacity.production_lines", number=None if lines is None else Decimal(lines)),
        Answer("capacity.employees", number=None if staff is None else Decimal(staff)),
        Answer("capacity.factory_area", number=None if area is None else Decimal(area)),
        Answer("capacity.monthly_output", number=Decimal(55000), remark="记录本上九月产量"),
    ]


def _audit_facts(matrix: MatrixService, supplier_id: int) -> dict[Dimension, list[Decimal]]:
    facts: dict[Dimension, list[Decimal]] = {}
    for fact in matrix.capacity_history(supplier_id):
        if fact.source is FactSource.AUDIT:
            facts.setdefault(fact.dimension, []).append(fact.value)
    return facts


def test_the_matrix_shows_what_was_seen_at_the_audit(
    audits: AuditService, matrix: MatrixService, sid: int
) -> None:
    # The supplier claimed more in chat, earlier: the audit's count is the current value.
    matrix.record_capacity_fact(sid, MC, 120000, FactSource.SUPPLIER_WORD, date(2026, 6, 1))
    audit = audits.start_audit(sid, None, AUDITED, Auditor.SGS, "李伟")
    audits.save_answers(audit.id, _seen())

    [row] = load_matrix(matrix, TODAY, [sid])
    expected = {MC: "55000", LINES: "4", STAFF: "90", AREA: "2200"}
    for dimension, value in expected.items():
        cell = row.capacity[dimension]
        assert (cell.value, cell.source, cell.observed_on) == (
            Decimal(value),
            FactSource.AUDIT,
            AUDITED,
        )
        assert "Source: Seen at audit" in cell.tooltip
    assert row.capacity[MC].grade is Grade.GOOD  # 55,000 seen, not the 120,000 claimed
    assert row.capacity[Dimension.RESPONSE_TIME].source is None  # not an audit item
    history = matrix.capacity_history(sid)
    assert [f.value for f in history if f.dimension is MC] == [Decimal(55000), Decimal(120000)]
    notes = {f.note for f in history if f.source is FactSource.AUDIT}
    assert f"Audit #{audit.id}, SGS, 李伟: Production workers on the floor, counted" in notes
    assert set(audits.audit_facts(audit.id)) == {
        "capacity.production_lines",
        "capacity.employees",
        "capacity.factory_area",
        "capacity.monthly_output",
    }


def test_changing_an_answer_replaces_its_fact_and_clearing_removes_it(
    audits: AuditService, matrix: MatrixService, sid: int, db_path: Path
) -> None:
    matrix.record_capacity_fact(sid, STAFF, 60, FactSource.LISTING_1688, date(2026, 1, 5))
    audit = audits.start_audit(sid, None, AUDITED)
    audits.save_answers(audit.id, _seen())
    linked = audits.audit_facts(audit.id)

    audits.save_answers(audit.id, _seen(lines=5, staff=None, area=None))
    assert _audit_facts(matrix, sid) == {
        LINES: [Decimal(5)],  # replaced, not added beside the 4
        MC: [Decimal(55000)],
    }
    assert (
        audits.audit_facts(audit.id)["capacity.production_lines"]
        == (
            linked["capacity.production_lines"]  # updated in place
        )
    )
    [row] = load_matrix(matrix, TODAY, [sid])
    assert (row.capacity[STAFF].value, row.capacity[STAFF].source) == (
        Decimal(60),
        FactSource.LISTING_1688,  # the page's figure is current again
    )
    assert row.capacity[AREA].value is None
    # The cleared items keep no answer row; the others still do.
    assert query(db_path, "SELECT count(*) FROM audit_answers") == [(2,)]

    audits.save_answers(audit.id, [Answer("capacity.production_lines", remark="停产一条")])
    assert LINES not in _audit_facts(matrix, sid)
    assert audits.audit(audit.id).answers["capacity.production_lines"].number is None


def test_only_this_audits_facts_change(
    audits: AuditService, matrix: MatrixService, supplier_service: SupplierService, sid: int
) -> None:
    other = supplier_service.save(minimal("义乌甲")).created[0]
    matrix.record_capacity_fact(sid, LINES, 4, FactSource.AUDIT, AUDITED, "typed in by hand")
    first = audits.start_audit(sid, None, AUDITED - timedelta(days=200))
    second = audits.start_audit(sid, None, AUDITED)
    third = audits.start_audit(other, None, AUDITED)
    for audit in (first, second, third):
        audits.save_answers(audit.id, _seen())
    audits.save_answers(second.id, _seen(lines=None))
    audits.delete_audit(first.id)
    assert _audit_facts(matrix, sid)[LINES] == [Decimal(4)]  # the one typed in by hand
    assert _audit_facts(matrix, sid)[STAFF] == [Decimal(90)]  # the second audit's
    assert _audit_facts(matrix, other) == {
        LINES: [Decimal(4)],
        STAFF: [Decimal(90)],
        AREA: [Decimal(2200)],
        MC: [Decimal(55000)],
    }


def test_deleting_the_audit_removes_its_facts_and_undo_brings_them_back(
    audits: AuditService, matrix: MatrixService, sid: int, db_path: Path
) -> None:
    audit = audits.start_audit(sid, None, AUDITED)
    audits.save_answers(audit.id, _seen())
    before = query(db_path, "SELECT * FROM capacity_facts ORDER BY id")
    links = query(db_path, "SELECT * FROM audit_capacity_facts ORDER BY 1")
    change = audits.delete_audit(audit.id)
    assert _audit_facts(matrix, sid) == {}
    assert query(db_path, "SELECT count(*) FROM audit_capacity_facts") == [(0,)]
    audits.restore_audit(change)
    assert query(db_path, "SELECT * FROM capacity_facts ORDER BY id") == before
    assert query(db_path, "SELECT * FROM audit_capacity_facts ORDER BY 1") == links


def test_a_fact_deleted_in_the_matrix_stays_deleted_until_the_number_changes(
    audits: AuditService, matrix: MatrixService, sid: int
) -> None:
    audit = audits.start_audit(sid, None, AUDITED)
    audits.save_answers(audit.id, _seen())
    matrix.delete_capacity_fact(audits.audit_facts(audit.id)["capacity.employees"])
    assert audits.audit(audit.id).answers["capacity.employees"].number == Decimal(90)  # kept
    audits.save_answers(audit.id, _seen())  # same numbers saved again
    assert STAFF not in _audit_facts(matrix, sid)
    audits.save_answers(audit.id, _seen(staff=95))
    assert _audit_facts(matrix, sid)[STAFF] == [Decimal(95)]


def test_the_facts_follow_the_audits_date_and_auditor(
    audits: AuditService, matrix: MatrixService, sid: int
) -> None:
    audit = audits.start_audit(sid, None, AUDITED)
    audits.save_answers(audit.id, _seen())
    audits.update_audit(audit.id, audited_on=date(2026, 10, 2), auditor="bv", auditor_name="Anna")
    facts = [f for f in matrix.capacity_history(sid) if f.source is FactSource.AUDIT]
    assert len(facts) == 4
    assert {f.observed_on for f in facts} == {date(2026, 10, 2)}
    assert all(f.note.startswith(f"Audit #{audit.id}, Bureau Veritas (BV), Anna: ") for f in facts)
    with pytest.raises(ValidationError) as error:
        audits.update_audit(audit.id, audited_on=TODAY + timedelta(days=1))
    assert set(error.value.field_errors) == {"audited_on"}


def test_a_planned_audit_takes_capacity_only_once_it_has_happened(
    audits: AuditService, matrix: MatrixService, sid: int
) -> None:
    planned = audits.start_audit(sid, None, TODAY + timedelta(days=12))
    audits.save_answers(planned.id, [Answer("before.goals", remark="Check the SMT line.")])
    with pytest.raises(ValidationError, match="after today") as error:
        audits.save_answers(planned.id, _seen())
    assert len(error.value.field_errors) == 4
    assert matrix.capacity_history(sid) == []
    audits.update_audit(planned.id, audited_on=TODAY)
    audits.save_answers(planned.id, _seen())
    assert len(_audit_facts(matrix, sid)) == 4


def test_the_audit_refuses_what_the_matrix_would_refuse(
    audits: AuditService, matrix: MatrixService, sid: int
) -> None:
    """The feed writes facts itself (one transaction); its number rules match the matrix's."""
    audit = audits.start_audit(sid, None, AUDITED)
    for dimension, key in ((LINES, "capacity.production_lines"), (STAFF, "capacity.employees")):
        with pytest.raises(ValidationError, match="whole number"):
            matrix.record_capacity_fact(sid, dimension, Decimal("2.5"), FactSource.AUDIT)
        with pytest.raises(ValidationError, match="whole number"):
            audits.save_answers(audit.id, [Answer(key, number=Decimal("2.5"))])
    audits.save_answers(audit.id, [Answer("capacity.factory_area", number=Decimal("2200.5"))])
    with pytest.raises(ValidationError):
        audits.save_answers(audit.id, [Answer("capacity.factory_area", number=Decimal(-1))])


def test_a_copied_template_feeds_its_own_capacity_items(
    audits: AuditService, matrix: MatrixService, sid: int
) -> None:
    copy = audits.copy_template(None, "Bags")
    capacity = next(s for s in copy.sections if s.key == "capacity")
    audit = audits.start_audit(sid, copy.id, AUDITED)
    audits.save_answers(audit.id, [Answer(capacity.items[0].key, number=Decimal(3))])
    assert _audit_facts(matrix, sid) == {LINES: [Decimal(3)]}


def test_undo_of_a_supplier_delete_brings_back_its_audits_and_their_facts(
    audits: AuditService, supplier_service: SupplierService, sid: int, db_path: Path
) -> None:
    audit = audits.start_audit(sid, None, AUDITED, Auditor.TUV)
    audits.save_answers(audit.id, _seen())
    audits.set_result(audit.id, "passed", "Checked twice.")
    tables = ("audits", "audit_answers", "audit_capacity_facts", "capacity_facts")
    before = {t: query(db_path, f"SELECT * FROM {t} ORDER BY 1") for t in tables}

    change = supplier_service.delete([sid])
    assert {name for name, _ in change.dependents} >= set(tables)
    assert all(query(db_path, f"SELECT count(*) FROM {t}") == [(0,)] for t in tables)
    supplier_service.restore(change.removed, change.dependents)

    assert {t: query(db_path, f"SELECT * FROM {t} ORDER BY 1") for t in tables} == before
    assert audits.audit(audit.id).answers["capacity.employees"].number == Decimal(90)
