"""The rows the matrix shows: columns, one filter, one sort, the ranking. No SQL, and of Qt
only the translation of the words shown (column titles in MatrixModel's context).

Sort keys are computed once per column and kept until the rows or the ranking change, so
re-sorting 10,000 rows is one `sorted` over cached keys (measured by the matrix benchmark).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.kit.search_text import matches, search_text, sort_key
from app.domain.matrix.capacity import Dimension, Grade
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.credit_decision import RatingSource
from app.domain.matrix.rows import MatrixRow, rank_matrix
from app.domain.matrix.scoring import (
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    Criterion,
    Level,
    LevelThresholds,
    Ranked,
    Weights,
    explain_score,
)
from app.domain.suppliers.choices import PROVINCES, Status
from app.services.gc_pause import paused_garbage_collector
from app.ui.matrix.legend import term

_PROVINCE_EN = dict(PROVINCES)
_MISSING_LAST = (1, Decimal(0))  # unknown sorts after known values in either direction
_GRADE_ORDER = {grade: index for index, grade in enumerate(Grade)}  # excellent first


def _known(value: Any) -> tuple[int, Any]:
    return _MISSING_LAST if value is None else (0, value)


@dataclass(frozen=True, slots=True)
class MatrixFilter:
    text: str = ""
    status: Status | None = None
    category: str | None = None  # a tag, as the supplier record holds it
    province: str | None = None  # the Chinese province name, as stored

    def accepts(self, row: MatrixRow, haystack: str) -> bool:
        if self.status is not None and row.status is not self.status:
            return False
        if self.province is not None and row.province != self.province:
            return False
        if self.category is not None and self.category not in row.tags:
            return False
        return not self.text.strip() or matches(haystack, self.text)


_CAPACITY_TITLES = {  # short, two lines: the unit under the name
    Dimension.MONTHLY_CAPACITY: str(QT_TRANSLATE_NOOP("MatrixModel", "Capacity\npcs/month")),
    Dimension.PRODUCTION_LINES: str(QT_TRANSLATE_NOOP("MatrixModel", "Lines")),
    Dimension.EMPLOYEES: str(QT_TRANSLATE_NOOP("MatrixModel", "Employees")),
    Dimension.FACTORY_AREA: str(QT_TRANSLATE_NOOP("MatrixModel", "Factory\narea m²")),
    Dimension.RESPONSE_TIME: str(QT_TRANSLATE_NOOP("MatrixModel", "Response\nhours")),
}


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    key: str
    title: str
    kind: str  # "name", "text", "capacity", "credit", "score", "weighted", "level", "rank"
    dimension: Dimension | None = None
    criterion: Criterion | None = None

    @property
    def editable(self) -> bool:
        return self.kind == "capacity"


# The decision first (rank, level, score, credit), then the evidence behind it.
MATRIX_COLUMNS: tuple[MatrixColumn, ...] = (
    MatrixColumn("supplier", str(QT_TRANSLATE_NOOP("MatrixModel", "Supplier")), "name"),
    MatrixColumn("rank", str(QT_TRANSLATE_NOOP("MatrixModel", "Rank")), "rank"),
    MatrixColumn("level", str(QT_TRANSLATE_NOOP("MatrixModel", "Level")), "level"),
    MatrixColumn("weighted", str(QT_TRANSLATE_NOOP("MatrixModel", "Weighted")), "weighted"),
    MatrixColumn("credit", str(QT_TRANSLATE_NOOP("MatrixModel", "Credit")), "credit"),
    *(MatrixColumn(d.value, _CAPACITY_TITLES[d], "capacity", dimension=d) for d in Dimension),
    # the criteria's titles are their labels: MatrixTerms (app.ui.matrix.legend) has them
    *(MatrixColumn(c.value, c.label, "score", criterion=c) for c in Criterion),
    MatrixColumn("period", str(QT_TRANSLATE_NOOP("MatrixModel", "Period")), "text"),
    MatrixColumn("province", str(QT_TRANSLATE_NOOP("MatrixModel", "Province")), "text"),
    MatrixColumn("status", str(QT_TRANSLATE_NOOP("MatrixModel", "Status")), "text"),
)
COLUMN_INDEX = {column.key: index for index, column in enumerate(MATRIX_COLUMNS)}
COLUMN_KEYS = tuple(column.key for column in MATRIX_COLUMNS)  # what saved views name


def format_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def credit_text(row: MatrixRow) -> str:
    decision = row.credit
    if decision.source is RatingSource.MANUAL:
        text = QCoreApplication.translate("MatrixModel", "{rating} (manual; rule {suggested})")
        return text.format(
            rating=decision.effective.value, suggested=term(decision.suggested.value)
        )
    return term(decision.effective.value)  # AAA-C as they are; "unknown" in words


class MatrixTable:
    """All rows, the ranking under the current weights, and the visible order."""

    def __init__(self) -> None:
        self.rows: list[MatrixRow] = []
        self.weights: Weights = DEFAULT_WEIGHTS
        self.thresholds: LevelThresholds = DEFAULT_THRESHOLDS
        self.ranking: dict[int, Ranked] = {}
        self.filter = MatrixFilter()
        self.sort_column: str | None = "rank"
        self.descending = False
        self._visible: list[int] = []  # positions in self.rows
        self._positions: dict[int, int] = {}  # supplier id -> position in self.rows
        self._haystacks: list[str] = []
        self._sort_keys: dict[str, list[Any]] = {}

    # --- reading -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._visible)

    @property
    def total(self) -> int:
        return len(self.rows)

    def row_at(self, visible_row: int) -> MatrixRow:
        return self.rows[self._visible[visible_row]]

    def ranked(self, row: MatrixRow) -> Ranked:
        return self.ranking[row.supplier_id]

    def visible_row_of(self, supplier_id: int) -> int | None:
        position = self._positions.get(supplier_id)
        if position is None:
            return None
        try:
            return self._visible.index(position)
        except ValueError:
            return None

    def visible_rows(self) -> list[MatrixRow]:
        return [self.rows[position] for position in self._visible]

    def categories(self) -> list[str]:
        return sorted({tag for row in self.rows for tag in row.tags}, key=sort_key)

    def score_tooltip(self, row: MatrixRow) -> str:
        ranked = self.ranked(row)
        head = (
            QCoreApplication.translate("MatrixModel", "Period {period}.").format(period=row.period)
            if row.period
            else QCoreApplication.translate("MatrixModel", "Never evaluated.")
        )
        text = f"{head} {explain_score(row.scores, self.weights)}"
        if ranked.level is Level.UNKNOWN:
            return text
        level = QCoreApplication.translate("MatrixModel", "Level {level}: {action}.")
        return f"{text}\n" + level.format(
            level=term(ranked.level.value), action=term(ranked.level.action)
        )

    # --- changing ------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[MatrixRow]) -> None:
        self.rows = list(rows)
        self._positions = {row.supplier_id: i for i, row in enumerate(self.rows)}
        self._haystacks = [_haystack(row) for row in self.rows]
        self._rerank()

    def upsert(self, rows: Iterable[MatrixRow]) -> None:
        for row in rows:
            position = self._positions.get(row.supplier_id)
            if position is None:
                self._positions[row.supplier_id] = len(self.rows)
                self.rows.append(row)
                self._haystacks.append(_haystack(row))
            else:
                self.rows[position] = row
                self._haystacks[position] = _haystack(row)
        self._rerank()

    def remove(self, supplier_ids: Iterable[int]) -> None:
        gone = set(supplier_ids)
        kept = [row for row in self.rows if row.supplier_id not in gone]
        if len(kept) != len(self.rows):
            self.set_rows(kept)

    def set_weights(self, weights: Weights, thresholds: LevelThresholds | None = None) -> None:
        self.weights = weights
        self.thresholds = thresholds or self.thresholds
        self._rerank()

    def set_filter(self, wanted: MatrixFilter) -> None:
        self.filter = wanted
        self._refresh()

    def set_sort(self, column_key: str | None, descending: bool = False) -> None:
        self.sort_column, self.descending = column_key, descending
        self._refresh()

    def _rerank(self) -> None:
        with paused_garbage_collector():  # 100,000 new tuples, no cycles: no GC passes
            self.ranking = rank_matrix(self.rows, self.weights, self.thresholds)
            self._sort_keys.clear()
            self._refresh()

    def _refresh(self) -> None:
        wanted = self.filter
        if wanted == MatrixFilter():
            visible = list(range(len(self.rows)))
        else:
            visible = [
                i for i, row in enumerate(self.rows) if wanted.accepts(row, self._haystacks[i])
            ]
        if self.sort_column is not None:
            keys = self._keys(self.sort_column)
            visible.sort(key=keys.__getitem__, reverse=self.descending)
            if self.descending:  # unknowns stay last whichever the direction
                visible.sort(key=lambda i: keys[i][0] == 1)
        self._visible = visible

    def _keys(self, column_key: str) -> list[Any]:
        keys = self._sort_keys.get(column_key)
        if keys is None:
            make = _sort_key_maker(MATRIX_COLUMNS[COLUMN_INDEX[column_key]], self.ranking)
            keys = self._sort_keys[column_key] = [make(row) for row in self.rows]
        return keys


def _sort_key_maker(column: MatrixColumn, ranking: dict[int, Ranked]) -> Callable[[MatrixRow], Any]:
    kind = column.kind
    if kind == "name":
        return lambda row: (0, row.name_sort or sort_key(row.display_name))
    if column.key == "province":
        return lambda row: _known(_PROVINCE_EN.get(row.province) or row.province or None)
    if column.key == "status":
        return lambda row: (0, row.status.label)
    if column.key == "period":
        return lambda row: _known(row.period)
    if kind == "capacity":
        dimension = column.dimension
        assert dimension is not None
        return lambda row: _known(row.capacity[dimension].value)
    if kind == "credit":
        return lambda row: (
            (1, 0)
            if row.credit.effective is CreditRating.UNKNOWN
            else (
                0,
                row.credit.effective.rank,
            )
        )
    if kind == "score":
        name = column.criterion.value  # type: ignore[union-attr]
        return lambda row: _known(getattr(row.scores, name))
    if kind == "weighted":
        return lambda row: _known(ranking[row.supplier_id].score)
    if kind == "level":
        order = {level: i for i, level in enumerate(Level)}
        return lambda row: (
            (1, 0)
            if ranking[row.supplier_id].level is Level.UNKNOWN
            else (0, order[ranking[row.supplier_id].level])
        )
    return lambda row: _known(ranking[row.supplier_id].rank)  # rank


def _haystack(row: MatrixRow) -> str:
    # The stored haystack already holds names, pinyin, city, province and tags.
    return row.search_text or search_text([row.name_zh, row.name_en, *row.tags])


def with_capacity(row: MatrixRow, cells: dict) -> MatrixRow:
    """A copy of the row with some capacity cells replaced (for an immediate re-grade)."""
    return replace(row, capacity={**row.capacity, **cells})
