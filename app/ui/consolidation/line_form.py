"""A shipping line's rate card, every rule of domain.md as a field: weighing (divisor or actual
weight only, the volume trigger, 分泡, DHL side rounding, weight steps per band, minimum),
pricing (首重/续重, per-kg bands, a bracket table or sea W/M), the per-box fee, fuel, limits per
box, restricted goods, transit days and currency. The domain builds the card; its problems are
listed beside the form as the user types. Emits (agent id, RateCard); the tab saves it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.rate_card import (
    SEA_KG_PER_M3,
    SEA_MINIMUM_WM,
    BoxLimits,
    Bracket,
    BracketTable,
    FirstAdditional,
    PerKg,
    PerKgBand,
    PerRevenueTon,
    Pricing,
    RateCard,
    RateCardError,
    RoundingBand,
    VolumeTrigger,
)
from app.domain.consolidation.units import fmt
from app.ui.consolidation.entry import (
    CARD_FIRST_ADDITIONAL,
    CARD_LIMITS,
    CARD_SEA,
    card_label,
    field_name,
    figure_or_blank,
    number_text,
    or_default,
    read_amount,
    read_whole,
)
from app.ui.consolidation.parcel_form import tag_text
from app.ui.consolidation.records_model import TextGridModel, grid_view
from app.ui.widgets.date_field import DateField
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError

FIRST_ADDITIONAL, PER_KG, BRACKETS, SEA = range(4)
ALWAYS, OVER, AT_LEAST = range(3)
# What a new line's form starts from: 首重 0.5 kg, 续重 0.5 kg, the prices to be typed.
_BLANK_CARD = RateCard("—", FirstAdditional(Decimal("0.5"), Decimal(0), Decimal("0.5"), Decimal(0)))


class LineForm(QWidget):
    save_requested = Signal(int, object)  # agent id, RateCard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_id: int | None = None
        self._shown = False
        self._loading = False
        self.title = QLabel(self.tr("<b>Line</b>"))
        self.name_edit = QLineEdit(placeholderText=self.tr("e.g. EMS, DHL 快递, 空运专线"))
        self.agent_box = QComboBox()
        self.currency_box = QComboBox()
        self.currency_box.setEditable(True)
        self.currency_box.addItems(("CNY", "USD", "EUR"))
        self.transit_min = QLineEdit(placeholderText=self.tr("days"))
        self.transit_max = QLineEdit(placeholderText=self.tr("days"))
        self.rules_as_of = DateField()
        self.rules_as_of.setToolTip(self.tr("When you read these rules off the agent's site"))
        self.weighing_box = QComboBox()
        self.weighing_box.addItems(
            [self.tr("Volumetric: L×W×H ÷ divisor / 体积重"), self.tr("Actual weight only / 实重")]
        )
        self.divisor_box = QComboBox()
        self.divisor_box.setEditable(True)
        self.divisor_box.addItems(["5000", "6000", "7000", "8000"])
        self.divisor_box.setToolTip(
            self.tr("抛比: 5000 express, 6000 IATA air and many agent lines")
        )
        self.trigger_box = QComboBox()
        self.trigger_box.addItems(
            [
                self.tr("Always counts"),
                self.tr("Longest side over (cm)"),
                self.tr("Longest side at least (cm)"),
            ]
        )
        self.trigger_edit = QLineEdit(placeholderText=self.tr("cm, e.g. 60 (EMS)"))
        self.ratio_edit = QLineEdit(
            placeholderText=self.tr("empty: max(actual, volumetric); 0.5 typical")
        )
        self.round_sides = QCheckBox(self.tr("Round each side to whole cm first (DHL)"))
        self.rounding = TextGridModel(
            (self.tr("Up to kg / 以下"), self.tr("Step kg / 进位")),
            (
                self.tr("The band's upper weight, inclusive; the last row has none"),
                self.tr("Round up to this step"),
            ),
            self,
        )
        self.minimum_edit = QLineEdit(placeholderText=self.tr("kg, e.g. 1"))
        self.pricing_box = QComboBox()
        self.pricing_box.addItems(  # in the order FIRST_ADDITIONAL, PER_KG, BRACKETS, SEA
            [
                self.tr("First + additional weight / 首重续重"),
                self.tr("Per-kg bands / 按公斤 (base + per kg)"),
                self.tr("Bracket table / 重量段价格表"),
                self.tr("Sea per W/M / 海运 按方或吨"),
            ]
        )
        self.fa = {key: QLineEdit() for key, _ in CARD_FIRST_ADDITIONAL}
        self.base_price_edit = QLineEdit(placeholderText="0")
        self.per_kg = TextGridModel(
            (self.tr("Up to kg / 以下"), self.tr("Price per kg / 单价")),
            (self.tr("The band's upper weight (rounded kg); the last row has none"), ""),
            self,
        )
        self.brackets = TextGridModel((self.tr("Up to kg"), self.tr("Price")), (), self)
        self.sea = {key: QLineEdit() for key, _ in CARD_SEA}
        self.sea["wm_step"].setPlaceholderText(self.tr("empty: exact W/M"))
        self.box_fee_edit = QLineEdit(placeholderText="0")
        self.fuel_edit = QLineEdit(placeholderText=self.tr("% of freight, e.g. 10"))
        no_limit = self.tr("no limit")
        self.limit_edits = {key: QLineEdit(placeholderText=no_limit) for key, _ in CARD_LIMITS}
        self.tag_boxes = {tag: QCheckBox(tag_text(tag)) for tag in RestrictedTag}
        self.problems = error_label()
        self.save_button = QPushButton(self.tr("Save li&ne"))
        self._check_timer = QTimer(self, singleShot=True, interval=250)
        for box in (self.weighing_box, self.trigger_box, self.pricing_box, self.agent_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)  # the form fits beside the lists at 1280 px
        self._layout()
        self._connect()
        self.show_line(None, [])

    def _layout(self) -> None:
        line = QFormLayout()
        line.addRow(self.tr("Name / 线路名"), self.name_edit)
        line.addRow(self.tr("Agent / 代理"), self.agent_box)
        line.addRow(self.tr("Currency / 币种"), self.currency_box)
        transit = QGridLayout()
        transit.addWidget(self.transit_min, 0, 0)
        transit.addWidget(QLabel(self.tr("to")), 0, 1)
        transit.addWidget(self.transit_max, 0, 2)
        line.addRow(self.tr("Transit days / 时效"), transit)
        line.addRow(self.tr("Rules as of"), self.rules_as_of)
        weighing = QFormLayout()
        weighing.addRow(self.tr("Weighed by / 计费方式"), self.weighing_box)
        weighing.addRow(self.tr("Divisor / 抛比"), self.divisor_box)
        trigger = QGridLayout()
        trigger.addWidget(self.trigger_box, 0, 0)
        trigger.addWidget(self.trigger_edit, 0, 1)
        weighing.addRow(self.tr("Volume trigger"), trigger)
        weighing.addRow(self.tr("分泡 ratio r"), self.ratio_edit)
        weighing.addRow("", self.round_sides)
        weighing.addRow(self.tr("Weight steps / 进位"), grid_view(self.rounding))
        weighing.addRow(self.tr("Minimum chargeable kg"), self.minimum_edit)
        self.pricing_pages = QStackedWidget()
        fa_page = QWidget()
        fa = QFormLayout(fa_page)
        for key, label in CARD_FIRST_ADDITIONAL:
            fa.addRow(card_label(label), self.fa[key])
        per_kg_page = QWidget()
        per_kg = QFormLayout(per_kg_page)
        per_kg.addRow(self.tr("Base price"), self.base_price_edit)
        per_kg.addRow(self.tr("Bands (on the rounded kg)"), grid_view(self.per_kg))
        bracket_page = QWidget()
        QFormLayout(bracket_page).addRow(self.tr("Rows"), grid_view(self.brackets, 150))
        sea_page = QWidget()
        sea = QFormLayout(sea_page)
        for key, label in CARD_SEA:
            sea.addRow(card_label(label), self.sea[key])
        for page in (fa_page, per_kg_page, bracket_page, sea_page):
            self.pricing_pages.addWidget(page)
        pricing = QFormLayout()
        pricing.addRow(self.tr("Priced by / 计价"), self.pricing_box)
        pricing.addRow(self.pricing_pages)
        pricing.addRow(self.tr("Per-box fee / 单箱费"), self.box_fee_edit)
        pricing.addRow(self.tr("Fuel surcharge / 燃油 %"), self.fuel_edit)
        limits = QFormLayout()
        for key, label in CARD_LIMITS:
            limits.addRow(card_label(label), self.limit_edits[key])
        tags = QGridLayout()
        for number, box in enumerate(self.tag_boxes.values()):
            tags.addWidget(box, number // 2, number % 2)
        limits.addRow(self.tr("Accepts / 可走"), tags)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        for title, inner in (
            (self.tr("Line / 线路"), line),
            (self.tr("Weighing / 计费重量"), weighing),
            (self.tr("Pricing / 运价"), pricing),
            (self.tr("Limits per box / 限制"), limits),
        ):
            group = QGroupBox(title)
            group.setLayout(inner)
            layout.addWidget(group)
        layout.addWidget(self.problems)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self._save)
        self.pricing_box.currentIndexChanged.connect(self.pricing_pages.setCurrentIndex)
        self.pricing_box.currentIndexChanged.connect(self._enable)
        self.weighing_box.currentIndexChanged.connect(self._enable)
        self.trigger_box.currentIndexChanged.connect(self._enable)
        self._check_timer.timeout.connect(self.check)
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._edited)
        for box in self.findChildren(QComboBox):
            box.currentIndexChanged.connect(self._edited)
        for check in self.findChildren(QCheckBox):
            check.toggled.connect(self._edited)
        for model in (self.rounding, self.per_kg, self.brackets):
            model.dataChanged.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._loading and self._shown:
            self._check_timer.start()

    def _enable(self) -> None:
        sea = self.pricing_box.currentIndex() == SEA
        volumetric = self.weighing_box.currentIndex() == 0 and not sea
        for widget in (self.divisor_box, self.trigger_box, self.ratio_edit, self.round_sides):
            widget.setEnabled(volumetric)
        self.trigger_edit.setEnabled(volumetric and self.trigger_box.currentIndex() != ALWAYS)
        self.weighing_box.setEnabled(not sea)

    # --- showing -----------------------------------------------------------------------------
    def set_agents(self, agents: list[tuple[int, str]]) -> None:
        chosen = self.agent_box.currentData()
        self.agent_box.clear()
        for agent_id, name in agents:
            self.agent_box.addItem(name, agent_id)
        self.agent_box.setCurrentIndex(max(self.agent_box.findData(chosen), 0))

    def show_line(
        self,
        card: RateCard | None,
        agents: list[tuple[int, str]],
        *,
        line_id: int | None = None,
        agent_id: int | None = None,
        new: bool = False,
    ) -> None:
        """Edit a stored card (line_id), a new one of an agent (new), or nothing."""
        self._loading = True
        self.set_agents(agents)
        self.line_id = line_id
        self._shown = card is not None or new
        self.setEnabled(self._shown)
        self.show_problems([])
        empty = self.tr("<b>Line</b> — choose a line, or New line")
        title = self.tr("<b>New line</b>") if new else empty
        if card is not None and line_id is not None:
            title = self.tr("<b>{line}</b> — rate card").format(line=card.name)
        self.title.setText(title)
        self.agent_box.setCurrentIndex(max(self.agent_box.findData(agent_id), 0))
        self._fill(card)
        self._enable()
        self._loading = False

    def _fill(self, card: RateCard | None) -> None:
        self.name_edit.setText("" if card is None else card.name)
        card = card or _BLANK_CARD
        self.currency_box.setCurrentText(card.currency)
        self.transit_min.setText(number_text(card.transit_days_min))
        self.transit_max.setText(number_text(card.transit_days_max))
        self.rules_as_of.set_value(card.rules_as_of)
        self.weighing_box.setCurrentIndex(1 if card.divisor is None else 0)
        self.divisor_box.setCurrentText(number_text(card.divisor) or "6000")
        trigger = card.volume_trigger
        self.trigger_box.setCurrentIndex(
            ALWAYS if trigger is None else (AT_LEAST if trigger.inclusive else OVER)
        )
        self.trigger_edit.setText("" if trigger is None else fmt(trigger.side_cm))
        self.ratio_edit.setText(number_text(card.half_volumetric_ratio))
        self.round_sides.setChecked(card.round_sides_to_cm)
        self.rounding.set_cells([[number_text(b.up_to_kg), fmt(b.step_kg)] for b in card.rounding])
        self.minimum_edit.setText(figure_or_blank(card.minimum_chargeable_kg))
        self._fill_pricing(card.pricing)
        self.box_fee_edit.setText(figure_or_blank(card.per_box_fee))
        self.fuel_edit.setText(figure_or_blank(card.fuel_surcharge_percent))
        for key, _ in CARD_LIMITS:
            self.limit_edits[key].setText(number_text(getattr(card.limits, key)))
        for tag, box in self.tag_boxes.items():
            box.setChecked(tag in card.accepted_tags)

    def _fill_pricing(self, pricing: Pricing) -> None:
        for edit in (*self.fa.values(), *self.sea.values(), self.base_price_edit):
            edit.setText("")
        self.per_kg.set_cells([])
        self.brackets.set_cells([])
        self.sea["kg_per_m3"].setText("1000")
        self.sea["minimum_wm"].setText("1")
        if isinstance(pricing, FirstAdditional):
            kind = FIRST_ADDITIONAL
            for key, edit in self.fa.items():
                edit.setText(fmt(getattr(pricing, key)))
        elif isinstance(pricing, PerKg):
            kind = PER_KG
            self.base_price_edit.setText(fmt(pricing.base_price))
            self.per_kg.set_cells(
                [[number_text(b.up_to_kg), fmt(b.price_per_kg)] for b in pricing.bands]
            )
        elif isinstance(pricing, BracketTable):
            kind = BRACKETS
            self.brackets.set_cells([[fmt(b.up_to_kg), fmt(b.price)] for b in pricing.brackets])
        else:
            kind = SEA
            for key, edit in self.sea.items():
                edit.setText(number_text(getattr(pricing, key)))
        self.pricing_box.setCurrentIndex(kind)
        self.pricing_pages.setCurrentIndex(kind)

    def show_problems(self, problems: list[str]) -> None:
        text = "\n".join(f"⚠ {problem}" for problem in problems)
        self.problems.setText(text)
        self.problems.setVisible(bool(text))

    def show_errors(self, errors: dict[str, str]) -> None:
        self.show_problems(list(errors.values()))

    # --- reading -----------------------------------------------------------------------------
    def check(self) -> RateCard | None:
        """The card as typed, its problems listed (none: it is usable)."""
        problems: list[str] = []
        card = None
        try:
            card = self._card()
        except ParseError as error:
            problems.append(str(error))
        except RateCardError as error:
            problems.extend(error.problems)
        self.show_problems(problems)
        return card

    def _number(self, edit: QLineEdit, what: str) -> Decimal | None:
        return read_amount(edit.text(), what)

    def _bands(self, model: TextGridModel, what: str) -> list[tuple[Decimal | None, Decimal]]:
        found = []
        for number, (up_to, value) in model.filled():
            row = self.tr("{table} row {number}").format(table=what, number=number)
            amount = read_amount(value, row)
            if amount is None:
                raise ParseError(self.tr("{row}: type its figure.").format(row=row))
            found.append((read_amount(up_to, self.tr("{row}'s weight").format(row=row)), amount))
        return found

    def _card(self) -> RateCard:
        sea = self.pricing_box.currentIndex() == SEA
        volumetric = self.weighing_box.currentIndex() == 0 and not sea
        side = self._number(self.trigger_edit, self.tr("the volume trigger side"))
        trigger_kind = self.trigger_box.currentIndex()
        trigger = None
        if volumetric and trigger_kind != ALWAYS:
            if side is None:
                raise ParseError(self.tr("Type the side (cm) over which the volume counts."))
            trigger = VolumeTrigger(side, trigger_kind == AT_LEAST)
        limits = {k: self._number(self.limit_edits[k], field_name(t)) for k, t in CARD_LIMITS}
        rounding = self._bands(self.rounding, self.tr("Weight steps")) or [(None, Decimal("0.5"))]
        return RateCard(
            name=self.name_edit.text().strip(),
            pricing=self._pricing(),
            currency=self.currency_box.currentText().strip().upper(),
            divisor=read_amount(self.divisor_box.currentText(), self.tr("the divisor"))
            if volumetric
            else None,
            volume_trigger=trigger,
            half_volumetric_ratio=self._number(self.ratio_edit, self.tr("the 分泡 ratio"))
            if volumetric
            else None,
            round_sides_to_cm=volumetric and self.round_sides.isChecked(),
            rounding=tuple(RoundingBand(up_to, step) for up_to, step in rounding),
            minimum_chargeable_kg=or_default(
                self._number(self.minimum_edit, self.tr("the minimum kg"))
            ),
            per_box_fee=or_default(self._number(self.box_fee_edit, self.tr("the per-box fee"))),
            fuel_surcharge_percent=or_default(
                self._number(self.fuel_edit, self.tr("the fuel surcharge"))
            ),
            limits=BoxLimits(**limits),
            accepted_tags=frozenset(t for t, box in self.tag_boxes.items() if box.isChecked()),
            transit_days_min=read_whole(self.transit_min.text(), self.tr("the shortest transit")),
            transit_days_max=read_whole(self.transit_max.text(), self.tr("the longest transit")),
            rules_as_of=self.rules_as_of.checked_value(),
        )

    def _pricing(self) -> Pricing:
        kind = self.pricing_box.currentIndex()
        if kind == FIRST_ADDITIONAL:
            names = {key: field_name(label) for key, label in CARD_FIRST_ADDITIONAL}
            values: dict[str, Any] = {k: self._number(e, names[k]) for k, e in self.fa.items()}
            missing = [names[key] for key, value in values.items() if value is None]
            if missing:
                raise ParseError(
                    self.tr("Type the {fields} (首重 and 续重).").format(fields=", ".join(missing))
                )
            return FirstAdditional(**values)
        if kind == PER_KG:
            bands = self._bands(self.per_kg, self.tr("Per-kg band"))
            base = or_default(self._number(self.base_price_edit, self.tr("the base price")))
            return PerKg(tuple(PerKgBand(up_to, price) for up_to, price in bands), base)
        if kind == BRACKETS:
            rows = self._bands(self.brackets, self.tr("Price table"))
            if any(up_to is None for up_to, _ in rows):
                raise ParseError(self.tr("Every price table row needs its weight (kg)."))
            return BracketTable(tuple(Bracket(up_to, price) for up_to, price in rows))  # type: ignore[arg-type]
        sea = {key: self._number(self.sea[key], field_name(label)) for key, label in CARD_SEA}
        price = sea["price_per_wm"]
        if price is None:
            raise ParseError(self.tr("Type the price per W/M."))
        return PerRevenueTon(
            price,
            or_default(sea["kg_per_m3"], SEA_KG_PER_M3),
            or_default(sea["minimum_wm"], SEA_MINIMUM_WM),
            sea["wm_step"],
        )

    def _save(self) -> None:
        card = self.check()
        agent_id = self.agent_box.currentData()
        if card is None:
            return
        if agent_id is None:
            self.show_problems([self.tr("Choose the agent that runs the line (add one first).")])
            return
        self.save_requested.emit(agent_id, card)
