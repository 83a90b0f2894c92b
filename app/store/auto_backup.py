"""Automatic backups (issue 10): the first time a database is opened in the window each day, a
backup set (app.store.backup_set) is made in the data folder; the last 7 daily ones and one per
week for the 4 weeks before them are kept (both numbers are settings). Photos already in the
latest backup are hard-linked, so a daily backup costs the database and the new photos only.

Folder: `<data folder>/backups/<database name>-<8 hex of its full path>/<YYYY-MM-DD>.backup`,
so two databases with the same name never share backups.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import config
from app.errors import DatabaseError
from app.store.backup_set import BackupInfo, is_backup, read_manifest, write_backup

SUFFIX = ".backup"
KEEP_DAILY = 7
KEEP_WEEKLY = 4


@dataclass(frozen=True)
class Retention:
    daily: int = KEEP_DAILY
    weekly: int = KEEP_WEEKLY


def backups_folder(database: Path, root: Path | None = None) -> Path:
    resolved = Path(database).resolve()
    tag = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    return (root or config.data_dir() / "backups") / f"{resolved.stem}-{tag}"


def list_backups(database: Path, root: Path | None = None) -> list[BackupInfo]:
    """The automatic backups of `database`, newest first (incomplete ones are left out)."""
    folder = backups_folder(database, root)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.iterdir():
        if candidate.name.endswith(SUFFIX) and is_backup(candidate):
            try:
                found.append(read_manifest(candidate))
            except DatabaseError:
                continue
    return sorted(found, key=lambda info: info.created_at, reverse=True)


def daily_backup_due(database: Path, today: date, root: Path | None = None) -> bool:
    return not (backups_folder(database, root) / f"{today.isoformat()}{SUFFIX}").exists()


def make_daily_backup(
    database: Path, today: date, retention: Retention = Retention(), root: Path | None = None
) -> BackupInfo | None:
    """Today's backup of `database` (None when it exists already), then the old ones pruned."""
    if not daily_backup_due(database, today, root):
        return None
    folder = backups_folder(database, root)
    earlier = [info.folder for info in list_backups(database, root)[:1]]
    info = write_backup(database, folder / f"{today.isoformat()}{SUFFIX}", link_from=earlier)
    prune(folder, retention)
    return info


def prune(folder: Path, retention: Retention) -> list[Path]:
    """Delete the backups the retention does not keep; returns those deleted."""
    dated = sorted(
        (
            (date.fromisoformat(path.name.removesuffix(SUFFIX)), path)
            for path in folder.iterdir()
            if path.name.endswith(SUFFIX) and _is_dated(path.name)
        ),
        reverse=True,
    )
    keep = {path for _day, path in dated[: retention.daily]}
    weeks: set[tuple[int, int]] = set()
    for day, path in dated[retention.daily :]:
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < retention.weekly:
            weeks.add(week)
            keep.add(path)
    removed = [path for _day, path in dated if path not in keep]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed


def _is_dated(name: str) -> bool:
    try:
        date.fromisoformat(name.removesuffix(SUFFIX))
    except ValueError:
        return False
    return True
