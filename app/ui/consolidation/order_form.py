"""One 1688 order: supplier, order number, status, items (product, quantity, unit price,
currency, HS code: a new item of a product with an agreed quote starts from that price),
domestic shipping, tracking number and dates. Shows an Order and emits one; the tab saves it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.consolidation.orders import OrderStatus
from app.domain.kit.money import Money
from app.services.consolidation.records import Order, OrderItem, SuggestedPrice
from app.ui.consolidation.entry import both, read_amount, read_whole
from app.ui.consolidation.records_model import TextGridModel
from app.ui.widgets.date_field import DateField
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError, format_decimal
from app.ui.widgets.supplier_picker import SupplierPicker

CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD")
PRODUCT, QUANTITY, PRICE, CURRENCY, HS_CODE = range(5)
ITEM_HEADERS = (
    str(QT_TRANSLATE_NOOP("OrderForm", "Product / 产品")),
    str(QT_TRANSLATE_NOOP("OrderForm", "Qty / 数量")),
    str(QT_TRANSLATE_NOOP("OrderForm", "Unit price / 单价")),
    str(QT_TRANSLATE_NOOP("OrderForm", "Currency")),
    str(QT_TRANSLATE_NOOP("OrderForm", "HS code")),
)
ITEM_TIPS = (
    str(
        QT_TRANSLATE_NOOP(
            "OrderForm", "Choose the product (F2 or double-click); an agreed quote fills the price"
        )
    ),
    str(QT_TRANSLATE_NOOP("OrderForm", "Pieces ordered")),
    str(QT_TRANSLATE_NOOP("OrderForm", "Exact unit price as 1688 shows it (up to 3 places)")),
    str(QT_TRANSLATE_NOOP("OrderForm", "币种: CNY on 1688")),
    str(QT_TRANSLATE_NOOP("OrderForm", "海关编码 (HS code), digits with dots: 6307.90")),
)
DATES = (
    ("ordered_on", str(QT_TRANSLATE_NOOP("OrderForm", "Ordered / 下单日期"))),
    ("paid_on", str(QT_TRANSLATE_NOOP("OrderForm", "Paid / 付款日期"))),
    ("shipped_on", str(QT_TRANSLATE_NOOP("OrderForm", "Shipped / 发货日期"))),
    ("delivered_on", str(QT_TRANSLATE_NOOP("OrderForm", "Signed for / 签收日期"))),
)
Index = QModelIndex | QPersistentModelIndex


def translated(texts: tuple[str, ...]) -> tuple[str, ...]:
    """This module's constants in the interface language."""
    return tuple(QCoreApplication.translate("OrderForm", text) for text in texts)


def choice_box(items: list[tuple[int, str]], chosen: object = None) -> QComboBox:
    """An editable picker searchable by any part of the name."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)  # long Chinese names must not widen the form
    fill_choices(box, items, chosen)
    return box


def fill_choices(box: QComboBox, items: list[tuple[int, str]], chosen: object = None) -> None:
    box.blockSignals(True)
    box.clear()
    for item_id, name in items:
        box.addItem(name, item_id)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = box.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCurrentIndex(box.findData(chosen) if chosen is not None else -1)
    box.blockSignals(False)


class ItemsModel(TextGridModel):
    """The order's items as typed; the product cell holds the product id as text."""

    product_chosen = Signal(int, int)  # row, product id

    def __init__(self, parent: Any = None) -> None:
        super().__init__(translated(ITEM_HEADERS), translated(ITEM_TIPS), parent)
        self.product_names: dict[int, str] = {}

    def display(self, row: int, column: int) -> str:
        text = self.cells[row][column]
        if column == PRODUCT and text:
            return self.product_names.get(
                int(text), self.tr("product #{id} (gone)").format(id=text)
            )
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        changed = super().setData(index, value, role)
        if changed and index.column() == PRODUCT and str(value or "").isdigit():
            self.product_chosen.emit(index.row(), int(value))
        return changed


