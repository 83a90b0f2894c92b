"""The interface language: English, or 简体中文 from resources/translations (issue 15).

The language follows the system locale unless chosen in Settings; it is applied when the
application starts (a change asks for a restart). Strings go through Qt's translation
(`self.tr()`, `QCoreApplication.translate`); the domain's own bilingual labels (`label` /
`label_zh` of its enums) are chosen with `label_of`. Exports keep their bilingual headings
whatever the interface language.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app import config
from app.domain.kit.message import Field, Listing, Message, Term

ENGLISH, CHINESE, SYSTEM = "en", "zh_CN", "system"
LANGUAGES = {SYSTEM: "System language", ENGLISH: "English", CHINESE: "简体中文"}
TRANSLATIONS = "translations"
CATALOGUE = "workbench_zh_CN"

_active = ENGLISH
_installed: list[QTranslator] = []  # kept alive while installed


class Bilingual(Protocol):
    @property
    def label(self) -> str: ...

    @property
    def label_zh(self) -> str: ...


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to use for a Settings choice: Chinese for a Chinese system locale."""
    if choice in (ENGLISH, CHINESE):
        return choice
    locale = system or QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def install(app: QApplication, choice: str) -> str:
    """Install the translators of the chosen language; returns the language now active."""
    global _active
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve(choice)
    if language == CHINESE:
        ours = QTranslator(app)
        if ours.load(CATALOGUE, str(config.resources_dir() / TRANSLATIONS)):
            app.installTranslator(ours)
            _installed.append(ours)
            qt = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel, Save…)
            path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load("qtbase_zh_CN", path):
                app.installTranslator(qt)
                _installed.append(qt)
        else:
            language = ENGLISH  # no catalogue: the interface stays English
    # Dates, month names and number groups follow the interface language too.
    system = QLocale.system()
    if language == CHINESE:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    elif system.language() == QLocale.Language.Chinese:  # English chosen on a Chinese system
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(system)
    _active = language
    return language


def active() -> str:
    return _active


def label_of(value: Bilingual) -> str:
    """A domain label in the interface language (the domain holds both)."""
    return value.label_zh if _active == CHINESE and value.label_zh else value.label


def message_text(message: Message) -> str:
    """A domain message (app.domain.kit.message) in the interface language: its template through
    the catalogue, a field that is a message likewise, a term by `label_of`, a listing joined by
    its translated separator. In English this is `str(message)`."""
    template = QCoreApplication.translate(message.context, message.template)
    return template.format(**{name: field_text(value) for name, value in message.fields})


def field_text(value: Field) -> str:
    """Any field of a message in the interface language (`message_text`); plain text as it is."""
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, Term):
        return label_of(value)
    if isinstance(value, Listing):
        return field_text(value.separator).join(field_text(item) for item in value.items)
    return str(value)
