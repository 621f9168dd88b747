"""Budget bars drawn with QPainter (QtCharts would add 150 MB for a few bars)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW = 34


class BudgetBars(QWidget):
    """One bar per program: used (blue, red when over) against the budget; text beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int | None]] = []  # name, used fen, budget fen
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_rows(self, rows: list[tuple[str, int, int | None]]) -> None:
        self.rows = rows
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, max(1, len(self.rows)) * ROW + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        from contract.money import fen_to_yuan_text

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        label_w = min(170, width // 3)
        text_w = min(220, width // 3)
        bar_w = max(40, width - label_w - text_w - 16)
        metrics = painter.fontMetrics()
        if not self.rows:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("本年度暂无帮扶项目")
            )
            return
        for index, (name, used, budget) in enumerate(self.rows):
            top = index * ROW + 4
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.setPen(QColor("#333"))
            painter.drawText(QRectF(0, top, label_w, 22), Qt.AlignmentFlag.AlignVCenter, label)
            track = QRectF(label_w, top + 5, bar_w, 12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e3e8ee"))
            painter.drawRoundedRect(track, 4, 4)
            share = 0.0 if not budget else min(1.0, used / budget)
            over = budget is not None and used > budget
            painter.setBrush(QColor("#c0392b" if over else "#2f5d8a"))
            painter.drawRoundedRect(QRectF(track.x(), track.y(), bar_w * share, 12), 4, 4)
            if budget is None:
                text = self.tr("已用 %1（无预算）").replace("%1", fen_to_yuan_text(used))
            else:
                text = (
                    self.tr("已用 %1 / 余 %2")
                    .replace("%1", fen_to_yuan_text(used))
                    .replace("%2", fen_to_yuan_text(budget - used))
                )
            painter.setPen(QColor("#555"))
            painter.drawText(
                QRectF(label_w + bar_w + 10, top, text_w, 22),
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_w),
            )
        painter.end()
