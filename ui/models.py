"""Table models over plain rows: a list of frozen dataclasses, one per line.

Each column says how to show a row (``text``) and, if it needs to, how to
align it; ``Qt.UserRole`` gives the row itself, so a view's selection leads
straight back to the service's dataclass::

    model = RowsModel([
        Column(QT_TR_NOOP("户主"), lambda h: h.head_name),
        Column(QT_TR_NOOP("积分"), lambda h: str(h.balance), right=True),
    ])
    model.set_rows(households.search(db, actor, "zs"))
    row = view.currentIndex().data(Qt.ItemDataRole.UserRole)

A column may colour its cells (``background``: a colour name for the row, or None) and
be typed into (``edit``: the row with the text put in, or None to refuse it); a colour
always goes with words in the cell, never alone.

Every model is checked with pytest-qt's ``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex


def yuan(fen: int) -> str:
    """Money (kept in fen) as yuan, worked out in whole numbers: 5500 → "55.00"."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


@dataclass(frozen=True)
class Column:
    title: str  # untranslated source text; translated in the "RowsModel" context
    text: Callable[[object], str]
    right: bool = False  # numbers line up on the right
    tooltip: Callable[[object], str] | None = None
    background: Callable[[object], str | None] | None = None  # a colour, beside the words
    edit: Callable[[object, str], object | None] | None = None  # the row with the text typed in


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], rows: Sequence = (), parent=None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: list = list(rows)

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, number: int):
        return self.rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            colour = column.background(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.EditRole and column.edit is not None:
            return column.text(row)
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self.rows)
                or index.column() >= len(self.columns)):
            return False
        column = self.columns[index.column()]
        changed = column.edit(self.rows[index.row()], str(value)) if column.edit is not None else None
        if changed is None:
            return False
        self.rows[index.row()] = changed
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return QCoreApplication.translate("RowsModel", self.columns[section].title)
            return None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() < len(self.columns) and self.columns[index.column()].edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags
