"""The Chinese words of the check ledger (检查台帐) and of the spot check's command-line output.

The ledger is a document handed to inspectors, so its wording is fixed Chinese and lives with the
services; the GUI translates the same codes through Qt (ui/spotcheck/labels.py).
"""

from workstation.prescreen.types import FINDING_KIND_NAMES
from workstation.spotcheck.types import CheckAnswer, CheckItem, ItemStatus, Selection, Verdict

CHECK_ITEM_NAMES = {
    CheckItem.ANNOUNCED: "规范告知",
    CheckItem.ID_SHOWN: "出示证件",
    CheckItem.CONTINUOUS: "全程连续无中断",
    CheckItem.CLEAR: "画面声音清晰",
    CheckItem.LENS_CLEAR: "镜头无遮挡",
    CheckItem.CONDUCT: "执法行为规范",
    CheckItem.UPLOADED_24H: "24小时内上传",
    CheckItem.CASE_LINKED: "已关联警情/案件",
    CheckItem.FILE_INTACT: "文件完整",
}
ANSWER_NAMES = {CheckAnswer.YES: "是", CheckAnswer.NO: "否", CheckAnswer.NOT_APPLICABLE: "不适用"}
VERDICT_NAMES = {Verdict.PASS: "合格", Verdict.MOSTLY: "基本合格", Verdict.FAIL: "不合格"}
SELECTION_NAMES = {Selection.RANDOM: "随机抽取", Selection.FIRST: "首段", Selection.PRESCREEN: "预筛查加抽"}
STATUS_NAMES = {ItemStatus.OPEN: "待检查", ItemStatus.REVIEWED: "已检查", ItemStatus.WITHDRAWN: "已撤回"}


def prescreen_mark(kinds: tuple[str, ...]) -> str:
    """How the ledger and the command line mark a clip added for its findings: "预筛查加抽（镜头遮挡、画面冻结）"."""
    named = "、".join(FINDING_KIND_NAMES.get(kind, kind) for kind in kinds)
    return f"{SELECTION_NAMES[Selection.PRESCREEN]}（{named}）" if named else SELECTION_NAMES[Selection.PRESCREEN]


def percent(basis_points: int) -> str:
    """1000 → "10%", 1250 → "12.5%"."""
    return f"{basis_points / 100:g}%"
