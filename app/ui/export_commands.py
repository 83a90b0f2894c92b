"""Export and print commands of the main window: File ▸ Export (each kind, to Excel or PDF),
Print preview and Print of the current tab's report. A mixin of MainWindow, kept apart so the
window stays a thin frame. What a tab exports is its `export_request()` (the tab protocol)."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from app.errors import Cancelled, WorkbenchError
from app.services.exporting import KINDS, ExportRequest
from app.ui.settings import PAPER
from app.ui.widgets.background import run_with_progress
from app.ui.widgets.open_file import offer_to_open

if TYPE_CHECKING:
    from app.ui.session import Session
    from app.ui.settings import Settings
    from app.ui.widgets.lazy_tab import LazyTab

FORMATS = (
    (".xlsx", "Excel (.xlsx)", str(QT_TRANSLATE_NOOP("MainWindow", "Excel workbook (*.xlsx)"))),
    (".pdf", "PDF", "PDF (*.pdf)"),
)
# The export kinds' titles (app.services.exporting) for File ▸ Export; others stay English.
EXPORT_TITLES = (
    str(QT_TRANSLATE_NOOP("ExportKind", "Suppliers")),
    str(QT_TRANSLATE_NOOP("ExportKind", "Capacity & Credit matrix")),
    str(QT_TRANSLATE_NOOP("ExportKind", "Samples comparison")),
    str(QT_TRANSLATE_NOOP("ExportKind", "Negotiation comparison")),
    str(QT_TRANSLATE_NOOP("ExportKind", "Consolidation plan")),
)


def kind_title(kind: str) -> str:
    """An export kind's title in the interface language."""
    return QCoreApplication.translate("ExportKind", KINDS[kind].title)


_ALL = {  # what an export of everything of a kind holds
    "suppliers": QT_TRANSLATE_NOOP("ExportScope", "all suppliers"),
    "matrix": QT_TRANSLATE_NOOP("ExportScope", "all suppliers"),
    "samples": QT_TRANSLATE_NOOP("ExportScope", "the samples of all products"),
    "negotiation": QT_TRANSLATE_NOOP("ExportScope", "the quotes of all products"),
    "consolidation": QT_TRANSLATE_NOOP("ExportScope", "the parcels waiting at the agent"),
}


def export_scope(request: ExportRequest) -> str:
    """ "36 suppliers", "all suppliers", "shipment 2026-11 sea" for progress and status lines."""
    translate = QCoreApplication.translate
    if request.ids is not None:
        if len(request.ids) == 1:
            return translate("ExportScope", "1 supplier")
        return translate("ExportScope", "{count} suppliers").format(count=f"{len(request.ids):,}")
    if request.product_ids is not None:
        if len(request.product_ids) == 1:
            return translate("ExportScope", "1 product")
        count = f"{len(request.product_ids):,}"
        return translate("ExportScope", "{count} products").format(count=count)
    if request.shipment is not None:
        return translate("ExportScope", "shipment {name}").format(name=request.shipment)
    return translate("ExportScope", str(_ALL.get(request.kind, request.kind)))


def call_tab(tab: object, method: str, default: object = None) -> object:
    """A protocol method of a tab, when it has it (an optional one may be missing)."""
    function = getattr(tab, method, None)
    return default if function is None else function()


class ExportCommands(QMainWindow):
    """Needs from the window: its session, settings, tab hosts and these helpers."""

    session: Session
    settings: Settings
    hosts: dict[str, LazyTab[QWidget]]

    def current_key(self) -> str:
        raise NotImplementedError

    def _show_message(self, text: str) -> None:
        raise NotImplementedError

    def _folder(self) -> Path:
        raise NotImplementedError

    def _error(self, text: str) -> None:
        raise NotImplementedError

    # --- exports --------------------------------------------------------------------------
    def export(self, suffix: str, kind: str | None = None) -> None:
        """Export what a tab shows (after filters, in its order); by default the current tab."""
        request = self._export_request(kind)
        if request is None:
            self._show_message(self.tr("This tab has nothing to export."))
            return
        file_kind = QCoreApplication.translate(
            "MainWindow", next(f for x, _label, f in FORMATS if x == suffix)
        )
        suggested = self._folder() / f"{request.kind}{suffix}"
        title = self.tr("Export {kind}").format(kind=kind_title(request.kind).lower())
        name, _ = QFileDialog.getSaveFileName(self, title, str(suggested), file_kind)
        if not name:
            return
        out = Path(name) if Path(name).suffix.lower() == suffix else Path(name + suffix)
        if self._write_export(request, out):
            scope = export_scope(request)
            self.statusBar().showMessage(
                self.tr("Exported {scope} to {path}").format(scope=scope, path=out), 10000
            )
            offer_to_open(
                self, out, self.tr("Exported {scope} to {file}.").format(scope=scope, file=out.name)
            )

    def _exporter(self, suffix: str, kind: str) -> Callable[[], None]:
        return lambda: self.export(suffix, kind)

    def _export_request(self, kind: str | None) -> ExportRequest | None:
        """What the tab of `kind` (or the current tab) shows; a tab never opened: everything."""
        key = kind or self.current_key()
        host = self.hosts.get(key)
        if host is not None and host.content is not None:
            request = call_tab(host.content, "export_request")
        else:
            request = ExportRequest(key) if key in KINDS else None
        if not isinstance(request, ExportRequest):
            return None
        return dataclasses.replace(request, paper=self.settings.get(PAPER))

    def print_tab(self, *, preview: bool = True) -> None:
        """Print what the current tab shows: its PDF report, through Qt's print dialogs."""
        from app.ui.widgets.pdf_printing import preview_pdf, print_pdf

        request = self._export_request(None)
        if request is None:
            self._show_message(self.tr("This tab has nothing to print."))
            return
        with tempfile.TemporaryDirectory(prefix="workbench-print-") as folder:
            out = Path(folder) / f"{request.kind}.pdf"
            if not self._write_export(request, out):
                return
            try:
                if preview:
                    preview_pdf(out, self)
                else:
                    print_pdf(out, self)
            except WorkbenchError as error:
                self._error(str(error))

    def _write_export(self, request: ExportRequest, out: Path) -> bool:
        """Write one export behind a progress dialog; False if nothing was written."""
        from app.services.exporting import export

        workbench = self.session.workbench
        try:
            run_with_progress(
                self,
                self.tr("Writing {scope}…").format(scope=export_scope(request)),
                lambda report: export(workbench, request, out, report),
            )
        except Cancelled:
            self.statusBar().showMessage(self.tr("Cancelled; no file written"), 8000)
            return False
        except WorkbenchError as error:
            self._error(str(error))
            return False
        return True
