"""One parcel at the agent's warehouse: code, contents, agent, the orders it carries, weight and
sides as typed ("1,25" kg; "50×40×30" in one side field is split into the three), arrival,
restricted goods, declared value, and its photos (a plain list: names, captions, thumbnails when
the photo store has them). Shows a ParcelRow and emits a ParcelInput; the tab saves it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.consolidation.parcels import Dimensions, RestrictedTag
from app.domain.kit.money import Money
from app.services.consolidation.records import OrderRow, ParcelInput, ParcelPhoto, ParcelRow
from app.ui import i18n
from app.ui.consolidation.entry import number_text, read_amount, read_measure, split_sides
from app.ui.consolidation.records_model import Column, RecordsModel, select_row
from app.ui.widgets.date_field import DateField
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError, format_decimal

SIDES = (
    ("length_cm", str(QT_TRANSLATE_NOOP("ParcelForm", "L"))),
    ("width_cm", str(QT_TRANSLATE_NOOP("ParcelForm", "W"))),
    ("height_cm", str(QT_TRANSLATE_NOOP("ParcelForm", "H"))),
)
ORDER_ROLE = Qt.ItemDataRole.UserRole + 1


def tag_text(tag: RestrictedTag) -> str:
    """ "带电 Battery"; the Chinese alone in the Chinese interface."""
    return tag.label_zh if i18n.active() == i18n.CHINESE else f"{tag.label_zh} {tag.label}"


def photo_columns(icons: dict[str, QIcon]) -> list[Column[ParcelPhoto]]:
    return [
        Column(
            QCoreApplication.translate("ParcelForm", "Photo / 照片"),
            lambda p: p.original_name,
            icon=lambda p: icons.get(p.hash),
        ),
        Column(QCoreApplication.translate("ParcelForm", "Caption / 说明"), lambda p: p.caption),
    ]


class ParcelForm(QWidget):
    save_requested = Signal(object)  # ParcelInput
    import_requested = Signal()
    remove_photo_requested = Signal(int)  # parcel photo id
    caption_requested = Signal(int, str)  # parcel photo id, caption

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: ParcelRow | None = None
        self._new = False
        self._loading = False
        self._dirty = False
        self._photo_id: int | None = None  # the photo chosen in the list
        self.icons: dict[str, QIcon] = {}
        self.title = QLabel(self.tr("<b>Parcel</b>"))
        self.code_edit = QLineEdit(placeholderText=self.tr("运单号 or the agent's parcel code"))
        self.label_edit = QLineEdit(placeholderText=self.tr("what is in it, e.g. 帆布包 tote bags"))
        self.agent_box = QComboBox()
        self.agent_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.orders_list = QListWidget()
        self.orders_list.setMaximumHeight(96)
        self.orders_list.setToolTip(
            self.tr("订单: tick the orders this parcel carries (Space ticks)")
        )
        self.weight_edit = QLineEdit(placeholderText=self.tr("kg, e.g. 6.4 or 6,4"))
        self.side_edits = {
            key: QLineEdit(placeholderText=QCoreApplication.translate("ParcelForm", letter))
            for key, letter in SIDES
        }
        self.side_edits["length_cm"].setToolTip(
            self.tr("Sides in cm, any order; or type all three here: 50×40×30")
        )
        self.sorted_label = QLabel()
        self.sorted_label.setWordWrap(True)
        self.arrived = DateField()
        self.tag_boxes = {tag: QCheckBox(tag_text(tag)) for tag in RestrictedTag}
        self.declared_edit = QLineEdit(placeholderText=self.tr("for insurance, e.g. 980.00"))
        self.declared_currency = QComboBox()
        self.declared_currency.setEditable(True)
        self.declared_currency.addItems(("CNY", "USD", "EUR", "GBP"))
        self.note_edit = QLineEdit()
        self.save_button = QPushButton(self.tr("&Save parcel"))
        self.photos = RecordsModel(photo_columns(self.icons), parent=self)
        self.photos_view = QTableView()
        self.photos_view.setModel(self.photos)
        self.photos_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.photos_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.photos_view.verticalHeader().hide()
        self.photos_view.horizontalHeader().setStretchLastSection(True)
        self.photos_view.setColumnWidth(0, 200)
        self.photos_view.setMinimumHeight(90)
        self.import_button = QPushButton(self.tr("&Import photos…"))
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.caption_edit = QLineEdit(
            placeholderText=self.tr("caption of the selected photo, Enter")
        )
        keys = (
            "code",
            "label",
            "agent_id",
            "order_ids",
            "weight_kg",
            "length_cm",
            "width_cm",
            "height_cm",
            "arrived_on",
            "tags",
            "declared_value",
            "note",
        )
        self.errors = {key: error_label() for key in keys}
        self.message_label = error_label()
        self._layout()
        self._connect()
        self.show_parcel(None)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.title)
        self._add(form, self.tr("Code / 运单号"), self.code_edit, "code")
        self._add(form, self.tr("Contents / 货物"), self.label_edit, "label")
        self._add(form, self.tr("Agent / 代理"), self.agent_box, "agent_id")
        self._add(form, self.tr("Orders / 订单"), self.orders_list, "order_ids")
        self._add(form, self.tr("Actual weight / 实重"), self.weight_edit, "weight_kg")
        sides = QHBoxLayout()
        for key, letter in SIDES:
            sides.addWidget(QLabel(QCoreApplication.translate("ParcelForm", letter)))
            sides.addWidget(self.side_edits[key], 1)
        sides.addWidget(QLabel("cm"))
        form.addRow(self.tr("Size / 尺寸"), sides)
        for key, _ in SIDES:
            form.addRow("", self.errors[key])
        form.addRow("", self.sorted_label)
        self._add(form, self.tr("Arrived / 到仓日期"), self.arrived, "arrived_on")
        tags = QGridLayout()
        for number, box in enumerate(self.tag_boxes.values()):
            tags.addWidget(box, number // 2, number % 2)
        form.addRow(self.tr("Restricted / 敏感货"), tags)
        form.addRow("", self.errors["tags"])
        declared = QHBoxLayout()
        declared.addWidget(self.declared_edit, 1)
        declared.addWidget(self.declared_currency)
        form.addRow(self.tr("Declared value / 申报价值"), declared)
        form.addRow("", self.errors["declared_value"])
        self._add(form, self.tr("Note / 备注"), self.note_edit, "note")
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.import_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        photos = QLabel(self.tr("<b>Photos / 照片</b> (the parcel as the agent photographed it)"))
        photos.setWordWrap(True)
        layout.addWidget(photos)
        layout.addWidget(self.photos_view)
        layout.addWidget(self.caption_edit)
        layout.addLayout(photo_buttons)
        layout.addStretch(1)

    def _add(self, form: QFormLayout, label: str, field: QWidget, key: str) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(field)
        box.addWidget(self.errors[key])
        form.addRow(label, box)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self._save)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self._save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for edit in self.side_edits.values():
            edit.editingFinished.connect(lambda edit=edit: self._split(edit))
            edit.textChanged.connect(self._show_sorted)
        self.import_button.clicked.connect(self.import_requested)
        self.remove_photo_button.clicked.connect(self._remove_photo)
        self.caption_edit.returnPressed.connect(self._caption)
        edits = (
            self.code_edit,
            self.label_edit,
            self.weight_edit,
            self.declared_edit,
            self.note_edit,
            *self.side_edits.values(),
        )
        for edit in edits:
            edit.textEdited.connect(self._edited)
        for box in (self.agent_box, self.declared_currency):
            box.currentIndexChanged.connect(self._edited)
        for check in self.tag_boxes.values():
            check.toggled.connect(self._edited)
        self.arrived.dateChanged.connect(self._edited)
        self.orders_list.itemChanged.connect(self._edited)
        self.photos_view.selectionModel().currentRowChanged.connect(self._photo_chosen)

    def _edited(self, *_args: object) -> None:
        if not self._loading and (self._row is not None or self._new):
            self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    def saved(self) -> None:
        self._dirty = False

    # --- the sides -----------------------------------------------------------------------------
    def _split(self, edit: QLineEdit) -> None:
        """ "50×40×30" typed into one side field: the three sides go to their fields."""
        parts = split_sides(edit.text())
        if parts is None:
            return
        for (key, _), text in zip(SIDES, parts, strict=True):
            self.side_edits[key].setText(text)

    def typed_sides(self) -> list[Decimal | None]:
        """The three sides as typed (one field may hold all three); ParseError if unreadable."""
        for edit in self.side_edits.values():
            parts = split_sides(edit.text())
            if parts is not None:
                return [read_measure(part, self.tr("a side")) for part in parts]
        return [read_measure(self.side_edits[key].text(), self.tr("a side")) for key, _ in SIDES]

    def _show_sorted(self) -> None:
        try:
            sides = self.typed_sides()
        except ParseError:
            sides = []
        if len(sides) == 3 and all(side is not None and side > 0 for side in sides):
            dims = Dimensions(*sides)  # type: ignore[arg-type]
            self.sorted_label.setText(
                self.tr("L × W × H = {sides} (longest first: the lines' rule)").format(sides=dims)
            )
        else:
            self.sorted_label.setText("")

    # --- showing -----------------------------------------------------------------------------
    def set_choices(self, agents: list[tuple[int, str]], orders: list[OrderRow]) -> None:
        self._loading = True
        chosen_agent = self.agent_box.currentData()
        self.agent_box.clear()
        self.agent_box.addItem(self.tr("— no agent (180 free days) —"), None)
        for agent_id, name in agents:
            self.agent_box.addItem(name, agent_id)
        self.agent_box.setCurrentIndex(max(self.agent_box.findData(chosen_agent), 0))
        ticked = self.ticked_orders()
        self.orders_list.clear()
        for row in orders:
            order = row.order
            number = order.order_number or f"#{order.id}"
            item = QListWidgetItem(f"{number} · {row.supplier_name} · {order.status.label_zh}")
            item.setData(ORDER_ROLE, order.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if order.id in ticked else Qt.CheckState.Unchecked
            )
            self.orders_list.addItem(item)
        self._loading = False

    def ticked_orders(self) -> list[int]:
        found = []
        for number in range(self.orders_list.count()):
            item = self.orders_list.item(number)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(ORDER_ROLE))
        return found

    def show_parcel(self, row: ParcelRow | None, *, new: ParcelInput | None = None) -> None:
        """Edit `row`, or a `new` parcel, or nothing."""
        self._loading = True
        try:
            self._show(row, new)
        finally:
            self._loading = False
            self._dirty = False

    def _photo_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():  # a refresh of the list keeps the photo chosen
            photo = self.photos.record(current.row())
            self._photo_id = photo.id
            self.caption_edit.setText(photo.caption)

    def _show(self, row: ParcelRow | None, new: ParcelInput | None) -> None:
        if row is None or self._row is None or row.id != self._row.id:
            self._photo_id = None
        self._row = row
        self._new = new is not None
        shown = row.as_input() if row is not None else new
        self.show_errors({})
        self.setEnabled(shown is not None)
        self.photos.set_rows([])
        if shown is None:
            self.title.setText(self.tr("<b>Parcel</b> — choose a parcel, or New parcel (Ctrl+N)"))
            return
        title = (
            self.tr("New parcel") if row is None else (row.code or row.parcel.label or f"#{row.id}")
        )
        self.title.setText(f"<b>{title}</b>")
        self.code_edit.setText(shown.code)
        self.label_edit.setText(shown.label)
        self.agent_box.setCurrentIndex(max(self.agent_box.findData(shown.agent_id), 0))
        first = None
        for number in range(self.orders_list.count()):
            item = self.orders_list.item(number)
            checked = item.data(ORDER_ROLE) in shown.order_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            first = first or (item if checked else None)
        if first is not None:
            self.orders_list.scrollToItem(first)  # the orders it carries are in sight
        self.weight_edit.setText(number_text(shown.weight_kg))
        for key, _ in SIDES:
            self.side_edits[key].setText(number_text(getattr(shown, key)))
        self.arrived.set_value(shown.arrived_on)
        for tag, box in self.tag_boxes.items():
            box.setChecked(tag in shown.tags)
        declared = shown.declared_value
        self.declared_edit.setText("" if declared is None else format_decimal(declared.amount))
        self.declared_currency.setCurrentText("CNY" if declared is None else declared.currency)
        self.note_edit.setText(shown.note)
        photos_ok = row is not None
        for widget in (self.import_button, self.remove_photo_button, self.caption_edit):
            widget.setEnabled(photos_ok)
        self.import_button.setToolTip("" if photos_ok else self.tr("Save the parcel first"))

    def show_photos(self, photos: list[ParcelPhoto], icons: dict[str, QIcon]) -> None:
        self.icons.clear()
        self.icons.update(icons)
        self.photos.set_rows(photos)
        row = None if self._photo_id is None else self.photos.row_of(self._photo_id)
        if row is not None:
            select_row(self.photos_view, row)
        else:
            self.caption_edit.setText("")

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            text = errors.get(key, "")
            label.setText(f"⚠ {text}" if text else "")
            label.setVisible(bool(text))
        others = [text for key, text in errors.items() if key not in self.errors]
        self.message_label.setText("⚠ " + " ".join(others) if others else "")

    def current_row(self) -> ParcelRow | None:
        return self._row

    # --- editing -----------------------------------------------------------------------------
    def parcel(self) -> ParcelInput | None:
        """The parcel as typed, or None after showing what could not be read."""
        if self._row is None and not self._new:
            return None
        errors: dict[str, str] = {}
        weight = self._measure(self.weight_edit.text(), self.tr("the weight"), "weight_kg", errors)
        try:
            sides = self.typed_sides()
        except ParseError as error:
            errors["length_cm"] = str(error)
            sides = [None, None, None]
        declared: Money | None = None
        try:
            amount = read_amount(self.declared_edit.text(), self.tr("the declared value"))
            currency = self.declared_currency.currentText().strip().upper()
            declared = None if amount is None else Money(amount, currency)
        except ParseError as error:
            errors["declared_value"] = str(error)
        if errors:
            self.show_errors(errors)
            return None
        return ParcelInput(
            weight,
            sides[0],
            sides[1],
            sides[2],
            code=self.code_edit.text().strip(),
            label=self.label_edit.text().strip(),
            agent_id=self.agent_box.currentData(),
            arrived_on=self.arrived.value(),
            tags=frozenset(tag for tag, box in self.tag_boxes.items() if box.isChecked()),
            declared_value=declared,
            order_ids=tuple(self.ticked_orders()),
            note=self.note_edit.text().strip(),
            id=None if self._row is None else self._row.id,
        )

    @staticmethod
    def _measure(text: str, what: str, key: str, errors: dict[str, str]) -> Decimal | None:
        try:
            return read_measure(text, what)
        except ParseError as error:
            errors[key] = str(error)
            return None

    def _save(self) -> None:
        parcel = self.parcel()
        if parcel is not None:
            self.save_requested.emit(parcel)

    def _current_photo(self) -> ParcelPhoto | None:
        index = self.photos_view.currentIndex()
        return self.photos.record(index.row()) if index.isValid() else None

    def _remove_photo(self) -> None:
        photo = self._current_photo()
        if photo is not None:
            self.remove_photo_requested.emit(photo.id)

    def _caption(self) -> None:
        photo = self._current_photo()
        if photo is not None:
            self.caption_requested.emit(photo.id, self.caption_edit.text().strip())
