"""Where the app keeps its files: the data folder, the default database, settings, resources."""

from __future__ import annotations

import os
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
    return Path(__file__).resolve().parent.parent / "resources"
