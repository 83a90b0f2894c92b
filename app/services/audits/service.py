"""Factory-audit use cases (issue 5): audits of a supplier started from a template snapshot,
their answers and result, and the capacity facts an audit's "capacity seen" answers put into
the matrix. Templates: the base class, app.services.audits.templates.

Every write validates first (ValidationError with field keys, nothing written) and runs in one
transaction. Audit writes return a Change with the SUPPLIER id in `updated` (its audits and
maybe its matrix row changed).

Rules decided here (answer checks: app.services.audits.records):
- An audit keeps a snapshot of its template; later template edits or deletes never touch it.
- An audit may be dated ahead (a planned visit), but capacity numbers are refused until that
  day: a capacity fact is never observed in the future.
- Capacity feed: saving a number for an item with a capacity dimension adds a fact with source
  "seen at audit", observed on the audit's date, in the same transaction, and links it to the
  answer (table audit_capacity_facts). Changing the number updates that fact in place;
  clearing it, or deleting the audit, deletes the fact; changing the audit's date or auditor
  updates the fact's date and note. A fact the user deleted in the matrix stays deleted until
  the audit's number for it changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.domain.audits.checklist import (
    Answer,
    Audit,
    Auditor,
    AuditResult,
    ChecklistItem,
)
from app.domain.matrix.capacity import FactSource
from app.errors import NotFound, ValidationError
from app.services.audits.records import (
    audit_from_rows,
    checked_answer,
    is_blank,
    photo_refs_json,
    sections_from_json,
    sections_to_json,
)
from app.services.audits.templates import AuditTemplates, get_row, template_in
from app.services.changes import Change, Topic
from app.services.dependents import reinsert
from app.services.sql import inserted_id, table_of
from app.store.models.audits import (
    AuditAnswerRow,
    AuditCapacityFactRow,
    AuditRow,
)
from app.store.models.matrix import CapacityFactRow
from app.store.models.suppliers import SupplierRow
from app.store.types import utc_now

_AUDITS = table_of(AuditRow)
_ANSWERS = table_of(AuditAnswerRow)
_LINKS = table_of(AuditCapacityFactRow)
_FACTS = table_of(CapacityFactRow)
_DECIDED = (AuditResult.PASSED, AuditResult.CONDITIONAL, AuditResult.FAILED)


class AuditService(AuditTemplates):
    """Templates (AuditTemplates) and audits."""

    # --- audits: reading -----------------------------------------------------------------------
    def audit(self, audit_id: int) -> Audit:
        with self.database.reading() as session:
            found = _read_audits(session, _AUDITS.c.id == audit_id)
        if not found:
            raise NotFound(f"Audit {audit_id} no longer exists.")
        return found[0]

    def audits(self, supplier_id: int) -> list[Audit]:
        """A supplier's audits, newest first (by date, then the later entry)."""
        with self.database.reading() as session:
            return _read_audits(session, _AUDITS.c.supplier_id == supplier_id)

    def latest_audit(self, supplier_id: int) -> Audit | None:
        found = self.audits(supplier_id)
        return found[0] if found else None

    def audit_facts(self, audit_id: int) -> dict[str, int]:
        """The capacity facts this audit put in the matrix: item key -> capacity fact id."""
        with self.database.reading() as session:
            return dict(_linked_facts(session, audit_id))

    # --- audits: writing -----------------------------------------------------------------------
    def start_audit(
        self,
        supplier_id: int,
        template_id: int | None = None,
        audited_on: date | None = None,
        auditor: Auditor | str = Auditor.SELF,
        auditor_name: str = "",
    ) -> Audit:
        """A new, unanswered audit on a snapshot of the template (None: the default), dated
        today unless given."""
        errors: dict[str, str] = {}
        audited_on = self.today() if audited_on is None else audited_on
        who = _check_who_and_when(audited_on, auditor, auditor_name, errors)
        if errors:
            raise ValidationError(errors)
        now = utc_now()
        with self.database.transaction() as session:
            get_row(session, SupplierRow, supplier_id, "Supplier")
            template = template_in(session, template_id)
            row = AuditRow(
                supplier_id=supplier_id,
                template_id=template.id,
                template_name=template.name,
                template_category=template.category,
                template_sections=sections_to_json(template.sections),
                audited_on=audited_on,
                auditor=who,
                auditor_name=auditor_name.strip(),
                result_override=None,
                override_reason="",
                notes="",
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            return _read_audits(session, _AUDITS.c.id == row.id)[0]

    def save_answers(self, audit_id: int, answers: Iterable[Answer]) -> Change:
        """Store answers by item key (others stay as they are); a blank answer (nothing,
        no remark, no photo) removes the stored one. Capacity numbers feed the matrix."""
        given = list(answers)
        with self.database.transaction() as session:
            audit = get_row(session, AuditRow, audit_id, "Audit")
            items = _items_of(audit)
            errors: dict[str, str] = {}
            checked: dict[str, tuple[ChecklistItem, Answer]] = {}
            for answer in given:
                key = getattr(answer, "item_key", None)
                item = items.get(key) if isinstance(key, str) else None
                if not isinstance(key, str) or not isinstance(answer, Answer) or item is None:
                    errors[str(key)] = "This audit's checklist has no such item."
                elif key in checked:
                    errors[key] = "The item is answered twice in one save."
                else:
                    checked[key] = (item, checked_answer(item, answer, errors))
                    if (
                        item.capacity_dimension is not None
                        and answer.number is not None
                        and audit.audited_on > self.today()
                    ):
                        errors[key] = (
                            f"The audit is dated {audit.audited_on}, after today: "
                            "record the capacity seen once the visit has happened."
                        )
            if errors:
                raise ValidationError(errors)
            stored = {
                row.item_key: row
                for row in session.scalars(
                    select(AuditAnswerRow).where(AuditAnswerRow.audit_id == audit_id)
                )
            }
            for item, answer in checked.values():
                _store_answer(session, audit, item, answer, stored.get(item.key))
            audit.updated_at = utc_now()
            return Change(updated=(audit.supplier_id,), topic=Topic.AUDITS)

    def set_result(
        self, audit_id: int, result: AuditResult | str | None, reason: str = ""
    ) -> Change:
        """The user's overall result with its reason; None goes back to the scored result."""
        errors: dict[str, str] = {}
        if result is not None:
            result = _choice(AuditResult, result)
            if result not in _DECIDED:
                errors["result"] = "Choose passed, conditional or failed, or clear the result."
            if not isinstance(reason, str) or not reason.strip():
                errors["reason"] = "Say why the result is set by hand."
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            audit = get_row(session, AuditRow, audit_id, "Audit")
            audit.result_override = result
            audit.override_reason = "" if result is None else reason.strip()
            audit.updated_at = utc_now()
            return Change(updated=(audit.supplier_id,), topic=Topic.AUDITS)

    def update_audit(
        self,
        audit_id: int,
        *,
        audited_on: date | None = None,
        auditor: Auditor | str | None = None,
        auditor_name: str | None = None,
        notes: str | None = None,
    ) -> Change:
        """Change the date, auditor or notes (None: unchanged); the audit's capacity facts
        follow the new date and auditor."""
        with self.database.transaction() as session:
            audit = get_row(session, AuditRow, audit_id, "Audit")
            new_date = audit.audited_on if audited_on is None else audited_on
            name = audit.auditor_name if auditor_name is None else auditor_name
            errors: dict[str, str] = {}
            who = _check_who_and_when(
                new_date, audit.auditor if auditor is None else auditor, name, errors
            )
            if notes is not None and not isinstance(notes, str):
                errors["notes"] = "The notes must be text."
            facts = _linked_facts(session, audit_id)
            if "audited_on" not in errors and facts and new_date > self.today():
                errors["audited_on"] = (
                    f"{new_date} is after today, and this audit already recorded capacity seen."
                )
            if errors:
                raise ValidationError(errors)
            audit.audited_on, audit.auditor, audit.auditor_name = new_date, who, name.strip()
            if notes is not None:
                audit.notes = notes.strip()
            audit.updated_at = utc_now()
            items = _items_of(audit)
            for item_key, fact_id in facts:
                session.execute(
                    update(_FACTS)
                    .where(_FACTS.c.id == fact_id)
                    .values(observed_on=new_date, note=_fact_note(audit, items[item_key]))
                )
            return Change(updated=(audit.supplier_id,), topic=Topic.AUDITS)

    def delete_audit(self, audit_id: int) -> Change:
        """Delete an audit, its answers and the capacity facts it created; the Change carries
        them all (`dependents`) for restore_audit."""
        with self.database.transaction() as session:
            audit = get_row(session, AuditRow, audit_id, "Audit")
            fact_ids = [fact_id for _, fact_id in _linked_facts(session, audit_id)]
            answer_ids = select(_ANSWERS.c.id).where(_ANSWERS.c.audit_id == audit_id)
            taken = (
                (_AUDITS, _AUDITS.c.id == audit_id),
                (_FACTS, _FACTS.c.id.in_(fact_ids)),
                (_ANSWERS, _ANSWERS.c.audit_id == audit_id),
                (_LINKS, _LINKS.c.answer_id.in_(answer_ids)),
            )
            dependents = tuple(
                (table.name, tuple(_plain_rows(session, table, condition)))
                for table, condition in taken
            )
            session.execute(delete(_FACTS).where(_FACTS.c.id.in_(fact_ids)))
            session.execute(delete(_AUDITS).where(_AUDITS.c.id == audit_id))
            return Change(
                updated=(audit.supplier_id,),
                dependents=tuple((name, rows) for name, rows in dependents if rows),
                topic=Topic.AUDITS,
            )

    def restore_audit(self, change: Change) -> Change:
        """Undo delete_audit: every row back with its id, all or nothing."""
        supplier_ids = tuple(
            row["supplier_id"]
            for name, rows in change.dependents
            if name == "audits"
            for row in rows
        )
        with self.database.transaction() as session:
            reinsert(session.connection(), _AUDITS, change.dependents)
        return Change(updated=supplier_ids, topic=Topic.AUDITS)


# --- helpers ------------------------------------------------------------------------------------
def _check_who_and_when(
    audited_on: object, auditor: object, auditor_name: object, errors: dict[str, str]
) -> Auditor | None:
    if isinstance(audited_on, datetime) or not isinstance(audited_on, date):
        errors["audited_on"] = "Give the audit's date (year, month, day)."
    if not isinstance(auditor_name, str):
        errors["auditor_name"] = "The auditor's name must be text."
        auditor_name = ""
    who = _choice(Auditor, auditor)
    if who is None:
        choices = ", ".join(member.value for member in Auditor)
        errors["auditor"] = f"{auditor!r} is not one of: {choices}."
        return None
    if who is Auditor.OTHER and not auditor_name.strip():
        errors["auditor_name"] = "Name the agency that did the audit."
    return who


def _choice(enum_type: Any, value: object) -> Any:
    try:
        return enum_type(value)
    except ValueError:
        return None


def _read_audits(session: Session, condition: Any) -> list[Audit]:
    rows = session.execute(
        select(_AUDITS).where(condition).order_by(_AUDITS.c.audited_on.desc(), _AUDITS.c.id.desc())
    ).all()
    answers: dict[int, list[Any]] = {row.id: [] for row in rows}
    if answers:
        query = (
            select(_ANSWERS).where(_ANSWERS.c.audit_id.in_(list(answers))).order_by(_ANSWERS.c.id)
        )
        for answer in session.execute(query):
            answers[answer.audit_id].append(answer)
    return [audit_from_rows(row, answers[row.id]) for row in rows]


def _store_answer(
    session: Session,
    audit: AuditRow,
    item: ChecklistItem,
    answer: Answer,
    row: AuditAnswerRow | None,
) -> None:
    old_number = None if row is None else row.number
    if is_blank(answer):
        if row is not None:
            _feed_capacity(session, audit, item, row.id, None, old_number)
            session.delete(row)
        return
    if row is None:
        row = AuditAnswerRow(audit_id=audit.id, item_key=item.key)
        session.add(row)
    row.verdict, row.number, row.text = answer.verdict, answer.number, answer.text
    row.remark, row.photo_refs = answer.remark, photo_refs_json(answer)
    if item.capacity_dimension is not None:
        session.flush()  # a new answer needs its id before a fact can be linked to it
        _feed_capacity(session, audit, item, row.id, answer.number, old_number)


def _feed_capacity(
    session: Session,
    audit: AuditRow,
    item: ChecklistItem,
    answer_id: int,
    number: Any,
    old_number: Any,
) -> None:
    """Add, update or delete the capacity fact this answer owns (module docstring)."""
    if item.capacity_dimension is None:
        return
    fact_id = session.scalar(
        select(_LINKS.c.capacity_fact_id).where(_LINKS.c.answer_id == answer_id)
    )
    if number is None:
        if fact_id is not None:  # the link goes with it (ON DELETE CASCADE)
            session.execute(delete(_FACTS).where(_FACTS.c.id == fact_id))
        return
    values = {"value": number, "observed_on": audit.audited_on, "note": _fact_note(audit, item)}
    if fact_id is not None:
        session.execute(update(_FACTS).where(_FACTS.c.id == fact_id).values(**values))
    elif number != old_number:
        added = session.execute(
            insert(_FACTS).values(
                supplier_id=audit.supplier_id,
                dimension=item.capacity_dimension,
                source=FactSource.AUDIT,
                created_at=utc_now(),
                **values,
            )
        )
        fact_id = inserted_id(added)
        session.execute(insert(_LINKS).values(answer_id=answer_id, capacity_fact_id=fact_id))


def _items_of(audit: AuditRow) -> dict[str, ChecklistItem]:
    """The items of the audit's own snapshot, by key."""
    return {
        item.key: item
        for section in sections_from_json(audit.template_sections)
        for item in section.items
    }


def _fact_note(audit: AuditRow, item: ChecklistItem) -> str:
    """What the matrix history shows beside the value: which audit, who, which item."""
    who = ", ".join(filter(None, (Auditor(audit.auditor).label, audit.auditor_name)))
    return f"Audit #{audit.id}, {who}: {item.text_en}"


def _linked_facts(session: Session, audit_id: int) -> list[tuple[str, int]]:
    query = (
        select(_ANSWERS.c.item_key, _LINKS.c.capacity_fact_id)
        .join(_LINKS, _LINKS.c.answer_id == _ANSWERS.c.id)
        .where(_ANSWERS.c.audit_id == audit_id)
        .order_by(_LINKS.c.capacity_fact_id)
    )
    return [(item_key, fact_id) for item_key, fact_id in session.execute(query)]


def _plain_rows(session: Session, table: Any, condition: Any) -> list[dict[str, Any]]:
    """Rows as column dicts read through the column types, so reinsert() is exact."""
    query = select(table).where(condition).order_by(*table.primary_key.columns)
    return [dict(row._mapping) for row in session.execute(query)]
