"""Factory audits of a supplier: the dialog, its answers table and the checklist on paper."""
