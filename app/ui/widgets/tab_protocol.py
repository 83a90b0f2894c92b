"""What the main window asks of every tab, and what every tab is given (after Vorta's BaseTab).

A tab is built from a `TabContext` (the open database's services, the settings, the window's
Operations bus); it offers its own actions (shown in the Edit menu while it is the current tab;
their shortcuts fire only while it is showing), refreshes itself from every Change on the bus,
and says what "export this tab" writes. Tabs never import each other: they meet only here and
in the main window.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

_CHINESE_MNEMONIC = re.compile(r"\(&\w\)")  # '新建报价(&N)': the letter goes too

if TYPE_CHECKING:
    from app.services.changes import Change
    from app.services.exporting import ExportRequest
    from app.services.workbench import Workbench
    from app.ui.settings import Settings
    from app.ui.widgets.operations import Operations


@dataclass(frozen=True)
class TabContext:
    workbench: Workbench
    settings: Settings
    operations: Operations


class WorkbenchTab(Protocol):
    """The tab protocol. Tabs are QWidgets that also emit `message(str)` for the status bar."""

    def edit_actions(self) -> Sequence[QAction | None]:
        """The Edit menu while this tab is current, in order; None is a separator."""
        ...

    def apply_change(self, change: Change) -> None:
        """A write happened (here or elsewhere): refresh what this tab shows of it."""
        ...

    def export_request(self) -> ExportRequest | None:
        """What File ▸ Export ▸ This tab writes (rows shown, in order); None: nothing."""
        ...

    def confirm_leave(self) -> bool:
        """Before closing or switching files: ask about unsaved edits; False = stay."""
        ...

    def leave(self) -> None:
        """Store layouts and pending settings; let background loaders finish."""
        ...

    def wait_until_loaded(self) -> None:
        """Block until what the tab loads in the background is shown (scripts, screenshots)."""
        ...


@dataclass(frozen=True)
class TabEntry:
    """One tab of the window: adding a tab is adding one of these to `app.ui.tabs.TABS`."""

    key: str  # "suppliers": the export kind, `screenshot --tab`, the remembered tab
    title: str  # as shown on the tab ("&&" for an ampersand)
    build: Callable[[TabContext], QWidget]  # imports the tab's code when first opened
    eager: bool = False  # built at start-up (the first tab), not when first opened


def tab_action(
    parent: QWidget, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None
) -> QAction:
    """An action that belongs to `parent` (a tab): its shortcut fires only while the tab shows.

    Qt ignores the shortcuts of actions whose widgets are all hidden, so an action added to a
    hidden tab (and not to a menu) cannot fire; the main window puts only the current tab's
    actions in the Edit menu.
    """
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        plain = _CHINESE_MNEMONIC.sub("", text).replace("&", "").rstrip("…")
        action.setToolTip(f"{plain} ({action.shortcut().toString()})")
    parent.addAction(action)
    return action
