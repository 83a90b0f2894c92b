"""How audit data is checked and stored for AuditService: the JSON of template sections, the
checks of an edited template and of an answer, and stored rows back to domain objects.

Rules decided here (the service documents the rest):
- A template needs a name, at least one section, and in every section at least one item;
  section titles and item texts need English AND Chinese. A blank key is filled in
  ("<section>.item_<n>"); given keys must be unique. A NUMBER item needs its unit; a capacity
  item must be a NUMBER in its dimension's unit, each dimension at most once per template;
  only a pass/fail item can be critical (the score counts pass/fail items only).
- An answer is checked against its item's kind: a verdict only for pass/fail, a number of zero
  or more (Decimal or int, never float; whole for lines and employees, as MatrixService
  requires) only for NUMBER, text only for TEXT. Remarks and photo references go with any kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from app.domain.audits.checklist import (
    Answer,
    AnswerKind,
    Audit,
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    Verdict,
)
from app.domain.kit.numbers import number_problem
from app.domain.matrix.capacity import Dimension

PREPARATION_KEY = "before"  # the default template's "Before the visit" section
NAME_LENGTH = 200  # String(200) in app.store.models.audits
KEY_LENGTH = 200
# MatrixService.record_capacity_fact refuses a fraction in these; the audit refuses it first.
WHOLE_DIMENSIONS = (Dimension.PRODUCTION_LINES, Dimension.EMPLOYEES)


# --- JSON of sections -------------------------------------------------------------------------
def sections_to_json(sections: Sequence[ChecklistSection]) -> str:
    """Every field written out, Chinese as itself (readable in any SQLite browser)."""
    return json.dumps(
        [
            {
                "key": section.key,
                "title_en": section.title_en,
                "title_zh": section.title_zh,
                "preparation": section.preparation,
                "items": [
                    {
                        "key": item.key,
                        "text_en": item.text_en,
                        "text_zh": item.text_zh,
                        "kind": item.kind.value,
                        "unit": item.unit,
                        "critical": item.critical,
                        "capacity_dimension": (
                            None
                            if item.capacity_dimension is None
                            else item.capacity_dimension.value
                        ),
                    }
                    for item in section.items
                ],
            }
            for section in sections
        ],
        ensure_ascii=False,
    )


def sections_from_json(stored: str) -> tuple[ChecklistSection, ...]:
    """Sections stored before "preparation" was written: the shipped "before" section (Before
    the visit) was the buyer's preparation, as it is now."""
    return tuple(
        ChecklistSection(
            key=section["key"],
            title_en=section["title_en"],
            title_zh=section["title_zh"],
            preparation=section.get("preparation", section["key"] == PREPARATION_KEY),
            items=tuple(
                ChecklistItem(
                    key=item["key"],
                    text_en=item["text_en"],
                    text_zh=item["text_zh"],
                    kind=AnswerKind(item["kind"]),
                    unit=item["unit"],
                    critical=item["critical"],
                    capacity_dimension=(
                        None
                        if item["capacity_dimension"] is None
                        else Dimension(item["capacity_dimension"])
                    ),
                )
                for item in section["items"]
            ),
        )
        for section in json.loads(stored)
    )


# --- rows back to domain objects ----------------------------------------------------------------
def template_from_row(row: Any) -> ChecklistTemplate:
    return ChecklistTemplate(
        name=row.name, category=row.category, sections=sections_from_json(row.sections), id=row.id
    )


def answer_from_row(row: Any) -> Answer:
    return Answer(
        item_key=row.item_key,
        verdict=row.verdict,
        number=row.number,
        text=row.text,
        remark=row.remark,
        photo_refs=tuple(json.loads(row.photo_refs)),
    )


def audit_from_rows(row: Any, answer_rows: Iterable[Any]) -> Audit:
    snapshot = ChecklistTemplate(
        name=row.template_name,
        category=row.template_category,
        sections=sections_from_json(row.template_sections),
        id=row.template_id,
    )
    return Audit(
        supplier_id=row.supplier_id,
        template=snapshot,
        audited_on=row.audited_on,
        auditor=row.auditor,
        auditor_name=row.auditor_name,
        answers={answer.item_key: answer for answer in map(answer_from_row, answer_rows)},
        result_override=row.result_override,
        override_reason=row.override_reason,
        notes=row.notes,
        id=row.id,
    )


# --- checks -----------------------------------------------------------------------------------
def checked_template(template: object, errors: dict[str, str]) -> ChecklistTemplate | None:
    """The template with its text stripped and blank keys filled in; problems go to `errors`
    under "name", "category", "sections" or "<key>.<field>"."""
    if not isinstance(template, ChecklistTemplate):
        errors["template"] = "Give the template as a ChecklistTemplate."
        return None
    name = _text(template.name, "name", errors, required="The template needs a name.")
    category = _text(template.category, "category", errors)
    if not template.sections:
        errors["sections"] = "The template needs at least one section."
    section_keys = _filled_keys([s.key for s in template.sections], lambda n: f"section_{n}")
    item_keys: set[str] = set()
    dimensions: set[Dimension] = set()
    sections = []
    for section, section_key in zip(template.sections, section_keys, strict=True):
        _check_key(section_key, errors)
        title_en = _text(section.title_en, f"{section_key}.title_en", errors, "English title")
        title_zh = _text(section.title_zh, f"{section_key}.title_zh", errors, "Chinese title")
        if not section.items:
            errors[f"{section_key}.items"] = "Add an item to this section or remove it."
        keys = _filled_keys(
            [item.key for item in section.items], lambda n, s=section_key: f"{s}.item_{n}"
        )
        items = []
        for item, key in zip(section.items, keys, strict=True):
            if key in item_keys:
                errors[f"{key}.key"] = f"Two items use the key {key!r}."
            item_keys.add(key)
            items.append(_checked_item(item, key, dimensions, errors))
        sections.append(
            ChecklistSection(section_key, title_en, title_zh, tuple(items), section.preparation)
        )
    if len(set(section_keys)) != len(section_keys):
        errors["sections"] = "Two sections use the same key."
    return ChecklistTemplate(name, category, tuple(sections), template.id)


