"""保存期限 under 管理: the retention policy, legal holds, the expiry queue and destruction requests (R8).

Four tabs over the archive client; a change in one tab reloads the tabs it affects (a hold changes the
queue's reasons, a request or an execution changes the queue and the request list).
"""

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.admin.destruction_tab import DestructionTab
from ui.admin.expiry_tab import ExpiryTab
from ui.admin.holds_tab import HoldsTab
from ui.admin.retention_policy_tab import PolicyTab
from ui.common.tasks import Operations
from workstation.client import ArchiveClient


class RetentionView(QWidget):
    """Call `load()` to read every tab."""

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy_tab = PolicyTab(client, operations, self)
        self.holds_tab = HoldsTab(client, operations, self)
        self.expiry_tab = ExpiryTab(client, operations, self)
        self.destruction_tab = DestructionTab(client, operations, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.policy_tab, self.tr("Retention classes"))
        self.tabs.addTab(self.holds_tab, self.tr("Legal holds"))
        self.tabs.addTab(self.expiry_tab, self.tr("Expiry queue"))
        self.tabs.addTab(self.destruction_tab, self.tr("Destruction requests"))
        self.policy_tab.changed.connect(self.expiry_tab.load)
        self.holds_tab.holds_changed.connect(self.expiry_tab.load)
        self.expiry_tab.hold_requested.connect(self.holds_tab.place)
        self.expiry_tab.requested.connect(self.destruction_tab.load)
        self.destruction_tab.executed.connect(self.expiry_tab.load)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def load(self) -> None:
        for tab in (self.policy_tab, self.holds_tab, self.expiry_tab, self.destruction_tab):
            tab.load()
