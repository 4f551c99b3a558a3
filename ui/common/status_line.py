"""The line under a view that says what happened: news in the normal colour, problems in red."""

from PySide6.QtWidgets import QLabel, QWidget

from ui.common.messages import failure_text

PROBLEM_STYLE = "color: #b00020;"


class StatusLine(QLabel):
    """A word-wrapped label; `say` news or a problem, `show_failure` an operation's exception."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def say(self, text: str, problem: bool = False) -> None:
        self.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.setText(text)

    def show_failure(self, error: Exception) -> None:
        self.say(failure_text(error), problem=True)
