"""Settings the window remembers between runs, each declared once with its type and default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app import config

MAX_RECENT = 8


class Settings:
    """Typed access to the INI file in the data folder (tests point it at a temporary one)."""

    def __init__(self, path: Path | None = None) -> None:
        self._store = QSettings(str(path or config.settings_path()), QSettings.Format.IniFormat)

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._store.setValue(key, value)

    def int_value(self, key: str, default: int = 0) -> int:
        try:
            return int(self._store.value(key, default))
        except (TypeError, ValueError):
            return default

    def set_int(self, key: str, value: int) -> None:
        self._store.setValue(key, int(value))

    # --- recent databases ----------------------------------------------------------------
    def recent_databases(self) -> list[Path]:
        value = self._store.value("files/recent", [])
        names = [value] if isinstance(value, str) else list(value or [])
        return [Path(name) for name in names if name]

    def remember_database(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_databases() if p != path]
        self._store.setValue("files/recent", [str(p) for p in [path, *recent][:MAX_RECENT]])

    def forget_database(self, path: Path) -> None:
        recent = [p for p in self.recent_databases() if p != Path(path).resolve()]
        self._store.setValue("files/recent", [str(p) for p in recent])

    def sync(self) -> None:
        self._store.sync()
