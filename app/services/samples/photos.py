"""The photo side of the sample service: a sample's gallery as metadata (content hash, original
file name, caption, angle, order). The files are the photo store's (app.store.photos.store); this
module never touches them, it says which hashes nothing refers to any more.

Rules decided here:
- A hash is what the photo store names the file by (SHA-256, 64 lower-case hex digits), so it
  must look like one: nothing else can reach the file system through it.
- The same photo (same hash) shows at most once on a sample: adding it again, or twice in one
  import, skips it and reports it; the other photos of the import are added.
- New photos go to the end of the gallery, tagged "other" with no caption unless given.
- `reorder_photos` takes the sample's photo ids, every one exactly once, in the new order.
- A photo's hash is "no longer referenced" when no sample of any product shows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.domain.samples.sample import PhotoAngle, SamplePhoto
from app.errors import NotFound, ValidationError
from app.services.samples.records import (
    PHOTOS,
    SAMPLES,
    ImportedPhotoLike,
    SampleChange,
    SkippedPhoto,
    photo_from_row,
)
from app.services.sql import inserted_id
from app.store.db import Database

HASH_PATTERN = re.compile(r"[0-9a-f]{64}")  # app.store.photos.store: SHA-256 of the file
ORIGINAL_NAME_LENGTH = 1000  # file names are at most 255 bytes; a pasted path may be longer
CAPTION_LENGTH = 2000


class SamplePhotos:
    """Gallery metadata of samples; SampleService adds products and samples on top."""

    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self.database = database
        self.today = today

    # --- reading -------------------------------------------------------------------------------
    def photos(self, sample_id: int) -> list[SamplePhoto]:
        """A sample's photos in gallery order."""
        with self.database.transaction() as session:
            query = (
                select(PHOTOS)
                .where(PHOTOS.c.sample_id == sample_id)
                .order_by(PHOTOS.c.position, PHOTOS.c.id)
            )
            return [photo_from_row(row) for row in session.execute(query)]

    def referenced_hashes(self) -> set[str]:
        """Every hash a sample shows: what the photo store's check must find on disk."""
        with self.database.transaction() as session:
            return set(session.scalars(select(PHOTOS.c.hash).distinct()))

    # --- writing -------------------------------------------------------------------------------
    def add_photos(
        self,
        sample_id: int,
        imported: Iterable[ImportedPhotoLike],
        angle: PhotoAngle = PhotoAngle.OTHER,
    ) -> SampleChange:
        """Put imported photos at the end of the sample's gallery; photos it already shows are
        skipped and reported (SampleChange.skipped_photos)."""
        given = list(imported)
        errors: dict[str, str] = {}
        for index, photo in enumerate(given):
            problem = _imported_problem(photo)
            if problem:
                errors[f"photos[{index}]"] = problem
        if not isinstance(angle, PhotoAngle):
            errors["angle"] = _angle_message(angle)
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            product_id = _product_of(session, sample_id)
            entries = [SamplePhoto(p.hash, p.original_name, angle=angle) for p in given]
            added, skipped = insert_photos(session, sample_id, entries)
        return SampleChange(
            updated=(sample_id,) if added else (),
            products=(product_id,) if added else (),
            added_photos=added,
            skipped_photos=skipped,
        )

    def reorder_photos(self, sample_id: int, photo_ids: Sequence[int]) -> SampleChange:
        """Put the sample's photos in the given order (every one of its ids, once each)."""
        wanted = list(photo_ids)
        with self.database.transaction() as session:
            product_id = _product_of(session, sample_id)
            stored = set(
                session.scalars(select(PHOTOS.c.id).where(PHOTOS.c.sample_id == sample_id))
            )
            if len(wanted) != len(set(wanted)) or set(wanted) != stored:
                raise ValidationError(
                    {"photo_ids": "Give every photo of this sample once, in the new order."}
                )
            for position, photo_id in enumerate(wanted):
                session.execute(
                    update(PHOTOS).where(PHOTOS.c.id == photo_id).values(position=position)
                )
        return SampleChange(updated=(sample_id,), products=(product_id,))

    def update_photo(
        self, photo_id: int, caption: str | None = None, angle: PhotoAngle | None = None
    ) -> SampleChange:
        """Change a photo's caption and/or angle tag (None leaves it as it is)."""
        errors: dict[str, str] = {}
        if caption is not None and not isinstance(caption, str):
            errors["caption"] = "The caption must be text."
        elif caption is not None and len(caption) > CAPTION_LENGTH:
            errors["caption"] = f"Keep the caption under {CAPTION_LENGTH:,} characters."
        if angle is not None and not isinstance(angle, PhotoAngle):
            errors["angle"] = _angle_message(angle)
        if errors:
            raise ValidationError(errors)
        values: dict[str, Any] = {}
        if caption is not None:
            values["caption"] = caption.strip()
        if angle is not None:
            values["angle"] = angle
        with self.database.transaction() as session:
            sample_id = _photo_sample(session, photo_id)
            if values:
                session.execute(update(PHOTOS).where(PHOTOS.c.id == photo_id).values(**values))
            product_id = _product_of(session, sample_id)
        return SampleChange(updated=(sample_id,), products=(product_id,))

    def remove_photo(self, photo_id: int) -> SampleChange:
        """Take a photo off its sample; `unreferenced_hashes` says whether its file is now
        unused (the same photo may still show on another sample)."""
        with self.database.transaction() as session:
            sample_id = _photo_sample(session, photo_id)
            photo_hash = session.execute(
                select(PHOTOS.c.hash).where(PHOTOS.c.id == photo_id)
            ).scalar_one()  # the photo exists: _photo_sample checked it
            session.execute(delete(PHOTOS).where(PHOTOS.c.id == photo_id))
            product_id = _product_of(session, sample_id)
            unused = unreferenced(session, [photo_hash])
        return SampleChange(
            updated=(sample_id,), products=(product_id,), unreferenced_hashes=unused
        )


