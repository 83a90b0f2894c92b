"""Where the app keeps its files: the data folder, the default database, settings, resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "SourcingWorkbench"
DEFAULT_DB_NAME = "workbench.sqlite3"
# Tests and portable installs point the whole data folder elsewhere with this variable.
DATA_DIR_ENV = "WORKBENCH_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def settings_path() -> Path:
    """The INI file that remembers window layout, recent databases and column widths."""
    return data_dir() / "settings.ini"


def resources_dir() -> Path:
    """Fonts, icons, translations and the user guide: beside `app/` in a source tree, or in a
    bundle's data folder (PyInstaller unpacks data to `sys._MEIPASS`: `_internal/` beside the
    executable, `Contents/Frameworks` in a macOS .app). See packaging/README.md."""
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None) or Path(sys.executable).resolve().parent
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
