"""Importing photos into the store from a window (the Samples gallery, an audit's answers): a
cancellable progress dialog, then a summary of what happened; and pasted images saved as files.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import Cancelled, WorkbenchError
from app.ui.widgets.background import Progress, run_with_progress

if TYPE_CHECKING:  # Pillow loads on first use, not at start-up
    from app.store.photos.store import ImportReport


class _Importer(Protocol):
    """The photo library of the workbench (or the store itself): what importing needs."""

    def import_files(
        self, sources: list[Path], on_progress: Progress | None = None
    ) -> ImportReport: ...


# The file dialogs' filter: every format the photo store takes (HEIC from iPhones included).
# Shown in a file dialog: `photo_filter()` gives it in the interface language.
PHOTO_FILTER = str(
    QT_TRANSLATE_NOOP(
        "photo_import",
        "Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff *.bmp *.gif);;All files (*)",
    )
)
PASTED_PNG_QUALITY = 70  # Qt maps it to zlib level 2: a pasted screenshot saves in tens of ms
NAMES_SHOWN = 8  # names listed in the summary's text; all of them are in its details
_paste_folder: Path | None = None


def photo_filter() -> str:
    """The file dialogs' filter for photos, its words in the interface language."""
    return QCoreApplication.translate("photo_import", PHOTO_FILTER)


def save_pasted_image(image: QImage) -> Path:
    """Write a pasted image to a PNG in this session's temporary folder (removed at exit)."""
    global _paste_folder
    if _paste_folder is None:
        _paste_folder = Path(tempfile.mkdtemp(prefix="workbench-paste-"))
        atexit.register(shutil.rmtree, _paste_folder, ignore_errors=True)
    stamp = datetime.now().strftime("%Y-%m-%d %H%M%S")
    path = _paste_folder / f"Pasted image {stamp}.png"
    number = 1
    while path.exists():
        number += 1
        path = _paste_folder / f"Pasted image {stamp} ({number}).png"
    # PNG by the .png suffix: PySide6 types the format argument as bytes but rejects bytes.
    if not image.save(str(path), quality=PASTED_PNG_QUALITY):
        text = QCoreApplication.translate(
            "photo_import", "The pasted image could not be saved to {path}."
        )
        raise WorkbenchError(text.format(path=path))
    return path


# --- importing with progress ---------------------------------------------------------------
@dataclass(frozen=True)
class ImportSummary:
    """What the message box after an import says."""

    text: str
    details: str  # every duplicate and refused file, when the text had to shorten the lists
    warning: bool  # something was refused, cancelled or failed


# The summary's sentences: (one, many) by the count they start with.
_IMPORTED = (
    str(QT_TRANSLATE_NOOP("photo_import", "{count} photo imported.")),
    str(QT_TRANSLATE_NOOP("photo_import", "{count} photos imported.")),
)
_DUPLICATES = (
    str(
        QT_TRANSLATE_NOOP(
            "photo_import", "{count} photo already in the store, not copied again: {names}"
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "photo_import", "{count} photos already in the store, not copied again: {names}"
        )
    ),
)
_REFUSED = (
    str(QT_TRANSLATE_NOOP("photo_import", "{count} file refused:")),
    str(QT_TRANSLATE_NOOP("photo_import", "{count} files refused:")),
)
_CANCELLED = (
    str(
        QT_TRANSLATE_NOOP(
            "photo_import", "Cancelled: {count} file not imported; the photos imported before stay."
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "photo_import",
            "Cancelled: {count} files not imported; the photos imported before stay.",
        )
    ),
)


def _counted(sentences: tuple[str, str], count: int, **values: object) -> str:
    """The sentence for `count` (one or many) in the interface language, filled in."""
    text = QCoreApplication.translate("photo_import", sentences[0 if count == 1 else 1])
    return text.format(count=count, **values)


def import_summary(report: ImportReport) -> ImportSummary:
    """The message after an import: counts, duplicates named as such, each refusal with why."""
    imported, duplicates = report.imported, report.duplicates
    if not (report.photos or report.refused or report.cancelled or report.failure):
        nothing = QCoreApplication.translate("photo_import", "No photos were found to import.")
        return ImportSummary(nothing, "", True)
    lines = [_counted(_IMPORTED, len(imported))]
    details: list[str] = []
    if duplicates:
        names = [photo.original_name for photo in duplicates]
        lines.append(_counted(_DUPLICATES, len(names), names=_names(names)))
        details += [
            QCoreApplication.translate("photo_import", "Already in the store:"),
            *(f"  {name}" for name in names),
        ]
    if report.refused:
        refusals = [f"{path.name}: {reason}" for path, reason in report.refused]
        lines.append(_counted(_REFUSED, len(refusals)))
        lines += [f"  • {line}" for line in refusals[:NAMES_SHOWN]]
        if len(refusals) > NAMES_SHOWN:
            more = QCoreApplication.translate("photo_import", "  … and {count} more (see Details)")
            lines.append(more.format(count=len(refusals) - NAMES_SHOWN))
        details += [
            QCoreApplication.translate("photo_import", "Refused:"),
            *(f"  {path}: {reason}" for path, reason in report.refused),
        ]
    if report.cancelled:
        lines.append(_counted(_CANCELLED, len(report.not_attempted)))
    if report.failure:
        stopped = QCoreApplication.translate("photo_import", "The import stopped: {reason}")
        lines.append(stopped.format(reason=report.failure))
    long = len(duplicates) > NAMES_SHOWN or len(report.refused) > NAMES_SHOWN
    warning = bool(report.refused or report.cancelled or report.failure)
    return ImportSummary("\n".join(lines), "\n".join(details) if long else "", warning)


def run_import(
    parent: QWidget | None, photos: _Importer, paths: Iterable[Path]
) -> ImportReport | None:
    """Import files and folders on a worker thread behind a cancellable progress dialog.

    Returns the report (after Cancel too: the photos imported before it are in the store and in
    the report), or None when nothing was given or an error stopped it before any report (the
    error is shown)."""
    sources = [Path(path) for path in paths]
    if not sources:
        return None
    finished: list[ImportReport] = []

    def work(progress: Progress) -> ImportReport:
        report = photos.import_files(sources, on_progress=progress)
        finished.append(report)  # kept: run_with_progress raises Cancelled instead of returning
        return report

    try:
        label = QCoreApplication.translate("photo_import", "Importing photos…")
        return run_with_progress(parent, label, work)
    except Cancelled:
        return finished[0] if finished else None
    except WorkbenchError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("photo_import", "Import photos"), str(error)
        )
        return None


def import_with_progress(
    parent: QWidget | None, photos: _Importer, paths: Iterable[Path]
) -> ImportReport | None:
    """`run_import`, then a message box that says what happened."""
    report = run_import(parent, photos, paths)
    if report is None:
        return None
    summary = import_summary(report)
    icon = QMessageBox.Icon.Warning if summary.warning else QMessageBox.Icon.Information
    title = QCoreApplication.translate("photo_import", "Import photos")
    box = QMessageBox(icon, title, summary.text, QMessageBox.StandardButton.Ok, parent)
    if summary.details:
        box.setDetailedText(summary.details)
    box.exec()
    return report


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    if len(names) <= NAMES_SHOWN:
        return shown
    more = QCoreApplication.translate("photo_import", "{names} … and {count} more")
    return more.format(names=shown, count=len(names) - NAMES_SHOWN)
