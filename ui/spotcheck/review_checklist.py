"""The spot-check checklist (检查项目) for one claimed clip: observations, automatic facts, verdict, texts.

The window that holds it plays the clip and passes what was played (`set_playback`); the form shows the
coverage as it grows. The service decides: 合格 below the minimum coverage comes back refused with its
Chinese explanation, which the form shows as it is.
"""

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.messages import failure_text
from ui.common.tasks import Operations
from ui.spotcheck.labels import answer_name, check_item_name, duration_text, percent_text, verdict_name
from workstation import clock
from workstation.client import ArchiveClient
from workstation.spotcheck import coverage
from workstation.spotcheck.policy import SpotCheckSettings
from workstation.spotcheck.types import (
    AUTOMATIC_CHECK_ITEMS,
    MANUAL_CHECK_ITEMS,
    AutomaticFacts,
    CheckAnswer,
    CheckItem,
    LedgerRow,
    ReviewInput,
    SampleItemRow,
    Verdict,
)

_ANSWERS = (CheckAnswer.YES, CheckAnswer.NO, CheckAnswer.NOT_APPLICABLE)


class ReviewChecklist(QWidget):
    """The checklist of the item given with `set_item`, filled in by the client's user.

    The submission and the automatic facts run on the application's `operations`; callbacks run on the GUI thread.

    Signals:
        submitted(LedgerRow): the review is in the ledger.
        refused(str): the service refused the review (coverage too low, checklist incomplete, item taken).
    """

    submitted = Signal(object)
    refused = Signal(str)

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
        self._min_coverage_bp = (settings or SpotCheckSettings.load()).min_coverage_bp
        self._item: SampleItemRow | None = None
        self._intervals: tuple[tuple[int, int], ...] = ()
        self._top_speed = 1.0

        self.clip_label = QLabel(self)
        self.clip_label.setWordWrap(True)
        self.coverage_bar = QProgressBar(self)
        self.coverage_bar.setRange(0, 10_000)
        self.coverage_bar.setTextVisible(False)
        self.coverage_label = QLabel(self)

        self.answer_groups: dict[CheckItem, QButtonGroup] = {}
        self.automatic_labels: dict[CheckItem, QLabel] = {}
        items = QGroupBox(self.tr("Checklist"), self)
        grid = QGridLayout(items)
        for row, item in enumerate(MANUAL_CHECK_ITEMS):
            grid.addWidget(QLabel(check_item_name(item), items), row, 0)
            group = QButtonGroup(self)
            for column, answer in enumerate(_ANSWERS, start=1):
                button = QRadioButton(answer_name(answer), items)
                group.addButton(button, column)
                grid.addWidget(button, row, column)
            self.answer_groups[item] = group
        for row, item in enumerate(AUTOMATIC_CHECK_ITEMS, start=len(MANUAL_CHECK_ITEMS)):
            grid.addWidget(QLabel(check_item_name(item), items), row, 0)
            label = QLabel(items)
            grid.addWidget(label, row, 1, 1, 3)
            self.automatic_labels[item] = label
        grid.setColumnStretch(4, 1)

        self.verdict_group = QButtonGroup(self)
        verdicts = QHBoxLayout()
        for number, verdict in enumerate(Verdict):
            button = QRadioButton(verdict_name(verdict), self)
            self.verdict_group.addButton(button, number)
            verdicts.addWidget(button)
        verdicts.addStretch(1)
        self.problem_edit = QPlainTextEdit(self)
        self.problem_edit.setPlaceholderText(self.tr("Required unless the verdict is Pass"))
        self.problem_edit.setFixedHeight(60)
        self.rectification_edit = QPlainTextEdit(self)
        self.rectification_edit.setPlaceholderText(self.tr("Required when the verdict is Fail"))
        self.rectification_edit.setFixedHeight(60)
        self.submit_button = QPushButton(self.tr("Submit check"), self)
        self.submit_button.clicked.connect(self.submit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Verdict:"), verdicts)
        form.addRow(self.tr("Problem found:"), self.problem_edit)
        form.addRow(self.tr("Rectification required:"), self.rectification_edit)
        coverage_row = QHBoxLayout()
        coverage_row.addWidget(self.coverage_bar, 1)
        coverage_row.addWidget(self.coverage_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.clip_label)
        layout.addLayout(coverage_row)
        layout.addWidget(items)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.set_item(None)

    def set_item(self, item: SampleItemRow | None) -> None:
        """Show an empty checklist for the item (None: nothing to check) and read its automatic facts."""
        self._item = item
        self._intervals, self._top_speed = (), 1.0
        for group in [*self.answer_groups.values(), self.verdict_group]:
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.problem_edit.clear()
        self.rectification_edit.clear()
        self.message.clear()
        for label in self.automatic_labels.values():
            label.clear()
        self.setEnabled(item is not None)
        if item is None:
            self.clip_label.setText(self.tr("Claim an item in the review queue to check it."))
        else:
            self.clip_label.setText(
                self.tr("%1 · %2 (%3) · %4 · recorded %5 · %6")
                .replace("%1", item.original_name)
                .replace("%2", item.officer_name)
                .replace("%3", item.badge_no)
                .replace("%4", item.unit_name)
                .replace("%5", clock.format_time(item.recorded_start))
                .replace("%6", duration_text(item.duration_ms))
            )
            item_id, client = item.id, self._client
            self._operations.run(self, lambda: client.item_facts(item_id), self._on_facts, self._on_failed)
        self._show_coverage()

    def set_playback(self, intervals: Sequence[tuple[int, int]], top_speed: float) -> None:
        """What the player has played of the clip so far: (start_ms, end_ms) spans and the fastest rate."""
        self._intervals = tuple((int(start), int(end)) for start, end in intervals)
        self._top_speed = float(top_speed)
        self._show_coverage()

    def coverage_bp(self) -> int:
        return coverage.coverage_bp(self._intervals, self._item.duration_ms if self._item else None)

    def review(self) -> ReviewInput:
        """The review as filled in (unanswered items are left out; the service says what is missing)."""
        answers = {
            item: _ANSWERS[group.checkedId() - 1] for item, group in self.answer_groups.items() if group.checkedId() > 0
        }
        verdict_id = self.verdict_group.checkedId()
        return ReviewInput(
            answers=answers,
            verdict=list(Verdict)[verdict_id] if verdict_id >= 0 else Verdict.PASS,
            problem=self.problem_edit.toPlainText(),
            rectification=self.rectification_edit.toPlainText(),
            played_intervals=self._intervals,
            top_speed=self._top_speed,
        )

    def set_answers(self, answers: dict[CheckItem, CheckAnswer], verdict: Verdict) -> None:
        """Fill the form (for the caller's shortcuts, and for tests)."""
        for item, answer in answers.items():
            self.answer_groups[item].button(_ANSWERS.index(answer) + 1).setChecked(True)
        self.verdict_group.button(list(Verdict).index(verdict)).setChecked(True)

    def submit(self) -> None:
        if self._item is None:
            return
        if self.verdict_group.checkedId() < 0:
            self._refuse(self.tr("Choose a verdict."))
            return
        review, item_id = self.review(), self._item.id
        client, minimum = self._client, self._min_coverage_bp
        self.submit_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Submitting…"))
        self._operations.run(
            self,
            lambda: client.submit_review(item_id, review, minimum),
            self._on_submitted,
            self._on_failed,
        )

    def _show_coverage(self) -> None:
        covered = self.coverage_bp()
        enough = covered >= self._min_coverage_bp
        self.coverage_bar.setValue(covered)
        self.coverage_label.setStyleSheet("color: #1b5e20;" if enough else "color: #b00020;")
        self.coverage_label.setText(
            self.tr("Played %1 of the clip (Pass needs %2), top speed %3×")
            .replace("%1", percent_text(covered))
            .replace("%2", percent_text(self._min_coverage_bp))
            .replace("%3", f"{self._top_speed:g}")
        )

    def _on_facts(self, facts: AutomaticFacts) -> None:
        for item, answer in facts.answers().items():
            label = self.automatic_labels[item]
            label.setText(self.tr("%1 (from the archive)").replace("%1", answer_name(answer)))
            label.setStyleSheet("color: #b00020;" if answer is CheckAnswer.NO else "")

    def _on_submitted(self, row: LedgerRow) -> None:
        self.submit_button.setEnabled(True)
        self.set_item(None)
        self.message.setText(self.tr("Check recorded in the ledger: %1.").replace("%1", verdict_name(row.verdict)))
        self.submitted.emit(row)

    def _on_failed(self, error: Exception) -> None:
        self.submit_button.setEnabled(True)
        self._refuse(failure_text(error))

    def _refuse(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
        self.refused.emit(text)
