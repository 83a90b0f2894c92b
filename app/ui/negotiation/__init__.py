"""The Negotiation tab's widgets: pages, forms and their table models."""
