"""The window's tabs, in order: adding a tab is adding one entry here.

Each builder imports its tab's code only when the tab is first opened (the first tab is built
at start-up), so the window loads one tab's code before its first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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


def _negotiation(context: TabContext) -> QWidget:
    from app.ui.negotiation.tab import NegotiationTab

    tab = NegotiationTab(context.workbench, context.operations)
    tab.use_saved_views(context.settings)
    return tab


def _consolidation(context: TabContext) -> QWidget:
    from app.ui.consolidation.tab import ConsolidationTab

    tab = ConsolidationTab(context.workbench, context.operations)
    tab.orders.use_saved_views(context.settings)
    tab.parcels.use_saved_views(context.settings)
    return tab


TABS: tuple[TabEntry, ...] = (
    TabEntry("suppliers", str(QT_TRANSLATE_NOOP("Tabs", "Suppliers")), _suppliers, eager=True),
    TabEntry("matrix", str(QT_TRANSLATE_NOOP("Tabs", "Capacity && Credit")), _matrix),
    TabEntry("samples", str(QT_TRANSLATE_NOOP("Tabs", "Samples")), _samples),
    TabEntry("negotiation", str(QT_TRANSLATE_NOOP("Tabs", "Negotiation")), _negotiation),
    TabEntry("consolidation", str(QT_TRANSLATE_NOOP("Tabs", "Consolidation")), _consolidation),
)


def tab_title(entry: TabEntry) -> str:
    """A tab's title as shown ("&&" for an ampersand), in the interface language."""
    return QCoreApplication.translate("Tabs", entry.title)