def _checked_item(
    item: ChecklistItem, key: str, dimensions: set[Dimension], errors: dict[str, str]
) -> ChecklistItem:
    _check_key(key, errors)
    text_en = _text(item.text_en, f"{key}.text_en", errors, "English text")
    text_zh = _text(item.text_zh, f"{key}.text_zh", errors, "Chinese text")
    unit = _text(item.unit, f"{key}.unit", errors)
    kind = item.kind
    if not isinstance(kind, AnswerKind):
        errors[f"{key}.kind"] = "Choose pass/fail, number or text."
    elif kind is not AnswerKind.NUMBER:
        unit = ""  # a unit left over from a kind changed in the editor means nothing
    elif not unit:
        errors[f"{key}.unit"] = "A number needs its unit (pieces, m², lines...)."
    dimension = item.capacity_dimension
    if dimension is not None:
        if not isinstance(dimension, Dimension):
            errors[f"{key}.capacity_dimension"] = "Choose a capacity dimension or none."
        elif kind is not AnswerKind.NUMBER or unit != dimension.unit:
            errors[f"{key}.capacity_dimension"] = (
                f"{dimension.label} is counted as a number in {dimension.unit}."
            )
        elif dimension in dimensions:
            errors[f"{key}.capacity_dimension"] = f"Another item already counts {dimension.label}."
        else:
            dimensions.add(dimension)
    if item.critical and kind is not AnswerKind.PASS_FAIL:
        errors[f"{key}.critical"] = "Only a pass/fail item can be critical."
    return ChecklistItem(key, text_en, text_zh, kind, unit, bool(item.critical), dimension)


def checked_answer(item: ChecklistItem, answer: Answer, errors: dict[str, str]) -> Answer:
    """The answer normalised (text stripped, number as Decimal); problems under its item key."""
    key = item.key
    problems: list[str] = []
    verdict = answer.verdict
    if verdict is not None:
        try:
            verdict = Verdict(verdict)
        except ValueError:
            problems.append(f"{verdict!r} is not pass, fail or n/a.")
        if item.kind is not AnswerKind.PASS_FAIL:
            problems.append("Pass/fail/n.a. answers only a pass/fail item.")
    number = answer.number
    if number is not None:
        if item.kind is not AnswerKind.NUMBER:
            problems.append("Only a number item takes a number.")
        elif problem := number_problem(number, "The number", minimum=Decimal(0)):
            problems.append(problem)
        elif item.capacity_dimension in WHOLE_DIMENSIONS and number != int(number):
            problems.append(f"{item.capacity_dimension.label} must be a whole number.")
        else:
            number = Decimal(number)
    text = answer.text if isinstance(answer.text, str) else None
    remark = answer.remark if isinstance(answer.remark, str) else None
    if text is None or remark is None:
        problems.append("The text and the remark must be text.")
    elif text.strip() and item.kind is not AnswerKind.TEXT:
        problems.append("Only a text item takes text; write it in the remark.")
    refs = answer.photo_refs
    if not isinstance(refs, tuple | list) or not all(
        isinstance(r, str) and r.strip() for r in refs
    ):
        problems.append("Photo references must be a list of photo names.")
    if problems:
        errors[key] = " ".join(problems)
        return answer
    return Answer(
        key,
        verdict,
        number,
        (text or "").strip(),
        (remark or "").strip(),
        tuple(r.strip() for r in refs),
    )


def is_blank(answer: Answer) -> bool:
    """Nothing left to keep: no answer, remark or photo (the stored row is removed)."""
    return not answer.is_answered and not answer.remark and not answer.photo_refs


def photo_refs_json(answer: Answer) -> str:
    return json.dumps(list(answer.photo_refs), ensure_ascii=False)


def _text(
    value: object, field: str, errors: dict[str, str], label: str = "", required: str = ""
) -> str:
    if not isinstance(value, str):
        errors[field] = "Give it as text."
        return ""
    value = value.strip()
    if label and not required:
        required = f"The {label} is missing."
    if required and not value:
        errors[field] = required
    elif len(value) > NAME_LENGTH and field in ("name", "category"):
        errors[field] = f"Keep it under {NAME_LENGTH} characters."
    return value


def _check_key(key: str, errors: dict[str, str]) -> None:
    if len(key) > KEY_LENGTH or any(ch.isspace() for ch in key):
        errors[f"{key}.key"] = "A key is one word (letters, digits, dots, underscores)."


def _filled_keys(keys: Sequence[object], make: Any) -> list[str]:
    """The given keys stripped; blank ones get the first free make(n), n = 1, 2, ..."""
    given = [key.strip() if isinstance(key, str) else "" for key in keys]
    taken = set(given)
    filled = []
    number = 1
    for key in given:
        if not key:
            while make(number) in taken:
                number += 1
            key = make(number)
            taken.add(key)
        filled.append(key)
    return filled
