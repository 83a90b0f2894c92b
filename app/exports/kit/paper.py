"""The paper the user prints on (Settings ▸ Paper: A4 by default, or Letter), for every PDF
page and every workbook's page setup of one export, without threading it through each writer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from reportlab.lib.pagesizes import A4, LETTER

PAPERS = {"A4": A4, "Letter": LETTER}
DEFAULT = "A4"
_current: ContextVar[str] = ContextVar("paper", default=DEFAULT)


def current() -> str:
    return _current.get()


def page_size() -> tuple[float, float]:
    return PAPERS.get(current(), A4)


@contextmanager
def paper(name: str | None) -> Iterator[None]:
    """Exports written inside the block use this paper (an unknown name: A4)."""
    token = _current.set(name if name in PAPERS else DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)
