"""The photo store checked against the records that refer to it (`python -m app check`).

A photo file is referenced when a sample's gallery shows it (sample_photos.hash), a parcel's
does (parcel_photos.hash, the Consolidation tab) or an audit answer has it attached
(audit_answers.photo_refs, a JSON list in which an attached photo is written "name@<sha256>",
see app.domain.audits.checklist). The store's check then names orphans
(files nothing refers to), missing files (records whose file is gone), damaged files and stray
ones (PhotoCheck).

Two ways in, one answer:
- `check_workbench(path)` is the whole `check`: the database rules of app.store.check plus
  `photo_store_rule`, all read in one read-only snapshot, so checking changes nothing (not
  even on a file whose schema is behind: a table it does not have yet refers to nothing).
- `referenced_photo_hashes(workbench)` and `check_photo_store(workbench)` are for the window,
  through the services it already has open.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.audits.checklist import photo_ref_hash
from app.store.photos.records import ORPHAN_PROBLEM
from app.store.photos.store import PhotoCheck, PhotoStore

if TYPE_CHECKING:
    from app.services.workbench import Workbench

MAX_PLACES_NAMED = 3  # a missing photo names this many records that show it, then "+N more"


def attached_photos(refs_json: str | None) -> list[tuple[str, str]]:
    """(name, hash) of each photo attached in an answer's photo_refs; typed references
    ("IMG_2041") and text that is not a JSON list give none."""
    try:
        refs = json.loads(refs_json or "[]")
    except ValueError:
        return []
    if not isinstance(refs, list):
        return []
    found = [(ref, photo_ref_hash(ref)) for ref in refs if isinstance(ref, str)]
    return [(ref.rpartition("@")[0], h) for ref, h in found if h]


# --- for the window ----------------------------------------------------------------------------
def referenced_photo_hashes(workbench: Workbench) -> set[str]:
    """Every hash a sample or a parcel shows or an audit answer has attached."""
    from sqlalchemy import select

    from app.store.models.audits import AuditAnswerRow

    refs = AuditAnswerRow.__table__.c.photo_refs
    with workbench.database.transaction() as session:
        attached = list(session.scalars(select(refs).where(refs.contains("@"))))
    hashes = workbench.samples.referenced_hashes()
    hashes.update(workbench.consolidation.parcel_photo_hashes())
    for refs_json in attached:
        hashes.update(photo_hash for _name, photo_hash in attached_photos(refs_json))
    return hashes


def check_photo_store(workbench: Workbench, *, verify: bool = False) -> PhotoCheck:
    """The photo store beside the workbench's database against what its records refer to."""
    return PhotoStore(workbench.path).check(referenced_photo_hashes(workbench), verify=verify)


# --- for `python -m app check` -------------------------------------------------------------
def check_workbench(path: Path) -> list[str]:
    """Every problem of the database at `path` and of its photo store, one line each; raises
    like app.store.check.check_database when the file cannot be checked at all."""
    from app.store.check import RULES, check_database

    return check_database(path, rules=[*RULES, photo_store_rule])


def problems_that_block_use(path: Path) -> list[str]:
    """`check_workbench` without the findings that lose nothing (orphan photos): what decides
    whether a restored database may be used."""
    return [line for line in check_workbench(path) if not line.startswith(ORPHAN_PROBLEM)]


def photo_store_rule(connection: sqlite3.Connection, database_path: Path) -> Iterator[str]:
    """A check rule: the photo store's findings, a missing photo with the records showing it."""
    places = stored_references(connection)
    store = PhotoStore(database_path)
    if places and not store.folder.exists():  # one line, not one per photo
        yield (
            f"the photo folder {store.folder} does not exist: {len(places)} photo(s) that "
            "records refer to are missing (was the database copied or moved without it?)"
        )
        return
    found = store.check(places.keys())
    for photo_hash in found.missing:
        named = places[photo_hash]
        more = len(named) - MAX_PLACES_NAMED
        where = ", ".join(named[:MAX_PLACES_NAMED]) + (f" and {more} more" if more > 0 else "")
        yield f"photo missing from {found.folder}: {photo_hash} ({where})"
    yield from dataclasses.replace(found, missing=()).problems()


def stored_references(connection: sqlite3.Connection) -> dict[str, list[str]]:
    """Each referenced hash with the records that show it ("IMG_0001.jpg on sample 3",
    "factory.jpg in audit 2"), read through a plain sqlite3 connection."""
    places: dict[str, list[str]] = {}
    tables = _tables(connection)
    if "sample_photos" in tables:
        rows = connection.execute(
            "SELECT hash, sample_id, original_name FROM sample_photos ORDER BY sample_id, id"
        )
        for photo_hash, sample_id, name in rows:
            places.setdefault(photo_hash, []).append(f"{name or 'a photo'} on sample {sample_id}")
    if "parcel_photos" in tables:
        rows = connection.execute(
            "SELECT hash, parcel_id, original_name FROM parcel_photos ORDER BY parcel_id, id"
        )
        for photo_hash, parcel_id, name in rows:
            places.setdefault(photo_hash, []).append(f"{name or 'a photo'} on parcel {parcel_id}")
    if "audit_answers" in tables:
        rows = connection.execute(
            "SELECT audit_id, photo_refs FROM audit_answers "
            "WHERE photo_refs LIKE '%@%' ORDER BY audit_id, id"
        )
        for audit_id, refs_json in rows:
            for name, photo_hash in attached_photos(refs_json):
                places.setdefault(photo_hash, []).append(f"{name} in audit {audit_id}")
    return places


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
