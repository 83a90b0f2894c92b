"""Editable table models over a supplier's contacts, certifications and red flags."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.domain.suppliers.certifications import ExpiryState, expiry_state, state_text
from app.domain.suppliers.choices import CertificationKind, Choice, RedFlagKind
from app.domain.suppliers.supplier import Certification, Contact, RedFlag
from app.ui import i18n
from app.ui.suppliers.expiry_marks import expiry_icon
from app.ui.widgets.parsing import ParseError, format_date, parse_date

_Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole
ERROR_ROLE = _Role.UserRole + 1  # the error message shown on a cell, or None
ERROR_BACKGROUND = QColor("#fde2e1")
ERROR_TEXT = QColor("#8c1d18")
WARNING_BACKGROUND = QColor("#fff1c2")
WARNING_TEXT = QColor("#7a3e00")
RESOLVED_TEXT = QColor("#6b7280")
_LIST_KEY = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")

ColumnKind = Literal["text", "choice", "date", "status"]


def split_list_key(key: str) -> tuple[str, int, str] | None:
    """'contacts[0].email' -> ('contacts', 0, 'email'); other keys -> None."""
    found = _LIST_KEY.match(key)
    if found is None:
        return None
    return found.group(1), int(found.group(2)), found.group(3)


def choice_text(member: Choice, separator: str = " · ") -> str:
    """How every choice reads in the editor: 'Business licence · 营业执照'; in the Chinese
    interface the Chinese alone ('营业执照'): the English half would only be noise there."""
    if i18n.active() == i18n.CHINESE and member.label_zh:
        return member.label_zh
    return f"{member.label}{separator}{member.label_zh}"


def column_title(title: str) -> str:
    """A ListColumn title (marked with QT_TRANSLATE_NOOP) in the interface language."""
    return QCoreApplication.translate("ListModel", title)


@dataclass(frozen=True)
class ListColumn:
    attr: str  # the dataclass attribute, also the last part of the field key
    title: str
    kind: ColumnKind = "text"
    choice: type[Choice] | None = None


@dataclass
class _Row:
    item: Any
    bad_text: dict[str, str] = field(default_factory=dict)  # attr -> text that did not parse
    errors: dict[str, str] = field(default_factory=dict)  # attr -> message shown on the cell


class ListModel(QAbstractTableModel):
    """Rows of one list of a supplier; `edited` fires on every change the user makes."""

    key = ""  # the field-key prefix validate_supplier uses, e.g. "contacts"
    columns: tuple[ListColumn, ...] = ()
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def new_item(self) -> Any:
        raise NotImplementedError

    # --- the list as plain records --------------------------------------------------------
    def set_items(self, items: list[Any]) -> None:
        """Show copies of `items` (the caller's records are never changed); clears errors."""
        self.beginResetModel()
        self._rows = [_Row(replace(item)) for item in items]
        self.endResetModel()

    def items(self) -> list[Any]:
        """Copies of the rows as records; a date that did not parse reads as None."""
        return [replace(row.item) for row in self._rows]

    def add_row(self) -> int:
        row = len(self._rows)
        self.insertRows(row, 1)
        return row

    def parse_errors(self) -> dict[str, str]:
        """{'certifications[1].expires_on': message} for each cell whose text did not parse."""
        errors: dict[str, str] = {}
        for number, row in enumerate(self._rows):
            for attr, text in row.bad_text.items():
                try:
                    parse_date(text)
                except ParseError as error:
                    errors[f"{self.key}[{number}].{attr}"] = str(error)
        return errors

    def set_errors(self, field_errors: dict[str, str]) -> None:
        """Mark the cells named by keys of this list ('contacts[0].email'); others are ignored."""
        wanted: dict[int, dict[str, str]] = {}
        for key, message in field_errors.items():
            parts = split_list_key(key)
            if parts and parts[0] == self.key and parts[1] < len(self._rows):
                wanted.setdefault(parts[1], {})[parts[2]] = message
        for number, row in enumerate(self._rows):
            errors = wanted.get(number, {})
            if errors != row.errors:
                row.errors = errors
                self._row_changed(number, [_Role.BackgroundRole, _Role.ForegroundRole])

    def column_of(self, attr: str) -> int:
        for number, column in enumerate(self.columns):
            if column.attr == attr:
                return number
        return 0

    def title_of(self, attr: str) -> str:
        return column_title(self.columns[self.column_of(attr)].title)

    # --- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _Role.DisplayRole
    ) -> Any:
        if role != _Role.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            return column_title(self.columns[section].title)
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind != "status":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = _Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        value = getattr(row.item, column.attr, None)
        error = row.errors.get(column.attr)
        if role in (_Role.DisplayRole, _Role.EditRole):
            return self._text(row, column, value, role)
        if role == _Role.UserRole:
            return value
        if role == ERROR_ROLE:
            return error
        if role == _Role.ToolTipRole:
            return error or self._tooltip(row, column, value)
        if error is not None and role == _Role.BackgroundRole:
            return ERROR_BACKGROUND
        if error is not None and role == _Role.ForegroundRole:
            return ERROR_TEXT
        return self._extra(row, column, role)

    def setData(self, index: _Index, value: Any, role: int = _Role.EditRole) -> bool:
        if not index.isValid() or role != _Role.EditRole:
            return False
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if column.kind == "status":
            return False
        before = (getattr(row.item, column.attr), row.bad_text.get(column.attr))
        if column.kind == "choice":
            member = self._choice(column, value)
            if member is None:
                return False
            setattr(row.item, column.attr, member)
        elif column.kind == "date":
            row.bad_text.pop(column.attr, None)
            parsed = self._date(value)
            if isinstance(parsed, str):
                row.bad_text[column.attr] = parsed
                parsed = None
            setattr(row.item, column.attr, parsed)
        else:
            setattr(row.item, column.attr, "" if value is None else str(value).strip())
        if (getattr(row.item, column.attr), row.bad_text.get(column.attr)) == before:
            return True
        row.errors.pop(column.attr, None)
        self._row_changed(index.row())
        self.edited.emit()
        return True

    def insertRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [_Row(self.new_item()) for _ in range(count)]
        self.endInsertRows()
        self.edited.emit()
        return True

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        self.edited.emit()
        return True

    # --- helpers --------------------------------------------------------------------------
    def _text(self, row: _Row, column: ListColumn, value: Any, role: int) -> str:
        if column.kind == "choice":
            if value is None:
                return ""
            return value.value if role == _Role.EditRole else i18n.label_of(value)
        if column.kind == "date":
            return row.bad_text.get(column.attr) or format_date(value)
        return "" if value is None else str(value)

    def _tooltip(self, row: _Row, column: ListColumn, value: Any) -> str | None:
        if column.kind == "choice" and value is not None:
            return choice_text(value)
        if column.kind == "date":
            return self.tr("A date as yyyy-mm-dd; leave empty when there is none")
        return value or None  # the whole text of a cell too narrow to show it

    def _extra(self, row: _Row, column: ListColumn, role: int) -> Any:
        """Roles a subclass adds (the certification status colours)."""
        return None

    def _row_changed(self, number: int, roles: list[int] | None = None) -> None:
        self.dataChanged.emit(
            self.index(number, 0), self.index(number, len(self.columns) - 1), roles or []
        )

    @staticmethod
    def _choice(column: ListColumn, value: Any) -> Choice | None:
        assert column.choice is not None
        if isinstance(value, column.choice):
            return value
        try:
            return column.choice.parse(str(value))
        except ValueError:
            return None

    @staticmethod
    def _date(value: Any) -> date | str | None:
        """A date, None for empty, or the text itself when it is not a date."""
        if value is None or isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except ParseError:
            return str(value).strip()


