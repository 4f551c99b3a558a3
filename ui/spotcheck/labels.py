"""Display names of the spot check's codes (verdicts, checklist items, answers), translated through Qt."""

from PySide6.QtCore import QCoreApplication

from ui.common.labels import check_item_name as check_item_name  # shared with the error catalogue
from ui.common.labels import finding_kind_name
from ui.common.labels import verdict_name as verdict_name
from workstation.spotcheck.types import CheckAnswer, ItemStatus, Selection


def answer_name(answer: CheckAnswer | None) -> str:
    if answer is None:
        return ""
    names = {
        CheckAnswer.YES: QCoreApplication.translate("spotcheck", "Yes"),
        CheckAnswer.NO: QCoreApplication.translate("spotcheck", "No"),
        CheckAnswer.NOT_APPLICABLE: QCoreApplication.translate("spotcheck", "N/A"),
    }
    return names[answer]


def selection_name(selection: Selection, finding_kinds: tuple[str, ...] = ()) -> str:
    """Why a clip is in the sample; a clip added for its pre-screen findings names their kinds."""
    names = {
        Selection.RANDOM: QCoreApplication.translate("spotcheck", "Random"),
        Selection.FIRST: QCoreApplication.translate("spotcheck", "First clip"),
        Selection.PRESCREEN: QCoreApplication.translate("spotcheck", "Added for pre-screen findings"),
    }
    if selection is Selection.PRESCREEN and finding_kinds:
        kinds = "、".join(finding_kind_name(kind) for kind in finding_kinds)
        return QCoreApplication.translate("spotcheck", "%1: %2").replace("%1", names[selection]).replace("%2", kinds)
    return names[selection]


def status_name(status: ItemStatus) -> str:
    names = {
        ItemStatus.OPEN: QCoreApplication.translate("spotcheck", "To check"),
        ItemStatus.REVIEWED: QCoreApplication.translate("spotcheck", "Checked"),
        ItemStatus.WITHDRAWN: QCoreApplication.translate("spotcheck", "Withdrawn"),
    }
    return names[status]


def percent_text(basis_points: int) -> str:
    """9050 → "90.5%"."""
    return f"{basis_points / 100:.1f}%"


def duration_text(duration_ms: int | None) -> str:
    if duration_ms is None:
        return ""
    seconds = duration_ms // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
