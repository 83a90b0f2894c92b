"""Which font PDFs embed: WORKBENCH_PDF_FONT, the bundled WenQuanYi, system fallbacks, refusals."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import reportlab

from app.errors import ExportFailed
from app.exports.kit import pdf_fonts as fonts
from app.exports.kit.pdf_layout import DocumentSpec, build_pdf, paragraph, styles
from tests.exports.pdf_tools import pdf_fonts, pdf_text

LATIN_ONLY = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # ships with reportlab
ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")  # Debian fonts-wqy-zenhei
NOWHERE = Path("/nonexistent/font.ttf")


def cff_font(folder: Path, collection: bool = False) -> Path:
    """A file that starts like a CFF-flavoured OpenType font (as Noto Sans CJK does)."""
    if collection:
        path = folder / "NotoSansCJK-Regular.ttc"
        path.write_bytes(b"ttcf" + struct.pack(">III", 0x10000, 1, 16) + b"OTTO" + bytes(64))
    else:
        path = folder / "NotoSansSC-Regular.otf"
        path.write_bytes(b"OTTO" + bytes(64))
    return path


def test_the_bundled_font_is_used_by_default() -> None:
    font = fonts.pdf_font()
    assert font.path == fonts.BUNDLED_FONT
    assert font.path.name == "wqy-microhei.ttc"
    assert font.source == "bundled"
    assert font.family == "WenQuanYi Micro Hei"
    assert "wqy-microhei.ttc (bundled)" in font.describe()
    assert fonts.font_name() == font.name


def test_the_font_is_found_once_per_process() -> None:
    assert fonts.pdf_font() is fonts.pdf_font()
    first = fonts.pdf_font()
    fonts.forget_font()
    assert fonts.pdf_font() is not first


def test_the_variable_names_the_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.FONT_ENV, str(fonts.BUNDLED_FONT))
    font = fonts.pdf_font()
    assert font.source == fonts.FONT_ENV
    assert font.path == fonts.BUNDLED_FONT


@pytest.mark.skipif(not ZENHEI.is_file(), reason="Debian fonts-wqy-zenhei not installed")
def test_the_variable_font_is_embedded_in_the_pdf(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(fonts.FONT_ENV, str(ZENHEI))
    out = build_pdf(tmp_path / "zenhei.pdf", DocumentSpec("义乌市恒达工艺品厂"), [])
    embedded = pdf_fonts(out)
    assert [f["emb"] for f in embedded] == ["yes"]
    assert "ZenHei" in embedded[0]["name"]
    assert "义乌市恒达工艺品厂" in pdf_text(out)


def test_a_missing_variable_font_is_an_error_not_a_silent_fallback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Decided: a font the user named must be the one printed, so a typo is reported."""
    monkeypatch.setenv(fonts.FONT_ENV, str(tmp_path / "typo.ttf"))
    with pytest.raises(ExportFailed) as raised:
        build_pdf(tmp_path / "x.pdf", DocumentSpec("T"), [paragraph("x", styles().body)])
    message = str(raised.value)
    assert "typo.ttf does not exist" in message
    assert fonts.FONT_ENV in message
    assert "unset it" in message
    assert not (tmp_path / "x.pdf").exists()


def test_a_font_without_chinese_is_refused() -> None:
    with pytest.raises(ExportFailed, match="has no Chinese glyphs"):
        fonts.find_font({fonts.FONT_ENV: str(LATIN_ONLY)})


@pytest.mark.parametrize("collection", [False, True])
def test_cff_opentype_is_refused_with_a_reason(tmp_path: Path, collection: bool) -> None:
    path = cff_font(tmp_path, collection)
    with pytest.raises(ExportFailed, match="CFF") as raised:
        fonts.find_font({fonts.FONT_ENV: str(path)})
    assert "reportlab cannot embed" in str(raised.value)
    assert "TrueType" in str(raised.value)


def test_a_file_that_is_no_font_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "notes.ttf"
    junk.write_text("not a font")
    with pytest.raises(ExportFailed, match="not a TrueType"):
        fonts.find_font({fonts.FONT_ENV: str(junk)})


def test_a_broken_truetype_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00" + bytes(20))
    with pytest.raises(ExportFailed, match="cannot be used"):
        fonts.find_font({fonts.FONT_ENV: str(broken)})


def test_without_the_bundled_font_a_system_font_is_used(tmp_path: Path) -> None:
    font = fonts.find_font({}, bundled=tmp_path / "gone.ttc", system=[NOWHERE, fonts.BUNDLED_FONT])
    assert font.source == "system"
    assert font.path == fonts.BUNDLED_FONT


def test_unusable_candidates_are_skipped(tmp_path: Path) -> None:
    font = fonts.find_font({}, bundled=cff_font(tmp_path), system=[LATIN_ONLY, fonts.BUNDLED_FONT])
    assert font.path == fonts.BUNDLED_FONT


def test_no_font_at_all_names_every_path_and_the_variable(tmp_path: Path) -> None:
    bundled = tmp_path / "gone.ttc"
    with pytest.raises(ExportFailed) as raised:
        fonts.find_font({}, bundled=bundled, system=[NOWHERE, LATIN_ONLY])
    message = str(raised.value)
    for path in (bundled, NOWHERE, LATIN_ONLY):
        assert str(path) in message
    assert fonts.FONT_ENV in message
    assert "Chinese" in message


def test_the_fallback_list_covers_linux_windows_and_macos() -> None:
    names = {path.name for path in fonts.SYSTEM_FONTS}
    assert {"wqy-zenhei.ttc", "wqy-microhei.ttc"} <= names
    assert {"simhei.ttf", "msyh.ttc", "simsun.ttc"} <= names
    assert "Arial Unicode.ttf" in names
