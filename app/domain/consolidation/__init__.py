"""Forwarder consolidation (集运): parcels, line rate cards, box splits, plans, allocation."""
