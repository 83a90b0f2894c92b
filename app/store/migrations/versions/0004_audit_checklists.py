"""Factory audit checklists (issue 5): templates, audits, their answers, and the link from an
answer to the capacity fact it created.

Only new tables and their indexes: no existing table is rebuilt, so no row can be lost.

Revision ID: 0004_audit_checklists
Revises: 0003_evaluation_indicators
Create Date: 2026-11-29 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_audit_checklists"
down_revision = "0003_evaluation_indicators"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=200), nullable=False),
        sa.Column("sections", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_checklist_templates_name")),
    )

    op.create_table(
        "audits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("template_name", sa.String(length=200), nullable=False),
        sa.Column("template_category", sa.String(length=200), nullable=False),
        sa.Column("template_sections", sa.Text(), nullable=False),
        sa.Column("audited_on", sa.Date(), nullable=False),
        sa.Column("auditor", sa.String(length=40), nullable=False),
        sa.Column("auditor_name", sa.String(length=200), nullable=False),
        sa.Column("result_override", sa.String(length=40), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["suppliers.id"],
            name=op.f("fk_audits_supplier_id_suppliers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["checklist_templates.id"],
            name=op.f("fk_audits_template_id_checklist_templates"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audits")),
    )
    op.create_index(op.f("ix_audits_supplier_id"), "audits", ["supplier_id"], unique=False)
    op.create_index(op.f("ix_audits_template_id"), "audits", ["template_id"], unique=False)

    op.create_table(
        "audit_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=200), nullable=False),
        sa.Column("verdict", sa.String(length=40), nullable=True),
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("photo_refs", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audits.id"],
            name=op.f("fk_audit_answers_audit_id_audits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_answers")),
        sa.UniqueConstraint("audit_id", "item_key", name=op.f("uq_audit_answers_audit_id")),
    )

    op.create_table(
        "audit_capacity_facts",
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("capacity_fact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["audit_answers.id"],
            name=op.f("fk_audit_capacity_facts_answer_id_audit_answers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["capacity_fact_id"],
            ["capacity_facts.id"],
            name=op.f("fk_audit_capacity_facts_capacity_fact_id_capacity_facts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("answer_id", name=op.f("pk_audit_capacity_facts")),
        sa.UniqueConstraint(
            "capacity_fact_id", name=op.f("uq_audit_capacity_facts_capacity_fact_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("audit_capacity_facts")
    op.drop_table("audit_answers")
    op.drop_index(op.f("ix_audits_template_id"), table_name="audits")
    op.drop_index(op.f("ix_audits_supplier_id"), table_name="audits")
    op.drop_table("audits")
    op.drop_table("checklist_templates")
