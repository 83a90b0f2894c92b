"""The window's tabs, in order: adding a tab is adding one entry here.

Each builder imports its tab's code only when the tab is first opened (the first tab is built
at start-up), so the window loads one tab's code before its first paint.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.widgets.tab_protocol import TabContext, TabEntry


def _suppliers(context: TabContext) -> QWidget:
    from app.ui.suppliers.tab import SuppliersTab

    return SuppliersTab(context.workbench, context.settings, context.operations)


def _matrix(context: TabContext) -> QWidget:
    from app.ui.matrix.tab import MatrixTab

    return MatrixTab(context.workbench, context.settings, context.operations)


def _samples(context: TabContext) -> QWidget:
    from app.ui.samples.tab import SamplesTab

    return SamplesTab(context.workbench, context.operations)


def _negotiation(_context: TabContext) -> QWidget:
    from app.ui.placeholder_tab import PlaceholderTab

    return PlaceholderTab(
        "Negotiation",
        "Negotiation worksheets are not built yet. They will hold quotes with price breaks and "
        "MOQ, your target / acceptable / walk-away prices, each round of offers, and the "
        "agreed terms.",
    )


def _consolidation(_context: TabContext) -> QWidget:
    from app.ui.placeholder_tab import PlaceholderTab

    return PlaceholderTab(
        "Consolidation",
        "Forwarder consolidation is not built yet. It will list parcels arriving at your "
        "agent's warehouse, compute volumetric and chargeable weight per shipping line, and "
        "allocate international freight back to a landed cost per unit.",
    )


TABS: tuple[TabEntry, ...] = (
    TabEntry("suppliers", "Suppliers", _suppliers, eager=True),
    TabEntry("matrix", "Capacity && Credit", _matrix),
    TabEntry("samples", "Samples", _samples),
    TabEntry("negotiation", "Negotiation", _negotiation),
    TabEntry("consolidation", "Consolidation", _consolidation),
)
