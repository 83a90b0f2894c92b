"""Samples (issue 4): products with their spec and own criteria, samples with their scores, and
the metadata of their photos.

Only new tables and their indexes: no existing table is rebuilt, so no row can be lost. The
partial unique index (one golden sample per product) is created on an empty table.

Revision ID: 0005_samples
Revises: 0004_audit_checklists
Create Date: 2026-11-30 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_samples"
down_revision = "0004_audit_checklists"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_zh", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=300), nullable=False),
        sa.Column("length_cm", sa.String(length=40), nullable=True),
        sa.Column("width_cm", sa.String(length=40), nullable=True),
        sa.Column("height_cm", sa.String(length=40), nullable=True),
        sa.Column("weight_kg", sa.String(length=40), nullable=True),
        sa.Column("material", sa.String(length=300), nullable=False),
        sa.Column("colour", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )

    op.create_table(
        "product_criteria",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_criteria_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_criteria")),
        sa.UniqueConstraint("product_id", "name", name=op.f("uq_product_criteria_product_id")),
    )

    op.create_table(
        "samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("variant", sa.String(length=300), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=True),
        sa.Column("price_currency", sa.String(length=3), nullable=False),
        sa.Column("shipping_minor", sa.Integer(), nullable=True),
        sa.Column("shipping_currency", sa.String(length=3), nullable=False),
        sa.Column("free", sa.Boolean(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("shipped_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("tracking_number", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("length_cm", sa.String(length=40), nullable=True),
        sa.Column("width_cm", sa.String(length=40), nullable=True),
        sa.Column("height_cm", sa.String(length=40), nullable=True),
        sa.Column("weight_kg", sa.String(length=40), nullable=True),
        sa.Column("defects", sa.Text(), nullable=False),
        sa.Column("verdict", sa.Text(), nullable=False),
        sa.Column("golden", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_samples_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["suppliers.id"],
            name=op.f("fk_samples_supplier_id_suppliers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samples")),
    )
    op.create_index(op.f("ix_samples_product_id"), "samples", ["product_id"], unique=False)
    op.create_index(op.f("ix_samples_supplier_id"), "samples", ["supplier_id"], unique=False)
    # Literal name and condition: a migration must not change when the models module does.
    op.create_index(
        "ix_samples_one_golden_per_product",
        "samples",
        ["product_id"],
        unique=True,
        sqlite_where=sa.text("golden = 1"),
    )

    op.create_table(
        "sample_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["samples.id"],
            name=op.f("fk_sample_scores_sample_id_samples"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_scores")),
        sa.UniqueConstraint("sample_id", "criterion", name=op.f("uq_sample_scores_sample_id")),
    )

    op.create_table(
        "sample_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("angle", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["samples.id"],
            name=op.f("fk_sample_photos_sample_id_samples"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_photos")),
        sa.UniqueConstraint("sample_id", "hash", name=op.f("uq_sample_photos_sample_id")),
    )
    op.create_index(op.f("ix_sample_photos_hash"), "sample_photos", ["hash"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sample_photos_hash"), table_name="sample_photos")
    op.drop_table("sample_photos")
    op.drop_table("sample_scores")
    op.drop_index("ix_samples_one_golden_per_product", table_name="samples")
    op.drop_index(op.f("ix_samples_supplier_id"), table_name="samples")
    op.drop_index(op.f("ix_samples_product_id"), table_name="samples")
    op.drop_table("samples")
    op.drop_table("product_criteria")
    op.drop_table("products")
