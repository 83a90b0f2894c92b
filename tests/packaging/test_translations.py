"""The 简体中文 catalogue is complete, compiled from its sources, and safe to format.

CI's half of packaging/translations.py: `check` extracts every tr() string of app/, fills it
from resources/translations/zh_CN/*.json and compiles; the committed .ts and .qm must be what
that gives. A translation may only use its source's {fields} (a renamed or new one raises KeyError in
str.format at run time; leaving one out is fine: 中文 drops an English name) and keeps its
menu accelerator.
"""

from __future__ import annotations

import importlib.util
import re
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIELD = re.compile(r"\{(\w*)[^{}]*\}")
ACCELERATOR = re.compile(r"&(?!&)\S")


def _translations_tool() -> types.ModuleType:
    """packaging/translations.py, loaded by path (`packaging` is also a PyPI package's name)."""
    spec = importlib.util.spec_from_file_location(
        "workbench_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _translations_tool()
PAIRS = [
    (context, source, text)
    for context, texts in TOOL.translations().items()
    for source, text in texts.items()
]


def test_the_catalogue_is_complete_and_the_committed_files_are_current(capsys) -> None:
    status = TOOL.main(["check"])
    assert status == 0, capsys.readouterr().out


def test_there_are_translations_for_every_tab() -> None:
    contexts = {context for context, _source, _text in PAIRS}
    for tab in ("SuppliersTab", "MatrixTab", "SamplesTab", "NegotiationTab", "ConsolidationTab"):
        assert tab in contexts
    assert len(PAIRS) > 1000


@pytest.mark.parametrize(
    ("context", "source", "text"), [p for p in PAIRS if "{" in p[1] or "{" in p[2]]
)
def test_a_translation_uses_only_the_fields_of_its_source(context: str, source: str, text: str):
    assert set(FIELD.findall(text)) <= set(FIELD.findall(source)), (context, source)
    assert FIELD.findall(text), (context, source)  # not all of them: the message would say nothing


@pytest.mark.parametrize(
    ("context", "source", "text"),
    [p for p in PAIRS if ACCELERATOR.search(p[1]) and "<" not in p[1]],
)
def test_a_menu_or_button_keeps_its_accelerator(context: str, source: str, text: str) -> None:
    assert ACCELERATOR.search(text), (context, source, text)
