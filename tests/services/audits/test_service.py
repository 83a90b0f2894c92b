"""AuditService: templates (copy, edit, checks) and audits (snapshot, answers, result, dates)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.audits.checklist import (
    Answer,
    AnswerKind,
    Auditor,
    AuditResult,
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    Verdict,
    audit_result,
    score_audit,
)
from app.domain.audits.checklist_default import DEFAULT_TEMPLATE_NAME, default_template
from app.domain.matrix.capacity import Dimension
from app.errors import NotFound, ValidationError
from app.services.audits.service import AuditService
from app.services.changes import Change, Topic
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda

AUDITED = TODAY - timedelta(days=3)
PASS, FAIL, NA = Verdict.PASS, Verdict.FAIL, Verdict.NOT_APPLICABLE


@pytest.fixture
def audits(database: Database) -> AuditService:
    return AuditService(database, today=lambda: TODAY)


@pytest.fixture
def sid(supplier_service: SupplierService) -> int:
    return supplier_service.save(hengda()).created[0]


def _counts(db_path: Path) -> tuple[int, ...]:
    tables = ("checklist_templates", "audits", "audit_answers", "capacity_facts")
    return tuple(query(db_path, f"SELECT count(*) FROM {t}")[0][0] for t in tables)


def _toys_section() -> ChecklistSection:
    return ChecklistSection(
        "toys",
        "Toy safety",
        "玩具安全",
        (
            ChecklistItem(
                "toys.small_parts", "Small-parts test done", "已做小零件测试", critical=True
            ),
            ChecklistItem("", "Seam strength (N)", "接缝强度（牛顿）", AnswerKind.NUMBER, "N"),
        ),
    )


# --- templates ----------------------------------------------------------------------------------
def test_the_default_comes_first_read_only_then_the_users_by_pinyin(audits: AuditService) -> None:
    for name in ("毛绒玩具", "Bags", "灯具", "ceramics"):
        audits.copy_template(None, name, "toys" if "玩" in name else "")
    listed = audits.templates()
    assert listed[0] == default_template() and listed[0].read_only and listed[0].id is None
    # bags, ceramics, deng ju (灯具), mao rong (毛绒): pinyin order, case ignored
    assert [t.name for t in listed[1:]] == ["Bags", "ceramics", "灯具", "毛绒玩具"]
    assert not any(t.read_only for t in listed[1:])
    assert all(t.sections == default_template().sections for t in listed[1:])


def test_a_copy_is_stored_whole_and_read_back_equal(audits: AuditService) -> None:
    copy = audits.copy_template(None, " 毛绒玩具 ", " plush toys ")
    assert (copy.name, copy.category, copy.id) == ("毛绒玩具", "plush toys", 1)
    assert audits.template(copy.id) == copy
    again = audits.copy_template(copy.id, "Plush toys v2")
    assert again.sections == copy.sections and again.id != copy.id
    assert audits.template(None) == default_template()


def test_editing_adds_reorders_and_removes_items_and_fills_blank_keys(
    audits: AuditService,
) -> None:
    copy = audits.copy_template(None, "Toys", "toys")
    before, documents, production, *rest = copy.sections
    shorter = dataclasses.replace(documents, items=documents.items[::-1][:-3])  # reversed, 3 gone
    edited = dataclasses.replace(copy, sections=(production, shorter, _toys_section(), *rest))
    saved = audits.save_template(edited)  # "before" removed, toys added
    assert saved == audits.template(copy.id)
    assert [s.key for s in saved.sections[:3]] == ["production", "documents", "toys"]
    assert "before" not in [s.key for s in saved.sections]
    assert [i.key for i in saved.sections[1].items] == [i.key for i in documents.items[::-1][:-3]]
    assert [i.key for i in saved.sections[2].items] == ["toys.small_parts", "toys.item_1"]
    assert saved.sections[2].items[1].unit == "N"
    assert len(saved.items()) == len(copy.items()) - len(before.items) - 3 + 2


def test_the_default_template_cannot_be_changed_or_deleted(
    audits: AuditService, db_path: Path
) -> None:
    with pytest.raises(ValidationError, match="copy it"):
        audits.save_template(default_template())
    with pytest.raises(ValidationError, match="cannot be deleted"):
        audits.delete_template(None)
    with pytest.raises(ValidationError) as error:
        audits.copy_template(None, DEFAULT_TEMPLATE_NAME.upper())
    assert set(error.value.field_errors) == {"name"}
    assert _counts(db_path) == (0, 0, 0, 0)


def test_a_bad_template_is_refused_with_every_problem_and_nothing_written(
    audits: AuditService, db_path: Path
) -> None:
    audits.copy_template(None, "Toys")
    lines = ChecklistItem(
        "x.lines",
        "Lines",
        "生产线",
        AnswerKind.NUMBER,
        "",
        capacity_dimension=Dimension.PRODUCTION_LINES,
    )
    area = ChecklistItem(
        "x.area",
        "Area",
        "面积",
        AnswerKind.NUMBER,
        "sq ft",
        capacity_dimension=Dimension.FACTORY_AREA,
    )
    bad = ChecklistTemplate(
        " toys ",
        sections=(
            ChecklistSection(
                "x",
                "Mixed",
                "",
                (
                    ChecklistItem("x.one", "One", " "),
                    ChecklistItem("x.one", "", "二"),
                    ChecklistItem("x.note", "Note", "备注", AnswerKind.TEXT, critical=True),
                    lines,
                    area,
                ),
            ),
            ChecklistSection("empty", "Empty", "空", ()),
        ),
    )
    before = _counts(db_path)
    with pytest.raises(ValidationError) as error:
        audits.save_template(bad)
    assert set(error.value.field_errors) == {
        "name",  # taken, ignoring case and spaces
        "x.title_zh",
        "x.one.text_zh",
        "x.one.key",
        "x.one.text_en",
        "x.note.critical",
        "x.lines.unit",
        "x.lines.capacity_dimension",
        "x.area.capacity_dimension",
        "empty.items",
    }
    assert "m²" in error.value.field_errors["x.area.capacity_dimension"]
    assert _counts(db_path) == before
    with pytest.raises(ValidationError, match="at least one section"):
        audits.save_template(ChecklistTemplate("Nothing"))


def test_one_dimension_is_counted_by_one_item_only(audits: AuditService) -> None:
    copy = audits.copy_template(None, "Toys")
    capacity = next(s for s in copy.sections if s.key == "capacity")
    again = dataclasses.replace(capacity.items[1], key="capacity.employees_again")
    twice = dataclasses.replace(capacity, items=(*capacity.items, again))
    with pytest.raises(ValidationError) as error:
        audits.save_template(dataclasses.replace(copy, sections=(twice,)))
    assert "Another item already counts" in str(error.value)


def test_deleting_a_template(audits: AuditService) -> None:
    copy = audits.copy_template(None, "Toys")
    audits.delete_template(copy.id)
    assert [t.name for t in audits.templates()] == [DEFAULT_TEMPLATE_NAME]
    with pytest.raises(NotFound):
        audits.delete_template(copy.id)
    with pytest.raises(NotFound):
        audits.template(copy.id)
    with pytest.raises(NotFound):
        audits.save_template(copy)


# --- audits ---------------------------------------------------------------------------------
def test_an_audit_keeps_its_snapshot_when_the_template_is_edited_or_deleted(
    audits: AuditService, sid: int
) -> None:
    copy = audits.copy_template(None, "Toys", "toys")
    audit = audits.start_audit(sid, copy.id, AUDITED, Auditor.SGS, "李伟")
    assert audit.template == copy and audit.template.id == copy.id
    changed_item = dataclasses.replace(copy.sections[1].items[0], text_en="Changed")
    changed = dataclasses.replace(
        copy.sections[1], items=(changed_item, *copy.sections[1].items[1:])
    )
    audits.save_template(dataclasses.replace(copy, sections=(changed, _toys_section())))
    assert audits.audit(audit.id).template == copy  # unchanged
    audits.delete_template(copy.id)
    kept = audits.audit(audit.id)
    assert kept.template.sections == copy.sections and kept.template.id is None
    assert kept.template.name == "Toys"


def test_a_new_audit_from_the_default(audits: AuditService, sid: int) -> None:
    audit = audits.start_audit(sid)
    assert (audit.supplier_id, audit.audited_on, audit.auditor) == (sid, TODAY, Auditor.SELF)
    assert audit.template.sections == default_template().sections
    assert audit.answers == {} and audit.result_override is None
    assert audit_result(audit) is AuditResult.NOT_DECIDED
    assert audits.audits(sid) == [audit] and audits.latest_audit(sid) == audit


def test_starting_an_audit_checks_who_when_and_what(audits: AuditService, sid: int) -> None:
    with pytest.raises(ValidationError) as error:
        audits.start_audit(sid, None, "2026-11-01", "intertek")  # type: ignore[arg-type]
    assert set(error.value.field_errors) == {"audited_on", "auditor"}
    with pytest.raises(ValidationError, match="Name the agency"):
        audits.start_audit(sid, None, AUDITED, Auditor.OTHER, " ")
    with pytest.raises(NotFound):
        audits.start_audit(sid + 1)
    with pytest.raises(NotFound):
        audits.start_audit(sid, 99)
    assert audits.audits(sid) == []


def test_audits_come_newest_first(audits: AuditService, sid: int) -> None:
    old = audits.start_audit(sid, None, date(2025, 5, 1))
    new = audits.start_audit(sid, None, date(2026, 10, 1), "bv")
    same_day = audits.start_audit(sid, None, date(2026, 10, 1), "tuv")
    assert [a.id for a in audits.audits(sid)] == [same_day.id, new.id, old.id]
    assert audits.latest_audit(sid) == same_day
    assert audits.latest_audit(sid + 1) is None


def test_answers_are_stored_exactly_and_scored(
    audits: AuditService, sid: int, db_path: Path
) -> None:
    audit = audits.start_audit(sid, None, AUDITED)
    answers = [
        Answer(
            "documents.business_licence",
            PASS,
            remark="原件已核对，与店铺一致",
            photo_refs=("a1b2.jpg",),
        ),
        Answer("documents.fcc", NA, remark="No electronics."),
        Answer("production.safety", FAIL, remark="Exit blocked by cartons 安全通道被纸箱堵住"),
        Answer("capacity.factory_area", number=Decimal("2200.50")),
        Answer("capacity.how_established", text=" Counted with the manager "),
    ]
    change = audits.save_answers(audit.id, answers)
    assert change == Change(updated=(sid,), topic=Topic.AUDITS)
    stored = audits.audit(audit.id).answers
    assert stored["capacity.how_established"].text == "Counted with the manager"
    assert stored["documents.business_licence"] == answers[0]
    assert stored["capacity.factory_area"].number == Decimal("2200.50")
    assert query(
        db_path, "SELECT typeof(number), number FROM audit_answers WHERE number IS NOT NULL"
    ) == [("text", "2200.50")]
    score = score_audit(audits.audit(audit.id).template, stored)
    assert (score.passed, score.failed, score.not_applicable, score.percent) == (
        1,
        1,
        1,
        Decimal("50.0"),
    )


def test_answers_are_checked_against_their_item_kind(
    audits: AuditService, sid: int, db_path: Path
) -> None:
    audit = audits.start_audit(sid, None, AUDITED)
    before = _counts(db_path)
    with pytest.raises(ValidationError) as error:
        audits.save_answers(
            audit.id,
            [
                Answer("documents.ce", number=Decimal(1)),
                Answer("capacity.employees", verdict=PASS),
                Answer("capacity.factory_area", number=-5),
                Answer("capacity.monthly_output", number=12000.0),  # type: ignore[arg-type]
                Answer("capacity.production_lines", number=Decimal("2.5")),
                Answer("production.safety", text="looked fine"),
                Answer("no.such_item", PASS),
                Answer("documents.fcc", PASS),
                Answer("documents.fcc", FAIL),
            ],
        )
    assert set(error.value.field_errors) == {
        "documents.ce",
        "capacity.employees",
        "capacity.factory_area",
        "capacity.monthly_output",
        "capacity.production_lines",
        "production.safety",
        "no.such_item",
        "documents.fcc",
    }
    assert "float" in error.value.field_errors["capacity.monthly_output"]
    assert "whole number" in error.value.field_errors["capacity.production_lines"]
    assert "remark" in error.value.field_errors["production.safety"]
    assert _counts(db_path) == before  # nothing written, not even the good answers


def test_saving_again_changes_only_the_answers_given_and_a_blank_one_clears(
    audits: AuditService, sid: int
) -> None:
    audit = audits.start_audit(sid, None, AUDITED)
    audits.save_answers(
        audit.id, [Answer("documents.ce", PASS), Answer("documents.fcc", FAIL, remark="none")]
    )
    audits.save_answers(audit.id, [Answer("documents.ce", FAIL), Answer("documents.fcc")])
    assert audits.audit(audit.id).answers == {"documents.ce": Answer("documents.ce", FAIL)}
    audits.save_answers(audit.id, [Answer("documents.rohs", remark="Asked for the report.")])
    assert "documents.rohs" in audits.audit(audit.id).answers  # a remark alone is kept


def test_the_result_set_by_hand_needs_a_reason(audits: AuditService, sid: int) -> None:
    audit = audits.start_audit(sid, None, AUDITED)
    audits.save_answers(audit.id, [Answer("red_flags.personal_account", FAIL)])
    assert audit_result(audits.audit(audit.id)) is AuditResult.FAILED
    with pytest.raises(ValidationError) as error:
        audits.set_result(audit.id, AuditResult.CONDITIONAL, " ")
    assert set(error.value.field_errors) == {"reason"}
    with pytest.raises(ValidationError, match="passed, conditional or failed"):
        audits.set_result(audit.id, AuditResult.NOT_DECIDED, "later")
    assert audits.set_result(audit.id, "conditional", " Boss's cousin; now pays to the company. ")
    stored = audits.audit(audit.id)
    assert (stored.result_override, stored.override_reason) == (
        AuditResult.CONDITIONAL,
        "Boss's cousin; now pays to the company.",
    )
    assert audit_result(stored) is AuditResult.CONDITIONAL
    audits.set_result(audit.id, None)
    stored = audits.audit(audit.id)
    assert (stored.result_override, stored.override_reason) == (None, "")


def test_date_auditor_and_notes_can_be_changed(audits: AuditService, sid: int) -> None:
    audit = audits.start_audit(sid, None, AUDITED)
    change = audits.update_audit(
        audit.id, audited_on=date(2026, 11, 1), auditor="sgs", auditor_name="李伟", notes=" 好 "
    )
    assert change == Change(updated=(sid,), topic=Topic.AUDITS)
    stored = audits.audit(audit.id)
    assert (stored.audited_on, stored.auditor, stored.auditor_name, stored.notes) == (
        date(2026, 11, 1),
        Auditor.SGS,
        "李伟",
        "好",
    )
    audits.update_audit(audit.id, notes="")
    assert audits.audit(audit.id).auditor is Auditor.SGS  # None: unchanged
    with pytest.raises(ValidationError, match="Name the agency"):
        audits.update_audit(audit.id, auditor=Auditor.OTHER, auditor_name="")


def test_deleting_an_audit_and_undoing_it(audits: AuditService, sid: int, db_path: Path) -> None:
    keep = audits.start_audit(sid, None, AUDITED)
    gone = audits.start_audit(sid, None, AUDITED, Auditor.BV)
    for audit in (keep, gone):
        audits.save_answers(audit.id, [Answer("documents.ce", PASS, photo_refs=("ce.jpg",))])
    before = {
        t: query(db_path, f"SELECT * FROM {t} ORDER BY 1") for t in ("audits", "audit_answers")
    }
    change = audits.delete_audit(gone.id)
    assert change.updated == (sid,)
    assert [a.id for a in audits.audits(sid)] == [keep.id]
    with pytest.raises(NotFound):
        audits.audit(gone.id)
    assert audits.restore_audit(change) == Change(updated=(sid,), topic=Topic.AUDITS)
    after = {
        t: query(db_path, f"SELECT * FROM {t} ORDER BY 1") for t in ("audits", "audit_answers")
    }
    assert after == before
    with pytest.raises(NotFound):
        audits.delete_audit(999)


def test_a_missing_audit_is_not_found(audits: AuditService) -> None:
    with pytest.raises(NotFound):
        audits.audit(1)
    with pytest.raises(NotFound):
        audits.save_answers(1, [])
    with pytest.raises(NotFound):
        audits.set_result(1, None)
    with pytest.raises(NotFound):
        audits.update_audit(1, notes="x")


def test_the_workbench_makes_one_audit_service_on_its_database(db_path: Path) -> None:
    from app.services.workbench import Workbench

    workbench = Workbench(db_path, today=lambda: TODAY)
    try:
        assert "audits" not in workbench.__dict__  # nothing built before first use
        service = workbench.audits
        assert isinstance(service, AuditService) and workbench.audits is service
        assert service.database is workbench.database and service.today() == TODAY
    finally:
        workbench.close()
