"""The 简体中文 interface's catalogue: extract, fill, compile, check (issue 15).

    python packaging/translations.py update   # after changing strings or translations
    python packaging/translations.py check    # CI: the .ts is complete and the .qm is current
    python packaging/translations.py missing app/ui/suppliers ...  # what a part still lacks

1. `pyside6-lupdate` extracts every `self.tr(...)`, `QCoreApplication.translate(...)` and
   `QT_TRANSLATE_NOOP(...)` string of app/ into resources/translations/workbench_zh_CN.ts.
2. The translations themselves live in resources/translations/zh_CN/*.json, one file per part
   of the interface ({context: {English source: 中文}}), so several people can translate at
   once; they are written into the .ts, each marked finished.
3. `pyside6-lrelease` compiles the .ts into the .qm the app loads.
`check` does all three in a temporary folder and fails when a string has no translation or
when the committed .ts / .qm differ from what the sources give.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "workbench_zh_CN.ts"
QM = FOLDER / "workbench_zh_CN.qm"
JSON_FOLDER = FOLDER / "zh_CN"


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is missing: install PySide6 (pyside6-essentials) in this venv")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def translations() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(JSON_FOLDER.glob("*.json")):
        for context, texts in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(texts)
    return merged


def build(ts: Path, qm: Path, files: list[str] | None = None) -> list[str]:
    """Extract into `ts` (keeping its translations), fill, compile into `qm`; the sources
    without a translation, as 'Context: text' lines."""
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *(files or sources()),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    known = translations()
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            target = message.find("translation")
            assert target is not None
            text = known.get(name, {}).get(source) or known.get("*", {}).get(source)
            if text:
                target.text = text
                target.attrib.pop("type", None)
            elif target.get("type") == "unfinished" or not target.text:
                missing.append(f"{name}: {source}")
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    return missing


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        FOLDER.mkdir(parents=True, exist_ok=True)
        missing = build(TS, QM)
        print(f"{TS.name}: {len(missing)} untranslated")
        for line in missing[:50]:
            print(f"  {line}")
        return 0
    if command == "missing":  # a part's files only, in a scratch catalogue: safe to run at once
        files = [
            str(p.relative_to(ROOT))
            for arg in argv[1:]
            for p in ([ROOT / arg] if arg.endswith(".py") else sorted((ROOT / arg).rglob("*.py")))
        ]
        with tempfile.TemporaryDirectory() as folder:
            missing = build(Path(folder) / TS.name, Path(folder) / QM.name, files)
        for line in missing:
            print(f"untranslated: {line}")
        print(f"{len(missing)} untranslated in {len(files)} file(s)")
        return 1 if missing else 0
    with tempfile.TemporaryDirectory() as folder:
        ts, qm = Path(folder) / TS.name, Path(folder) / QM.name
        if TS.exists():
            shutil.copyfile(TS, ts)
        missing = build(ts, qm)
        stale = [
            p.name
            for p, fresh in ((TS, ts), (QM, qm))
            if not p.exists() or p.read_bytes() != fresh.read_bytes()
        ]
    for line in missing:
        print(f"untranslated: {line}")
    if stale:
        print(f"not current: {', '.join(stale)} (run: python packaging/translations.py update)")
    return 1 if missing or stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
