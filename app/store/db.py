"""The SQLAlchemy side of an open database: engine, and write transactions that begin IMMEDIATE."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Connection, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.store.connection import BUSY_TIMEOUT_MS, connect, translate
from app.store.sidecars import closed_here, opened_here

_READING = "workbench_reading"  # execution option: this transaction only reads


class Database:
    """An opened, validated workbench file (see app.store.opening) and its session factory."""

    def __init__(
        self, path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, read_only: bool = False
    ) -> None:
        """`read_only=True` (exports, checks) never writes a byte to the file or its -wal, so a
        -wal beside it is never applied to it, and it works on read-only media."""
        self.path = Path(path)
        self.read_only = read_only
        if read_only:
            self.engine = create_engine(
                "sqlite://",
                creator=lambda: connect(
                    self.path,
                    read_only=True,
                    timeout_ms=busy_timeout_ms,
                    check_same_thread=False,
                ),
            )
        else:
            # URL.create, not f"sqlite:///{path}": a '?' or '%' in a folder name would pick
            # another file.
            self.engine = create_engine(URL.create("sqlite", database=str(self.path)))
        timeout = int(busy_timeout_ms)

        @event.listens_for(self.engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            dbapi_connection.isolation_level = None  # SQLAlchemy's pysqlite recipe
            dbapi_connection.execute(f"PRAGMA busy_timeout = {timeout}")
            dbapi_connection.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                dbapi_connection.execute("PRAGMA synchronous = NORMAL")

        @event.listens_for(self.engine, "begin")
        def _on_begin(connection: Connection) -> None:
            # A read-then-write DEFERRED transaction fails with SQLITE_BUSY_SNAPSHOT; take
            # the write lock up front instead. Reads never take it: one snapshot, no lock, so
            # a tab loads while another program writes (WAL allows it).
            reading = read_only or connection.get_execution_options().get(_READING, False)
            connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(
            self.engine.execution_options(**{_READING: True}), expire_on_commit=False
        )
        opened_here(self.path)
        self._open = True

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except DBAPIError as error:
            if isinstance(error.orig, sqlite3.Error):
                raise translate(error.orig, self.path) from None
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work: one consistent snapshot that never takes the write lock."""
        try:
            with self._readers() as session, session.begin():
                yield session
        except DBAPIError as error:
            if isinstance(error.orig, sqlite3.Error):
                raise translate(error.orig, self.path) from None
            raise

    def close(self) -> None:
        self.engine.dispose()
        if self._open:
            self._open = False
            closed_here(self.path)
