"""Checklist-template use cases (issue 5), the base of AuditService: the built-in default
(read-only, listed first) and the user's templates, copied and edited whole.

Template writes return the stored template, not a Change: no supplier changes, and the editor
needs the id and the keys filled in. Checks: app.services.audits.records.checked_template.
Names are unique ignoring case, the default's included; the user's templates are sorted by the
pinyin of their names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.audits.checklist import ChecklistTemplate
from app.domain.audits.checklist_default import default_template
from app.domain.kit.search_text import sort_key
from app.errors import NotFound, ValidationError
from app.services.audits.records import checked_template, sections_to_json, template_from_row
from app.services.sql import rows_affected, table_of
from app.store.db import Database
from app.store.models.audits import ChecklistTemplateRow
from app.store.types import utc_now

_TEMPLATES = table_of(ChecklistTemplateRow)


class AuditTemplates:
    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self.database = database
        self.today = today

    def templates(self) -> list[ChecklistTemplate]:
        """The built-in default first (read-only), then the user's by pinyin of their names."""
        with self.database.transaction() as session:
            rows = session.execute(select(_TEMPLATES)).all()
        own = sorted(map(template_from_row, rows), key=lambda t: sort_key(t.name))
        return [default_template(), *own]

    def template(self, template_id: int | None) -> ChecklistTemplate:
        """A template by id; None is the built-in default."""
        with self.database.transaction() as session:
            return template_in(session, template_id)

    def copy_template(
        self, source_id: int | None, name: str, category: str = ""
    ) -> ChecklistTemplate:
        """A new template with the source's sections (None: the default) under a new name."""
        source = self.template(source_id)
        return self.save_template(ChecklistTemplate(name, category, source.sections))

    def save_template(self, template: ChecklistTemplate) -> ChecklistTemplate:
        """Insert (id None) or replace a user's template whole: adding, moving or removing an
        item is saving the edited template. Returns it as stored (keys filled in, id set)."""
        if isinstance(template, ChecklistTemplate) and template.read_only:
            raise ValidationError(
                {"template": "The built-in template cannot be changed; copy it and edit the copy."}
            )
        now = utc_now()
        with self.database.transaction() as session:
            errors: dict[str, str] = {}
            checked = checked_template(template, errors)
            if checked is not None and "name" not in errors:
                _check_free_name(session, checked.name, checked.id, errors)
            if errors or checked is None:
                raise ValidationError(errors)
            if checked.id is None:
                row = ChecklistTemplateRow(created_at=now)
                session.add(row)
            else:
                row = get_row(session, ChecklistTemplateRow, checked.id, "Checklist template")
            row.name, row.category = checked.name, checked.category
            row.sections, row.updated_at = sections_to_json(checked.sections), now
            session.flush()
            return replace(checked, id=row.id)

    def delete_template(self, template_id: int | None) -> None:
        """Audits started from it keep their snapshot (and lose only the link to it)."""
        if template_id is None:
            raise ValidationError({"template": "The built-in template cannot be deleted."})
        with self.database.transaction() as session:
            gone = session.execute(delete(_TEMPLATES).where(_TEMPLATES.c.id == template_id))
        if not rows_affected(gone):
            raise NotFound(f"Checklist template {template_id} no longer exists.")


def get_row(session: Session, model: Any, key: int, label: str) -> Any:
    """The row by primary key, or NotFound saying what is gone."""
    row = session.get(model, key)
    if row is None:
        raise NotFound(f"{label} {key} no longer exists.")
    return row


def template_in(session: Session, template_id: int | None) -> ChecklistTemplate:
    """Read inside the caller's transaction, so an audit snapshots what exists as it starts."""
    if template_id is None:
        return default_template()
    row = session.execute(select(_TEMPLATES).where(_TEMPLATES.c.id == template_id)).first()
    if row is None:
        raise NotFound(f"Checklist template {template_id} no longer exists.")
    return template_from_row(row)


def _check_free_name(
    session: Session, name: str, own_id: int | None, errors: dict[str, str]
) -> None:
    taken = [default_template().name.casefold()]
    query = select(_TEMPLATES.c.name)
    if own_id is not None:
        query = query.where(_TEMPLATES.c.id != own_id)
    taken += [other.casefold() for other in session.scalars(query)]
    if name.casefold() in taken:
        errors["name"] = f"A template is already called {name!r}."
