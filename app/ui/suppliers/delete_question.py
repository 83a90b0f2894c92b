"""The question asked before suppliers are deleted, naming what goes with them: "Delete
白沟新城佳禾箱包厂 and its 3 samples, 12 photos, 1 audit?" (only what there is, in plural
where there are several; for several suppliers, the totals)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.suppliers.dependent_counts import DependentCounts

CONTEXT = "DeleteQuestion"
MAX_NAMES = 5  # listed by name; the rest are counted
# DependentCounts field -> (one, several), marked for translation and translated where shown.
KIND_WORDS: dict[str, tuple[str, str]] = {
    "samples": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} sample")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} samples")),
    ),
    "photos": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} photo")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} photos")),
    ),
    "audits": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} audit")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} audits")),
    ),
    "quotes": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} quote")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} quotes")),
    ),
    "worksheets": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} negotiation worksheet")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} negotiation worksheets")),
    ),
    "orders": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} order")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} orders")),
    ),
    "capacity_facts": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} capacity fact")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} capacity facts")),
    ),
    "evaluations": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} performance evaluation")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} performance evaluations")),
    ),
    "credit_ratings": (
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} credit rating")),
        str(QT_TRANSLATE_NOOP("DeleteQuestion", "{count} credit ratings")),
    ),
}


def _translated(marked: str) -> str:
    """One of KIND_WORDS in the interface language."""
    return QCoreApplication.translate(CONTEXT, marked)


def things_text(counts: DependentCounts) -> str:
    """'3 samples, 12 photos, 1 audit': the kinds there are, in the listing order."""
    parts = []
    for kind, count in counts.nonzero():
        one, several = KIND_WORDS[kind]
        parts.append(_translated(one if count == 1 else several).format(count=f"{count:,}"))
    return QCoreApplication.translate("DeleteQuestion", ", ").join(parts)


def delete_question(names: Sequence[str], count: int, counts: DependentCounts) -> str:
    """The whole question for `count` suppliers, the first of them `names` (MAX_NAMES are
    listed), and the totals of what hangs off them."""
    things = things_text(counts)
    if count == 1:
        if things:
            first = QCoreApplication.translate(
                "DeleteQuestion", "Delete {name} and its {things}?"
            ).format(name=names[0], things=things)
        else:
            first = QCoreApplication.translate("DeleteQuestion", "Delete {name}?").format(
                name=names[0]
            )
        rest = QCoreApplication.translate(
            "DeleteQuestion",
            "Its contacts, certifications and red flags go with it. You can undo this with Ctrl+Z.",
        )
        return f"{first}\n\n{rest}"
    if things:
        first = QCoreApplication.translate(
            "DeleteQuestion", "Delete {count} suppliers and their {things}?"
        ).format(count=f"{count:,}", things=things)
    else:
        first = QCoreApplication.translate("DeleteQuestion", "Delete {count} suppliers?").format(
            count=f"{count:,}"
        )
    lines = [f"• {name}" for name in names[:MAX_NAMES]]
    if count > MAX_NAMES:
        lines.append(
            QCoreApplication.translate("DeleteQuestion", "… and {count} more").format(
                count=f"{count - MAX_NAMES:,}"
            )
        )
    rest = QCoreApplication.translate(
        "DeleteQuestion",
        "Their contacts, certifications and red flags go with them. You can undo this with Ctrl+Z.",
    )
    return "\n\n".join((first, "\n".join(lines), rest))


def confirm_delete(
    parent: QWidget, names: Sequence[str], count: int, counts: DependentCounts
) -> bool:
    """Ask delete_question; True when the user answers Yes (No is the default)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SuppliersTab", "Delete suppliers"),
        delete_question(names, count, counts),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
