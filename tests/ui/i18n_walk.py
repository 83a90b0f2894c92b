"""The 简体中文 interface checked in tests (issue 15): build a catalogue, install it, walk widgets.

    with chinese(tmp_path, ["app/ui/suppliers"]):       # the .qm of these sources only
        widget = SomeWidget(...)                        # built while Chinese is installed
        assert untranslated(widget, allowed={"CNY"}) == []

`untranslated` lists what a person would read in English: window titles, labels, buttons,
group boxes, tab titles, actions, combo box entries and the headers of tables and trees. A text
with a Chinese character counts as translated; one with no Latin letter at all (numbers,
symbols, dates) needs none; names and codes the test expects go in `allowed`.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QLibraryInfo, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
_CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_TAG = re.compile(r"<[^>]+>")
_MNEMONIC = re.compile(r"\(&\w\)|&(?=[^&])")


def translations_module() -> ModuleType:
    """packaging/translations.py (the pip package 'packaging' shadows our folder's name)."""
    spec = importlib.util.spec_from_file_location(
        "workbench_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source_files(*paths: str) -> list[str]:
    """The .py files of these folders and files, relative to the repository."""
    found: list[str] = []
    for path in paths:
        target = ROOT / path
        files = [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))
        found += [str(file.relative_to(ROOT)) for file in files]
    return found


@contextmanager
def chinese(folder: Path, paths: Iterable[str]) -> Iterator[list[str]]:
    """Chinese installed from a catalogue of `paths` built into `folder` (the JSON
    translations of resources/translations/zh_CN); yields the sources left untranslated.
    Qt's own translations are installed too, and `label_of` picks the domain's Chinese labels
    meanwhile, as after `i18n.install`."""
    build = translations_module().build
    folder.mkdir(parents=True, exist_ok=True)
    ts, qm = folder / "workbench_zh_CN.ts", folder / "workbench_zh_CN.qm"
    missing = build(ts, qm, source_files(*paths))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ours, qt = QTranslator(), QTranslator()  # ours, and Qt's own buttons (OK, Cancel…)
    assert ours.load(str(qm))
    assert qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for translator in (ours, qt):
        app.installTranslator(translator)
    before = i18n._active
    i18n._active = i18n.CHINESE
    try:
        yield missing
    finally:
        i18n._active = before
        for translator in (ours, qt):
            app.removeTranslator(translator)


def plain(text: str) -> str:
    """A text as read: no markup, no mnemonic marks ("新建(&N)" -> "新建", "&&" -> "&")."""
    return _MNEMONIC.sub("", _TAG.sub("", text)).replace("&&", "&").strip()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text of `root` and its children a person reads."""
    found: list[tuple[str, str]] = [(type(root).__name__, root.windowTitle())]
    for label in root.findChildren(QLabel):
        found.append((f"label {label.objectName()}", label.text()))
    for button in root.findChildren(QAbstractButton):
        found.append((f"button {button.objectName()}", button.text()))
    for box in root.findChildren(QGroupBox):
        found.append(("group box", box.title()))
    for tabs in root.findChildren(QTabWidget):
        found += [("tab", tabs.tabText(i)) for i in range(tabs.count())]
    for action in [*root.actions(), *root.findChildren(QAction)]:
        found.append(("action", action.text()))
    for combo in root.findChildren(QComboBox):
        found += [(f"combo {combo.objectName()}", combo.itemText(i)) for i in range(combo.count())]
    headers = [view.horizontalHeader() for view in root.findChildren(QTableView)]
    headers += [view.header() for view in root.findChildren(QTreeView)]
    for header in headers:
        model = header.model()
        if model is None or header.isHidden():
            continue
        for column in range(model.columnCount(QModelIndex())):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            if isinstance(title, str):
                found.append((f"header of {type(model).__name__}", title))
    return [(where, plain(text)) for where, text in found if text and plain(text)]


def untranslated(root: QWidget, allowed: Iterable[str] = ()) -> list[str]:
    """'where: text' for each visible text still in English (not Chinese, not allowed)."""
    names = {plain(name) for name in allowed}
    return [
        f"{where}: {text}"
        for where, text in visible_texts(root)
        if _LATIN.search(text) and not _CHINESE.search(text) and text not in names
    ]
