"""The one font every PDF uses: a TrueType font with Chinese glyphs, embedded, found once."""

from __future__ import annotations

import os
import struct
import threading
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.config import resources_dir
from app.errors import ExportFailed

FONT_ENV = "WORKBENCH_PDF_FONT"
BUNDLED_FONT = resources_dir() / "fonts" / "wqy-microhei.ttc"
# Tried in this order when the bundled file is missing (a trimmed install, a packager's choice).
SYSTEM_FONTS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),  # Debian/Ubuntu fonts-wqy-zenhei
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),  # Debian/Ubuntu fonts-wqy-microhei
    Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),  # Fedora
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora
    Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts" / "simhei.ttf",
    Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts" / "msyh.ttc",
    Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts" / "simsun.ttc",
    Path("/Library/Fonts/Arial Unicode.ttf"),
    Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
)
SUBFONT_INDEX = 0  # in a .ttc collection, the first face (WenQuanYi: the proportional one)
_PROBE_CHARACTERS = "中文供应商"  # a font must draw these, or Chinese would print as boxes
_TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")


@dataclass(frozen=True, slots=True)
class PdfFont:
    """A registered reportlab font: the name styles use, the file it came from, and why."""

    name: str
    path: Path
    source: str  # "WORKBENCH_PDF_FONT", "bundled" or "system"
    family: str = ""

    def describe(self) -> str:
        """One line for the About box and the README: which file PDFs embed, and why."""
        family = f"{self.family}, " if self.family else ""
        return f"{family}{self.path} ({self.source})"


_lock = threading.Lock()
_cached: PdfFont | None = None


def pdf_font() -> PdfFont:
    """The font for every PDF, found and registered with reportlab once per process."""
    global _cached
    with _lock:
        if _cached is None:
            _cached = find_font()
        return _cached


def font_name() -> str:
    """The reportlab name of the CJK font, for paragraph styles and canvas text."""
    return pdf_font().name


def forget_font() -> None:
    """Look again on the next export (after the user changed WORKBENCH_PDF_FONT; tests)."""
    global _cached
    with _lock:
        _cached = None


def find_font(
    environ: Mapping[str, str] | None = None,
    *,
    bundled: Path = BUNDLED_FONT,
    system: Sequence[Path] = SYSTEM_FONTS,
) -> PdfFont:
    """Register the first usable font: WORKBENCH_PDF_FONT, else bundled, else a system font.

    A font the user names with WORKBENCH_PDF_FONT must work: if it does not, this raises
    rather than quietly printing with another font than the one asked for.
    """
    chosen = (environ if environ is not None else os.environ).get(FONT_ENV, "").strip()
    if chosen:
        try:
            return load_font(Path(chosen).expanduser(), FONT_ENV)
        except ExportFailed as error:
            raise ExportFailed(
                f"{error} It is named by the {FONT_ENV} environment variable: point it to a "
                "TrueType .ttf or .ttc file with Chinese glyphs, or unset it to use the "
                "bundled font."
            ) from None
    tried: list[str] = []
    for path, source in [(bundled, "bundled"), *((p, "system") for p in system)]:
        try:
            return load_font(path, source)
        except ExportFailed as error:
            tried.append(f"{path}: {error}")
    raise ExportFailed(
        "No font with Chinese glyphs was found for the PDF, so Chinese names cannot be printed. "
        "Tried:\n  " + "\n  ".join(tried) + f"\nSet the {FONT_ENV} environment variable to a "
        "TrueType .ttf or .ttc file with Chinese glyphs (for example wqy-zenhei.ttc or "
        "simhei.ttf), or reinstall the app to restore resources/fonts/wqy-microhei.ttc."
    )


def load_font(path: Path, source: str) -> PdfFont:
    """Register `path` with reportlab, or raise ExportFailed saying why it cannot be used."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    if not path.exists():
        raise ExportFailed(f"The font file {path} does not exist.")
    if not path.is_file():
        raise ExportFailed(f"{path} is a folder, not a font file.")
    check_truetype_outlines(path)
    name = f"WorkbenchCJK-{zlib.crc32(str(path.resolve()).encode()):08x}"
    try:
        font = TTFont(name, str(path), subfontIndex=SUBFONT_INDEX)
    except TTFError as error:
        raise ExportFailed(f"The font file {path} cannot be used: {error}.") from None
    except Exception as error:  # reportlab's parser fails in many ways on a damaged file
        raise ExportFailed(
            f"The font file {path} cannot be used: it looks damaged ({error!r})."
        ) from None
    missing = [c for c in _PROBE_CHARACTERS if ord(c) not in font.face.charToGlyph]
    if missing:
        raise ExportFailed(
            f"The font file {path} has no Chinese glyphs ({''.join(missing)} missing)."
        )
    pdfmetrics.registerFont(font)
    # One face serves normal, bold and italic, so <b> in our own markup never fails.
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    family = font.face.familyName
    if isinstance(family, bytes):
        family = family.decode("utf-8", "replace")
    return PdfFont(name=name, path=path, source=source, family=str(family or ""))


def check_truetype_outlines(path: Path) -> None:
    """Refuse fonts reportlab cannot embed: CFF-flavoured OpenType (.otf) and web fonts."""
    try:
        with open(path, "rb") as handle:
            tag = handle.read(4)
            if tag == b"ttcf":
                handle.seek(12 + 4 * SUBFONT_INDEX)
                (offset,) = struct.unpack(">I", handle.read(4))
                handle.seek(offset)
                tag = handle.read(4)
    except (OSError, struct.error) as error:
        raise ExportFailed(f"The font file {path} cannot be read: {error}.") from None
    if tag == b"OTTO":
        raise ExportFailed(
            f"The font file {path} has CFF (PostScript) outlines, which reportlab cannot embed "
            "in a PDF. Use a TrueType font instead (for example wqy-zenhei.ttc or simhei.ttf)."
        )
    if tag not in _TRUETYPE_TAGS:
        raise ExportFailed(f"The font file {path} is not a TrueType .ttf or .ttc font.")
