"""The bundle's recipe agrees with the app and with itself, without building anything.

packaging/workbench.spec is run here with stand-ins for PyInstaller's classes, so what it would
put in the bundle (data folders, executables, icons, what it filters out) is checked against the
places the app reads at run time; the .desktop file, the AppStream metadata and the icons are
checked against each other. The build itself runs in CI: packaging/build_linux.sh.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

import app
from app import config
from app.exports.kit import pdf_fonts
from app.store import migrate

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "workbench.spec"
BUILD_SCRIPT = PACKAGING / "build_linux.sh"
APP_ID = "com.sourcingworkbench.SourcingWorkbench"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"


def _make_icons() -> types.ModuleType:
    """packaging/make_icons.py, loaded by path (`packaging` is also a PyPI package's name)."""
    spec = importlib.util.spec_from_file_location(
        "workbench_make_icons", PACKAGING / "make_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE_ICONS = _make_icons()


# --- the spec, run with stand-ins ------------------------------------------------------------

# What PyInstaller's Qt hooks collect for QtGui (plugins) and QtCore (translations), as
# (source, destination folder) pairs, and what our hooks in packaging/hooks/ keep of it.
QT_PLUGINS = [
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/plugins/platforms/libqwayland.so",
    "Qt/plugins/platforms/libqoffscreen.so",
    "Qt/plugins/platforms/libqvnc.so",
    "Qt/plugins/platforms/libqminimal.so",
    "Qt/plugins/platforms/libqeglfs.so",
    "plugins/platforms/qwindows.dll",
    "plugins/platforms/qminimal.dll",
    "Qt/plugins/platforms/libqcocoa.dylib",
    "Qt/plugins/imageformats/libqjpeg.so",
    "Qt/plugins/imageformats/libqwebp.so",
    "Qt/plugins/imageformats/libqpdf.so",
    "Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "Qt/plugins/platformthemes/libqgtk3.so",
    "Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
    "Qt/plugins/generic/libqevdevmouseplugin.so",
    "Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
]
QT_PLUGINS_KEPT = {
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/plugins/platforms/libqwayland.so",
    "Qt/plugins/platforms/libqoffscreen.so",
    "plugins/platforms/qwindows.dll",
    "Qt/plugins/platforms/libqcocoa.dylib",
    "Qt/plugins/imageformats/libqjpeg.so",
    "Qt/plugins/imageformats/libqwebp.so",
    "Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
}
QT_TRANSLATIONS = [
    "Qt/translations/qtbase_de.qm",
    "Qt/translations/qt_de.qm",
    "translations/qtbase_ja.qm",  # Windows wheels have no Qt/ level
    "Qt/translations/qtbase_zh_CN.qm",
    "Qt/translations/qt_zh_CN.qm",
    "Qt/translations/qtbase_zh_TW.qm",
]
QT_TRANSLATIONS_KEPT = {"Qt/translations/qtbase_zh_CN.qm", "Qt/translations/qt_zh_CN.qm"}


def run_qt_hook(monkeypatch: pytest.MonkeyPatch, module: str, files: list[str]) -> dict[str, Any]:
    """Run packaging/hooks/hook-<module>.py with PyInstaller's Qt helper handing it `files`."""
    hook = PACKAGING / "hooks" / f"hook-{module}.py"
    pairs = [(f"/site-packages/PySide6/{name}", f"PySide6/{Path(name).parent}") for name in files]
    handed: list[str] = []

    def add_qt6_dependencies(hook_file: str) -> tuple[list[str], list[Any], list[Any]]:
        handed.append(Path(hook_file).name)
        return [], list(pairs), list(pairs)

    qt = types.ModuleType("PyInstaller.utils.hooks.qt")
    qt.add_qt6_dependencies = add_qt6_dependencies  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.hooks"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks.qt", qt)
    namespace: dict[str, Any] = {"__file__": str(hook), "__name__": f"hook-{module}"}
    exec(compile(hook.read_text(encoding="utf-8"), str(hook), "exec"), namespace)
    assert handed == [hook.name]  # PyInstaller's helper reads the module from the file name

    def names(entries: list[tuple[str, str]]) -> set[str]:
        return {f"{dest}/{Path(source).name}".removeprefix("PySide6/") for source, dest in entries}

    return {"binaries": names(namespace["binaries"]), "datas": names(namespace["datas"])}


class _Recorded:
    calls: list[_Recorded]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.calls.append(self)


def run_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str) -> dict[str, Any]:
    """Execute the spec as PyInstaller would on `platform`; returns what it built, by class."""
    calls: list[_Recorded] = []

    class Analysis(_Recorded):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.binaries: list[Any] = []
            self.datas = [(dest, src, "DATA") for src, dest in kwargs["datas"]]
            self.pure: list[Any] = []
            self.scripts: list[Any] = []

    stand_ins = {
        name: type(name, (_Recorded,), {"calls": calls})
        for name in ("PYZ", "EXE", "COLLECT", "BUNDLE")
    }
    Analysis.calls = calls
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    collected: list[tuple[str, Any]] = []

    def collect_submodules(package: str, filter: Any = None) -> list[str]:
        collected.append((package, filter))
        return []

    hooks.collect_submodules = collect_submodules  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    namespace: dict[str, Any] = {
        "SPECPATH": str(PACKAGING),
        "workpath": str(tmp_path),
        "Analysis": Analysis,
        **stand_ins,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    by_class: dict[str, list[_Recorded]] = {}
    for call in calls:
        by_class.setdefault(type(call).__name__, []).append(call)
    return {"calls": by_class, "namespace": namespace, "collected": collected}


@pytest.fixture
def linux_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    return run_spec(monkeypatch, tmp_path, "linux")


def _bundled_data(spec: dict[str, Any]) -> dict[str, Path]:
    (analysis,) = spec["calls"]["Analysis"]
    return {dest: Path(src) for src, dest in analysis.kwargs["datas"]}


def test_the_spec_bundles_every_folder_the_app_reads_at_run_time(
    linux_spec: dict[str, Any],
) -> None:
    data = _bundled_data(linux_spec)
    for source in data.values():
        assert source.is_dir(), f"the spec bundles {source}, which does not exist"
    resources = config.resources_dir()
    # Each run-time lookup, relative to where the frozen app looks (README: PDF font, Help).
    needed = {
        pdf_fonts.BUNDLED_FONT.relative_to(resources).parts[0],
        "guide",
        "icons",
        *(["translations"] if (resources / "translations").is_dir() else []),
    }
    for folder in needed:
        assert data[f"resources/{folder}"] == resources / folder
    assert (data["resources/fonts"] / pdf_fonts.BUNDLED_FONT.name).is_file()
    from app.ui.help_dialogs import GUIDE

    assert (ROOT / "resources" / GUIDE).is_file() and GUIDE.startswith("guide/")
    # Alembic loads env.py and the revisions as files from MIGRATIONS_DIR, which in the bundle is
    # beside the frozen module's __file__ (_MEIPASS/app/store/migrate.pyc): the same relative path.
    relative = migrate.MIGRATIONS_DIR.relative_to(ROOT).as_posix()
    assert data[relative] == migrate.MIGRATIONS_DIR
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert (migrate.MIGRATIONS_DIR / "script.py.mako").is_file()
    assert list((migrate.MIGRATIONS_DIR / "versions").glob("*.py"))


def test_the_spec_takes_all_of_app_but_not_the_migrations_as_modules(
    linux_spec: dict[str, Any],
) -> None:
    ((package, keep),) = linux_spec["collected"]
    assert package == "app"
    assert keep("app.cli.commands") and keep("app.ui.samples.tab")
    assert not keep("app.store.migrations.env")


def test_the_spec_leaves_out_unused_qt_and_tk(linux_spec: dict[str, Any]) -> None:
    (analysis,) = linux_spec["calls"]["Analysis"]
    excludes = set(analysis.kwargs["excludes"])
    for module in (
        "PySide6.QtWebEngineCore",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.Qt3DCore",
        "PySide6.QtMultimedia",
        "PySide6.QtNetwork",
        "tkinter",
    ):
        assert module in excludes
    used = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    assert not {f"PySide6.{module}" for module in used} & excludes
    imported = set()
    for path in (ROOT / "app").rglob("*.py"):
        imported.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert imported <= used, "the app imports a Qt module the spec does not expect"
    # PySide6's own hook needs this for `|` on Qt enums: it must never be excluded.
    assert not any(name.startswith("PySide6.support") for name in excludes)
    assert Path(analysis.kwargs["hookspath"][0]) == PACKAGING / "hooks"


def test_our_qt_hooks_drop_unused_plugins_and_qt_translations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gui = run_qt_hook(monkeypatch, "PySide6.QtGui", QT_PLUGINS)
    assert gui["binaries"] == QT_PLUGINS_KEPT
    core = run_qt_hook(monkeypatch, "PySide6.QtCore", QT_TRANSLATIONS)
    assert core["datas"] == QT_TRANSLATIONS_KEPT


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_the_executables_on_each_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str
) -> None:
    calls = run_spec(monkeypatch, tmp_path, platform)["calls"]
    executables = {exe.kwargs["name"]: exe.kwargs for exe in calls["EXE"]}
    (collect,) = calls["COLLECT"]
    assert collect.kwargs["name"] == "SourcingWorkbench"  # dist/SourcingWorkbench/
    gui_scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert set(gui_scripts) == {"workbench"} and "workbench" in executables
    if platform == "linux":
        assert executables["workbench"]["console"] is True
        assert executables["workbench"]["icon"] is None  # the .desktop file names it
        assert "BUNDLE" not in calls
    elif platform == "win32":
        assert executables["workbench"]["console"] is False
        assert executables["workbench-cli"]["console"] is True
        assert Path(executables["workbench"]["icon"]) == ICONS / "workbench.ico"
    else:
        (bundle,) = calls["BUNDLE"]
        assert bundle.kwargs["bundle_identifier"] == APP_ID
        assert bundle.kwargs["version"] == app.__version__
        assert Path(bundle.kwargs["icon"]) == ICONS / "workbench.icns"
    for kwargs in executables.values():
        assert kwargs["icon"] is None or Path(kwargs["icon"]).is_file()


