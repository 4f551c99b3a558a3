"""`workstation spotcheck draw|redraw|verify|show|list` and `workstation ledger export` (R5).

On an archive opened here these act as the operating-system account that runs them (a system actor: it
holds the archive itself), which the audit log names; through the archive server (`--server URL`) they
act as the signed-in user, whose rights the server checks.
Exit codes as everywhere: 0 done, 1 done but something needs attention (a plan that does not verify, a
ledger exported with lines that differ from their audit rows), 2 could not run.
"""

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from workstation.cli.console import json_value
from workstation.cli.values import day, output_file, share, whole_number
from workstation.client import ArchiveClient
from workstation.spotcheck.policy import SpotCheckSettings
from workstation.spotcheck.text import SELECTION_NAMES, STATUS_NAMES, percent, prescreen_mark
from workstation.spotcheck.types import (
    MAX_FINDINGS_EXTRA,
    DrawOutcome,
    DrawSpec,
    LedgerFilter,
    PlanRow,
    SampleItemRow,
    Selection,
)


def add_parsers(commands: Any) -> None:
    """Add the `spotcheck` and `ledger` commands to the CLI's subparsers."""
    spotcheck = commands.add_parser("spotcheck", help="每日回放抽查：抽取与复核抽查方案")
    actions = spotcheck.add_subparsers(dest="action", required=True)
    draw = actions.add_parser("draw", help="按比例随机抽取某日（或某期间）的录像，每个单位一个抽查方案")
    draw.add_argument("--date", dest="day", type=day, required=True, help="录制日期 YYYY-MM-DD")
    draw.add_argument("--to", dest="day_to", type=day, help="期间截止日期（含），默认同 --date")
    draw.add_argument("--unit", help="单位代码（含下级单位，每个单位一个方案）；默认全部单位")
    _parameter_options(draw)
    draw.add_argument("--include-checked", action="store_true", help="已检查过的文件也可再次抽中")
    draw.add_argument("--format", choices=("text", "json"), default="text")
    redraw = actions.add_parser("redraw", help="重新抽取（保留原方案并记录理由）")
    redraw.add_argument("plan_id", type=whole_number(1, 2**63 - 1), metavar="PLAN")
    redraw.add_argument("--reason", required=True, help="重新抽取的理由")
    _parameter_options(redraw)
    verify = actions.add_parser("verify", help="按种子和候选清单复算抽查方案，与保存的结果和审计日志核对")
    verify.add_argument("plan_id", type=whole_number(1, 2**63 - 1), metavar="PLAN")
    show = actions.add_parser("show", help="显示抽查方案的参数和抽中的文件")
    show.add_argument("plan_id", type=whole_number(1, 2**63 - 1), metavar="PLAN")
    listing = actions.add_parser("list", help="列出某日（或某期间）的抽查方案")
    listing.add_argument("--date", dest="day", type=day, required=True)
    listing.add_argument("--to", dest="day_to", type=day)
    listing.add_argument("--unit", help="单位代码（含下级单位）")

    ledger = commands.add_parser("ledger", help="检查台帐")
    ledger_actions = ledger.add_subparsers(dest="action", required=True)
    export = ledger_actions.add_parser(
        "export",
        help="导出检查台帐（Excel：检查台帐、统计、抽样记录，印有审计链头）；"
        "与审计日志不符的检查记录在备注中标明，此时退出码为 1",
    )
    export.add_argument("--from", dest="date_from", type=day, required=True, help="检查日期起")
    export.add_argument("--to", dest="date_to", type=day, required=True, help="检查日期止（含）")
    export.add_argument("--unit", help="单位代码（含下级单位）")
    export.add_argument("--out", type=output_file, required=True, metavar="FILE.xlsx")


def run_spotcheck(args: argparse.Namespace, client: ArchiveClient) -> int:
    """Carry out a spotcheck command as the client's user (here: the computer's account, a system actor)."""
    settings = SpotCheckSettings.load()
    if args.action == "draw":
        spec = DrawSpec(
            day_from=args.day,
            day_to=args.day_to or args.day,
            unit_code=args.unit,
            ratio_bp=args.ratio or settings.ratio_bp,
            min_per_officer=settings.min_per_officer if args.min_per_officer is None else args.min_per_officer,
            weight_long=args.weight_long,
            include_first=args.include_first,
            exclude_checked=not args.include_checked,
            findings_extra=args.with_findings or 0,
        )
        return _print_draw(client.draw_plans(spec, settings.due_days), args.format)
    if args.action == "redraw":
        return _redraw(args, client, settings)
    if args.action == "verify":
        return _verify(client, args.plan_id)
    if args.action == "show":
        return _show(client, args.plan_id)
    for plan in client.list_plans(args.day, args.day_to or args.day, args.unit):
        _print_plan(plan)
    return 0


def run_ledger(args: argparse.Namespace, client: ArchiveClient) -> int:
    """`ledger export`: write the workbook and say how many lines it holds."""
    criteria = LedgerFilter(date_from=args.date_from, date_to=args.date_to, unit_code=args.unit)
    written = client.export_ledger(criteria, args.out)
    print(f"检查台帐已导出：{args.out}（{written.rows} 条检查记录）", file=sys.stderr)
    if written.disputed:
        named = "、".join(str(review_id) for review_id in written.named)
        more = "等" if written.disputed > len(written.named) else ""
        print(
            f"其中 {written.disputed} 条检查记录（检查记录 {named}{more}）与审计日志不符，已在台帐“备注”中标明，"
            "不能作为有效检查记录；请运行 workstation spotcheck verify 方案编号 核查。",
            file=sys.stderr,
        )
        return 1
    return 0


