"""Initial schema: suppliers with their contacts, certifications, red flags and tags.

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-29 02:48:53.733280
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=False),
        sa.Column("name_sort", sa.String(length=900), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("shop_key", sa.String(length=300), nullable=False),
        sa.Column("business_type", sa.String(length=40), nullable=True),
        sa.Column("province", sa.String(length=300), nullable=False),
        sa.Column("city", sa.String(length=300), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("shop_url", sa.String(length=500), nullable=False),
        sa.Column("membership", sa.String(length=40), nullable=True),
        sa.Column("member_since", sa.Integer(), nullable=True),
        sa.Column("buyer_protection", sa.Boolean(), nullable=False),
        sa.Column("deposit_minor", sa.Integer(), nullable=True),
        sa.Column("deposit_currency", sa.String(length=3), nullable=False),
        sa.Column("reorder_rate", sa.String(length=40), nullable=True),
        sa.Column("on_time_rate", sa.String(length=40), nullable=True),
        sa.Column("response_rate", sa.String(length=40), nullable=True),
        sa.Column("quality_score", sa.String(length=40), nullable=True),
        sa.Column("service_score", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppliers")),
    )
    with op.batch_alter_table("suppliers", schema=None) as batch_op:
        batch_op.create_index("ix_suppliers_name_sort", ["name_sort"], unique=False)
        batch_op.create_index("ix_suppliers_shop_key", ["shop_key"], unique=False)

    op.create_table(
        "supplier_certifications",
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=200), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["suppliers.id"],
            name=op.f("fk_supplier_certifications_supplier_id_suppliers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_certifications")),
    )
    with op.batch_alter_table("supplier_certifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supplier_certifications_supplier_id"), ["supplier_id"], unique=False
        )

    op.create_table(
        "supplier_contacts",
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("wechat", sa.String(length=100), nullable=False),
        sa.Column("wangwang", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["suppliers.id"],
            name=op.f("fk_supplier_contacts_supplier_id_suppliers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_contacts")),
    )
    with op.batch_alter_table("supplier_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supplier_contacts_supplier_id"), ["supplier_id"], unique=False
        )

    op.create_table(
        "supplier_red_flags",
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=True),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["suppliers.id"],
            name=op.f("fk_supplier_red_flags_supplier_id_suppliers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_red_flags")),
    )
    with op.batch_alter_table("supplier_red_flags", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supplier_red_flags_supplier_id"), ["supplier_id"], unique=False
        )

    op.create_table(
        "supplier_tags",
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=60), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["suppliers.id"],
            name=op.f("fk_supplier_tags_supplier_id_suppliers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_tags")),
    )
    with op.batch_alter_table("supplier_tags", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supplier_tags_supplier_id"), ["supplier_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("supplier_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_tags_supplier_id"))

    op.drop_table("supplier_tags")
    with op.batch_alter_table("supplier_red_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_red_flags_supplier_id"))

    op.drop_table("supplier_red_flags")
    with op.batch_alter_table("supplier_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_contacts_supplier_id"))

    op.drop_table("supplier_contacts")
    with op.batch_alter_table("supplier_certifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_certifications_supplier_id"))

    op.drop_table("supplier_certifications")
    with op.batch_alter_table("suppliers", schema=None) as batch_op:
        batch_op.drop_index("ix_suppliers_shop_key")
        batch_op.drop_index("ix_suppliers_name_sort")

    op.drop_table("suppliers")
