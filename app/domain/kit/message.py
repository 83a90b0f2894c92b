"""Sentences the rules say to the user, as values the interface can translate (issue 15).

A `Message` holds a translation context, an English template and the fields to fill in. `str()`
is the English sentence (`template.format(**fields)`): the exports and the CLI print it. The
interface renders it in its own language (`app.ui.i18n.message_text`): the template through
Qt's catalogue, a field that is a message likewise, a `Term` by its label in that language and
a `Listing` joined by its (translated) separator. Fields hold text already formatted (numbers,
money), so only the words change.

Templates are marked where they are written with `QT_TRANSLATE_NOOP("context", "template")`, a
plain-Python no-op with Qt's name: `pyside6-lupdate` matches the call by its name, so the
templates reach the catalogue while the domain imports no Qt. lupdate reads string literals
only: the context is written out in every call, and is the one the message is built with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the catalogue under `context` (read by lupdate); returns `text`."""
    return text


KIT = "domain.kit"


@dataclass(frozen=True, slots=True)
class Term:
    """A domain label filled into a message: English as the rules print it ('Battery (带电)'),
    Chinese for the Chinese interface ('带电')."""

    label: str
    label_zh: str

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, slots=True, init=False)
class Message:
    """A sentence of the rules: `Message(context, template, name=value, ...)`."""

    context: str
    template: str
    fields: tuple[tuple[str, Field], ...]

    def __init__(self, context: str, template: str, /, **fields: Field) -> None:
        object.__setattr__(self, "context", context)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "fields", tuple(sorted(fields.items())))  # equal whatever order

    def values(self) -> dict[str, Field]:
        return dict(self.fields)

    def __str__(self) -> str:
        return self.template.format(**{name: str(value) for name, value in self.fields})


COMMA = Message(KIT, QT_TRANSLATE_NOOP("domain.kit", ", "))
AND = Message(KIT, QT_TRANSLATE_NOOP("domain.kit", " and "))
SPACE = Message(KIT, QT_TRANSLATE_NOOP("domain.kit", " "))  # between whole sentences


class MessageError(ValueError):
    """A refusal of the rules that the interface can say in its language: `str()` is the
    English sentence, `message` the message itself."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def said(error: Exception) -> Field:
    """What an error says: its message when it has one (MessageError), else its English text."""
    return error.message if isinstance(error, MessageError) else str(error)


@dataclass(frozen=True, slots=True)
class Listing:
    """Several fields as one, joined by `separator` (itself a message: '、' in Chinese)."""

    items: tuple[Field, ...]
    separator: Message = COMMA

    def __str__(self) -> str:
        return str(self.separator).join(str(item) for item in self.items)


Field: TypeAlias = "str | int | Message | Term | Listing"
