"""Consolidation (集运): agents with their fees and shipping lines (rate cards as JSON), 1688
orders with their items, parcels at the agent's warehouse with the orders they carry and their
photos, and shipments.

Only new tables and their indexes: no existing table is rebuilt, so no row can be lost. The
partial unique indexes (order numbers, parcel codes) are created on empty tables.

Revision ID: 0007_consolidation
Revises: 0006_negotiation
Create Date: 2026-12-02 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_consolidation"
down_revision = "0006_negotiation"
branch_labels = None
depends_on = None


def _link(
    table: str, column: str, parent: str, ondelete: str = "CASCADE"
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{parent}.id"],
        name=op.f(f"fk_{table}_{column}_{parent}"),
        ondelete=ondelete,
    )


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "agents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("fees", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agents")),
        sa.UniqueConstraint("name", name=op.f("uq_agents_name")),
    )

    op.create_table(
        "shipping_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("transit_days_min", sa.Integer(), nullable=True),
        sa.Column("transit_days_max", sa.Integer(), nullable=True),
        sa.Column("card", sa.Text(), nullable=False),
        *_stamps(),
        _link("shipping_lines", "agent_id", "agents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipping_lines")),
        sa.UniqueConstraint("agent_id", "name", name=op.f("uq_shipping_lines_agent_id")),
    )

    op.create_table(
        "purchase_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("order_number", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("ordered_on", sa.Date(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("shipped_on", sa.Date(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("domestic_shipping_minor", sa.Integer(), nullable=True),
        sa.Column("domestic_shipping_currency", sa.String(length=3), nullable=False),
        sa.Column("tracking_number", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        _link("purchase_orders", "supplier_id", "suppliers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_orders")),
    )
    op.create_index(
        op.f("ix_purchase_orders_supplier_id"), "purchase_orders", ["supplier_id"], unique=False
    )
    # Literal name and condition: a migration must not change when the models module does.
    op.create_index(
        "ix_purchase_orders_one_order_number",
        "purchase_orders",
        ["order_number"],
        unique=True,
        sqlite_where=sa.text("order_number != ''"),
    )

    op.create_table(
        "order_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("hs_code", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _link("order_items", "order_id", "purchase_orders"),
        _link("order_items", "product_id", "products"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_items")),
    )
    op.create_index(op.f("ix_order_items_order_id"), "order_items", ["order_id"], unique=False)
    op.create_index(op.f("ix_order_items_product_id"), "order_items", ["product_id"], unique=False)

    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=True),
        sa.Column("line_name", sa.String(length=200), nullable=False),
        sa.Column("agent_name", sa.String(length=200), nullable=False),
        sa.Column("card", sa.Text(), nullable=False),
        sa.Column("way", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("shipped_on", sa.Date(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("boxes", sa.Integer(), nullable=False),
        sa.Column("actual_kg", sa.String(length=40), nullable=False),
        sa.Column("chargeable_kg", sa.String(length=40), nullable=False),
        sa.Column("box_parcels", sa.Text(), nullable=False),
        sa.Column("estimate_minor", sa.Integer(), nullable=False),
        sa.Column("actual_minor", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("tracking_number", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        _link("shipments", "line_id", "shipping_lines", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipments")),
        sa.UniqueConstraint("name", name=op.f("uq_shipments_name")),
    )
    op.create_index(op.f("ix_shipments_line_id"), "shipments", ["line_id"], unique=False)

    op.create_table(
        "parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("shipment_id", sa.Integer(), nullable=True),
        sa.Column("weight_kg", sa.String(length=40), nullable=False),
        sa.Column("length_cm", sa.String(length=40), nullable=False),
        sa.Column("width_cm", sa.String(length=40), nullable=False),
        sa.Column("height_cm", sa.String(length=40), nullable=False),
        sa.Column("arrived_on", sa.Date(), nullable=True),
        sa.Column("tags", sa.String(length=100), nullable=False),
        sa.Column("declared_minor", sa.Integer(), nullable=True),
        sa.Column("declared_currency", sa.String(length=3), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        _link("parcels", "agent_id", "agents", "SET NULL"),
        _link("parcels", "shipment_id", "shipments", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcels")),
    )
    op.create_index(op.f("ix_parcels_agent_id"), "parcels", ["agent_id"], unique=False)
    op.create_index(op.f("ix_parcels_shipment_id"), "parcels", ["shipment_id"], unique=False)
    op.create_index(
        "ix_parcels_one_code",
        "parcels",
        ["code"],
        unique=True,
        sqlite_where=sa.text("code != ''"),
    )

    op.create_table(
        "parcel_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parcel_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        _link("parcel_orders", "parcel_id", "parcels"),
        _link("parcel_orders", "order_id", "purchase_orders"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcel_orders")),
        sa.UniqueConstraint("parcel_id", "order_id", name=op.f("uq_parcel_orders_parcel_id")),
    )
    op.create_index(op.f("ix_parcel_orders_order_id"), "parcel_orders", ["order_id"], unique=False)

    op.create_table(
        "parcel_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parcel_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _link("parcel_photos", "parcel_id", "parcels"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcel_photos")),
        sa.UniqueConstraint("parcel_id", "hash", name=op.f("uq_parcel_photos_parcel_id")),
    )
    op.create_index(op.f("ix_parcel_photos_hash"), "parcel_photos", ["hash"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_parcel_photos_hash"), table_name="parcel_photos")
    op.drop_table("parcel_photos")
    op.drop_index(op.f("ix_parcel_orders_order_id"), table_name="parcel_orders")
    op.drop_table("parcel_orders")
    op.drop_index("ix_parcels_one_code", table_name="parcels")
    op.drop_index(op.f("ix_parcels_shipment_id"), table_name="parcels")
    op.drop_index(op.f("ix_parcels_agent_id"), table_name="parcels")
    op.drop_table("parcels")
    op.drop_index(op.f("ix_shipments_line_id"), table_name="shipments")
    op.drop_table("shipments")
    op.drop_index(op.f("ix_order_items_product_id"), table_name="order_items")
    op.drop_index(op.f("ix_order_items_order_id"), table_name="order_items")
    op.drop_table("order_items")
    op.drop_index("ix_purchase_orders_one_order_number", table_name="purchase_orders")
    op.drop_index(op.f("ix_purchase_orders_supplier_id"), table_name="purchase_orders")
    op.drop_table("purchase_orders")
    op.drop_table("shipping_lines")
    op.drop_table("agents")
