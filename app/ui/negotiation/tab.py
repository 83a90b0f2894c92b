"""The Negotiation tab's behaviour: products, the comparison at a planned quantity with the
quantity advisor, editing quotes (typed or pasted from 1688), the worksheet with a supplier, the
landed cost and its settings, and the phrasebook. Reads go through the Workbench's
NegotiationService; every write runs through the window's Operations, which hands the Change to
every tab. Widgets hold no SQL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.domain.negotiation.comparison import Comparison, QuoteComparison
from app.domain.negotiation.quotes import Quote
from app.domain.negotiation.selling import PricingMethod, SellingPrice, selling_price
from app.errors import WorkbenchError
from app.services.changes import Change, Topic
from app.services.exporting import ExportRequest
from app.services.workbench import Workbench
from app.ui import i18n
from app.ui.negotiation.products_model import ID_ROLE
from app.ui.negotiation.tab_view import LANDED, QUOTE, WORKSHEET, NegotiationTabView
from app.ui.widgets.operations import Operations, Outcome

DEFAULT_QUANTITY = 100  # a first comparison before the user plans a quantity


class NegotiationTab(NegotiationTabView):
    """Emits `message` for the status bar; follows every Change on the window's bus."""

    message = Signal(str)

    def __init__(
        self,
        workbench: Workbench,
        operations: Operations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.operations = operations or Operations(workbench, self)
        self.operations.changed.connect(self.apply_change)
        self._product_id: int | None = None
        self._names: dict[int, str] = {}
        self._comparison: Comparison | None = None
        self._worksheet_supplier: int | None = None  # whose worksheet the page shows
        self._loaded = False
        self._connect()

    @property
    def service(self) -> Any:
        return self.workbench.negotiation

    def _connect(self) -> None:
        self.products_view.selectionModel().currentRowChanged.connect(self._on_product)
        self.comparison.quantity_changed.connect(self._set_quantity)
        self.comparison.quote_chosen.connect(self._on_quote)
        self.quote_form.save_requested.connect(self.save_quote)
        self.quote_form.message.connect(self.message)
        self.worksheet.save_requested.connect(self._save_worksheet)
        self.worksheet.agree_requested.connect(self._agree)
        self.worksheet.clear_agreed_requested.connect(self._clear_agreed)
        self.landed.home_currency_changed.connect(
            lambda code: self._run(lambda: self.service.set_home_currency(code), self.landed)
        )
        self.landed.rate_saved.connect(
            lambda rate: self._run(lambda: self.service.save_rate(rate), self.landed)
        )
        self.landed.rate_deleted.connect(
            lambda code, day: self._run(lambda: self.service.delete_rate(code, day), self.landed)
        )
        self.landed.settings_saved.connect(
            lambda settings: self._run(
                lambda: self.service.save_landed_settings(settings), self.landed
            )
        )
        self.landed.selling_saved.connect(
            lambda margin, fee: self._run(
                lambda: self.service.save_selling_targets(margin, fee), self.landed
            )
        )
        self.landed.too_good_saved.connect(
            lambda pct: self._run(lambda: self.service.set_too_good_pct(pct), self.landed)
        )
        self.phrasebook.add_requested.connect(
            lambda zh, en, category: self._run(lambda: self.service.add_phrase(zh, en, category))
        )
        self.phrasebook.delete_requested.connect(
            lambda phrase_id: self._run(lambda: self.service.delete_phrase(phrase_id))
        )
        for action, slot in (
            (self.new_quote_action, self.new_quote),
            (self.delete_quote_action, self.delete_quote),
            (self.paste_action, self._paste),
            (self.new_product_action, self.new_product),
        ):
            action.triggered.connect(slot)
        self.new_quote_button.clicked.connect(self.new_quote)
        self.new_product_button.clicked.connect(self.new_product)

    # --- loading -------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Products, supplier names and the settings: small lists, read when shown."""
        from app.services.suppliers.listing import supplier_choices

        self._loaded = True
        try:
            suppliers = supplier_choices(self.workbench.path)
            products = self.service.products()
            self._show_settings()
            self.phrasebook.show_phrases(self.service.phrases())
        except WorkbenchError as error:
            self.message.emit(str(error))
            return
        self._names = {supplier_id: name for supplier_id, name, _haystack in suppliers}
        self.quote_form.set_suppliers(suppliers)
        self.products.set_rows(products)
        self.show_empty_state(not products)
        keep = self._product_id
        if keep is not None and (row := self.products.row_of(keep)) is not None:
            self.products_view.selectRow(
                self.products_proxy.mapFromSource(self.products.index(row, 0)).row()
            )
            self._show_product(keep)
        elif products:
            self.products_view.selectRow(0)
        else:
            self._show_product(None)

    def _show_settings(self) -> None:
        self.landed.show_settings(
            self.service.home_currency(),
            self.service.rates(),
            self.service.landed_settings(),
            self.service.selling_targets(),
            self.service.too_good_pct(),
            self.workbench.today(),
        )

    def _on_product(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_product(current.data(ID_ROLE))

    def _show_product(self, product_id: int | None) -> None:
        self._product_id = product_id
        for widget in (self.new_quote_action, self.new_quote_button):  # a quote is of a product
            widget.setEnabled(product_id is not None)
        if product_id is None:
            self.comparison.show_comparison(None, self._names, DEFAULT_QUANTITY)
            self.quote_form.show_quote(None, "")
            self._on_quote(None)
            return
        self._compare(self.service.planned_qty(product_id) or self._default_quantity(product_id))

    def _default_quantity(self, product_id: int) -> int:
        """Before a quantity is planned: the largest MOQ, so every quote can be priced."""
        moqs = [
            row.quote.moq or (row.quote.breaks[0].min_qty if row.quote.breaks else 1)
            for row in self.service.quotes_of(product_id)
        ]
        return max(moqs, default=DEFAULT_QUANTITY)

    def _compare(self, quantity: int) -> None:
        if self._product_id is None:
            return
        try:
            self._comparison = self.service.comparison(self._product_id, quantity)
        except WorkbenchError as error:
            self._comparison = None
            self.message.emit(str(error))
        self.comparison.show_comparison(self._comparison, self._names, quantity)
        if self.comparison.current_quote_id() is None and self.comparison.model.rowCount():
            self.comparison.table.selectRow(0)
        else:
            self._on_quote(self.comparison.current_quote_id())

    def _set_quantity(self, quantity: int) -> None:
        if self._product_id is not None:
            product_id = self._product_id
            self._run(lambda: self.service.set_planned_qty(product_id, quantity))
            self._compare(quantity)

    # --- the chosen quote ------------------------------------------------------------------------
    def _row(self, quote_id: int | None) -> QuoteComparison | None:
        if quote_id is None or self._comparison is None:
            return None
        return next((r for r in self._comparison.rows if r.quote.id == quote_id), None)

    def _on_quote(self, quote_id: int | None) -> None:
        row = self._row(quote_id)
        product_name = self._product_name()
        if row is None:
            self.quote_form.show_quote(None, product_name)
            self.worksheet.show_worksheet(
                None,
                supplier_name="",
                quoted_price=None,
                currency="CNY",
                today=self.workbench.today(),
            )
            self.landed.show_breakdown(None, supplier_name="", problem="", selling=())
            self.comparison.show_advice(None, "")
            return
        supplier = self._names.get(row.supplier_id, "")
        self.quote_form.show_quote(self.service.quote(row.quote.id), product_name)
        if not self._keep_worksheet_edits(row.supplier_id):
            self._show_worksheet(row, supplier)
        self.landed.show_breakdown(
            row.landed,
            supplier_name=supplier,
            problem=i18n.field_text(row.problem_said),
            selling=self._selling(row),
        )
        self._show_advice(row, supplier)

    def _keep_worksheet_edits(self, supplier_id: int) -> bool:
        """Unsaved worksheet edits of this supplier survive a refresh; moving to another
        supplier asks to save them first."""
        if not self.worksheet.is_dirty():
            return False
        if supplier_id == self._worksheet_supplier:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved worksheet"),
            self.tr("The worksheet has unsaved changes (targets, rounds or terms). Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            current = self.worksheet.current_worksheet()
            if current is not None:
                self._save_worksheet(current)
        return False

    def _show_worksheet(self, row: QuoteComparison, supplier: str) -> None:
        self._worksheet_supplier = row.supplier_id
        self.worksheet.show_worksheet(
            self.service.worksheet(self._product_id, row.supplier_id),
            supplier_name=supplier,
            quoted_price=row.unit_price,
            currency=row.currency,
            today=self.workbench.today(),
        )

    def _show_advice(self, row: QuoteComparison, supplier: str) -> None:
        try:
            top = max(10_000, (row.quote.breaks[-1].min_qty * 2) if row.quote.breaks else 0)
            advice = self.service.advice(self._product_id, row.quote.id, 1, top)
        except WorkbenchError:
            advice = None
        self.comparison.show_advice(advice, supplier)

    def _selling(self, row: QuoteComparison) -> list[SellingPrice]:
        """The selling price for the target margin, the same % as a markup, and break-even."""
        if row.landed is None or self._comparison is None:
            return []
        targets = self._comparison
        prices = []
        for method, pct in (
            (PricingMethod.MARGIN, targets.target_margin_pct),
            (PricingMethod.MARKUP, targets.target_margin_pct),
            (PricingMethod.BREAK_EVEN, Decimal(0)),
        ):
            try:
                prices.append(
                    selling_price(
                        row.landed.total,
                        method,
                        pct,
                        targets.selling_fee_pct,
                        units=row.landed.units,
                        currency=row.landed.currency,
                    )
                )
            except ValueError:
                continue
        return prices

    def _product_name(self) -> str:
        row = self.products.row_of(self._product_id) if self._product_id is not None else None
        return "" if row is None else self.products.rows[row].display_name

    # --- writes ---------------------------------------------------------------------------------
    def _run(self, operation: Any, form: Any = None) -> Outcome:
        outcome = self.operations.run(operation, form=form)
        if outcome.refusal is not None:
            self.message.emit(outcome.refusal.text)
        return outcome

    def new_quote(self) -> None:
        if self._product_id is None:
            self.message.emit(self.tr("Choose or make a product first."))
            return
        first = next(iter(self._names), None)
        if first is None:
            self.message.emit(self.tr("Add the supplier on the Suppliers tab first."))
            return
        self.quote_form.show_quote(
            None, self._product_name(), new=Quote(supplier_id=first, product=self._product_name())
        )
        self.pages.setCurrentIndex(QUOTE)
        self.quote_form.supplier_box.setFocus()

    def save_quote(self, quote: Quote) -> None:
        if self._product_id is None:
            return
        product_id = self._product_id
        outcome = self._run(lambda: self.service.save_quote(product_id, quote), self.quote_form)
        if outcome.ok:
            saved = self.tr("Quote of {supplier} saved.")
            self.message.emit(saved.format(supplier=self._names.get(quote.supplier_id, "")))

    def delete_quote(self) -> None:
        quote_id = self.comparison.current_quote_id()
        row = self._row(quote_id)
        if quote_id is None or row is None:
            return
        supplier = self._names.get(row.supplier_id, self.tr("this supplier"))
        question = self.tr("Delete the quote of {supplier} with its price breaks?")
        title, question = self.tr("Delete quote"), question.format(supplier=supplier)
        answer = QMessageBox.question(self, title, question)
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.service.delete_quote(quote_id))

    def _paste(self) -> None:
        """A 1688 price table from the clipboard: into the quote being edited on the Quote
        page, else into a new quote."""
        if self._product_id is None:
            return
        if self.pages.currentIndex() != QUOTE or not self.quote_form.isEnabled():
            self.new_quote()
        self.pages.setCurrentIndex(QUOTE)
        self.quote_form.paste_price_table()

    def new_product(self) -> None:
        from app.domain.samples.sample import Product

        title, label = self.tr("New product"), self.tr("Product name (English or 中文):")
        name, ok = QInputDialog.getText(self, title, label)
        if ok and name.strip():
            outcome = self._run(
                lambda: self.workbench.samples.save_product(Product(name=name.strip()))
            )
            if outcome.ok:
                self._product_id = outcome.result.products[0]
                self.reload()

    def _save_worksheet(self, worksheet: Any) -> bool:
        return self._run(
            lambda: self.service.save_worksheet(
                worksheet.product_id, worksheet.supplier_id, worksheet
            ),
            self.worksheet,
        ).ok

    def _agree(self, terms: Any) -> None:
        row = self._row(self.comparison.current_quote_id())
        if self._product_id is None or row is None:
            return
        product_id, supplier_id = self._product_id, row.supplier_id
        if self.worksheet.is_dirty():  # the rounds typed so far are kept with the agreement
            current = self.worksheet.current_worksheet()
            if (
                current is None
                or not self._run(
                    lambda: self.service.save_worksheet(product_id, supplier_id, current),
                    self.worksheet,
                ).ok
            ):
                return
        outcome = self._run(
            lambda: self.service.mark_agreed(product_id, supplier_id, terms), self.worksheet
        )
        if outcome.ok:
            agreed = self.tr("Agreed: {supplier} is now the chosen supplier.")
            self.message.emit(agreed.format(supplier=self._names.get(supplier_id, "")))

    def _clear_agreed(self) -> None:
        if self._product_id is not None:
            product_id = self._product_id
            self._run(lambda: self.service.clear_agreed(product_id), self.worksheet)

    # --- the tab protocol ----------------------------------------------------------------------
    def apply_change(self, change: Change) -> None:
        """Quotes, rates, products or supplier names changed (here or elsewhere): re-read the
        small lists this tab shows and compare again."""
        if not self._loaded or change.topic not in (
            Topic.NEGOTIATION,
            Topic.SUPPLIERS,
            Topic.SAMPLES,
            Topic.SETTINGS,
        ):
            return
        page = self.pages.currentIndex()
        self.reload()
        if page in (QUOTE, WORKSHEET, LANDED):
            self.pages.setCurrentIndex(page)

    def edit_actions(self) -> list[QAction | None]:
        return [
            self.new_quote_action,
            self.paste_action,
            self.delete_quote_action,
            None,
            self.new_product_action,
            None,
            self.find_action,
        ]

    def export_request(self) -> ExportRequest:
        ids = None if self._product_id is None else [self._product_id]
        return ExportRequest("negotiation", product_ids=ids)

    def confirm_leave(self) -> bool:
        """Before closing or switching files: unsaved worksheet edits are saved, dropped or
        kept (Cancel), as the user says."""
        if not self.worksheet.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved worksheet"),
            self.tr("The negotiation worksheet has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            current = self.worksheet.current_worksheet()
            return current is not None and self._save_worksheet(current)
        return answer == QMessageBox.StandardButton.Discard

    def leave(self) -> None:
        """Nothing to store: everything is saved as it is made."""

    def wait_until_loaded(self) -> None:
        """The lists load on the GUI thread when shown: nothing to wait for."""
