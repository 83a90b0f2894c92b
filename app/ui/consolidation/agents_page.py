"""The Agents & lines page (代理与线路): the agents with their fees and packing rules, each
agent's shipping lines, the fee form and the rate-card editor. Layout, the columns and the fee
form; tab.py adds the behaviour."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.consolidation.agent_fees import AgentFees, AgentFeesError, ServiceTier
from app.domain.consolidation.boxes import PackingRules, packing_problems
from app.domain.consolidation.units import fmt
from app.services.consolidation.records import AgentEntry, LineEntry
from app.ui.consolidation.entry import (
    limits_text,
    pricing_text,
    read_amount,
    read_measure,
    read_whole,
    transit_text,
)
from app.ui.consolidation.line_form import LineForm
from app.ui.consolidation.records_model import (
    ID_ROLE,
    Column,
    RecordsModel,
    TextGridModel,
    grid_view,
)
from app.ui.widgets.form_parts import error_label
from app.ui.widgets.parsing import ParseError

FEES, CARD = range(2)
IMPORT_HINT = str(
    QT_TRANSLATE_NOOP(
        "AgentsPage",
        "A rate card from a spreadsheet is imported on the command line: "
        "<code>python -m app import rates FILE.xlsx --db PATH</code> "
        "(a template: <code>python -m app template rates --out rates.xlsx</code>; "
        "Chinese headers 首重, 续重, 抛比 are read).",
    )
)
_AMOUNTS = (
    ("service_minimum", str(QT_TRANSLATE_NOOP("AgentsPage", "Service fee minimum / 最低服务费"))),
    ("handling_per_parcel", str(QT_TRANSLATE_NOOP("AgentsPage", "Handling per parcel / 操作费"))),
    (
        "consolidation_per_box",
        str(QT_TRANSLATE_NOOP("AgentsPage", "Consolidation per box / 合箱费")),
    ),
    ("repack_per_parcel", str(QT_TRANSLATE_NOOP("AgentsPage", "Repack per parcel / 去包装费"))),
    ("insurance_percent", str(QT_TRANSLATE_NOOP("AgentsPage", "Insurance % / 保险费率"))),
    ("insurance_minimum", str(QT_TRANSLATE_NOOP("AgentsPage", "Insurance minimum / 最低保费"))),
    (
        "storage_fee_per_month",
        str(QT_TRANSLATE_NOOP("AgentsPage", "Storage per parcel-month / 仓储费")),
    ),
)

# How the agent packs (domain PackingRules): each field's label and what the domain refuses.
_PACKING = {
    "carton_tare_kg": str(QT_TRANSLATE_NOOP("AgentsPage", "Carton tare (kg) / 纸箱重量")),
    "packing_factor": str(QT_TRANSLATE_NOOP("AgentsPage", "Packing factor / 合箱系数")),
    "repack_factor": str(QT_TRANSLATE_NOOP("AgentsPage", "Repack factor / 去包装系数")),
}
_PACKING_PROBLEMS = {
    "carton_tare_kg": str(
        QT_TRANSLATE_NOOP("AgentsPage", "The carton tare must be 0 kg or more, not {value}.")
    ),
    "packing_factor": str(
        QT_TRANSLATE_NOOP("AgentsPage", "The packing factor must be 1 or more, not {value}.")
    ),
    "repack_factor": str(
        QT_TRANSLATE_NOOP(
            "AgentsPage", "The repack factor must be more than 0 and at most 1, not {value}."
        )
    ),
}
PACKING_HINT = str(
    QT_TRANSLATE_NOOP(
        "AgentsPage",
        "A box of several parcels, or a repacked one, is a new carton: the parcels' weight + the "
        "tare; their volume × the packing factor (1 or more: the gaps), or × the repack factor "
        "when the suppliers' boxes are removed (at most 1). Empty: the default shown.",
    )
)


def service_text(fees: AgentFees) -> str:
    """ "10 % to 3,000, then 5 %; min 5"."""
    parts = []
    for tier in fees.service_tiers:
        part = f"{fmt(tier.percent)} %"
        if tier.up_to is not None:
            part = QCoreApplication.translate("AgentsPage", "{percent} to {limit}").format(
                percent=part, limit=f"{tier.up_to:,}"
            )
        parts.append(part)
    return QCoreApplication.translate("AgentsPage", "{tiers}; min {minimum}").format(
        tiers=QCoreApplication.translate("AgentsPage", ", then ").join(parts),
        minimum=fmt(fees.service_minimum),
    )


def agent_columns() -> list[Column[AgentEntry]]:
    return [
        Column(QCoreApplication.translate("AgentsPage", "Agent / 代理"), lambda a: a.name),
        Column(
            QCoreApplication.translate("AgentsPage", "Currency / 币种"), lambda a: a.fees.currency
        ),
        Column(
            QCoreApplication.translate("AgentsPage", "Service fee / 服务费"),
            lambda a: service_text(a.fees),
            QCoreApplication.translate("AgentsPage", "on the order value"),
        ),
        Column(
            QCoreApplication.translate("AgentsPage", "Free storage / 免费仓储"),
            lambda a: QCoreApplication.translate("AgentsPage", "{days} days").format(
                days=a.fees.free_storage_days
            ),
            "免费仓储天数",
            sort=lambda a: float(a.fees.free_storage_days),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("AgentsPage", "Lines"),
            lambda a: str(a.line_count),
            "线路",
            sort=lambda a: float(a.line_count),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("AgentsPage", "Parcels"),
            lambda a: str(a.parcel_count),
            "包裹",
            sort=lambda a: float(a.parcel_count),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("AgentsPage", "Packing / 包装"),
            lambda a: QCoreApplication.translate(
                "AgentsPage", "{tare} kg · ×{packing} · repack ×{repack}"
            ).format(
                tare=fmt(a.packing.carton_tare_kg),
                packing=fmt(a.packing.packing_factor),
                repack=fmt(a.packing.repack_factor),
            ),
            QCoreApplication.translate(
                "AgentsPage", "Carton tare, packing factor and repack factor"
            ),
        ),
    ]


def line_columns() -> list[Column[LineEntry]]:
    return [
        Column(QCoreApplication.translate("AgentsPage", "Line / 线路"), lambda line: line.name),
        Column(
            QCoreApplication.translate("AgentsPage", "Agent / 代理"), lambda line: line.agent_name
        ),
        Column(
            QCoreApplication.translate("AgentsPage", "Pricing / 运价"),
            lambda line: pricing_text(line.card),
            cell_tip=lambda line: pricing_text(line.card),
        ),
        Column(
            QCoreApplication.translate("AgentsPage", "Limits / 限制"),
            lambda line: limits_text(line.card),
        ),
        Column(
            QCoreApplication.translate("AgentsPage", "Transit / 时效"),
            lambda line: transit_text(line.card),
        ),
    ]


def table(model: RecordsModel[Any], widths: tuple[int, ...]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


class FeesForm(QWidget):
    """An agent's name, fees (AgentFees) and packing rules (PackingRules); the domain's
    problems are listed beside it."""

    save_requested = Signal(object, str, object)  # AgentFees, note, PackingRules

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agent_id: int | None = None
        self._shown = False
        self.title = QLabel(self.tr("<b>Agent</b>"))
        self.name_edit = QLineEdit(placeholderText=self.tr("e.g. Superbuy"))
        self.currency_box = QComboBox()
        self.currency_box.setEditable(True)
        self.currency_box.addItems(("CNY", "USD", "EUR"))
        self.tiers = TextGridModel(
            (self.tr("Up to / 以下"), self.tr("Percent / 费率 %")),
            (
                self.tr("Order value up to (empty on the last row: any value)"),
                self.tr("% of that part"),
            ),
            self,
        )
        self.tiers_view = grid_view(self.tiers)
        self.amounts = {key: QLineEdit(placeholderText="0") for key, _ in _AMOUNTS}
        self.free_days_edit = QLineEdit(placeholderText="180")
        defaults = PackingRules()
        self.packing_edits = {
            key: QLineEdit(placeholderText=fmt(getattr(defaults, key))) for key in _PACKING
        }
        self.note_edit = QLineEdit()
        self.save_button = QPushButton(self.tr("Save &agent"))
        self.problems = error_label()
        form = QFormLayout()
        form.addRow(self.title)
        form.addRow(self.tr("Name / 名称"), self.name_edit)
        form.addRow(self.tr("Currency / 币种"), self.currency_box)
        form.addRow(self.tr("Service fee tiers / 服务费"), self.tiers_view)
        for key, label in _AMOUNTS:
            form.addRow(QCoreApplication.translate("AgentsPage", label), self.amounts[key])
        form.addRow(self.tr("Free storage days / 免费仓储"), self.free_days_edit)
        for key, label in _PACKING.items():
            form.addRow(QCoreApplication.translate("AgentsPage", label), self.packing_edits[key])
        hint = QLabel(QCoreApplication.translate("AgentsPage", PACKING_HINT), wordWrap=True)
        form.addRow(hint)
        form.addRow(self.tr("Note / 备注"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._save)
        self.show_agent(None)

    def show_agent(self, agent: AgentEntry | None, *, new: bool = False) -> None:
        self._agent_id = None if agent is None else agent.id
        self._shown = agent is not None or new
        self.setEnabled(self._shown)
        self.show_errors({})
        fees = agent.fees if agent is not None else AgentFees()
        if agent is not None:
            title = self.tr("<b>{agent}</b> — fees").format(agent=agent.name)
        else:
            title = (
                self.tr("<b>New agent</b>") if new else self.tr("<b>Agent</b> — choose an agent")
            )
        self.title.setText(title)
        self.name_edit.setText("" if agent is None else agent.name)
        self.currency_box.setCurrentText(fees.currency)
        self.tiers.set_cells(
            [
                ["" if t.up_to is None else f"{t.up_to:f}", f"{t.percent:f}"]
                for t in fees.service_tiers
            ]
        )
        for key, _ in _AMOUNTS:
            self.amounts[key].setText(fmt(getattr(fees, key)))
        self.free_days_edit.setText(str(fees.free_storage_days))
        packing = PackingRules() if agent is None else agent.packing
        for key, edit in self.packing_edits.items():
            edit.setText(fmt(getattr(packing, key)))
        self.note_edit.setText("" if agent is None else agent.note)

    @property
    def agent_id(self) -> int | None:
        return self._agent_id

    def fees(self) -> AgentFees | None:
        """The fees as typed, or None after listing what is wrong."""
        problems: list[str] = []
        tiers = []
        for number, (up_to, percent) in self.tiers.filled():
            try:
                rate = read_amount(
                    percent, self.tr("tier {number}'s percent").format(number=number)
                )
                tiers.append(
                    ServiceTier(
                        read_amount(
                            up_to, self.tr("tier {number}'s upper value").format(number=number)
                        ),
                        rate if rate is not None else Decimal(0),
                    )
                )
            except ParseError as error:
                problems.append(str(error))
        values: dict[str, Decimal] = {}
        for key, label in _AMOUNTS:
            try:
                what = QCoreApplication.translate("AgentsPage", label).split(" / ")[0]
                values[key] = read_amount(self.amounts[key].text(), what) or Decimal(0)
            except ParseError as error:
                problems.append(str(error))
        try:
            days = read_whole(self.free_days_edit.text(), self.tr("the free storage days"))
        except ParseError as error:
            problems.append(str(error))
            days = None
        if not problems:
            try:
                return AgentFees(
                    name=self.name_edit.text().strip(),
                    currency=self.currency_box.currentText().strip().upper(),
                    service_tiers=tuple(tiers),
                    free_storage_days=180 if days is None else days,
                    **values,
                )
            except AgentFeesError as error:
                problems.extend(error.problems)
        self.show_errors({"fees": " ".join(problems)})
        return None

    def packing(self) -> PackingRules | None:
        """The packing rules as typed (an empty field: the project default), or None after
        listing what is wrong."""
        rules, problems = self._typed_packing()
        if problems:
            self.show_errors({"packing": " ".join(problems)})
        return rules

    def _typed_packing(self) -> tuple[PackingRules | None, list[str]]:
        problems: list[str] = []
        values: dict[str, Decimal] = {}
        defaults = PackingRules()
        for key, label in _PACKING.items():
            what = QCoreApplication.translate("AgentsPage", label).split(" / ")[0]
            try:
                typed = read_measure(self.packing_edits[key].text(), what)
            except ParseError as error:
                problems.append(str(error))
                continue
            values[key] = getattr(defaults, key) if typed is None else typed
        if not problems:
            problems = [
                QCoreApplication.translate("AgentsPage", _PACKING_PROBLEMS[key]).format(
                    value=fmt(values[key])
                )
                for key in packing_problems(**values)
            ]
        return (None, problems) if problems else (PackingRules(**values), [])

    def show_errors(self, errors: dict[str, str]) -> None:
        text = " ".join(found for found in errors.values() if found)
        self.problems.setText(f"⚠ {text}" if text else "")
        self.problems.setVisible(bool(text))

    def _save(self) -> None:
        fees = self.fees()  # lists its own problems
        rules, problems = self._typed_packing()
        if problems:  # listed after the fees' problems: every one at once
            listed = self.problems.text().removeprefix("⚠ ") if fees is None else ""
            self.show_errors({"fees": listed, "packing": " ".join(problems)})
        elif fees is not None and rules is not None:
            self.save_requested.emit(fees, self.note_edit.text().strip(), rules)


class AgentsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agents: RecordsModel[AgentEntry] = RecordsModel(agent_columns(), parent=self)
        self.lines: RecordsModel[LineEntry] = RecordsModel(line_columns(), parent=self)
        self.agents_view = table(self.agents, (100, 60, 180, 85, 45, 55))
        self.lines_view = table(self.lines, (150, 90, 200, 150))
        self.new_agent_button = QPushButton(self.tr("New a&gent"))
        self.delete_agent_button = QPushButton(self.tr("Delete agent…"))
        self.new_line_button = QPushButton(self.tr("New &line"))
        self.delete_line_button = QPushButton(self.tr("Delete line…"))
        self.fees_form = FeesForm()
        self.line_form = LineForm()
        self.editors = QTabWidget()
        for widget, title in (
            (self.fees_form, self.tr("Agent fees / 代理费用")),
            (self.line_form, self.tr("Rate card / 运价表")),
        ):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(widget)
            self.editors.addTab(scroll, title)
        hint = QLabel(QCoreApplication.translate("AgentsPage", IMPORT_HINT))
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("<b>Agents / 代理</b> (purchasing agents and forwarders)")))
        column.addWidget(self.agents_view, 2)
        column.addLayout(_row(self.new_agent_button, self.delete_agent_button))
        self.lines_title = QLabel(self.tr("<b>Lines / 线路</b>"))
        column.addWidget(self.lines_title)
        column.addWidget(self.lines_view, 3)
        column.addLayout(_row(self.new_line_button, self.delete_line_button))
        column.addWidget(hint)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.editors)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 680])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    def current_agent_id(self) -> int | None:
        index = self.agents_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_line_id(self) -> int | None:
        index = self.lines_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
