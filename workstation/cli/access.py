"""`workstation access request|approve|reject|revoke|list`: viewing requests from the command line.

Through the archive server (`--server URL`) the command acts as the signed-in user. On an archive opened
here it acts as the workstation user named by --user, without their password: it trusts the operating-
system account that runs it, which holds the archive itself (see workstation.cli.target). The policy, the
routing and the audit log are the same as in the GUI (workstation.access.requests).
"""

import argparse
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from workstation.access.types import (
    DEFAULT_DAYS,
    MAX_DAYS,
    AccessRequestRow,
    AccessRequestSpec,
    OutsideBody,
    RequestKind,
)
from workstation.cli.console import request_json
from workstation.cli.values import moment, whole_number
from workstation.client import ArchiveClient
from workstation.clock import format_time

R = TypeVar("R")


def add_parser(commands: Any) -> None:
    """Add the `access` command to the CLI's subparsers."""
    access = commands.add_parser("access", help="调阅申请与审批")
    actions = access.add_subparsers(dest="action", required=True)
    request = actions.add_parser("request", help="提交调阅申请（本单位权限以外的资料）")
    user_option(request)
    footage = request.add_mutually_exclusive_group(required=True)
    footage.add_argument("--clips", type=clip_ids, help="文件编号，逗号分隔")
    footage.add_argument("--officer", help="警号（与 --from、--to 一起使用）")
    footage.add_argument("--case", help="警情/案件编号")
    request.add_argument("--from", dest="period_start", type=moment, help="起始时间 YYYY-MM-DDTHH:MM")
    request.add_argument("--to", dest="period_end", type=moment, help="截止时间（不含）")
    request.add_argument("--reason", required=True, help="调阅事由")
    request.add_argument("--download", action="store_true", help="同时申请下载")
    request.add_argument(
        "--days",
        type=whole_number(1, MAX_DAYS),
        default=DEFAULT_DAYS,
        help="调阅期限（天）",
    )
    request.add_argument("--body", choices=[body.value for body in OutsideBody], help="代外单位调取")
    request.add_argument("--document", default="", help="外单位的法律文书编号")
    decisions = (("approve", "批准（或法制审核通过）"), ("reject", "驳回"), ("revoke", "撤销已生效的授权"))
    decision_parsers(actions, decisions)
    listing_parser(actions, "list", "列出本人的申请和由本人所在单位审批的申请")


def run(args: argparse.Namespace, client: ArchiveClient) -> int:
    """Carry out the access command as the client's user."""
    if args.action == "list":
        return _list(args, client)
    if args.action == "request":
        row = client.submit_request(_spec(args))
    elif args.action == "approve":
        row = client.approve_request(args.request_id, args.comment)
    elif args.action == "reject":
        row = client.reject_request(args.request_id, args.comment)
    else:
        row = client.revoke_request(args.request_id, args.comment)
    print(_line(row))
    return 0


def _list(args: argparse.Namespace, client: ArchiveClient) -> int:
    print_requests(client.inbox() if args.inbox else client.my_requests(), args.format, _line)
    return 0


def _spec(args: argparse.Namespace) -> AccessRequestSpec:
    kind = RequestKind.CLIPS if args.clips else RequestKind.OFFICER if args.officer else RequestKind.CASE
    return AccessRequestSpec(
        kind=kind,
        reason=args.reason,
        with_download=args.download,
        days=args.days,
        clip_ids=tuple(args.clips or ()),
        badge_no=args.officer,
        period_start=args.period_start,
        period_end=args.period_end,
        case_no=args.case,
        outside_body=OutsideBody(args.body) if args.body else None,
        document_ref=args.document,
    )


def _line(row: AccessRequestRow) -> str:
    route = "，".join(f"{step.role.value} / {step.unit_code}（{step.status.value}）" for step in row.steps)
    expires = f"\t有效期至 {format_time(row.grant_expires_at)}" if row.grant_expires_at else ""
    return (
        f"{row.id}\t{row.status.value}\t{row.requester}\t{row.clip_count} 个文件\t{route}\t"
        f"{format_time(row.created_at)}\t{row.reason}{expires}"
    )


def clip_ids(text: str) -> list[int]:
    """--clips 1,2,3 (also `retention request`)."""
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError as error:
        raise argparse.ArgumentTypeError("文件编号应为以逗号分隔的数字") from error


def user_option(parser: argparse.ArgumentParser) -> None:
    """--user LOGIN: the workstation user a command acts as on an archive opened here."""
    parser.add_argument("--user", metavar="LOGIN", help="以哪位工作站用户的身份操作（仅本机档案库）")


def decision_parsers(actions: Any, decisions: Sequence[tuple[str, str]]) -> None:
    """One action per (name, help) deciding a request: REQUEST_ID [--comment TEXT] [--user LOGIN] (also the
    `retention approve|reject` of destruction requests)."""
    for name, text in decisions:
        decision = actions.add_parser(name, help=text)
        user_option(decision)
        decision.add_argument("request_id", type=whole_number(1, 2**63 - 1), metavar="REQUEST_ID")
        decision.add_argument("--comment", default="", help="审批意见（驳回时必填）")


def listing_parser(actions: Any, name: str, text: str) -> None:
    """The action listing requests: [--inbox] [--format table|json] [--user LOGIN] (also `retention requests`)."""
    listing = actions.add_parser(name, help=text)
    user_option(listing)
    listing.add_argument("--inbox", action="store_true", help="只列出待本人审批的申请")
    listing.add_argument("--format", choices=("table", "json"), default="table")


def print_requests(rows: Sequence[R], output: str, line: Callable[[R], str]) -> None:
    """Request rows as JSON (`--format json`, workstation.cli.console.request_json) or a line each."""
    if output == "json":
        print(json.dumps([request_json(row) for row in rows], ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(line(row))
