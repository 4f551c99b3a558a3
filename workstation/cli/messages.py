"""The command line's words for every typed error: `describe(error)` gives the plain Chinese message.

Services raise errors carrying a code and data (`workstation.errors`); this is the one place the command
line turns them into sentences. The window has its own, translated catalogue (`ui.common.error_text`);
a test keeps both complete. A code without an entry (which that test prevents) falls back to the
error's neutral form rather than failing while reporting a failure.
"""

from collections.abc import Callable, Mapping
from datetime import datetime

from workstation import clock
from workstation.errors import WorkstationError
from workstation.spotcheck.text import CHECK_ITEM_NAMES, VERDICT_NAMES, percent
from workstation.spotcheck.types import CheckItem, Verdict

Wording = str | Callable[[Mapping[str, object]], str]


def describe(error: WorkstationError) -> str:
    """The Chinese message for `error`: what went wrong and what to do."""
    wording = MESSAGES.get(error.code)
    if wording is None:
        return str(error)
    if callable(wording):
        return wording(error.data)
    return wording.format(**{name: _text(value) for name, value in error.data.items()})


def _text(value: object) -> str:
    if isinstance(value, CheckItem):
        return CHECK_ITEM_NAMES[value]
    if isinstance(value, Verdict):
        return VERDICT_NAMES[value]
    if isinstance(value, datetime):
        return clock.format_time(value)
    if isinstance(value, list | tuple | set | frozenset):
        return "、".join(_text(item) for item in value)
    return str(value)


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


MESSAGES: dict[str, Wording] = {
    "ledger_period_invalid": "导出检查台帐需要起止日期，且截止日期不早于起始日期。",
    "unit_code_unknown": "单位代码“{unit_code}”不存在。",
    "ledger_unit_denied": "您无权查看单位 {unit_code} 的检查台帐。",
    "redraw_needs_reason": "重新抽取必须填写理由。",
    "plan_not_found": "抽查方案 {plan_id} 不存在。",
    "plan_superseded": "抽查方案 {plan_id} 已于 {superseded_at} 被重新抽取。",
    "redraw_found_nothing": "该单位在此期间已没有可抽查的录像，未重新抽取。",
    "spotcheck_unit_denied": "您无权对单位 {unit_code} 进行抽查。",
    "plan_of_other_unit": "您无权查看或处理其他单位的抽查方案。",
    "period_reversed": "抽查期间的截止日期早于起始日期。",
    "period_too_long": "一个抽查方案最多覆盖 {max_days} 天。",
    "spotcheck_settings_invalid": "workstation.toml 的 [spotcheck] 设置有误：{detail}",
    "spotcheck_role_denied": "您的角色不能进行回放抽查或查看检查台帐。",
    "item_unavailable": "抽查项 {item_id} 已由其他检查人领取，或已检查、已撤回。",
    "review_clip_missing": "文件 {clip_id} 不存在。",
    "review_item_denied": "您无权检查抽查项 {item_id}。",
    "checklist_unanswered": "请填写检查项：{items}。",
    "problem_missing": "结论为“{verdict}”时必须填写存在问题。",
    "rectification_missing": "结论为“不合格”时必须填写整改要求。",
    "pass_with_failed_items": "检查项“{items}”为“否”，不能判定为“合格”。",
    "speed_implausible": "播放倍速 {speed} 不合理。",
    "item_closed": "抽查项 {item_id} 已检查或已撤回（方案被重新抽取）。",
    "item_claimed": "抽查项 {item_id} 已由其他检查人领取。",
    "duration_unknown": "文件时长未知，无法确认已完整回放，不能判定为“合格”。",
    "pass_on_damaged_file": "该文件不完整（损坏、缺失或校验不符），不能判定为“合格”。",
    "coverage_too_low": lambda data: (
        f"回放覆盖率为 {percent(_int(data['covered_bp']))}，低于判定“合格”所需的 {percent(_int(data['required_bp']))}。"
        "请将该文件完整回放后再提交，或选择其他结论。"
    ),
}
