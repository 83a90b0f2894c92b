"""The photo use cases samples and audits share: import files into the photo store beside the
database, and delete the files no record refers to any more (never one still shown)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.photo_check import referenced_photo_hashes

if TYPE_CHECKING:
    from app.services.workbench import Workbench
    from app.store.photos.store import ImportReport, PhotoStore, ProgressCallback


class PhotoLibrary:
    def __init__(self, workbench: Workbench) -> None:
        self.workbench = workbench

    @cached_property
    def store(self) -> PhotoStore:
        from app.store.photos.store import PhotoStore  # Pillow: on first use

        return PhotoStore(self.workbench.path)

    def import_files(
        self, sources: Iterable[Path], on_progress: ProgressCallback | None = None
    ) -> ImportReport:
        """Copy photos (files or folders) into the store, once each; the report says what was
        imported, what was there already and what was refused, and why."""
        return self.store.import_files(list(sources), on_progress=on_progress)

    def forget_unreferenced(self, candidates: Iterable[str]) -> list[str]:
        """Delete the photo files among `candidates` that no sample and no audit refers to any
        more (a photo may be both a sample's and an audit's); returns the hashes deleted."""
        wanted = set(candidates)
        if not wanted:
            return []
        still_used = referenced_photo_hashes(self.workbench)
        return [h for h in sorted(wanted - still_used) if self.store.delete(h)]
