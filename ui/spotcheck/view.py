"""The spot-check page (抽查): draw a plan for a unit and day, see plans and samples, share the review
queue, and see which officers are still unchecked.

The page does not play footage: claiming an item emits `review_requested`, and the window that holds
the page opens the clip in the player next to the checklist (ui/spotcheck/review_checklist.py).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.qt_dates import day_edit, from_date, to_date
from ui.common.row_table_model import read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from ui.spotcheck.models import ItemTableModel, PlanTableModel, ProgressTableModel, RowsModel
from workstation import clock
from workstation.client import ArchiveClient
from workstation.spotcheck.policy import SpotCheckSettings
from workstation.spotcheck.types import (
    MAX_FINDINGS_EXTRA,
    DrawOutcome,
    DrawSpec,
    OfficerProgress,
    PlanRow,
    SampleItemRow,
)
from workstation.types import UnitRow


@dataclass(frozen=True)
class _Snapshot:
    plans: list[PlanRow]
    queue: list[SampleItemRow]
    progress: list[OfficerProgress]


class SpotCheckView(QWidget):
    """The spot check for the client's user. Call `load()` to fill it.

    Calls to the archive client run on the application's `operations`; callbacks run on the GUI thread.

    Signals:
        loaded: plans, queue and progress were read and are shown.
        plans_drawn(list): a draw finished (the DrawOutcome list).
        review_requested(SampleItemRow): the user claimed an item; open it in the player and the checklist.
    """

    loaded = Signal()
    plans_drawn = Signal(object)
    review_requested = Signal(object)

    def __init__(
        self,
        client: ArchiveClient,
        operations: Operations,
        parent: QWidget | None = None,
        settings: SpotCheckSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations
        self._settings = settings or SpotCheckSettings.load()

        self.unit_box = QComboBox(self)
        self.unit_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        yesterday = clock.now().date() - timedelta(days=1)
        self.day_edit = day_edit(self, from_date(yesterday))
        self.day_edit.dateChanged.connect(lambda _day: self.refresh())
        self.ratio_spin = QDoubleSpinBox(self)
        self.ratio_spin.setRange(0.01, 100.0)
        self.ratio_spin.setDecimals(2)
        self.ratio_spin.setSuffix(" %")
        self.ratio_spin.setValue(self._settings.ratio_bp / 100)
        self.min_spin = QSpinBox(self)
        self.min_spin.setRange(0, 50)
        self.min_spin.setValue(self._settings.min_per_officer)
        self.weight_box = QCheckBox(self.tr("Favour long clips"), self)
        self.first_box = QCheckBox(self.tr("Add each officer's first clip"), self)
        self.exclude_box = QCheckBox(self.tr("Leave out clips already checked"), self)
        self.exclude_box.setChecked(True)
        self.findings_box = QCheckBox(self.tr("Add clips with pre-screen findings, at most:"), self)
        self.findings_box.setToolTip(
            self.tr(
                "On top of the random sample, each plan adds up to this many of its clips with pre-screen "
                "findings of a kind reviewers have confirmed (not dismissed ones), one per officer first. "
                "They are marked as added in the plan and the ledger; the random part stays verifiable."
            )
        )
        self.findings_spin = QSpinBox(self)
        self.findings_spin.setRange(1, MAX_FINDINGS_EXTRA)
        self.findings_spin.setValue(3)
        self.findings_spin.setEnabled(False)
        self.findings_box.toggled.connect(self.findings_spin.setEnabled)
        self.draw_button = QPushButton(self.tr("Draw"), self)
        self.draw_button.clicked.connect(self.draw)
        self.redraw_button = QPushButton(self.tr("Redraw…"), self)
        self.redraw_button.clicked.connect(lambda: self.redraw())

        self.queue_model = ItemTableModel(self)
        self.plan_model = PlanTableModel(self)
        self.sample_model = ItemTableModel(self)
        self.progress_model = ProgressTableModel(self)
        self.queue_table = _table(self, self.queue_model)
        self.queue_table.doubleClicked.connect(lambda _index: self.claim_selected())
        self.plan_table = _table(self, self.plan_model)
        self.plan_table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_sample(current.row()))
        self.sample_table = _table(self, self.sample_model)
        self.progress_table = _table(self, self.progress_model)
        self.claim_next_button = QPushButton(self.tr("Claim next"), self)
        self.claim_next_button.clicked.connect(self.claim_next)
        self.claim_button = QPushButton(self.tr("Claim selected"), self)
        self.claim_button.clicked.connect(self.claim_selected)
        self.release_button = QPushButton(self.tr("Give back"), self)
        self.release_button.clicked.connect(self.release_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.queue_label = QLabel(self)
        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.status = StatusLine(self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._queue_page(), self.tr("Review queue"))
        self.tabs.addTab(self._plans_page(), self.tr("Plans and samples"))
        self.tabs.addTab(self._progress_page(), self.tr("Check progress"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._draw_bar())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    def load(self) -> None:
        """Read the units the user works on, then plans, queue and progress."""
        self._operations.run(
            self,
            self._client.check_units,
            self._on_units,
            self.status.show_failure,
        )

    def day(self) -> date:
        return to_date(self.day_edit.date())

    def spec(self) -> DrawSpec:
        """The draw as set in the widgets: the chosen unit (and those below it) on the chosen day."""
        day = self.day()
        return DrawSpec(
            day_from=day,
            day_to=day,
            unit_code=self.unit_box.currentData(),
            ratio_bp=round(self.ratio_spin.value() * 100),
            min_per_officer=self.min_spin.value(),
            weight_long=self.weight_box.isChecked(),
            include_first=self.first_box.isChecked(),
            exclude_checked=self.exclude_box.isChecked(),
            findings_extra=self.findings_spin.value() if self.findings_box.isChecked() else 0,
        )

    def refresh(self) -> None:
        """Re-read plans, queue and progress for the chosen day."""
        day, client = self.day(), self._client

        def read() -> _Snapshot:
            return _Snapshot(client.list_plans(day, day), client.review_queue(), client.check_progress(day, day))

        self._operations.run(self, read, self._on_snapshot, self.status.show_failure)

    def draw(self) -> None:
        spec, client, due = self.spec(), self._client, self._settings.due_days
        self.status.setText(self.tr("Drawing…"))
        self._operations.run(
            self,
            lambda: client.draw_plans(spec, due),
            self._on_drawn,
            self.status.show_failure,
        )

    def redraw(self, reason: str | None = None) -> None:
        """Draw the selected plan again with the parameters set above; asks for the reason unless given."""
        plan = self._selected(self.plan_table, self.plan_model)
        if plan is None or not plan.active:
            self.status.say(self.tr("Select a plan in force on the Plans tab first."), problem=True)
            return
        if reason is None:
            reason, accepted = QInputDialog.getText(
                self, self.tr("Redraw plan %1").replace("%1", str(plan.id)), self.tr("Why is the plan drawn again?")
            )
            if not accepted:
                return
        spec, client, due = self.spec(), self._client, self._settings.due_days
        self._operations.run(
            self,
            lambda: client.redraw_plan(plan.id, reason, spec, due),
            self._on_redrawn,
            self.status.show_failure,
        )

    def claim_next(self) -> None:
        self._claim(None)

    def claim_selected(self) -> None:
        item = self._selected(self.queue_table, self.queue_model)
        if item is None:
            self.status.say(self.tr("Select an item in the queue first."), problem=True)
            return
        self._claim(item.id)

    def release_selected(self) -> None:
        item = self._selected(self.queue_table, self.queue_model)
        if item is None:
            return
        client = self._client
        self._operations.run(
            self,
            lambda: client.release(item.id),
            lambda _released: self.refresh(),
            self.status.show_failure,
        )

    def _claim(self, item_id: int | None) -> None:
        client, minutes = self._client, self._settings.claim_minutes
        self._operations.run(
            self,
            lambda: client.claim(item_id, minutes),
            self._on_claimed,
            self.status.show_failure,
        )

    def _draw_bar(self) -> QVBoxLayout:
        """What to draw and the buttons on one row, how to draw it on the next (one row did not fit a 1366-pixel
        screen)."""
        what = QHBoxLayout()
        for label, widget in (
            (self.tr("Unit:"), self.unit_box),
            (self.tr("Recorded on:"), self.day_edit),
            (self.tr("Ratio:"), self.ratio_spin),
            (self.tr("At least per officer:"), self.min_spin),
        ):
            what.addWidget(QLabel(label, self))
            what.addWidget(widget)
        what.addWidget(self.draw_button)
        what.addWidget(self.redraw_button)
        what.addStretch(1)
        how = QHBoxLayout()
        for control in (self.weight_box, self.first_box, self.exclude_box, self.findings_box, self.findings_spin):
            how.addWidget(control)
        how.addStretch(1)
        bar = QVBoxLayout()
        bar.addLayout(what)
        bar.addLayout(how)
        return bar

    def _queue_page(self) -> QWidget:
        page = QWidget(self)
        buttons = QHBoxLayout()
        for button in (self.claim_next_button, self.claim_button, self.release_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addWidget(self.queue_label, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.queue_table, 1)
        return page

    def _plans_page(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.plan_table)
        splitter.addWidget(self.sample_table)
        splitter.setSizes([160, 300])
        return splitter

    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_table, 1)
        return page

    def _on_units(self, units: list[UnitRow]) -> None:
        current = self.unit_box.currentData()
        self.unit_box.clear()
        for unit in units:
            self.unit_box.addItem(f"{unit.name}（{unit.code}）", unit.code)
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(current)))
        self.refresh()

    def _on_snapshot(self, snapshot: _Snapshot) -> None:
        selected = self._selected(self.plan_table, self.plan_model)
        self.plan_model.set_rows(snapshot.plans)
        self.queue_model.set_rows(snapshot.queue)
        self.progress_model.set_rows(snapshot.progress)
        rows = [row.id for row in snapshot.plans]
        if rows:
            self.plan_table.selectRow(rows.index(selected.id) if selected and selected.id in rows else len(rows) - 1)
        else:
            self.sample_model.set_rows([])
        overdue = sum(1 for item in snapshot.queue if item.overdue)
        self.queue_label.setText(
            self.tr("%1 items to check, %2 overdue.")
            .replace("%1", str(len(snapshot.queue)))
            .replace("%2", str(overdue))
        )
        unchecked = [row for row in snapshot.progress if not row.checked]
        undrawn = sum(1 for row in unchecked if row.plan_id is None)
        self.progress_label.setText(
            self.tr("%1 of %2 officers who recorded that day are checked; %3 still unchecked (%4 without a plan).")
            .replace("%1", str(len(snapshot.progress) - len(unchecked)))
            .replace("%2", str(len(snapshot.progress)))
            .replace("%3", str(len(unchecked)))
            .replace("%4", str(undrawn))
        )
        self.loaded.emit()

    def _show_sample(self, row: int) -> None:
        if row < 0:
            self.sample_model.set_rows([])
            return
        plan_id, client = self.plan_model.row(row).id, self._client
        self._operations.run(
            self,
            lambda: client.plan_items(plan_id),
            self.sample_model.set_rows,
            self.status.show_failure,
        )

    def _on_drawn(self, outcomes: list[DrawOutcome]) -> None:
        drawn = [outcome.plan for outcome in outcomes if outcome.plan is not None]
        existing = [outcome for outcome in outcomes if outcome.existing_plan_id is not None]
        if not outcomes:
            self.status.say(self.tr("No video or audio was recorded that day."))
        else:
            text = self.tr("%1 plans drawn, %2 clips sampled.").replace("%1", str(len(drawn)))
            text = text.replace("%2", str(sum(plan.sample_count for plan in drawn)))
            added = sum(plan.findings_count for plan in drawn)
            if any(plan.findings_extra for plan in drawn):
                text += " " + self.tr("%1 clips added for pre-screen findings.").replace("%1", str(added))
            if existing:
                text += " " + self.tr("%1 units already had a plan in force (use Redraw to replace one).").replace(
                    "%1", str(len(existing))
                )
            self.status.say(text)
        self.plans_drawn.emit(outcomes)
        self.refresh()

    def _on_redrawn(self, plan: PlanRow) -> None:
        self.status.say(
            self.tr("Plan %1 replaces plan %2.").replace("%1", str(plan.id)).replace("%2", str(plan.replaces_id))
        )
        self.refresh()

    def _on_claimed(self, item: SampleItemRow | None) -> None:
        if item is None:
            self.status.say(self.tr("Nothing left to check in the queue."))
        else:
            self.status.say(
                self.tr("You are checking %1 (%2) until %3.")
                .replace("%1", item.original_name)
                .replace("%2", item.officer_name)
                .replace("%3", clock.format_time(item.claim_expires_at))
            )
            self.review_requested.emit(item)
        self.refresh()

    def _selected(self, table: QTableView, model: RowsModel) -> Any:
        rows = table.selectionModel().selectedRows()
        return model.row(rows[0].row()) if rows else None


def _table(parent: QWidget, model: RowsModel) -> QTableView:
    table = read_only_table(parent)
    table.setModel(model)
    return table
