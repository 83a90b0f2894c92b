"""The user's matrix settings: Q/D/S/C weights and level thresholds, with restore defaults.

Stored in app_settings as JSON with Decimals as strings; missing or unreadable settings (a
hand-edited file) read as the defaults. The share of the weight the scored criteria must carry
for a level (Weights.min_known) is stored with the weights, under "min_known"; weights stored
before it existed read with the default 50 %.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select

from app.domain.kit.numbers import number_problem
from app.domain.matrix.scoring import (
    DEFAULT_MIN_KNOWN,
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    Criterion,
    LevelThresholds,
    Weights,
)
from app.errors import ValidationError
from app.store.db import Database
from app.store.models.matrix import SettingRow

WEIGHTS_KEY = "matrix.weights"
THRESHOLDS_KEY = "matrix.level_thresholds"
MIN_KNOWN_KEY = "min_known"  # inside the weights' JSON


class MatrixSettings:
    """Read and write the weights and thresholds (the matrix service builds on this)."""

    database: Database

    # --- the user's weights and level thresholds ------------------------------------------------
    def weights(self) -> Weights:
        stored = self._setting(WEIGHTS_KEY)
        try:
            min_known = Decimal(stored.get(MIN_KNOWN_KEY, DEFAULT_MIN_KNOWN))
            return Weights.from_dict({c: Decimal(stored[c.value]) for c in Criterion}, min_known)
        except (TypeError, KeyError, ValueError, ArithmeticError, AttributeError):
            return DEFAULT_WEIGHTS

    def save_weights(self, weights: Weights) -> None:
        if not isinstance(weights, Weights):
            raise ValidationError({"weights": "Give the weights as Weights."})
        errors = {
            c.value: problem
            for c in Criterion
            if (problem := number_problem(getattr(weights, c.value), f"The {c.label} weight"))
        }
        share = number_problem(weights.min_known, "The share of weight that must be scored")
        if share:
            errors[MIN_KNOWN_KEY] = share
        if errors:
            raise ValidationError(errors)
        values = {c.value: str(getattr(weights, c.value)) for c in Criterion}
        self._save_setting(WEIGHTS_KEY, {**values, MIN_KNOWN_KEY: str(weights.min_known)})

    def restore_default_weights(self) -> Weights:
        self._delete_setting(WEIGHTS_KEY)
        return DEFAULT_WEIGHTS

    def thresholds(self) -> LevelThresholds:
        stored = self._setting(THRESHOLDS_KEY)
        try:
            return LevelThresholds(*(Decimal(stored[name]) for name in ("a", "b", "c")))
        except (TypeError, KeyError, ValueError, ArithmeticError):
            return DEFAULT_THRESHOLDS

    def save_thresholds(self, thresholds: LevelThresholds) -> None:
        if not isinstance(thresholds, LevelThresholds):
            raise ValidationError({"thresholds": "Give the thresholds as LevelThresholds."})
        errors = {
            name: problem
            for name in ("a", "b", "c")
            if (
                problem := number_problem(
                    getattr(thresholds, name), f"The level {name.upper()} minimum"
                )
            )
        }
        if errors:
            raise ValidationError(errors)
        self._save_setting(
            THRESHOLDS_KEY, {name: str(getattr(thresholds, name)) for name in ("a", "b", "c")}
        )

    def restore_default_thresholds(self) -> LevelThresholds:
        self._delete_setting(THRESHOLDS_KEY)
        return DEFAULT_THRESHOLDS

    def _setting(self, key: str) -> Any:
        with self.database.reading() as session:
            text = session.scalar(select(SettingRow.value).where(SettingRow.key == key))
        if text is None:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return None

    def _save_setting(self, key: str, value: dict[str, str]) -> None:
        text = json.dumps(value, sort_keys=True)
        with self.database.transaction() as session:
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=text))
            else:
                row.value = text

    def _delete_setting(self, key: str) -> None:
        with self.database.transaction() as session:
            session.execute(delete(SettingRow).where(SettingRow.key == key))