def test_resources_are_found_in_a_frozen_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert config.resources_dir() == tmp_path / "_internal" / "resources"


def test_the_build_script_checks_what_the_spec_builds() -> None:
    script = BUILD_SCRIPT.read_text(encoding="utf-8")
    assert f"APP_ID={APP_ID}" in script and "BUNDLE=dist/SourcingWorkbench" in script
    assert "--tab suppliers" in script and "QT_QPA_PLATFORM=offscreen" in script
    assert BUILD_SCRIPT.stat().st_mode & 0o111, "build_linux.sh must be executable"
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "build/" in ignored and "dist/" in ignored  # the only folders the build writes


# --- desktop integration ---------------------------------------------------------------------


def test_the_desktop_file_starts_the_bundle_with_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"].split()[0] == "workbench"  # the bundle's executable, on PATH
    assert entry["Icon"] == APP_ID  # installed as hicolor/NxN/apps/APP_ID.png
    assert entry["StartupWMClass"] == "workbench"  # Qt's WM_CLASS instance: argv[0]
    assert entry["Name"] == app.APP_NAME
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")


def test_the_metainfo_names_the_desktop_file_icon_and_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == app.APP_NAME
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("icon") == APP_ID
    assert root.findtext("provides/binary") == "workbench"
    versions = [release.get("version") for release in root.iter("release")]
    assert versions and versions[0] == app.__version__  # newest first
    assert root.findtext("metadata_license") and root.findtext("project_license")


# --- icons -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", MAKE_ICONS.SIZES)
def test_each_icon_is_a_png_of_its_size_and_matches_the_drawing(size: int) -> None:
    path = ICONS / f"workbench-{size}.png"
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size == (size, size) and image.mode == "RGBA"
        drawn = MAKE_ICONS.draw_icon(size)
        assert ImageChops.difference(image, drawn).getbbox() is None, (
            f"{path.name} is not what packaging/make_icons.py draws: run it and commit the icons"
        )


def test_the_usual_sizes_and_the_other_systems_formats() -> None:
    assert {16, 24, 32, 48, 64, 128, 256, 512} <= set(MAKE_ICONS.SIZES)
    with Image.open(ICONS / "workbench.ico") as ico:
        assert ico.format == "ICO"
        assert {(s, s) for s in (16, 24, 32, 48, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "workbench.icns") as icns:
        assert icns.format == "ICNS"
        assert {(s, s, 1) for s in (128, 256, 512)} | {(512, 512, 2)} <= set(icns.info["sizes"])