class ContactListModel(ListModel):
    key = "contacts"
    columns = (
        ListColumn("person", str(QT_TRANSLATE_NOOP("ListModel", "Person"))),
        ListColumn("phone", str(QT_TRANSLATE_NOOP("ListModel", "Phone"))),
        ListColumn("wechat", str(QT_TRANSLATE_NOOP("ListModel", "WeChat 微信"))),
        ListColumn("wangwang", str(QT_TRANSLATE_NOOP("ListModel", "Wangwang 旺旺"))),
        ListColumn("email", str(QT_TRANSLATE_NOOP("ListModel", "E-mail"))),
    )

    def new_item(self) -> Contact:
        return Contact()


class CertificationListModel(ListModel):
    """Certifications with a status column: expired, or expiring within the warning period;
    renewed by a newer one, merged into the licence (三证合一) or never expiring say so, and
    only the expired and expiring ones are coloured."""

    key = "certifications"
    columns = (
        ListColumn(
            "kind", str(QT_TRANSLATE_NOOP("ListModel", "Kind")), "choice", CertificationKind
        ),
        ListColumn("number", str(QT_TRANSLATE_NOOP("ListModel", "Number"))),
        ListColumn("issuer", str(QT_TRANSLATE_NOOP("ListModel", "Issuer"))),
        ListColumn("expires_on", str(QT_TRANSLATE_NOOP("ListModel", "Expires")), "date"),
        ListColumn("status", str(QT_TRANSLATE_NOOP("ListModel", "Status")), "status"),
    )

    def __init__(self, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today

    def new_item(self) -> Certification:
        return Certification()

    def state(self, number: int) -> ExpiryState:
        return self._state(self._rows[number].item)

    def _state(self, certification: Certification) -> ExpiryState:
        return expiry_state(certification, self._today(), self._certifications())

    def _certifications(self) -> list[Certification]:
        return [row.item for row in self._rows]

    def data(self, index: _Index, role: int = _Role.DisplayRole) -> Any:
        if index.isValid() and self.columns[index.column()].kind == "status":
            certification = self._rows[index.row()].item
            if role == _Role.UserRole:
                return self._state(certification)
            if role in (_Role.DisplayRole, _Role.EditRole):
                return state_text(certification, self._today(), self._certifications())
        return super().data(index, role)

    def setData(self, index: _Index, value: Any, role: int = _Role.EditRole) -> bool:
        changed = super().setData(index, value, role)
        if changed and self._rows:  # one row's kind or date may renew another's
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [])
        return changed

    def _tooltip(self, row: _Row, column: ListColumn, value: Any) -> str | None:
        expires = row.item.expires_on
        state = self._state(row.item)
        if column.attr in ("status", "expires_on") and state in (
            ExpiryState.RENEWED,
            ExpiryState.MERGED,
            ExpiryState.NEVER_EXPIRES,
        ):
            return state_text(row.item, self._today(), self._certifications()).capitalize()
        if column.attr not in ("status", "expires_on") or expires is None:
            return super()._tooltip(row, column, value)
        days = (expires - self._today()).days
        on = expires.isoformat()
        if state == ExpiryState.EXPIRED:
            text = self.tr("Expired on {date}, {days} day(s) ago: ask for a new one")
            return text.format(date=on, days=-days)
        if state == ExpiryState.EXPIRING:
            text = self.tr("Expires on {date}, in {days} day(s): ask for the renewal")
            return text.format(date=on, days=days)
        return self.tr("Valid until {date}").format(date=on)

    def _extra(self, row: _Row, column: ListColumn, role: int) -> Any:
        if column.attr not in ("status", "expires_on"):
            return None
        state = self._state(row.item)
        if state not in (ExpiryState.EXPIRED, ExpiryState.EXPIRING):
            return None
        if role == _Role.BackgroundRole:
            return ERROR_BACKGROUND if state == ExpiryState.EXPIRED else WARNING_BACKGROUND
        if role == _Role.ForegroundRole:
            return ERROR_TEXT if state == ExpiryState.EXPIRED else WARNING_TEXT
        if role == _Role.DecorationRole and column.attr == "status":
            return expiry_icon(state == ExpiryState.EXPIRED)  # not colour alone (issue 14)
        return None


