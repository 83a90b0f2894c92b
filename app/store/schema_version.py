"""The schema revisions this build knows, readable without importing Alembic (start-up speed)."""

from __future__ import annotations

# Oldest first; the last is the head. A test checks this against the Alembic scripts.
REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_capacity_credit",
    "0003_evaluation_indicators",
    "0004_audit_checklists",
    "0005_samples",
    "0006_negotiation",
    "0007_consolidation",
    "0008_buyer_protection",
    "0009_agent_packing",
)
HEAD = REVISIONS[-1]
# PRAGMA application_id marks a file as ours ('SWB1'), so a foreign SQLite file is refused.
APPLICATION_ID = 0x53574231
