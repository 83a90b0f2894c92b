"""The supplier detail editor: fills the form from a Supplier, reads it back, says what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QWidget,
)
from shiboken6 import isValid

from app.domain.kit.money import Money
from app.domain.suppliers.membership import (
    member_since_text,
    membership_years,
    parse_member_since,
)
from app.domain.suppliers.supplier import Supplier
from app.domain.suppliers.validation import full_shop_url, validate_supplier
from app.errors import ValidationError
from app.ui.suppliers.editor_view import MEMBER_SINCE_HINT, SupplierEditorView, translated
from app.ui.suppliers.editor_widgets import ListEditor
from app.ui.suppliers.list_models import split_list_key
from app.ui.widgets.parsing import (
    ParseError,
    format_amount,
    format_decimal,
    format_tags,
    parse_optional_decimal,
    parse_tags,
)

RATE_HINT = str(QT_TRANSLATE_NOOP("SupplierEditor", "enter a rate from 0 to 100 %, e.g. 45.5"))
SCORE_HINT = str(QT_TRANSLATE_NOOP("SupplierEditor", "enter a score from 0 to 5, e.g. 4.6"))
_TEXT_FIELDS = ("name_zh", "name_en", "city", "address", "shop_url")
_RATE_FIELDS = ("reorder_rate", "on_time_rate", "response_rate")
_SCORE_FIELDS = ("quality_score", "service_score")
_LAST = 10_000  # form position of a key that names no field here


class SupplierEditor(SupplierEditorView):
    """Edits one Supplier record; it never stores anything (the tab does that on saveRequested)."""

    saveRequested = Signal()
    revertRequested = Signal()
    dirtyChanged = Signal(bool)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self._today = today
        self._record: Supplier | None = None
        self._dirty = False
        self._filling = False
        self._shown_errors: dict[str, str] = {}
        self._lists: tuple[ListEditor, ...] = (self.contacts, self.certifications, self.red_flags)
        self._connect()
        self.set_supplier(None)

    # --- API used by the tab --------------------------------------------------------------
    def set_supplier(self, supplier: Supplier | None) -> None:
        """Show `supplier` (None: an empty, disabled form with a hint); not dirty, no errors."""
        self._filling = True
        try:
            self._record = supplier
            self._fill(supplier or Supplier())
            self.form.setEnabled(supplier is not None)
            self.hint.setVisible(supplier is None)
            self.clear_errors()
        finally:
            self._filling = False
        self.scroll_area.verticalScrollBar().setValue(0)
        self._set_dirty(False)
        self._update_buttons()

    def supplier(self) -> Supplier:
        """A new record from the form, or ValidationError naming every field that is wrong."""
        record, errors = self._read()
        if errors:
            raise ValidationError(errors)
        return record

    def show_errors(self, field_errors: dict[str, str]) -> None:
        """Show each message at its field (list rows: the cell and a line under the list)."""
        self._render(field_errors)
        if field_errors:
            self._focus(min(field_errors, key=self._form_position))

    def clear_errors(self) -> None:
        self._render({})

    def is_dirty(self) -> bool:
        return self._dirty

    # --- form <-> record ------------------------------------------------------------------
    def _fill(self, record: Supplier) -> None:
        for name in _TEXT_FIELDS:
            getattr(self, name).setText(getattr(record, name))
        self.business_type.set_value(record.business_type)
        self.status.set_value(record.status)
        self.province.set_value(record.province)
        self.membership.set_value(record.membership)
        self.member_since.setText(member_since_text(record.member_since, record.member_since_month))
        self.buyer_protection.set_value(record.buyer_protection)
        deposit = record.deposit
        self.deposit_amount.setText("" if deposit is None else format_amount(deposit.amount))
        currency = "CNY" if deposit is None else deposit.currency
        if self.deposit_currency.findText(currency) < 0:
            self.deposit_currency.addItem(currency)
        self.deposit_currency.setCurrentText(currency)
        for name in (*_RATE_FIELDS, *_SCORE_FIELDS):
            getattr(self, name).setText(format_decimal(getattr(record, name)))
        self.tags.setText(format_tags(record.tags))
        self.notes.setPlainText(record.notes)
        self.contacts.model.set_items(record.contacts)
        self.certifications.model.set_items(record.certifications)
        self.red_flags.model.set_items(record.red_flags)

    def _read(self) -> tuple[Supplier, dict[str, str]]:
        """The form as a record (unreadable values as None) and every error, parse or rule."""
        errors: dict[str, str] = {}

        def number(key: str, edit: QLineEdit, hint: str) -> Decimal | None:
            try:
                return parse_optional_decimal(
                    edit.text(), QCoreApplication.translate("SupplierEditor", hint)
                )
            except ParseError as error:
                errors[key] = str(error)
                return None

        member_since: tuple[int | None, int | None] = (None, None)
        if self.member_since.text().strip():
            try:
                member_since = parse_member_since(self.member_since.text())
            except ValueError as error:
                errors["member_since"] = self.tr(
                    "{error}: enter a year, or a year and month, e.g. 2019-03."
                ).format(error=error)
        amount = number("deposit", self.deposit_amount, self.tr("enter an amount, e.g. 3000"))
        # By field name, so typed Any: the type checker cannot pair each name with its field.
        numbers: dict[str, Any] = {
            **{name: number(name, getattr(self, name), RATE_HINT) for name in _RATE_FIELDS},
            **{name: number(name, getattr(self, name), SCORE_HINT) for name in _SCORE_FIELDS},
        }
        base = self._record or Supplier()
        texts = {name: getattr(self, name).text().strip() for name in _TEXT_FIELDS}
        # 'shop123.1688.com' is read as https://shop123.1688.com; text that is no address stays
        # as typed, for validation to name.
        texts["shop_url"] = full_shop_url(texts["shop_url"]) or texts["shop_url"]
        record = Supplier(
            **texts,
            business_type=self.business_type.value(),
            province=self.province.value(),
            membership=self.membership.value(),
            member_since=member_since[0],
            member_since_month=member_since[1],
            buyer_protection=self.buyer_protection.value(),
            deposit=None if amount is None else Money(amount, self.deposit_currency.currentText()),
            **numbers,
            status=self.status.value(),
            tags=parse_tags(self.tags.text()),
            notes=self.notes.toPlainText(),
            contacts=self.contacts.model.items(),
            certifications=self.certifications.model.items(),
            red_flags=self.red_flags.model.items(),
            id=base.id,
            created_at=base.created_at,
            updated_at=base.updated_at,
        )
        for editor in self._lists:
            errors.update(editor.model.parse_errors())
        for key, message in validate_supplier(record, self._today()).items():
            errors.setdefault(key, message)
        # A contact row left empty is not a contact (checked after validation: row numbers hold).
        record.contacts = [contact for contact in record.contacts if not contact.is_empty()]
        return record, errors

    # --- behaviour ------------------------------------------------------------------------
    def _connect(self) -> None:
        for key, widget in self.field_widgets.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._mark_dirty)
                keys = {"name_zh", "name_en"} if key in ("name_zh", "name_en") else {key}
                widget.editingFinished.connect(
                    lambda keys=keys: self._validate_live(keys.__contains__)
                )
        for combo in (
            self.business_type,
            self.status,
            self.membership,
            self.deposit_currency,
            self.buyer_protection,
        ):
            combo.currentIndexChanged.connect(self._mark_dirty)
        self.member_since.textChanged.connect(self._show_member_years)
        self.shop_url.textChanged.connect(self._show_shop_url_reading)
        self.province.editTextChanged.connect(self._mark_dirty)
        province_edit = self.province.lineEdit()  # the combo box is editable: it has one
        if province_edit is not None:
            province_edit.editingFinished.connect(
                lambda: self._validate_live({"province"}.__contains__)
            )
        self.notes.textChanged.connect(self._mark_dirty)
        for editor in self._lists:
            prefix = f"{editor.model.key}["
            editor.model.edited.connect(self._mark_dirty)
            editor.model.edited.connect(
                lambda p=prefix: self._validate_live(lambda k: k.startswith(p))
            )
        self.save_button.clicked.connect(self._request_save)
        self.revert_button.clicked.connect(self._request_revert)
        # Shortcuts serve focus anywhere in the editor (a combo box would eat the key press).
        for standard_key, slot in (
            (QKeySequence.StandardKey.Save, self._request_save),
            (QKeySequence.StandardKey.Cancel, self._request_revert),
        ):
            shortcut = QShortcut(QKeySequence(standard_key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _show_member_years(self, text: str) -> None:
        """ "7 years as a member" or "< 1 year as a member" beside the join date as it is typed."""
        try:
            year, month = parse_member_since(text)
        except ValueError:
            self.member_years.setText(translated(MEMBER_SINCE_HINT))
            return
        years = membership_years(year, month, self._today())
        if years is None:
            text = ""
        elif years < 1:
            text = self.tr("< 1 year as a member")
        elif years == 1:
            text = self.tr("1 year as a member")
        else:
            text = self.tr("{years} years as a member").format(years=years)
        self.member_years.setText(text)

    def _show_shop_url_reading(self, text: str) -> None:
        """ "→ saved as https://shop123.1688.com" under an address typed without https://, as
        the number fields say "= 100,000" for 10万; nothing for an address as it will be
        saved, or for text that is no address (leaving the field says what is wrong)."""
        understood = full_shop_url(text)
        shown = bool(understood) and understood != text.strip()
        reading = self.tr("→ saved as {url}").format(url=understood) if shown else ""
        self.shop_url_reading.setText(reading)
        self.shop_url_reading.setVisible(shown)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+S and Esc sent to a field while the focus is elsewhere (the shortcuts need it
        inside the editor) still save and revert: the field passes the key press up to here."""
        if event.matches(QKeySequence.StandardKey.Save):
            self._request_save()
        elif event.matches(QKeySequence.StandardKey.Cancel):
            self._request_revert()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _mark_dirty(self, *_args: object) -> None:
        if not self._filling and self._record is not None:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty == self._dirty:
            return
        self._dirty = dirty
        self._update_buttons()
        self.dirtyChanged.emit(dirty)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)

    def _request_save(self) -> None:
        self._commit_open_cell()
        if self.save_button.isEnabled():
            self.saveRequested.emit()

    def _request_revert(self) -> None:
        if self.revert_button.isEnabled():
            self.revertRequested.emit()

    def _commit_open_cell(self) -> None:
        """Ctrl+S while a list cell is being typed in: keep what was typed."""
        focus = QApplication.focusWidget()
        for editor in self._lists:
            table = editor.table
            editing = table.state() == QAbstractItemView.State.EditingState
            if focus is not None and editing and table.isAncestorOf(focus):
                table.commitData(focus)
                table.closeEditor(focus, QAbstractItemDelegate.EndEditHint.NoHint)

    def _validate_live(self, belongs: Callable[[str], bool]) -> None:
        """Leaving a field: show (or clear) the errors of that field only."""
        if self._filling or self._record is None or not self._alive():
            return
        _record, errors = self._read()
        shown = {key: text for key, text in self._shown_errors.items() if not belongs(key)}
        shown.update({key: text for key, text in errors.items() if belongs(key)})
        if shown != self._shown_errors:
            self._render(shown)

    def _alive(self) -> bool:
        """False while Qt deletes the form: a focused field still reports being left then."""
        parts: list[QObject] = [self.general_errors, self.deposit_currency, self.notes]
        parts += [*self.field_widgets.values(), *self.error_labels.values()]
        for editor in self._lists:
            parts += [editor.model, editor.error_label]
        return all(isValid(part) for part in parts)

    # --- showing errors -------------------------------------------------------------------
    def _render(self, field_errors: dict[str, str]) -> None:
        self._shown_errors = dict(field_errors)
        for key, label in self.error_labels.items():
            label.show_message(field_errors.get(key, ""))
        placed = set(self.error_labels)
        for editor in self._lists:
            editor.model.set_errors(field_errors)
            lines = []
            for key, message in field_errors.items():
                parts = split_list_key(key)
                if parts and parts[0] == editor.model.key:
                    placed.add(key)
                    title = editor.model.title_of(parts[2])
                    line = self.tr("Row {row}, {column}: {message}")
                    lines.append(line.format(row=parts[1] + 1, column=title, message=message))
            editor.error_label.show_message("\n".join(lines))
        others = [
            f"{key.replace('_', ' ').capitalize()}: {text}"
            for key, text in field_errors.items()
            if key not in placed
        ]
        self.general_errors.show_message("\n".join(others))

    def _form_position(self, key: str) -> tuple[int, int, int]:
        """Where a field key sits in the form, top to bottom, so the first one gets focus."""
        simple = [name for name in self.error_labels if name != "notes"]
        parts = split_list_key(key)
        if parts is not None:
            names = [editor.model.key for editor in self._lists]
            if parts[0] not in names:
                return (_LAST, 0, 0)
            model = self._lists[names.index(parts[0])].model
            return (len(simple) + names.index(parts[0]), parts[1], model.column_of(parts[2]))
        if key == "notes":
            return (len(simple) + len(self._lists), 0, 0)
        return (simple.index(key), 0, 0) if key in simple else (_LAST, 0, 0)

    def _focus(self, key: str) -> None:
        parts = split_list_key(key)
        if parts is not None:
            for editor in self._lists:
                if editor.model.key == parts[0]:
                    editor.focus_cell(parts[1], parts[2])
                    self.scroll_area.ensureWidgetVisible(editor)
            return
        widget = self.field_widgets.get(key)
        if widget is None:
            return
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        self.scroll_area.ensureWidgetVisible(widget)
