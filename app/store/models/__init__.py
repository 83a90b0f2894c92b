"""The schema: one module of typed SQLAlchemy models per feature, on one shared Base.

Importing any model imports this package first, which registers every feature's tables in
`Base.metadata`, so Alembic, the checks and the tests always see the whole schema.
"""

from app.store.models import (  # noqa: F401
    audits,
    consolidation,
    matrix,
    negotiation,
    samples,
    suppliers,
)
