"""Capacity & Credit (issue 3): capacity facts, evaluations, credit inputs and app settings.

Only new tables and their indexes: no existing table is rebuilt, so no row can be lost.

Revision ID: 0002_capacity_credit
Revises: 0001_initial
Create Date: 2026-11-29 04:40:02.347136
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_capacity_credit"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _supplier_link(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["supplier_id"],
        ["suppliers.id"],
        name=op.f(f"fk_{table}_supplier_id_suppliers"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )

    op.create_table(
        "capacity_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        _supplier_link("capacity_facts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capacity_facts")),
    )
    op.create_index(
        op.f("ix_capacity_facts_supplier_id"), "capacity_facts", ["supplier_id"], unique=False
    )

    op.create_table(
        "credit_inputs",
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("trend", sa.String(length=40), nullable=True),
        sa.Column("review_score", sa.String(length=40), nullable=True),
        sa.Column("disputes_12m", sa.Integer(), nullable=True),
        sa.Column("repeat_rate", sa.String(length=40), nullable=True),
        sa.Column("manual_rating", sa.String(length=40), nullable=True),
        sa.Column("manual_reason", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        _supplier_link("credit_inputs"),
        sa.PrimaryKeyConstraint("supplier_id", name=op.f("pk_credit_inputs")),
    )

    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=40), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("quality", sa.String(length=40), nullable=True),
        sa.Column("delivery", sa.String(length=40), nullable=True),
        sa.Column("service", sa.String(length=40), nullable=True),
        sa.Column("cost", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        _supplier_link("evaluations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
        sa.UniqueConstraint("supplier_id", "period", name=op.f("uq_evaluations_supplier_id")),
    )
    op.create_index(
        op.f("ix_evaluations_supplier_id"), "evaluations", ["supplier_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_evaluations_supplier_id"), table_name="evaluations")
    op.drop_table("evaluations")
    op.drop_table("credit_inputs")
    op.drop_index(op.f("ix_capacity_facts_supplier_id"), table_name="capacity_facts")
    op.drop_table("capacity_facts")
    op.drop_table("app_settings")