def _redraw(args: argparse.Namespace, client: ArchiveClient, settings: SpotCheckSettings) -> int:
    spec = None
    changed = args.ratio or args.min_per_officer is not None or args.weight_long or args.include_first
    if changed or args.with_findings is not None:
        old = client.get_plan(args.plan_id)
        spec = DrawSpec(
            old.day_from,
            old.day_to,
            old.unit_code,
            args.ratio or old.ratio_bp,
            old.min_per_officer if args.min_per_officer is None else args.min_per_officer,
            args.weight_long or old.weight_long,
            args.include_first or old.include_first,
            findings_extra=old.findings_extra if args.with_findings is None else args.with_findings,
        )
    _print_plan(client.redraw_plan(args.plan_id, args.reason, spec, settings.due_days))
    return 0


def _verify(client: ArchiveClient, plan_id: int) -> int:
    result = client.verify_plan(plan_id)
    for problem in result.problems:
        print(problem)
    verdict = "复核一致" if result.ok else f"发现 {len(result.problems)} 处不一致"
    print(f"方案 {plan_id}：候选 {result.candidate_count} 个文件，抽中 {result.sample_count} 个，{verdict}")
    return 0 if result.ok else 1


def _show(client: ArchiveClient, plan_id: int) -> int:
    plan = client.get_plan(plan_id)
    _print_plan(plan)
    for day_seed in plan.day_seeds:  # the lines the plan's seed is the SHA-256 of (README: re-deriving a sample)
        print(f"  日种子 {day_seed.day} {day_seed.index} {day_seed.seed}\t承诺：审计序号 {day_seed.commit_seq}")
    for item in client.plan_items(plan_id):
        print(
            f"  {item.badge_no:<8} {item.officer_name:<6} {item.clip_id:>8}  {item.recorded_start:%Y-%m-%d %H:%M:%S}  "
            f"{_selection_text(item)}  {STATUS_NAMES[item.status]}  {item.original_name}"
        )
    return 0


def _selection_text(item: SampleItemRow) -> str:
    if item.selection is Selection.PRESCREEN:
        return prescreen_mark(item.finding_kinds)
    return SELECTION_NAMES[item.selection]


def _parameter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ratio", type=share, help="抽取比例，如 0.1 或 10%%（默认 10%%，可在 workstation.toml 中设置）"
    )
    parser.add_argument(
        "--min", dest="min_per_officer", type=whole_number(0, 1000), help="每名执法人员最少抽取数（默认 1）"
    )
    parser.add_argument("--weight-long", action="store_true", help="时长越长越容易抽中")
    parser.add_argument("--include-first", action="store_true", help="另加每名执法人员当期的第一个文件")
    parser.add_argument(
        "--with-findings",
        type=whole_number(0, MAX_FINDINGS_EXTRA),
        metavar="N",
        help="在随机抽取之外，每个方案另加抽至多 N 个有预筛查提示的文件（标为“预筛查加抽”，不影响随机部分的复核）",
    )


def _print_draw(outcomes: list[DrawOutcome], output: str) -> int:
    if output == "json":
        print(json.dumps([_outcome_json(o) for o in outcomes], ensure_ascii=False, indent=1, default=str))
        return 0
    if not outcomes:
        print("该期间没有可抽查的视频或音频。", file=sys.stderr)
    for outcome in outcomes:
        if outcome.plan is not None:
            _print_plan(outcome.plan)
        elif outcome.existing_plan_id is not None:
            print(
                f"{outcome.unit_code}：已有有效的抽查方案 {outcome.existing_plan_id}，未重复抽取"
                f"（如需重新抽取：workstation spotcheck redraw {outcome.existing_plan_id} --reason 理由）"
            )
        else:
            print(f"{outcome.unit_code}：没有尚未检查的视频或音频，未抽取。")
    return 0


def _print_plan(plan: PlanRow) -> None:
    period = f"{plan.day_from}" if plan.day_from == plan.day_to else f"{plan.day_from} 至 {plan.day_to}"
    state = "有效" if plan.active else "已重新抽取"
    added = f" + 预筛查加抽 {plan.findings_count}（至多 {plan.findings_extra}）" if plan.findings_extra else ""
    print(
        f"方案 {plan.id}\t{plan.unit_code} {plan.unit_name}\t{period}\t比例 {percent(plan.ratio_bp)}，"
        f"每人最少 {plan.min_per_officer}\t候选 {plan.candidate_count}，抽中 {plan.sample_count}{added}，"
        f"已检查 {plan.reviewed_count}\t{state}\t种子 {plan.seed}"
    )


def _outcome_json(outcome: DrawOutcome) -> dict[str, Any]:
    plan = {name: json_value(value) for name, value in asdict(outcome.plan).items()} if outcome.plan else None
    return {"unit_code": outcome.unit_code, "plan": plan, "existing_plan_id": outcome.existing_plan_id}
