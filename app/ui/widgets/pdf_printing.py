"""Print preview and printing of a PDF the app made, through Qt's own print dialogs.

The PDF stays the one source of truth: the preview and the printer get its pages rendered by
PDFium (pypdfium2) at the printer's resolution, capped so a 600-dpi printer does not make
huge bitmaps. PySide6-Essentials has no QtPdf, hence pypdfium2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from app.errors import WorkbenchError

MAX_DPI = 300  # sharp on paper; a page bitmap stays under 30 MB


def page_count(pdf: Path) -> int:
    document = _open(pdf)
    try:
        return len(document)
    finally:
        document.close()


def paint_pdf(pdf: Path, printer: QPrinter) -> int:
    """Draw every page of `pdf` on `printer`, one printer page each; returns the page count."""
    document = _open(pdf)
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise WorkbenchError(
            QCoreApplication.translate(
                "pdf_printing", "The printer could not be started; check its settings."
            )
        )
    try:
        for number in range(len(document)):
            if number:
                printer.newPage()
            page = document[number]
            image = _page_image(page, dpi)
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            area = QRectF(0, 0, target.width(), target.height())
            scaled = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(area.topLeft(), scaled.toSizeF()), image)
            page.close()
        return len(document)
    finally:
        painter.end()
        document.close()


def _page_image(page: object, dpi: int) -> QImage:
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # type: ignore[attr-defined]
    width, height = bitmap.width, bitmap.height
    image = QImage(bitmap.buffer, width, height, bitmap.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the bitmap's buffer goes away with it


def _open(pdf: Path) -> Any:  # a pypdfium2 PdfDocument (the library has no type hints)
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, OSError) as error:
        text = QCoreApplication.translate(
            "pdf_printing", "Cannot open {file} for printing: {error}"
        )
        raise WorkbenchError(text.format(file=pdf, error=error)) from None


def _printer_for(pdf: Path) -> QPrinter:
    """A printer set up like the PDF's first page (size and orientation)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    document = _open(pdf)
    try:
        width, height = document[0].get_size()
    finally:
        document.close()
    landscape = width > height
    size = QPageSize(
        QRectF(0, 0, min(width, height), max(width, height)).size(),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    printer.setPageSize(size)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)  # the PDF has its own margins
    return printer


def preview_pdf(pdf: Path, parent: QWidget | None = None) -> None:
    """Qt's print preview of the PDF, from which the user can print it."""
    printer = _printer_for(pdf)
    dialog = QPrintPreviewDialog(printer, parent)
    title = QCoreApplication.translate("pdf_printing", "Print preview — {name}")
    dialog.setWindowTitle(title.format(name=pdf.name))
    dialog.paintRequested.connect(lambda target: paint_pdf(pdf, target))
    dialog.resize(900, 1000)
    dialog.exec()


def print_pdf(pdf: Path, parent: QWidget | None = None) -> bool:
    """The system print dialog, then the PDF on the chosen printer; False if cancelled."""
    printer = _printer_for(pdf)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pdf(pdf, printer)
    return True
