"""How an expired or soon-expiring certificate is marked besides its colour, for readers who
cannot tell the colours apart: a warning icon and words ("expired 2026-03-01")."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

_CONTEXT = "ExpiryMarks"


def expiry_icon(expired: bool) -> QIcon | None:
    """The style's critical icon for an expired certificate, its warning icon for one that
    expires soon; None before a QApplication exists (a model used without a window)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    pixmap = (
        QStyle.StandardPixmap.SP_MessageBoxCritical
        if expired
        else QStyle.StandardPixmap.SP_MessageBoxWarning
    )
    return app.style().standardIcon(pixmap)


def expiry_words(expires: date, today: date) -> str:
    """'expired 2026-03-01', 'expires today (2026-11-29)', 'expires in 12 days (2026-12-11)'."""
    days = (expires - today).days
    on = expires.isoformat()
    if days < 0:
        text = QCoreApplication.translate(_CONTEXT, "expired {date}")
    elif days == 0:
        text = QCoreApplication.translate(_CONTEXT, "expires today ({date})")
    elif days == 1:
        text = QCoreApplication.translate(_CONTEXT, "expires tomorrow ({date})")
    else:
        text = QCoreApplication.translate(_CONTEXT, "expires in {days} days ({date})")
    return text.format(date=on, days=days)
