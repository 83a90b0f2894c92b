"""Consolidation (集运) use cases: orders, parcels, agents and lines, planning, shipments,
freight allocation, and the imports and templates of parcels and rate cards."""
