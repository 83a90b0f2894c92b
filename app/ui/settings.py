"""Settings the window remembers between runs, each declared once (key, type, default, what it
is for) and read and written only through its declaration (after Picard's option declarations).

These belong to the machine (layouts, recent files); settings that belong to the data (weights,
exchange rates) live in the database, with the services that use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from app import config

T = TypeVar("T")
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: type  # int, str, bool, QByteArray or list
    default: T
    title: str


# --- every setting of the window, in one place ----------------------------------------------
GEOMETRY: Setting[QByteArray | None] = Setting(
    "window/geometry", QByteArray, None, "window size and place"
)
TAB: Setting[int] = Setting("window/tab", int, 0, "the tab open when the window closed")
RECENT: Setting[list[str]] = Setting("files/recent", list, [], "recently opened databases")
SUPPLIERS_HEADER: Setting[QByteArray | None] = Setting(
    "suppliers/header", QByteArray, None, "Suppliers: column widths, order, sort, hidden"
)
SUPPLIERS_SPLITTER: Setting[QByteArray | None] = Setting(
    "suppliers/splitter", QByteArray, None, "Suppliers: table and editor widths"
)
MATRIX_HEADER: Setting[QByteArray | None] = Setting(
    "matrix/header", QByteArray, None, "Capacity & Credit: column widths, order, sort"
)
MATRIX_SPLITTER: Setting[QByteArray | None] = Setting(
    "matrix/splitter", QByteArray, None, "Capacity & Credit: table and side panel widths"
)
MATRIX_SIDE_TAB: Setting[int] = Setting(
    "matrix/side_tab", int, 0, "Capacity & Credit: the side panel's open page"
)
SAMPLES_SPLITTER: Setting[QByteArray | None] = Setting(
    "samples/splitter", QByteArray, None, "Samples: lists and details widths"
)
SUPPLIERS_VIEWS: Setting[str] = Setting(
    "suppliers/views", str, "", "Suppliers: saved views (filters, sort, columns), as JSON"
)
MATRIX_VIEWS: Setting[str] = Setting(
    "matrix/views", str, "", "Capacity & Credit: saved views (filters, sort, columns), as JSON"
)
CONSOLIDATION_ORDERS_VIEWS: Setting[str] = Setting(
    "consolidation/orders_views", str, "", "Consolidation, Orders: saved views, as JSON"
)
CONSOLIDATION_PARCELS_VIEWS: Setting[str] = Setting(
    "consolidation/parcels_views", str, "", "Consolidation, Parcels: saved views, as JSON"
)
NEGOTIATION_PRODUCTS_VIEWS: Setting[str] = Setting(
    "negotiation/products_views", str, "", "Negotiation, products: saved views, as JSON"
)

AUTO_BACKUP: Setting[bool] = Setting(
    "backups/automatic", bool, True, "a backup of the open database on the first open each day"
)
BACKUP_KEEP_DAILY: Setting[int] = Setting(
    "backups/keep_daily", int, 7, "automatic backups: the daily ones kept"
)
BACKUP_KEEP_WEEKLY: Setting[int] = Setting(
    "backups/keep_weekly", int, 4, "automatic backups: one a week kept for this many weeks more"
)
BACKUP_FOLDER: Setting[str] = Setting(
    "backups/folder", str, "", "automatic backups: their folder ('' = backups/ in the data folder)"
)

LANGUAGE: Setting[str] = Setting(
    "interface/language", str, "system", "the interface language: system, en or zh_CN"
)
PAPER: Setting[str] = Setting(
    "printing/paper", str, "A4", "paper for PDFs and workbook page setup: A4 or Letter"
)


class Settings:
    """Typed access to the INI file in the data folder (tests point it at a temporary one)."""

    def __init__(self, path: Path | None = None) -> None:
        self._store = QSettings(str(path or config.settings_path()), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when it is missing or not of the declared type."""
        value = self._store.value(setting.key)
        if value is None:
            return setting.default
        if setting.kind is QByteArray:
            ok = isinstance(value, QByteArray) and not value.isEmpty()
            return cast(T, value) if ok else setting.default
        if setting.kind is list:
            items = [value] if isinstance(value, str) else list(value or [])
            return cast(T, [str(item) for item in items if item])
        if setting.kind is bool:
            return cast(T, str(value).lower() in ("true", "1"))
        try:
            return cast(T, setting.kind(value))
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    # --- recent databases ----------------------------------------------------------------
    def recent_databases(self) -> list[Path]:
        return [Path(name) for name in self.get(RECENT)]

    def remember_database(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_databases() if p != path]
        self.set(RECENT, [str(p) for p in [path, *recent][:MAX_RECENT]])

    def forget_database(self, path: Path) -> None:
        recent = [p for p in self.recent_databases() if p != Path(path).resolve()]
        self.set(RECENT, [str(p) for p in recent])

    def sync(self) -> None:
        self._store.sync()
