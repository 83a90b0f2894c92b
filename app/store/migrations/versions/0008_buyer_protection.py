"""Sourcing rules (issue 13): buyer protection yes / no / unknown, the join month, resolvable red
flags, and one repeat-purchase rate.

What each change does to existing rows (every row is kept; tests/store/test_migration_0008.py):
- suppliers.buyer_protection becomes nullable (NULL: not known). Until now an unticked box
  stored 0 whether the buyer knew or not, so a stored 0 is read as: unknown when no deposit is
  recorded; yes when a deposit above 0 is recorded (the deposit is the protection); no when a
  deposit of 0 is recorded. A stored 1 stays yes.
- suppliers.member_since_month (1-12) is added, NULL: only the year was ever stored.
- supplier_red_flags.resolved_on and .resolution are added, NULL: every flag stays open.
- The repeat-purchase rate (回头率) was typed twice, as suppliers.reorder_rate and as
  credit_inputs.repeat_rate. It is now the supplier's value only: where both exist the
  supplier's is kept; where only the credit input has one it moves to the supplier; then
  credit_inputs.repeat_rate is dropped.

SQLite changes a column's NULL-ability or drops one only by rebuilding the table (Alembic's batch
mode). app.store.migrate runs every migration with foreign keys OFF in one transaction and
checks the links afterwards, so rebuilding `suppliers` (the parent of every supplier table)
cascades nothing away (README: Pitfalls); `credit_inputs` is the parent of nothing. The two
red-flag columns are nullable: a plain ADD COLUMN, no rebuild.

Revision ID: 0008_buyer_protection
Revises: 0007_consolidation
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_buyer_protection"
down_revision = "0007_consolidation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("suppliers", recreate="always") as batch_op:
        batch_op.alter_column("buyer_protection", existing_type=sa.Boolean(), nullable=True)
        batch_op.add_column(sa.Column("member_since_month", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE suppliers SET buyer_protection = CASE "
        "WHEN deposit_minor IS NULL THEN NULL WHEN deposit_minor > 0 THEN 1 ELSE 0 END "
        "WHERE buyer_protection = 0"
    )
    op.execute(
        "UPDATE suppliers SET reorder_rate = ("
        "SELECT repeat_rate FROM credit_inputs WHERE credit_inputs.supplier_id = suppliers.id) "
        "WHERE reorder_rate IS NULL AND EXISTS (SELECT 1 FROM credit_inputs "
        "WHERE credit_inputs.supplier_id = suppliers.id AND repeat_rate IS NOT NULL)"
    )
    with op.batch_alter_table("credit_inputs", recreate="always") as batch_op:
        batch_op.drop_column("repeat_rate")
    op.add_column("supplier_red_flags", sa.Column("resolved_on", sa.Date(), nullable=True))
    op.add_column("supplier_red_flags", sa.Column("resolution", sa.Text(), nullable=True))


def downgrade() -> None:
    """Back to 0007: unknown protection becomes 0 again, the month and resolutions are lost,
    and the repeat rate is copied back into the credit inputs that exist."""
    with op.batch_alter_table("supplier_red_flags", recreate="always") as batch_op:
        batch_op.drop_column("resolution")
        batch_op.drop_column("resolved_on")
    with op.batch_alter_table("credit_inputs", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("repeat_rate", sa.String(length=40), nullable=True))
    op.execute(
        "UPDATE credit_inputs SET repeat_rate = ("
        "SELECT reorder_rate FROM suppliers WHERE suppliers.id = credit_inputs.supplier_id)"
    )
    op.execute("UPDATE suppliers SET buyer_protection = 0 WHERE buyer_protection IS NULL")
    with op.batch_alter_table("suppliers", recreate="always") as batch_op:
        batch_op.drop_column("member_since_month")
        batch_op.alter_column("buyer_protection", existing_type=sa.Boolean(), nullable=False)
