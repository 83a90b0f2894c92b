"""The Negotiation tab's exports: a live .xlsx calculator and an A4 PDF report."""
