"""The supplier editor's widgets and layout only; behaviour lives in detail_editor."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.suppliers.choices import BusinessType, Membership, Status
from app.domain.suppliers.membership import membership_table_text
from app.ui.suppliers.editor_widgets import (
    ChoiceCombo,
    ErrorLabel,
    ListEditor,
    ListTexts,
    ProvinceCombo,
    TriStateCombo,
    set_help,
)
from app.ui.suppliers.list_models import (
    CertificationListModel,
    ContactListModel,
    RedFlagListModel,
)

CURRENCIES = ("CNY", "USD", "EUR", "GBP", "HKD")
# Marked for translation here, translated where shown (context "SupplierEditorView").
MEMBER_SINCE_HINT = str(QT_TRANSLATE_NOOP("SupplierEditorView", "year or year-month"))
PROTECTION_TEXTS: dict[bool | None, str] = {
    None: str(QT_TRANSLATE_NOOP("SupplierEditorView", "unknown (not checked yet)")),
    True: str(QT_TRANSLATE_NOOP("SupplierEditorView", "yes: keeps a deposit (买家保障)")),
    False: str(QT_TRANSLATE_NOOP("SupplierEditorView", "no deposit")),
}
PROTECTION_HELP = str(
    QT_TRANSLATE_NOOP(
        "SupplierEditorView",
        "Buyer protection (买家保障 / 交易保障): whether the supplier keeps a deposit with 1688 "
        "for buyers (typically 3,000 CNY). Leave it unknown until you have checked: an unknown "
        "input is left out of the credit rating, a no counts against it.",
    )
)
READING_STYLE = "color: palette(placeholder-text)"  # grey, as the other "= 3,200" readings
EMPTY_HINT = str(QT_TRANSLATE_NOOP("SupplierEditorView", "Select a supplier or press Ctrl+N"))
_NUMBER_WIDTH = 90
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")  # "(&N)" after a Chinese label, "&" in an English one
MIN_WIDTH, MIN_HEIGHT = 120, 240
PREFERRED_WIDTH, PREFERRED_HEIGHT = 460, 700


class SupplierEditorView(QWidget):
    """Every field of a supplier in group boxes inside a scroll area, with Save and Revert."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supplierEditor")
        # field key (as validate_supplier names it) -> the label under that field, in form order
        self.error_labels: dict[str, ErrorLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self._labels: list[QLabel] = []

        self.hint = QLabel(translated(EMPTY_HINT))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #5f6368; padding: 8px;")

        self.form = QWidget()
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(4, 4, 4, 4)
        form_layout.addWidget(self._identity())
        form_layout.addWidget(self._location())
        form_layout.addWidget(self._shop())
        form_layout.addWidget(self._performance())
        form_layout.addWidget(self._tags())
        contacts = ListTexts(self.tr("Contacts"), self.tr("Add contact"), self.tr("Remove contact"))
        self.contacts = ListEditor(ContactListModel(self), contacts, visible_rows=2)
        form_layout.addWidget(self._list_group(self.tr("Contacts"), self.contacts))
        certifications = ListTexts(
            self.tr("Certifications"), self.tr("Add certification"), self.tr("Remove certification")
        )
        self.certifications = ListEditor(CertificationListModel(today, self), certifications)
        form_layout.addWidget(self._list_group(self.tr("Certi&fications"), self.certifications))
        red_flags = ListTexts(
            self.tr("Red flags"), self.tr("Add red flag"), self.tr("Remove red flag")
        )
        self.red_flags = ListEditor(RedFlagListModel(today, self), red_flags, visible_rows=2)
        form_layout.addWidget(self._list_group(self.tr("Red fla&gs"), self.red_flags))
        form_layout.addWidget(self._notes())
        form_layout.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.form)

        self.general_errors = ErrorLabel()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save this supplier (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo the changes not saved yet (Esc)"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.general_errors)
        layout.addLayout(buttons)
        self._set_tab_order()
        self.setFocusProxy(self.name_zh)
        # One label column across all group boxes, so the fields line up.
        label_width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(label_width)
        # A fixed minimum: showing an error or the hint must not resize the window around it.
        # Narrower than the form, the scroll area scrolls sideways too.
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)

    def sizeHint(self) -> QSize:
        """Wide enough for the whole form, so a splitter starts with no sideways scrolling."""
        scroll_bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        width = max(self.form.sizeHint().width() + scroll_bar + 8, PREFERRED_WIDTH)
        return QSize(width, PREFERRED_HEIGHT)

    # --- group boxes ----------------------------------------------------------------------
    def _identity(self) -> QGroupBox:
        box, form = self._group(self.tr("Identity"))
        self.name_zh = self._line(self.tr("e.g. 义乌市恒达工艺品厂"))
        self.name_en = self._line(self.tr("e.g. Yiwu Hengda Crafts Factory"))
        self.business_type = ChoiceCombo(BusinessType, optional=True)
        self.status = ChoiceCombo(Status, optional=False)
        self._row(form, self.tr("&Chinese name"), "name_zh", self.name_zh)
        self._row(form, self.tr("&English name"), "name_en", self.name_en)
        self._row(form, self.tr("Business t&ype"), "business_type", self.business_type)
        self._row(form, self.tr("Stat&us"), "status", self.status)
        return box

    def _location(self) -> QGroupBox:
        box, form = self._group(self.tr("Location"))
        self.province = ProvinceCombo()
        self.city = self._line(self.tr("e.g. 义乌"))
        self.address = self._line(self.tr("Street, district"))
        self._row(form, self.tr("&Province"), "province", self.province)
        self._row(form, self.tr("Ci&ty"), "city", self.city)
        self._row(form, self.tr("&Address"), "address", self.address)
        return box

    def _shop(self) -> QGroupBox:
        box, form = self._group(self.tr("1688 shop"))
        self.shop_url = self._line(self.tr("e.g. shop123.1688.com"))
        self.membership = ChoiceCombo(Membership, optional=True)
        set_help(self.membership, membership_table_text())
        self.member_since = self._line(self.tr("e.g. 2019-03"), _NUMBER_WIDTH)
        set_help(
            self.member_since,
            self.tr(
                "The month the supplier joined 1688 (入驻时间), e.g. 2019-03; a year alone counts "
                "from its December. Years of membership are counted from it."
            ),
        )
        protection = {value: translated(text) for value, text in PROTECTION_TEXTS.items()}
        self.buyer_protection = TriStateCombo(protection)
        set_help(self.buyer_protection, translated(PROTECTION_HELP))
        self.deposit_amount = self._line(self.tr("amount"), 120)
        self.deposit_currency = QComboBox()
        self.deposit_currency.addItems(CURRENCIES)
        self.deposit_currency.setAccessibleName(self.tr("Deposit currency"))
        # What an address typed without https:// is saved as ("→ https://shop123.1688.com").
        self.shop_url_reading = QLabel()
        self.shop_url_reading.setStyleSheet(READING_STYLE)
        self.shop_url_reading.setTextFormat(Qt.TextFormat.PlainText)
        self.shop_url_reading.setWordWrap(True)
        self.shop_url_reading.hide()
        shop_url = self.tr("Shop UR&L")
        self._row(form, shop_url, "shop_url", self.shop_url, note=self.shop_url_reading)
        self._row(form, self.tr("&Membership"), "membership", self.membership)
        # "7 years as a member", "< 1 year"…
        self.member_years = QLabel(translated(MEMBER_SINCE_HINT))
        since = self.tr("Member s&ince")
        self._row(form, since, "member_since", self.member_since, self.member_years)
        self._row(form, self.tr("&Buyer protection"), "buyer_protection", self.buyer_protection)
        deposit = self.tr("&Deposit")
        self._row(form, deposit, "deposit", self.deposit_amount, self.deposit_currency)
        return box

    def _performance(self) -> QGroupBox:
        box, form = self._group(self.tr("Performance on 1688"))
        box.setToolTip(self.tr("The figures on the supplier's 1688 page; leave empty when unknown"))
        unknown = self.tr("unknown")
        self.reorder_rate = self._line(unknown, _NUMBER_WIDTH)
        self.on_time_rate = self._line(unknown, _NUMBER_WIDTH)
        self.response_rate = self._line(unknown, _NUMBER_WIDTH)
        self.quality_score = self._line(unknown, _NUMBER_WIDTH)
        self.service_score = self._line(unknown, _NUMBER_WIDTH)
        of_5 = self.tr("of 5")
        self._row(form, self.tr("&Reorder 回头率"), "reorder_rate", self.reorder_rate, "%")
        self._row(form, self.tr("&On time 按时发货率"), "on_time_rate", self.on_time_rate, "%")
        self._row(form, self.tr("Respo&nse 响应率"), "response_rate", self.response_rate, "%")
        self._row(form, self.tr("&Quality 质量"), "quality_score", self.quality_score, of_5)
        self._row(form, self.tr("Ser&vice 服务"), "service_score", self.service_score, of_5)
        return box

    def _tags(self) -> QGroupBox:
        box, form = self._group(self.tr("Product categories"))
        self.tags = self._line(self.tr("e.g. 工艺品; home decor"))
        self.tags.setToolTip(self.tr("Separate tags with ;"))
        self._row(form, self.tr("Tag&s"), "tags", self.tags)
        return box

    def _notes(self) -> QGroupBox:
        box = QGroupBox(self.tr("Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Anything worth remembering about this supplier"))
        self.notes.setMinimumHeight(80)
        self.notes.setMaximumHeight(140)
        error = ErrorLabel(self.notes)
        self.error_labels["notes"] = error
        self.field_widgets["notes"] = self.notes
        layout = QVBoxLayout(box)
        layout.addWidget(self.notes)
        layout.addWidget(error)
        return box

    def _list_group(self, title: str, editor: ListEditor) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(editor)
        return box

    # --- building blocks ------------------------------------------------------------------
    @staticmethod
    def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return box, form

    @staticmethod
    def _line(placeholder: str, width: int | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        if width is not None:
            edit.setFixedWidth(width)
        return edit

    def _row(
        self,
        form: QFormLayout,
        text: str,
        key: str,
        field: QWidget,
        extra: QWidget | str = "",
        note: QWidget | None = None,
    ) -> None:
        """A labelled field (with an optional unit or second widget), an optional note under it
        (what was understood) and its error underneath."""
        label = QLabel(text)
        label.setBuddy(field)
        label.setToolTip(field.toolTip())  # the field's help, shown on its label too
        self._labels.append(label)
        field.setAccessibleName(_MNEMONIC.sub("", text))
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(field, 0 if field.maximumWidth() < 1000 else 1)
        if isinstance(extra, QWidget):
            line.addWidget(extra)
        elif extra:
            line.addWidget(QLabel(extra))
        if field.maximumWidth() < 1000 or isinstance(extra, QWidget):
            line.addStretch(1)
        error = ErrorLabel(field)
        cell = QVBoxLayout()
        cell.setContentsMargins(0, 0, 0, 0)
        cell.setSpacing(2)
        cell.addLayout(line)
        if note is not None:
            cell.addWidget(note)
        cell.addWidget(error)
        form.addRow(label, cell)
        self.error_labels[key] = error
        self.field_widgets[key] = field

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name_zh,
            self.name_en,
            self.business_type,
            self.status,
            self.province,
            self.city,
            self.address,
            self.shop_url,
            self.membership,
            self.member_since,
            self.buyer_protection,
            self.deposit_amount,
            self.deposit_currency,
            self.reorder_rate,
            self.on_time_rate,
            self.response_rate,
            self.quality_score,
            self.service_score,
            self.tags,
        ]
        for editor in (self.contacts, self.certifications, self.red_flags):
            chain += [editor.table, editor.add_button, editor.remove_button]
        chain += [self.notes, self.revert_button, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)


def translated(text: str) -> str:
    """One of this module's marked constants in the interface language."""
    return QCoreApplication.translate("SupplierEditorView", text)
