"""Pure sourcing rules and records: no Qt, no SQL."""
