"""One open database and the services over it, created lazily (SQLAlchemy loads after paint)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.suppliers import SupplierService
    from app.store.db import Database


class Workbench:
    """What the window works on: the file, and its services on first use."""

    def __init__(self, path: Path, today: Callable[[], date] = date.today) -> None:
        self.path = Path(path)
        self.today = today

    @cached_property
    def database(self) -> Database:
        from app.store.db import Database

        return Database(self.path)

    @cached_property
    def suppliers(self) -> SupplierService:
        from app.services.suppliers import SupplierService

        return SupplierService(self.database, today=self.today)

    def warm_up(self) -> None:
        """Import and connect now (after the first paint) so the first click is quick."""
        _ = self.suppliers

    def close(self) -> None:
        if "database" in self.__dict__:
            self.database.close()