class RedFlagListModel(ListModel):
    """Red flags; one marked resolved (date and how) stays listed but no longer counts."""

    key = "red_flags"
    columns = (
        ListColumn("kind", str(QT_TRANSLATE_NOOP("ListModel", "Kind")), "choice", RedFlagKind),
        ListColumn("noted_on", str(QT_TRANSLATE_NOOP("ListModel", "Date")), "date"),
        ListColumn("remark", str(QT_TRANSLATE_NOOP("ListModel", "Remark"))),
        ListColumn("resolved_on", str(QT_TRANSLATE_NOOP("ListModel", "Resolved")), "date"),
        ListColumn("resolution", str(QT_TRANSLATE_NOOP("ListModel", "How resolved"))),
    )

    def _tooltip(self, row: _Row, column: ListColumn, value: Any) -> str | None:
        if column.attr == "kind" and value is not None and value.disqualifying:
            text = self.tr("{kind}: disqualifying while open (credit rating C)")
            return text.format(kind=choice_text(value))
        if column.attr in ("resolved_on", "resolution"):
            return self.tr("Mark it resolved with the date and how: it then stops counting")
        return super()._tooltip(row, column, value)

    def _extra(self, row: _Row, column: ListColumn, role: int) -> Any:
        if row.item.resolved and role == _Role.ForegroundRole:
            return RESOLVED_TEXT  # greyed: on record, no longer counting
        return None

    def __init__(self, today: Callable[[], date] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today

    def new_item(self) -> RedFlag:
        """A new red flag is dated today: it is usually noted when it is seen."""
        return RedFlag(noted_on=self._today() if self._today else None)
