"""The templates app/domain marks for the catalogue, and the checks the message tests share: a
message the rules make is marked (lupdate extracts it) and translated, fields and all."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from app.domain.kit.message import Field, Listing, Message

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "resources" / "translations" / "zh_CN"
FILES = "domain_messages*.json"  # domain_messages.json, domain_messages_2.json, ...
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@cache
def marked() -> frozenset[tuple[str, str]]:
    """(context, template) of every QT_TRANSLATE_NOOP call in app/domain, read as lupdate does:
    string literals only."""
    found: set[tuple[str, str]] = set()
    for path in (ROOT / "app" / "domain").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name != "QT_TRANSLATE_NOOP":
                continue
            context, text = node.args
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant), path
            found.add((context.value, text.value))
    return frozenset(found)


@cache
def translated() -> dict[str, dict[str, str]]:
    """The translations of the domain's templates, every domain_messages*.json merged."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(FOLDER.glob(FILES)):
        for context, texts in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(texts)
    return merged


def placeholders(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


def parts(value: Field) -> Iterator[Message]:
    """`value` and every message inside it (fields, listings and their separators)."""
    if isinstance(value, Message):
        yield value
        for _, field in value.fields:
            yield from parts(field)
    elif isinstance(value, Listing):
        yield from parts(value.separator)
        for item in value.items:
            yield from parts(item)


def assert_translatable(message: Message) -> None:
    """Every part of `message` is marked for the catalogue and has a Chinese template with the
    same fields, and the fields it is given are the ones its template names."""
    for part in parts(message):
        key = (part.context, part.template)
        assert key in marked(), f"not marked with QT_TRANSLATE_NOOP: {key}"
        chinese = translated().get(part.context, {}).get(part.template)
        assert chinese, f"no translation in {FILES}: {key}"
        assert placeholders(chinese) == placeholders(part.template), key
        assert placeholders(part.template) == set(part.values()), key
