"""Negotiation use cases: quotes, their comparison, worksheets, rates and settings, import."""
