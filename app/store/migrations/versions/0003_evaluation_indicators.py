"""Evaluation sub-indicators (issue 3): the raw values an evaluation's scores are computed from.

Only one new table: no existing table is rebuilt, so no row can be lost.

Revision ID: 0003_evaluation_indicators
Revises: 0002_capacity_credit
Create Date: 2026-11-29 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_evaluation_indicators"
down_revision = "0002_capacity_credit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evaluation_indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluations.id"],
            name=op.f("fk_evaluation_indicators_evaluation_id_evaluations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_indicators")),
        sa.UniqueConstraint(
            "evaluation_id", "indicator", name=op.f("uq_evaluation_indicators_evaluation_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("evaluation_indicators")
