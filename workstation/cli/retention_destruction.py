"""`workstation retention request|approve|reject|execute|run|requests|forms`: destruction from the command line.

    retention request (--clips 1,2 | --unit CODE [--before YYYY-MM-DD]) --reason TEXT [--user LOGIN]
    retention approve|reject REQUEST_ID [--comment TEXT] [--user LOGIN]
    retention execute REQUEST_ID [--batch N] [--user LOGIN]     exit 1 if a file was missing or changed
    retention run                                                the scheduled clean-up (for the OS scheduler)
    retention requests [--inbox] [--format table|json] [--user LOGIN]
    retention forms REQUEST_ID --out FILE.xlsx [--user LOGIN]

Like `access`, a command acts as the workstation user named by --user on an archive opened here, or as the
signed-in user through the server. `run` acts as the system actor "retention-scheduler" on an archive opened
here: it files one request per approving unit and destroys nothing (nothing is ever destroyed without an
approved request).
"""

import argparse
import sys
from typing import Any

from workstation import clock
from workstation.cli.access import clip_ids, decision_parsers, listing_parser, print_requests, user_option
from workstation.cli.target import open_archive
from workstation.cli.values import day, output_file, whole_number
from workstation.client import ArchiveClient
from workstation.identity import Identity
from workstation.retention import policy_change
from workstation.retention.destruction import scheduled_requests
from workstation.retention.errors import RetentionError
from workstation.retention.types import DestructionRequestRow, DestructionSpec, ExecutionReport, ItemOutcome

SCHEDULER = Identity.system("retention-scheduler")
ACTIONS = frozenset({"request", "approve", "reject", "execute", "run", "requests", "forms"})
"""The `retention` actions this module carries out (workstation.cli.retention dispatches them here)."""
FLAGGED = frozenset({ItemOutcome.KEPT_HASH_MISMATCH, ItemOutcome.KEPT_MISSING})
"""Outcomes that need someone to look (exit code 1): the file was not the original, or not there."""
OUTCOME_WORDS = {
    ItemOutcome.LISTED: "待销毁",
    ItemOutcome.DESTROYED: "已销毁",
    ItemOutcome.KEPT_HELD: "保留（法律保全）",
    ItemOutcome.KEPT_NOT_EXPIRED: "保留（保存期限已延长）",
    ItemOutcome.KEPT_HASH_MISMATCH: "保留（SHA-256 不符）",
    ItemOutcome.KEPT_MISSING: "文件不存在",
}


def add_parsers(actions: Any) -> None:
    """Add the destruction actions to the `retention` command's subparsers."""
    request = actions.add_parser("request", help="申请销毁已超过保存期限的资料（按文件或按条件）")
    user_option(request)
    which = request.add_mutually_exclusive_group(required=True)
    which.add_argument("--clips", type=clip_ids, help="文件编号，逗号分隔")
    which.add_argument("--unit", help="单位代码（含下级单位）：其全部已到期、未保全的资料")
    request.add_argument("--before", type=day, help="只列入在此日期之前录制的资料 YYYY-MM-DD（与 --unit 一起使用）")
    request.add_argument("--reason", required=True, help="筛查情况（销毁事由）")
    decision_parsers(actions, (("approve", "批准销毁申请（单位负责人）"), ("reject", "驳回销毁申请")))
    execute = actions.add_parser("execute", help="执行已批准的销毁申请（总队管理员）；文件缺失或被改动时退出码为 1")
    user_option(execute)
    execute.add_argument("request_id", type=whole_number(1, 2**63 - 1), metavar="REQUEST_ID")
    execute.add_argument("--batch", type=whole_number(1, 100_000), default=1000, help="每次处理的文件数")
    actions.add_parser("run", help="定期清理：为已到期的资料生成销毁申请（不删除任何文件）")
    listing_parser(actions, "requests", "列出销毁申请")
    forms = actions.add_parser("forms", help="导出销毁审批表和销毁清单（Excel）")
    user_option(forms)
    forms.add_argument("request_id", type=whole_number(1, 2**63 - 1), metavar="REQUEST_ID")
    forms.add_argument("--out", type=output_file, required=True, metavar="FILE.xlsx")


def run(args: argparse.Namespace, client: ArchiveClient) -> int:
    """Carry out a destruction action (but `run`, see run_scheduled) as the client's user."""
    if args.action == "requests":
        print_requests(client.destruction_requests(args.inbox), args.format, _line)
        return 0
    if args.action == "execute":
        return _execute(client, args.request_id, args.batch)
    if args.action == "forms":
        count = client.export_destruction_forms(args.request_id, args.out)
        print(f"已导出销毁审批表和销毁清单（{count} 个文件）：{args.out}", file=sys.stderr)
        return 0
    if args.action == "request":
        if args.before and not args.unit:
            raise RetentionError("before_needs_unit")
        spec = DestructionSpec(args.reason, tuple(args.clips or ()), args.unit, args.before)
        row = client.request_destruction(spec)
    elif args.action == "approve":
        row = client.approve_destruction(args.request_id, args.comment)
    else:
        row = client.reject_destruction(args.request_id, args.comment)
    print(_line(row))
    return 0


def run_scheduled(args: argparse.Namespace) -> int:
    """`retention run`: file the scheduled requests on the archive opened here and print them."""
    archive = open_archive(args)
    try:
        with archive.sessions.write() as session:  # clips from before retention existed are assessed first
            assessed = policy_change.reassess(session, SCHEDULER)
        with archive.sessions.write() as session:
            rows = scheduled_requests(session, SCHEDULER, clock.now().date())
    finally:
        archive.close()
    for row in rows:
        print(_line(row))
    if assessed:
        print(f"已按保存期限规则评定 {assessed} 个此前未评定的文件。", file=sys.stderr)
    print(f"已生成 {len(rows)} 份销毁申请，待审批；未删除任何文件。", file=sys.stderr)
    return 0


def _execute(client: ArchiveClient, request_id: int, batch: int) -> int:
    """Execute in passes of `batch` clips until done, with progress on a terminal; 1 if any file was flagged."""
    destroyed = freed = 0
    kept: dict[ItemOutcome, int] = {}
    interactive = sys.stderr.isatty()
    while True:
        report: ExecutionReport = client.execute_destruction(request_id, batch)
        destroyed += report.destroyed
        freed += report.bytes_freed
        for outcome, count in report.kept:
            kept[outcome] = kept.get(outcome, 0) + count
        if interactive:
            sys.stderr.write(f"\r已销毁 {destroyed} 个，保留 {sum(kept.values())} 个，剩余 {report.remaining} 个   ")
            sys.stderr.flush()
        if report.done:
            break
    if interactive:
        sys.stderr.write("\n")
    kept_text = "，".join(f"{OUTCOME_WORDS[outcome]} {count} 个" for outcome, count in sorted(kept.items()))
    print(f"申请 {request_id}：已销毁 {destroyed} 个文件，释放 {freed:,} 字节（{freed / 1e9:,.2f} GB）")
    if kept:
        print(f"未销毁：{kept_text}")
    return 1 if FLAGGED & kept.keys() else 0


def _line(row: DestructionRequestRow) -> str:
    steps = "，".join(f"{step.role.value} / {step.unit_code}（{step.status}）" for step in row.steps)
    report = f"\t报备 {row.report_unit_code}" if row.report_unit_code else ""
    return (
        f"{row.id}\t{row.status.value}\t{row.requested_by}\t{row.unit_code}\t{row.clip_count} 个文件\t"
        f"{row.size_bytes:,} 字节\t{steps}{report}\t{clock.format_time(row.created_at)}\t{row.reason}"
    )
