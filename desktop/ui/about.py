"""关于: the product name, its version (desktop.__version__) and where the data lives."""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop import __version__

from .theme import icon


class AboutDialog(QDialog):
    def __init__(self, db_path: object = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于工作台"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        art = QLabel()
        art.setPixmap(icon("app").pixmap(64, 64))
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(art)
        self.product = QLabel(self.tr("工会服务站工作台 StationDesk"))
        self.product.setObjectName("PageTitle")
        self.product.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.product)
        self.version = QLabel(self.tr("版本 %1").replace("%1", __version__))
        self.version.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.version)
        details = self.tr("离线优先的工会服务站工作台：会员、走访、帮扶发放、工作日志与区级同步。")
        details += "\n" + f"Python {platform.python_version()} · Qt {qVersion()}"
        if db_path:
            details += "\n" + self.tr("数据文件：%1").replace("%1", str(db_path))
        self.details = QLabel(details)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
