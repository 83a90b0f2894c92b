"""Negotiation: quotes with their price breaks, worksheets with rounds and agreed terms,
exchange rates, planned quantities and the user's own phrases.

Only new tables and their indexes: no existing table is rebuilt, so no row can be lost. The
partial unique index (one agreed worksheet per product) is created on an empty table.

Revision ID: 0006_negotiation
Revises: 0005_samples
Create Date: 2026-12-01 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_negotiation"
down_revision = "0005_samples"
branch_labels = None
depends_on = None


def _link(table: str, column: str, parent: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{parent}.id"],
        name=op.f(f"fk_{table}_{column}_{parent}"),
        ondelete="CASCADE",
    )


def _money(name: str) -> sa.Column:
    return sa.Column(name, sa.String(length=40), nullable=True)


def upgrade() -> None:
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("moq", sa.Integer(), nullable=True),
        sa.Column("order_multiple", sa.Integer(), nullable=False),
        _money("seller_min_amount"),
        sa.Column("seller_min_qty", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("lead_time_days", sa.Integer(), nullable=True),
        _money("domestic_shipping"),
        sa.Column("shipping_included", sa.Boolean(), nullable=False),
        sa.Column("payment_terms", sa.String(length=300), nullable=False),
        sa.Column("trade_term", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        _link("quotes", "product_id", "products"),
        _link("quotes", "supplier_id", "suppliers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
        sa.UniqueConstraint("product_id", "supplier_id", name=op.f("uq_quotes_product_id")),
    )
    op.create_index(op.f("ix_quotes_supplier_id"), "quotes", ["supplier_id"], unique=False)

    op.create_table(
        "quote_breaks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("min_qty", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.String(length=40), nullable=False),
        _link("quote_breaks", "quote_id", "quotes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_breaks")),
        sa.UniqueConstraint("quote_id", "min_qty", name=op.f("uq_quote_breaks_quote_id")),
    )

    op.create_table(
        "worksheets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        _money("target"),
        _money("acceptable"),
        _money("walk_away"),
        _money("share_material"),
        _money("share_labour"),
        _money("share_overhead"),
        _money("share_profit"),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("agreed", sa.Boolean(), nullable=False),
        _money("agreed_unit_price"),
        sa.Column("agreed_quantity", sa.Integer(), nullable=True),
        sa.Column("agreed_currency", sa.String(length=3), nullable=True),
        sa.Column("agreed_valid_until", sa.Date(), nullable=True),
        sa.Column("payment_plan", sa.String(length=10), nullable=True),
        sa.Column("payment_schedule", sa.Text(), nullable=True),
        sa.Column("agreed_trade_term", sa.String(length=40), nullable=True),
        sa.Column("agreed_lead_time_days", sa.Integer(), nullable=True),
        sa.Column("quality_standard", sa.Text(), nullable=False),
        sa.Column("packaging", sa.Text(), nullable=False),
        sa.Column("after_sales", sa.Text(), nullable=False),
        sa.Column("agreed_note", sa.Text(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        _link("worksheets", "product_id", "products"),
        _link("worksheets", "supplier_id", "suppliers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worksheets")),
        sa.UniqueConstraint("product_id", "supplier_id", name=op.f("uq_worksheets_product_id")),
    )
    op.create_index(op.f("ix_worksheets_supplier_id"), "worksheets", ["supplier_id"], unique=False)
    # Literal name and condition: a migration must not change when the models module does.
    op.create_index(
        "ix_worksheets_one_agreed_per_product",
        "worksheets",
        ["product_id"],
        unique=True,
        sqlite_where=sa.text("agreed = 1"),
    )

    op.create_table(
        "negotiation_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worksheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("our_offer", sa.String(length=40), nullable=False),
        _money("their_counter"),
        sa.Column("concession", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _link("negotiation_rounds", "worksheet_id", "worksheets"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_negotiation_rounds")),
    )
    op.create_index(
        op.f("ix_negotiation_rounds_worksheet_id"),
        "negotiation_rounds",
        ["worksheet_id"],
        unique=False,
    )

    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("per_home", sa.String(length=40), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
        sa.UniqueConstraint("currency", "as_of", name=op.f("uq_exchange_rates_currency")),
    )

    op.create_table(
        "product_plans",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("planned_qty", sa.Integer(), nullable=False),
        _link("product_plans", "product_id", "products"),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_product_plans")),
    )

    op.create_table(
        "phrases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chinese", sa.Text(), nullable=False),
        sa.Column("english", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phrases")),
    )


def downgrade() -> None:
    op.drop_table("phrases")
    op.drop_table("product_plans")
    op.drop_table("exchange_rates")
    op.drop_index(op.f("ix_negotiation_rounds_worksheet_id"), table_name="negotiation_rounds")
    op.drop_table("negotiation_rounds")
    op.drop_index("ix_worksheets_one_agreed_per_product", table_name="worksheets")
    op.drop_index(op.f("ix_worksheets_supplier_id"), table_name="worksheets")
    op.drop_table("worksheets")
    op.drop_index(op.f("ix_quotes_supplier_id"), table_name="quotes")
    op.drop_table("quote_breaks")
    op.drop_table("quotes")
