"""Poppler helpers for the PDF tests: a PDF read back as text, fonts and document info."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def _poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (see README) to run the PDF tests")
    result = subprocess.run([tool, *args], capture_output=True, text=True, check=True)
    return result.stdout


def pdf_text(path: Path, page: int | None = None, *, layout: bool = False) -> str:
    """The text pdftotext reads from the file or one page (`layout`: as placed on the page)."""
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    mode = ["-layout"] if layout else []
    return _poppler("pdftotext", "-enc", "UTF-8", *mode, *pages, str(path), "-")


def flat(text: str) -> str:
    """Text with every run of whitespace (a wrapped line in a cell) as one space."""
    return " ".join(text.split())


def pdf_info(path: Path) -> dict[str, str]:
    rows = (line.split(":", 1) for line in _poppler("pdfinfo", str(path)).splitlines())
    return {key.strip(): value.strip() for key, value in (r for r in rows if len(r) == 2)}


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts rows as {name, type, emb, sub, uni}."""
    rows = _poppler("pdffonts", str(path)).splitlines()[2:]
    fonts = []
    for row in rows:
        parts = row.split()
        # name type [type words...] encoding emb sub uni object-id generation
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return fonts


def page_count(path: Path) -> int:
    return int(pdf_info(path)["Pages"])


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))