class ProductDelegate(QStyledItemDelegate):
    """The product cell's editor: the products as a searchable picker."""

    def __init__(self, model: ItemsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.items_model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != PRODUCT:
            return super().createEditor(parent, option, index)
        box = choice_box(sorted(self.items_model.product_names.items(), key=lambda p: p[1]))
        box.setParent(parent)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            text = self.items_model.cells[index.row()][PRODUCT]
            editor.setCurrentIndex(editor.findData(int(text)) if text else -1)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            chosen = editor.currentData()
            if chosen is not None:
                model.setData(index, str(chosen))
            return
        super().setModelData(editor, model, index)


class OrderForm(QWidget):
    save_requested = Signal(object)  # Order
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._order: Order | None = None
        self._loading = False
        self._dirty = False
        self.suggest: Callable[[int], SuggestedPrice | None] | None = None
        self.title = QLabel(self.tr("<b>Order</b>"))
        self.supplier_box = SupplierPicker()  # Chinese, English, pinyin or initials
        self.number_edit = QLineEdit(
            placeholderText=self.tr("1688 订单号, e.g. 3421658712345678901")
        )
        self.status_box = QComboBox()
        for status in OrderStatus:
            self.status_box.addItem(both(status.label, status.label_zh), status.value)
        self.items = ItemsModel(self)
        self.items_view = QTableView()
        self.items_view.setModel(self.items)
        self.items_view.setItemDelegate(ProductDelegate(self.items, self.items_view))
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.items_view.setMinimumHeight(120)
        self.items_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 45, 70, 45)):
            self.items_view.setColumnWidth(column, width)
        self.remove_item_button = QPushButton(self.tr("Remove item"))
        self.shipping_edit = QLineEdit(placeholderText=self.tr("per order, e.g. 12.00"))
        self.shipping_currency = QComboBox()
        self.shipping_currency.setEditable(True)
        self.shipping_currency.addItems(CURRENCIES)
        self.tracking_edit = QLineEdit(
            placeholderText=self.tr("国内运单号 the supplier's tracking number")
        )
        self.dates = {key: DateField() for key, _ in DATES}
        self.note_edit = QLineEdit()
        self.save_button = QPushButton(self.tr("&Save order"))
        self.errors = {
            key: error_label()
            for key in (
                "supplier_id",
                "order_number",
                "status",
                "items",
                "domestic_shipping",
                "tracking_number",
                "note",
                *self.dates,
            )
        }
        self.message_label = error_label()
        self._layout()
        self._connect()
        self.show_order(None)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.title)
        self._row(form, self.tr("Supplier / 供应商"), self.supplier_box, "supplier_id")
        self._row(form, self.tr("Order № / 订单号"), self.number_edit, "order_number")
        self._row(form, self.tr("Status / 状态"), self.status_box, "status")
        items = QVBoxLayout()
        items.addWidget(self.items_view)
        items.addWidget(self.remove_item_button, 0, Qt.AlignmentFlag.AlignLeft)
        items.addWidget(self.errors["items"])
        form.addRow(self.tr("Items / 商品"), items)
        shipping = QHBoxLayout()
        shipping.addWidget(self.shipping_edit, 1)
        shipping.addWidget(self.shipping_currency)
        form.addRow(self.tr("Domestic shipping / 运费"), shipping)
        form.addRow("", self.errors["domestic_shipping"])
        self._row(form, self.tr("Tracking № / 运单号"), self.tracking_edit, "tracking_number")
        for key, label in DATES:
            self._row(form, QCoreApplication.translate("OrderForm", label), self.dates[key], key)
        self._row(form, self.tr("Note / 备注"), self.note_edit, "note")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _row(self, form: QFormLayout, label: str, field: QWidget, key: str) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(field)
        box.addWidget(self.errors[key])
        form.addRow(label, box)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self._save)
        self.remove_item_button.clicked.connect(
            lambda: self.items.remove_row(self.items_view.currentIndex().row())
        )
        self.items.product_chosen.connect(self._fill_from_quote)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self._save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for edit in (self.number_edit, self.shipping_edit, self.tracking_edit, self.note_edit):
            edit.textEdited.connect(self._edited)
        for box in (self.supplier_box, self.status_box, self.shipping_currency):
            box.currentIndexChanged.connect(self._edited)
        for field in self.dates.values():
            field.dateChanged.connect(self._edited)
        self.items.dataChanged.connect(self._edited)
        self.items.rowsRemoved.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._loading and self._order is not None:
            self._dirty = True

    # --- showing -----------------------------------------------------------------------------
    def set_choices(self, suppliers: list[tuple[int, str, str]], products: dict[int, str]) -> None:
        self._loading = True
        self.supplier_box.set_suppliers(suppliers)
        self._loading = False
        self.items.product_names = dict(products)
        self.items.layoutChanged.emit()

    def show_order(self, order: Order | None) -> None:
        """Edit `order` (a new one has no id), or nothing."""
        self._loading = True
        self._order = order
        self.show_errors({})
        self.setEnabled(order is not None)
        if order is None:
            self.title.setText(self.tr("<b>Order</b> — choose an order, or New order (Ctrl+N)"))
            self.items.set_cells([])
        else:
            number = order.order_number or self.tr("new order")
            title = self.tr("New order") if order.id is None else number
            self.title.setText(f"<b>{title}</b>")
            self.supplier_box.set_current_id(order.supplier_id)
            self.number_edit.setText(order.order_number)
            self.status_box.setCurrentIndex(self.status_box.findData(order.status.value))
            self.items.set_cells(
                [
                    [str(i.product_id), str(i.quantity), f"{i.unit_price:f}", i.currency, i.hs_code]
                    for i in order.items
                ]
            )
            shipping = order.domestic_shipping
            self.shipping_edit.setText("" if shipping is None else format_decimal(shipping.amount))
            self.shipping_currency.setCurrentText("CNY" if shipping is None else shipping.currency)
            self.tracking_edit.setText(order.tracking_number)
            for key, field in self.dates.items():
                field.set_value(getattr(order, key))
            self.note_edit.setText(order.note)
        self._loading = False
        self._dirty = False

    def show_errors(self, errors: dict[str, str]) -> None:
        items = [
            self.tr("Item {number}: {problem}").format(
                number=int(key[6 : key.index("]")]) + 1, problem=text
            )
            for key, text in errors.items()
            if key.startswith("items[")
        ]
        shown = dict(errors)
        if items:
            shown["items"] = " ".join(items)
        for key, label in self.errors.items():
            text = shown.get(key, "")
            label.setText(f"⚠ {text}" if text else "")
            label.setVisible(bool(text))
        others = [
            t for k, t in errors.items() if k not in self.errors and not k.startswith("items[")
        ]
        self.message_label.setText("⚠ " + " ".join(others) if others else "")

    def is_dirty(self) -> bool:
        return self._dirty

    def current_order(self) -> Order | None:
        return self._order

    # --- editing -----------------------------------------------------------------------------
    def _fill_from_quote(self, row: int, product_id: int) -> None:
        """A product chosen for an item with no price yet: the agreed quote's price, if any."""
        cells = self.items.cells[row]
        if self._loading or self.suggest is None or cells[PRICE].strip():
            return
        suggestion = self.suggest(product_id)
        if suggestion is None:
            self.message.emit(self.tr("No agreed quote for this product: type its unit price."))
            return
        for column, text in (
            (PRICE, f"{suggestion.unit_price:f}"),
            (CURRENCY, suggestion.currency),
            (QUANTITY, "" if suggestion.quantity is None else str(suggestion.quantity)),
        ):
            if text and not cells[column].strip():
                self.items.setData(self.items.index(row, column), text)
        other = suggestion.supplier_id != self.supplier_box.currentData()
        text = (
            self.tr("Unit price {price} from the agreed quote (agreed with another supplier).")
            if other
            else self.tr("Unit price {price} from the agreed quote.")
        )
        self.message.emit(text.format(price=f"{suggestion.unit_price:f} {suggestion.currency}"))

    def order(self) -> Order | None:
        """The order as typed, or None after showing what could not be read."""
        if self._order is None:
            return None
        errors: dict[str, str] = {}
        items: list[OrderItem] = []
        for number, cells in self.items.filled():
            product, quantity_text, price_text, currency, hs_code = cells
            key = f"items[{number - 1}]"
            try:
                quantity = read_whole(quantity_text, self.tr("the quantity"))
                price = read_amount(price_text, self.tr("the unit price"))
            except ParseError as error:
                errors[f"{key}.quantity"] = str(error)
                continue
            if not product:
                errors[f"{key}.product_id"] = self.tr("Choose the product.")
            elif quantity is None or price is None:
                errors[f"{key}.quantity"] = self.tr("Type the quantity and the unit price.")
            else:
                items.append(
                    OrderItem(
                        int(product),
                        quantity,
                        price,
                        currency.strip().upper() or "CNY",
                        hs_code.strip(),
                    )
                )
        try:
            amount = read_amount(self.shipping_edit.text(), self.tr("the domestic shipping"))
        except ParseError as error:
            errors["domestic_shipping"] = str(error)
            amount = None
        dates: dict[str, date | None] = {}
        for key, field in self.dates.items():
            try:
                dates[key] = field.checked_value()
            except ParseError as error:
                errors[key] = str(error)
        supplier = self.supplier_box.currentData()
        if supplier is None:
            errors["supplier_id"] = self.tr("Choose the supplier of the order.")
        if errors:
            self.show_errors(errors)
            return None
        currency = self.shipping_currency.currentText().strip().upper()
        return replace(
            self._order,
            supplier_id=supplier,
            order_number=self.number_edit.text().strip(),
            status=OrderStatus(self.status_box.currentData()),
            items=tuple(items),
            domestic_shipping=None if amount is None else Money(amount, currency),
            tracking_number=self.tracking_edit.text().strip(),
            note=self.note_edit.text().strip(),
            ordered_on=dates["ordered_on"],
            paid_on=dates["paid_on"],
            shipped_on=dates["shipped_on"],
            delivered_on=dates["delivered_on"],
        )

    def _save(self) -> None:
        order = self.order()
        if order is not None:
            self.save_requested.emit(order)

    def saved(self) -> None:
        self._dirty = False
