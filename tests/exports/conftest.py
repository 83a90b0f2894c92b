"""Export tests: each finds the PDF font as a fresh process would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.exports.kit import pdf_fonts as fonts


@pytest.fixture(autouse=True)
def fresh_font(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No WORKBENCH_PDF_FONT set, and no font remembered from an earlier test."""
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    fonts.forget_font()
    yield
    fonts.forget_font()
