"""Tables of the factory-audit checklists (issue 5): the user's templates, audits with the
snapshot of the template they were started from, their answers, and the capacity facts an
audit's "capacity seen" answers put into the matrix. Imported at the end of app.store.models.suppliers,
so Base.metadata has them.

Sections and items are JSON text (app.services.audits.records holds the codec): a template is
read and written whole, never queried item by item, and a snapshot must stay exactly as it was.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.audits.checklist import Auditor, AuditResult, Verdict
from app.store.models.base import Base
from app.store.types import ChoiceCode, DecimalText, UTCDateTime


class ChecklistTemplateRow(Base):
    """A user's template (the shipped default lives in code, app.domain.audits.checklist_default)."""

    __tablename__ = "checklist_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    category: Mapped[str] = mapped_column(String(200), default="")
    sections: Mapped[str] = mapped_column(Text)  # JSON: bilingual sections and their items
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditRow(Base):
    """One audit of one supplier; it keeps its own copy of the template's sections."""

    __tablename__ = "audits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    # Where the snapshot came from; NULL for the built-in default or a template since deleted.
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="SET NULL"), index=True
    )
    template_name: Mapped[str] = mapped_column(String(200))
    template_category: Mapped[str] = mapped_column(String(200), default="")
    template_sections: Mapped[str] = mapped_column(Text)  # JSON snapshot, never rewritten
    audited_on: Mapped[date] = mapped_column(Date)
    auditor: Mapped[Auditor] = mapped_column(ChoiceCode(Auditor))
    auditor_name: Mapped[str] = mapped_column(String(200), default="")
    result_override: Mapped[AuditResult | None] = mapped_column(ChoiceCode(AuditResult))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditAnswerRow(Base):
    """The answer to one item of an audit's snapshot; an unanswered item has no row."""

    __tablename__ = "audit_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No separate index: the unique constraint's index starts with audit_id.
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(String(200))
    verdict: Mapped[Verdict | None] = mapped_column(ChoiceCode(Verdict))
    number: Mapped[Decimal | None] = mapped_column(DecimalText)
    text: Mapped[str] = mapped_column(Text, default="")
    remark: Mapped[str] = mapped_column(Text, default="")
    photo_refs: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of photo names

    __table_args__ = (UniqueConstraint("audit_id", "item_key"),)


class AuditCapacityFactRow(Base):
    """The capacity fact an answer created, so changing or clearing the answer changes or
    removes that fact and no other.

    A link table rather than a column on audit_answers: both links CASCADE, so deleting the
    fact in the matrix only drops the link (the answer stays), and undo of a supplier delete,
    which restores exactly what cascades from suppliers (app.services.dependents), brings the
    link back with the fact and the answer.
    """

    __tablename__ = "audit_capacity_facts"

    answer_id: Mapped[int] = mapped_column(
        ForeignKey("audit_answers.id", ondelete="CASCADE"), primary_key=True
    )
    capacity_fact_id: Mapped[int] = mapped_column(
        ForeignKey("capacity_facts.id", ondelete="CASCADE"), unique=True
    )
