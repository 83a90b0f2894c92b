"""PyInstaller's own QtCore hook, less Qt's translations of itself (qtbase_*.qm, 7 MB).

The app loads only Simplified Chinese, which stays (150 kB): in the 简体中文
interface, Qt's standard buttons and dialogs (OK, Cancel, Save…). User hooks (`hookspath` in
workbench.spec) take precedence over PyInstaller's.
"""

import re
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEPT_TRANSLATIONS = re.compile(r"^(qt|qtbase)_zh_CN\.qm$")


def kept(entries):
    """(source, destination folder) pairs, without the translations the app does not use."""
    return [
        (source, dest)
        for source, dest in entries
        if not dest.replace("\\", "/").endswith("translations")
        or KEPT_TRANSLATIONS.match(Path(source).name)
    ]


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
datas = kept(datas)
