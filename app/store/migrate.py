"""Schema creation and upgrades with Alembic: one transaction, foreign keys off, backup first.

See README: Pitfalls: a batch rebuild with foreign keys ON cascades deletes into child tables.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import URL, Connection, create_engine, event

from app import temporaries
from app.errors import DatabaseError, DatabaseReadOnly
from app.store.backup import backup_database
from app.store.connection import BUSY_TIMEOUT_MS, translate
from app.store.schema_version import APPLICATION_ID, HEAD

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _alembic_config(connection: Connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _migration_engine(path: Path):
    # URL.create, not f"sqlite:///{path}": a '?' or '%' in a folder name would pick another file.
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=None)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dbapi_connection.execute("PRAGMA foreign_keys = OFF")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def upgrade_to_head(path: Path) -> None:
    """Apply every pending migration atomically; on any failure the file is as it was."""
    from alembic import command

    engine = _migration_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            command.upgrade(_alembic_config(connection), "head")
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseError(
                    f"Upgrading {path} would break {len(broken)} links between records; "
                    "nothing was changed."
                )
    except sqlite3.Error as error:
        raise translate(error, path) from None
    except Exception as error:  # SQLAlchemy wraps driver errors
        original = getattr(error, "orig", None)
        if isinstance(original, sqlite3.Error):
            raise translate(original, path) from None
        raise
    finally:
        engine.dispose()


def create_database(path: Path) -> None:
    """Make a new, empty workbench database at `path`, which must not exist yet.

    Built under a temporary name and renamed into place, so a failure leaves nothing behind.
    """
    path = Path(path)
    if path.exists():
        raise DatabaseError(f"{path} already exists; choose a new file name.")
    temporary = path.with_name(f".{path.name}.creating-{os.getpid()}")
    # The first writes (before WAL mode) go through a rollback -journal: a kill leaves it too.
    leftovers = (temporary, *(Path(f"{temporary}{s}") for s in ("-journal", "-wal", "-shm")))
    for leftover in leftovers:  # killed midway: swept at the next start
        temporaries.register(leftover)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnly(
                f"{path} cannot be created: its folder {path.parent} is read-only. "
                "Choose a folder you can write to."
            )
        raw = sqlite3.connect(temporary, isolation_level=None)
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        raw.execute("PRAGMA journal_mode = WAL")
        raw.close()
        upgrade_to_head(temporary)
        # Fold the WAL back so the rename moves one complete file.
        raw = sqlite3.connect(temporary, isolation_level=None)
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.close()
        os.replace(temporary, path)
    except sqlite3.Error as error:
        raise translate(error, path) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DatabaseError(f"{path} cannot be created in {path.parent}: {reason}.") from None
    finally:
        for leftover in leftovers:
            with suppress(OSError):  # cleaning up must not hide the real error
                leftover.unlink(missing_ok=True)
            temporaries.unregister(leftover)


def migrate_with_backup(path: Path, current_revision: str) -> Path:
    """Back the file up (verified), then upgrade it to HEAD. Returns the backup's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(
        f"{path.stem}.before-{HEAD}-from-{current_revision}-{stamp}{path.suffix}"
    )
    backup_database(path, backup)
    upgrade_to_head(path)
    return backup
