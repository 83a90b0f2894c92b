"""One open database and the services over it, created lazily (SQLAlchemy loads after paint)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DatabaseError, DatabaseReadOnly
from app.store.connection import verify_intact

if TYPE_CHECKING:
    from app.services.audits.service import AuditService
    from app.services.consolidation.service import ConsolidationService
    from app.services.matrix.service import MatrixService
    from app.services.negotiation.service import NegotiationService
    from app.services.photos import PhotoLibrary
    from app.services.samples.service import SampleService
    from app.services.suppliers.service import SupplierService
    from app.store.db import Database


class Workbench:
    """What the window works on: the file, and its services on first use."""

    def __init__(
        self,
        path: Path,
        today: Callable[[], date] = date.today,
        *,
        verified: bool = True,
        read_only: bool = False,
    ) -> None:
        """`verified=False`: the file's page check is still due (see verify()).
        `read_only=True`: reads only (exports); a write is refused with a clear message."""
        self.path = Path(path)
        self.read_only = read_only
        self.today = today
        self._checked = threading.Event()
        self._damage: DatabaseError | None = None
        if verified:
            self._checked.set()

    @property
    def check_pending(self) -> bool:
        return not self._checked.is_set()

    def verify(self) -> None:
        """Run the integrity check (any thread); raises and remembers the damage if found."""
        try:
            verify_intact(self.path)
        except DatabaseError as error:
            self._damage = error
            raise
        finally:
            self._checked.set()

    def require_intact(self) -> None:
        """Before a write: wait for the check and refuse to write into a damaged file."""
        if not self._checked.wait(timeout=120):
            raise DatabaseError("The database is still being checked; try again in a moment.")
        if self._damage is not None:
            raise self._damage
        if self.read_only:
            raise DatabaseReadOnly(
                f"{self.path} is open read-only: changes cannot be saved. Copy it to a folder "
                "you can write to and open the copy."
            )

    @cached_property
    def database(self) -> Database:
        from app.store.db import Database

        return Database(self.path, read_only=self.read_only)

    @cached_property
    def suppliers(self) -> SupplierService:
        from app.services.suppliers.service import SupplierService

        return SupplierService(self.database, today=self.today)

    @cached_property
    def matrix(self) -> MatrixService:
        from app.services.matrix.service import MatrixService

        return MatrixService(self.database, today=self.today)

    @cached_property
    def audits(self) -> AuditService:
        from app.services.audits.service import AuditService

        return AuditService(self.database, today=self.today)

    @cached_property
    def samples(self) -> SampleService:
        from app.services.samples.service import SampleService

        return SampleService(self.database, today=self.today)

    @cached_property
    def negotiation(self) -> NegotiationService:
        from app.services.negotiation.service import NegotiationService

        # Freight measured on a shipment flows into the landed cost (issue 12).
        return NegotiationService(
            self.database, self.today, measured_freight=self.consolidation.freight_per_unit
        )

    @cached_property
    def consolidation(self) -> ConsolidationService:
        from app.services.consolidation.service import ConsolidationService

        return ConsolidationService(self.database, today=self.today)

    @cached_property
    def photos(self) -> PhotoLibrary:
        from app.services.photos import PhotoLibrary

        return PhotoLibrary(self)

    def warm_up(self) -> None:
        """Import and connect now (after the first paint) so the first click is quick."""
        _ = self.suppliers

    def close(self) -> None:
        if "database" in self.__dict__:
            self.database.close()
