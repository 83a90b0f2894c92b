"""Test set-up: Qt offscreen, every on-disk location in a temporary folder, fresh databases."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

# Set before Qt is imported anywhere: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file

TODAY = date(2026, 11, 29)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data folder (default database, settings) lives in the test's temp folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "test.sqlite3"
    open_database_file(path)
    return path


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = Database(db_path)
    yield opened
    opened.close()


@pytest.fixture
def supplier_service(database: Database) -> SupplierService:
    return SupplierService(database, today=lambda: TODAY)
