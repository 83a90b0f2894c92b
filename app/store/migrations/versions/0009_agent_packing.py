"""Per-agent packing rules (issue 12): each agent's carton tare (kg), packing factor and repack
factor, which the planner uses for the boxes of that agent's lines.

What the change does to existing rows (every row is kept; tests/store/test_migration_0009.py):
- agents.carton_tare_kg, .packing_factor and .repack_factor are added, NULL: an agent that has
  not set them packs by the project defaults (app.domain.consolidation.boxes), as every agent
  did until now, so no existing plan changes.

The three columns are nullable, so this is a plain ADD COLUMN: `agents` (the parent of
shipping_lines, ON DELETE CASCADE, and of parcels, SET NULL) is not rebuilt. The downgrade
drops them by rebuilding the table, which app.store.migrate runs with foreign keys OFF in one
transaction and checks afterwards, so no line or parcel is lost (README: Pitfalls; as 0008).

Revision ID: 0009_agent_packing
Revises: 0008_buyer_protection
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_agent_packing"
down_revision = "0008_buyer_protection"
branch_labels = None
depends_on = None

COLUMNS = ("carton_tare_kg", "packing_factor", "repack_factor")


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column("agents", sa.Column(name, sa.String(length=40), nullable=True))


def downgrade() -> None:
    """Back to 0008: every agent packs by the project defaults again."""
    with op.batch_alter_table("agents", recreate="always") as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
