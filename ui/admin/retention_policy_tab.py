"""保存类别: the organisation's profile, the retention classes and the rules that assign them.

Editing a rule or switching the profile first asks the services for a dry run and shows it
(ui.admin.retention_dry_run_dialog); only a confirmed change, with its reason, is saved. The services refuse
anyone but the 总队's administrators and audit the change with its dry run.
"""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.admin.retention_dry_run_dialog import DryRunDialog
from ui.common.retention_labels import class_text, period_text, profile_name, trigger_name, trigger_names
from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel, read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.retention.types import ClassRow, PolicyDryRun, PolicyView, Profile, RuleRow

REMOVE = "—"  # the class box's entry that removes a rule


class ClassTableModel(RowTableModel[ClassRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Class"), self.tr("Period"), self.tr("Basis")]

    def cell(self, row: ClassRow, column: int, role: int) -> Any:
        return (row.name, period_text(row.months), row.basis)[column] if role == DISPLAY else None


class RuleTableModel(RowTableModel[RuleRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Applies to"), self.tr("Keep at least"), self.tr("Changed"), self.tr("Changed by")]
        self.classes: dict[str, ClassRow] = {}
        self.names: dict[str, str] = {}  # units and mark categories (trigger_names)

    def cell(self, row: RuleRow, column: int, role: int) -> Any:
        if role == TOOLTIP and column == 0:
            return row.trigger
        if role != DISPLAY:
            return None
        return (
            trigger_name(row.trigger, self.names),
            class_text(row.class_code, self.classes),
            format_time(row.changed_at),
            row.changed_by,
        )[column]


@dataclass(frozen=True)
class _Loaded:
    policy: PolicyView
    names: dict[str, str]


class PolicyTab(QWidget):
    """Signals: loaded; changed(PolicyDryRun) once a confirmed change is saved."""

    loaded = Signal()
    changed = Signal(object)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.dry_run_dialog: DryRunDialog | None = None
        self.profile_box = QComboBox(self)
        for profile in Profile:
            self.profile_box.addItem(profile_name(profile), profile)
        self.switch_button = QPushButton(self.tr("Switch profile…"), self)
        self.switch_button.clicked.connect(self.switch_profile)
        self.class_model = ClassTableModel(self)
        self.class_table = read_only_table(self)
        self.class_table.setModel(self.class_model)
        self.rule_model = RuleTableModel(self)
        self.rule_table = read_only_table(self)
        self.rule_table.setModel(self.rule_model)
        self.class_box = QComboBox(self)
        self.change_button = QPushButton(self.tr("Change rule…"), self)
        self.change_button.clicked.connect(self.change_selected_rule)
        self.message = StatusLine(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Organisation's regulations:"), self))
        top.addWidget(self.profile_box)
        top.addWidget(self.switch_button)
        top.addStretch(1)
        edit = QHBoxLayout()
        edit.addWidget(QLabel(self.tr("Selected rule keeps footage at least:"), self))
        edit.addWidget(self.class_box)
        edit.addWidget(self.change_button)
        edit.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Retention classes"), self))
        layout.addWidget(self.class_table, 1)
        layout.addWidget(QLabel(self.tr("Rules (a clip is kept as long as the longest class of the rules that apply)")))
        layout.addWidget(self.rule_table, 2)
        layout.addLayout(edit)
        layout.addWidget(self.message)

    def load(self) -> None:
        client = self._client

        def read() -> _Loaded:
            return _Loaded(client.retention_policy(), trigger_names(client.list_units(), client.marker_categories()))

        self._operations.run(self, read, self._on_loaded, self.message.show_failure)

    def select_rule(self, trigger: str) -> None:
        self.rule_table.selectRow(next(n for n, rule in enumerate(self.rule_model.rows) if rule.trigger == trigger))

    def change_selected_rule(self) -> None:
        """Dry-run the selected rule set to the class chosen in the box (or removed)."""
        rows = self.rule_table.selectionModel().selectedRows()
        if not rows:
            self.message.say(self.tr("Select a rule first."), problem=True)
            return
        rule = self.rule_model.row_at(rows[0].row())
        code = self.class_box.currentData()
        self.propose({rule.trigger: None if code == REMOVE else code}, None)

    def switch_profile(self) -> None:
        """Dry-run the rules of the profile chosen in the box."""
        self.propose({}, self.profile_box.currentData())

    def propose(self, changes: dict[str, str | None], profile: Profile | None) -> None:
        """Ask for the change's dry run and show it for confirmation."""
        client = self._client
        self.message.say(self.tr("Working out what the change would do…"))
        self._operations.run(
            self,
            lambda: client.retention_dry_run(changes, profile),
            lambda dry_run: self._confirm(changes, profile, dry_run),
            self.message.show_failure,
        )

    def _confirm(self, changes: dict[str, str | None], profile: Profile | None, dry_run: PolicyDryRun) -> None:
        self.message.say("")
        dialog = DryRunDialog(dry_run, self.rule_model.names, self.rule_model.classes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save(changes, profile, dialog.reason.text().strip()))
        dialog.destroyed.connect(self._forget_dialog)
        self.dry_run_dialog = dialog
        dialog.open()

    def _save(self, changes: dict[str, str | None], profile: Profile | None, reason: str) -> None:
        client = self._client
        self._operations.run(
            self,
            lambda: client.change_retention_policy(changes, profile, reason),
            self._on_saved,
            self.message.show_failure,
        )

    def _on_saved(self, dry_run: PolicyDryRun) -> None:
        self.message.say(
            self.tr("The change is saved: %1 clips now expire earlier, %2 later.")
            .replace("%1", str(dry_run.shortened))
            .replace("%2", str(dry_run.lengthened))
        )
        self.changed.emit(dry_run)
        self.load()

    def _forget_dialog(self) -> None:
        self.dry_run_dialog = None

    def _on_loaded(self, loaded: _Loaded) -> None:
        policy = loaded.policy
        self.profile_box.setCurrentIndex(self.profile_box.findData(policy.profile))
        classes = {row.code: row for row in policy.classes}
        self.class_model.set_rows(policy.classes)
        self.rule_model.classes, self.rule_model.names = classes, loaded.names
        self.rule_model.set_rows(policy.rules)
        self.class_box.clear()
        for row in policy.classes:
            self.class_box.addItem(class_text(row.code, classes), row.code)
        self.class_box.addItem(self.tr("(remove the rule)"), REMOVE)
        self.loaded.emit()
