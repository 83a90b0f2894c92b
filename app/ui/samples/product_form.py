"""Edit a product (issue 4): names, category, the target spec samples are measured against and
its own scoring criteria. Data in (`show_product`), signals out (`save_requested`,
`revert_requested`); the tab stores it and hands refusals back to `show_errors`. Numbers are
Decimal, never float; a comma that is not a thousands separator ("12,5") is refused, not
guessed: read as one, 12,5 cm would become 125 cm."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.samples.sample import (
    BUILT_IN_CRITERIA,
    MEASUREMENTS,
    Criterion,
    CriterionKind,
    Product,
)
from app.domain.samples.validation import product_problems
from app.ui.samples.form_fields import criterion_label, term
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError, parse_optional_decimal

_TEXTS = (  # (field, label, placeholder), in ProductForm's translation context
    (
        "name",
        str(QT_TRANSLATE_NOOP("ProductForm", "&Name")),
        str(QT_TRANSLATE_NOOP("ProductForm", "e.g. Magnetic phone stand")),
    ),
    ("name_zh", str(QT_TRANSLATE_NOOP("ProductForm", "Chinese name")), "例如 磁吸手机支架"),
    (
        "category",
        str(QT_TRANSLATE_NOOP("ProductForm", "Category")),
        str(QT_TRANSLATE_NOOP("ProductForm", "e.g. phone accessories")),
    ),
    (
        "material",
        str(QT_TRANSLATE_NOOP("ProductForm", "Material")),
        str(QT_TRANSLATE_NOOP("ProductForm", "e.g. aluminium alloy, silicone pads")),
    ),
    (
        "colour",
        str(QT_TRANSLATE_NOOP("ProductForm", "Colour")),
        str(QT_TRANSLATE_NOOP("ProductForm", "e.g. space grey")),
    ),
)
KIND_LABELS = {
    CriterionKind.SCORE: str(QT_TRANSLATE_NOOP("ProductForm", "Score 1-5")),
    CriterionKind.PASS_FAIL: str(QT_TRANSLATE_NOOP("ProductForm", "Pass / fail")),
}
CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Criterion (built-ins too)
_DECIMAL_COMMA = re.compile(r",(?!\d{3}(?!\d))")  # a comma not followed by exactly 3 digits
_PLAIN_NUMBER = re.compile(r"-?(\d[\d,]*(\.\d*)?|\.\d+)")  # no 1e9: a spec is typed out
_BUILT_IN_INK = "#6b6b6b"
_EDITING = QAbstractItemView.State.EditingState


def parse_spec(text: str, label: str, unit: str) -> Decimal | None:
    """'' -> None; '12.5', '12.5 cm', '1,200' -> Decimal; anything else -> ParseError naming
    the field ('Target length (cm): '12,5x' is not a number...')."""
    cleaned = re.sub(rf"\s*{re.escape(unit)}\s*$", "", text.strip().replace("，", ","), flags=re.I)
    if _DECIMAL_COMMA.search(cleaned):
        problem = QCoreApplication.translate(
            "ProductForm",
            "{label} ({unit}): '{text}' is not a number; type it like 12.5, or clear it (a "
            "point for decimals, not a comma).",
        )
        raise ParseError(problem.format(label=label, unit=unit, text=text.strip()))
    if cleaned and not _PLAIN_NUMBER.fullmatch(cleaned):
        problem = QCoreApplication.translate(
            "ProductForm",
            "{label} ({unit}): '{text}' is not a number; type it like 12.5, or clear it.",
        )
        raise ParseError(problem.format(label=label, unit=unit, text=text.strip()))
    return parse_optional_decimal(cleaned, label)  # a plain number now: it reads


class ProductForm(QGroupBox):
    save_requested = Signal(object)  # Product
    revert_requested = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Product and target spec"), parent)
        self._product = Product()
        self._snapshot: tuple = ()
        self._dirty = False
        self.field_errors: dict[str, QLabel] = {}  # field -> the label beside its editor
        self.text_edits = {
            field: QLineEdit(placeholderText=QCoreApplication.translate("ProductForm", hint))
            for field, _, hint in _TEXTS
        }
        self.spec_edits = {name: QLineEdit(placeholderText=unit) for name, _, unit in MEASUREMENTS}
        self.notes_edit = QPlainTextEdit(placeholderText=self.tr("What the samples must meet"))
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.criteria = QStandardItemModel(0, 2, self)
        self.criteria.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Scored")])
        self.criteria_view = _criteria_table(self.criteria)
        self.new_criterion = QLineEdit(placeholderText=self.tr("New criterion, e.g. Stitching"))
        self.new_kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.new_kind.addItem(QCoreApplication.translate("ProductForm", label), kind.value)
        self.add_button = QPushButton(self.tr("&Add"))
        self.rename_button = QPushButton(self.tr("Rena&me"))
        self.remove_button = QPushButton(self.tr("Remo&ve"))
        self.criteria_hint = QLabel()
        self.criteria_hint.setWordWrap(True)
        self.general_errors = error_label()
        self.save_button = QPushButton(self.tr("&Save product"))
        self.save_button.setToolTip(self.tr("Store the product, its spec and criteria (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo the changes not saved yet (Esc)"))
        self._lay_out()
        self._connect()
        self.show_product(Product())

    # --- layout ----------------------------------------------------------------------------
    def _lay_out(self) -> None:
        form = QFormLayout()
        for field, label, _hint in _TEXTS[:3]:
            row = self._with_error(_row(self.text_edits[field]), field)
            form.addRow(QCoreApplication.translate("ProductForm", label), row)
        spec = self.spec_edits
        size = _row(spec["length_cm"], "×", spec["width_cm"], "×", spec["height_cm"], "cm", None)
        dimensions = ("length_cm", "width_cm", "height_cm")
        form.addRow(self.tr("Target size L × W × H"), self._with_error(size, *dimensions))
        weight = _row(spec["weight_kg"], "kg", None)  # numbers need no full-width field
        form.addRow(self.tr("Target weight"), self._with_error(weight, "weight_kg"))
        for field, label, _hint in _TEXTS[3:]:
            row = self._with_error(_row(self.text_edits[field]), field)
            form.addRow(QCoreApplication.translate("ProductForm", label), row)
        form.addRow(self.tr("Notes"), self._with_error(_row(self.notes_edit), "notes"))

        criteria_box = QGroupBox(self.tr("Scoring criteria"))
        inner = QVBoxLayout(criteria_box)
        inner.addWidget(self.criteria_view)
        inner.addLayout(_row(None, self.rename_button, self.remove_button))
        inner.addLayout(_row(self.new_criterion, self.new_kind, self.add_button))
        inner.addWidget(self._errors_for("criteria"))
        inner.addWidget(self.criteria_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(criteria_box)
        layout.addWidget(self.general_errors)
        layout.addLayout(_row(self.save_button, self.revert_button, None))
        layout.addStretch(1)

    def _with_error(self, editors: QHBoxLayout, *fields: str) -> QWidget:
        """The editors with their message under them (hidden while there is none)."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(editors)
        layout.addWidget(self._errors_for(*fields))
        return box

    def _errors_for(self, *fields: str) -> QLabel:
        label = error_label()
        label.hide()
        for field in fields:
            self.field_errors[field] = label
        return label

    def _connect(self) -> None:
        for edit in [*self.text_edits.values(), *self.spec_edits.values()]:
            edit.textChanged.connect(self._update_dirty)
        self.notes_edit.textChanged.connect(self._update_dirty)
        self.criteria.itemChanged.connect(self._update_dirty)
        self.criteria_view.selectionModel().currentRowChanged.connect(self._update_dirty)
        self.new_criterion.returnPressed.connect(self.add_criterion)
        self.add_button.clicked.connect(self.add_criterion)
        self.rename_button.clicked.connect(self.rename_criterion)
        self.remove_button.clicked.connect(self.remove_criterion)
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(self.revert)
        # Anywhere in the form; an open criterion cell takes Esc itself (it cancels the edit).
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self._save),
            (Qt.Key.Key_Escape, self.revert),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- data in and out -------------------------------------------------------------------
    def show_product(self, product: Product) -> None:
        """Show this product (Product() for a new one); it becomes what Revert goes back to."""
        self._product = product
        for field, edit in self.text_edits.items():
            edit.setText(getattr(product, field))
        for name, edit in self.spec_edits.items():
            value = getattr(product, name)
            edit.setText("" if value is None else f"{value:f}")  # as entered: 12.0 stays 12.0
        self.notes_edit.setPlainText(product.notes)
        self.criteria.removeRows(0, self.criteria.rowCount())
        for criterion in product.all_criteria:
            self._append_criterion(criterion)
        self.new_criterion.clear()
        self.criteria_hint.setText(
            self.tr("Every product is scored on the first four; add its own below.")
        )
        self.show_errors({})
        self._snapshot = self._state()
        self._update_dirty()

    def product(self) -> Product:
        """The product as typed; raises ValueError (ParseError) naming the field of a bad number."""
        product, problems = self._read()
        if problems:
            raise ParseError(next(iter(problems.values())))
        return product

    def is_dirty(self) -> bool:
        return self._dirty

    def show_errors(self, field_errors: dict[str, str]) -> None:
        """Each message beside its field ('criteria[2]' beside the criteria list naming the
        criterion); messages for fields the form does not show go under it. {} clears all."""
        shown: dict[QLabel, list[str]] = {label: [] for label in self.field_errors.values()}
        general: list[str] = []
        own = self._own_criteria()
        for key, message in field_errors.items():
            found = re.fullmatch(r"criteria\[(\d+)\]", key)
            index = int(found.group(1)) if found else len(own)
            if index < len(own):
                shown[self.field_errors["criteria"]].append(f"{own[index].name}: {message}")
            elif key in self.field_errors:
                shown[self.field_errors[key]].append(message)
            else:
                general.append(message)
        for label, messages in [*shown.items(), (self.general_errors, general)]:
            label.setText("\n".join(f"⚠ {message}" for message in messages))
            label.setVisible(bool(messages))

    # --- criteria ----------------------------------------------------------------------------
    def add_criterion(self) -> None:
        name = self.new_criterion.text().strip()
        kind = CriterionKind(self.new_kind.currentData())
        own = self._own_criteria()
        problems = product_problems(Product(name="-", criteria=(*own, Criterion(name, kind))))
        problem = problems.get(f"criteria[{len(own)}]")
        if problem:
            self.show_errors({"criteria": problem})
            self.new_criterion.setFocus()
            return
        self._append_criterion(Criterion(name, kind))
        self.new_criterion.clear()
        self.show_errors({})
        self.criteria_view.selectRow(self.criteria.rowCount() - 1)
        self._update_dirty()

    def rename_criterion(self) -> None:
        row = self._selected_own_row()
        if row is not None:
            self.criteria_view.setFocus()
            self.criteria_view.edit(self.criteria.index(row, 0))

    def remove_criterion(self) -> None:
        row = self._selected_own_row()
        if row is None:
            return
        criterion: Criterion = self.criteria.item(row, 0).data(CRITERION_ROLE)
        self.criteria.removeRow(row)
        if criterion.id is not None:  # stored: its scores go with it when the product is saved
            self.criteria_hint.setText(
                self.tr(
                    "'{criterion}' and its scores will be deleted when you save; Revert (Esc) "
                    "keeps them."
                ).format(criterion=criterion.name)
            )
        self._update_dirty()

    def _append_criterion(self, criterion: Criterion) -> None:
        name = QStandardItem(criterion_label(criterion))
        name.setData(criterion, CRITERION_ROLE)
        kind = QStandardItem(QCoreApplication.translate("ProductForm", KIND_LABELS[criterion.kind]))
        kind.setEditable(False)
        name.setEditable(not criterion.built_in)
        if criterion.built_in:
            for item in (name, kind):
                item.setForeground(QBrush(_BUILT_IN_INK))
                item.setToolTip(self.tr("Built in: every product is scored on it."))
                item.setSelectable(False)
        else:
            name.setToolTip(self.tr("Double-click or F2 to rename; its scores keep the new name."))
        self.criteria.appendRow([name, kind])

    def _own_criteria(self) -> tuple[Criterion, ...]:
        own = []
        for row in range(len(BUILT_IN_CRITERIA), self.criteria.rowCount()):
            item = self.criteria.item(row, 0)
            criterion: Criterion = item.data(CRITERION_ROLE)
            own.append(replace(criterion, name=item.text().strip()))  # a rename keeps its id
        return tuple(own)

    def _selected_own_row(self) -> int | None:
        row = self.criteria_view.currentIndex().row()
        return row if row >= len(BUILT_IN_CRITERIA) else None

    # --- behaviour ---------------------------------------------------------------------------
    def _read(self) -> tuple[Product, dict[str, str]]:
        """The product as typed (an unreadable number as None) and the numbers it could not read."""
        spec: dict[str, Decimal | None] = {}
        problems: dict[str, str] = {}
        for name, label, unit in MEASUREMENTS:
            try:
                target = self.tr("Target {measure}").format(measure=term(label).lower())
                spec[name] = parse_spec(self.spec_edits[name].text(), target, unit)
            except ParseError as error:
                spec[name], problems[name] = None, str(error)
        texts = {field: edit.text().strip() for field, edit in self.text_edits.items()}
        # By field name, so typed Any: the type checker cannot pair each name with its field.
        fields: dict[str, Any] = {**texts, **spec}
        notes, criteria = self.notes_edit.toPlainText().strip(), self._own_criteria()
        return replace(self._product, **fields, notes=notes, criteria=criteria), problems

    def _state(self) -> tuple:
        texts = [edit.text() for edit in [*self.text_edits.values(), *self.spec_edits.values()]]
        return (*texts, self.notes_edit.toPlainText(), self._own_criteria())

    def _update_dirty(self, *_args: object) -> None:
        """After any change (and a new current criterion): buttons follow what can be done."""
        dirty, own = self._state() != self._snapshot, self._selected_own_row() is not None
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.rename_button.setEnabled(own)
        self.remove_button.setEnabled(own)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _save(self) -> None:
        """Check what the form can check (numbers, then the product rules) before asking."""
        editor = QApplication.focusWidget()
        if editor is not None and self.criteria_view.state() == _EDITING:  # keep what is typed
            self.criteria_view.commitData(editor)
            self.criteria_view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        product, unreadable = self._read()
        problems = {**product_problems(product), **unreadable}
        self.show_errors(problems)
        if not problems:
            self.save_requested.emit(product)

    def revert(self) -> None:
        """Back to the product last shown; the tab may show it afresh from the database."""
        self.show_product(self._product)
        self.revert_requested.emit()


def _row(*parts: QWidget | str | None) -> QHBoxLayout:
    """Side by side: a text field takes the room, a str is a label, None a stretch."""
    row = QHBoxLayout()
    for part in parts:
        if part is None:
            row.addStretch(1)
        else:
            widget = QLabel(part) if isinstance(part, str) else part
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit | QPlainTextEdit) else 0)
    return row


def _criteria_table(model: QStandardItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(0, view.horizontalHeader().ResizeMode.Stretch)
    view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * 7)
    return view