def photo_problems(photos: Sequence[SamplePhoto]) -> dict[str, str]:
    """{"photos[i]": message} for photos that cannot go on a gallery (hash, name, caption,
    angle); empty when all can."""
    errors: dict[str, str] = {}
    for index, photo in enumerate(photos):
        problem = _imported_problem(photo)
        if problem is None and not isinstance(photo.caption, str):
            problem = "The caption must be text."
        elif problem is None and len(photo.caption) > CAPTION_LENGTH:
            problem = f"Keep the caption under {CAPTION_LENGTH:,} characters."
        elif problem is None and not isinstance(photo.angle, PhotoAngle):
            problem = _angle_message(photo.angle)
        if problem:
            errors[f"photos[{index}]"] = problem
    return errors


def insert_photos(
    session: Session | Connection, sample_id: int, photos: Sequence[SamplePhoto]
) -> tuple[tuple[int, ...], tuple[SkippedPhoto, ...]]:
    """Add validated photos at the end of a sample's gallery, in order, with their caption
    and angle; a photo the sample shows already (or twice in `photos`) is skipped."""
    shown = set(session.scalars(select(PHOTOS.c.hash).where(PHOTOS.c.sample_id == sample_id)))
    last = select(func.max(PHOTOS.c.position)).where(PHOTOS.c.sample_id == sample_id)
    position = _next_position(session.scalar(last))
    added: list[int] = []
    skipped: list[SkippedPhoto] = []
    for photo in photos:
        if photo.hash in shown:
            skipped.append(SkippedPhoto(photo.hash, photo.original_name, "already on this sample"))
            continue
        shown.add(photo.hash)
        result = session.execute(
            insert(PHOTOS).values(
                sample_id=sample_id,
                hash=photo.hash,
                original_name=photo.original_name,
                caption=photo.caption.strip(),
                angle=photo.angle,
                position=position,
            )
        )
        added.append(inserted_id(result))
        position += 1
    return tuple(added), tuple(skipped)


def unreferenced(session: Session, hashes: Iterable[str]) -> tuple[str, ...]:
    """Of these hashes, the ones no sample shows any more (sorted, each once)."""
    candidates = sorted(set(hashes))
    still: set[str] = set()
    for start in range(0, len(candidates), 500):  # under SQLite's bound-parameter limit
        chunk = candidates[start : start + 500]
        still.update(session.scalars(select(PHOTOS.c.hash).where(PHOTOS.c.hash.in_(chunk))))
    return tuple(h for h in candidates if h not in still)


def _imported_problem(photo: object) -> str | None:
    photo_hash = getattr(photo, "hash", None)
    name = getattr(photo, "original_name", None)
    if not isinstance(photo_hash, str) or not HASH_PATTERN.fullmatch(photo_hash):
        return f"{photo_hash!r} is not a photo store hash."
    if not isinstance(name, str):
        return "The original file name must be text."
    if len(name) > ORIGINAL_NAME_LENGTH:
        return f"The original file name is over {ORIGINAL_NAME_LENGTH:,} characters."
    return None


def _next_position(last: int | None) -> int:
    return 0 if last is None else last + 1


def _angle_message(angle: object) -> str:
    choices = ", ".join(member.value for member in PhotoAngle)
    return f"{angle!r} is not one of: {choices}."


def _product_of(session: Session, sample_id: int) -> int:
    product_id = session.scalar(select(SAMPLES.c.product_id).where(SAMPLES.c.id == sample_id))
    if product_id is None:
        raise NotFound(f"Sample {sample_id} no longer exists.")
    return product_id


def _photo_sample(session: Session, photo_id: int) -> int:
    sample_id = session.scalar(select(PHOTOS.c.sample_id).where(PHOTOS.c.id == photo_id))
    if sample_id is None:
        raise NotFound(f"Photo {photo_id} no longer exists.")
    return sample_id
