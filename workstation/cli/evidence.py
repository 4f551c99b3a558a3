"""`workstation evidence export|verify|list|handover|ledger`: evidence packages for the procuratorate and court (R9).

    evidence export (--clip ID [--clip ID …] | --officer 警号 --from D --to D | --case NO)
                    --to BODY --doc NO --out PATH [--format folder|zip|iso] [--purpose TEXT] [--receiver NAME]
    evidence verify PACKAGE                 needs no archive; exit 0 intact, 1 any difference, 2 not a package
    evidence list [--search TEXT] [--format table|json]
    evidence handover EXPORT_ID --medium 光盘 --receiver NAME [--at "YYYY-MM-DD HH:MM:SS"] [--note TEXT]
    evidence ledger --out FILE.xlsx [--search TEXT]

`--to` names the receiving body (procuratorate/检察院, court/法院, supervision/纪检监察, justice/司法行政,
internal/本单位) and, after `--from`, the last day of an officer's period: a date is the period's end, a body
is the body, in any order. An outside body's export waits for approval (legal review, then the head): the
first run files it and says so (exit 2); once approved, the same command writes the package. A run that was
killed or cancelled is taken up again by the same command with the same --out.
"""

import argparse
import json
import sys
import time
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from workstation import clock
from workstation.access.types import RequestKind
from workstation.cli.access import user_option
from workstation.cli.console import json_value
from workstation.cli.target import acting_client, user_of
from workstation.cli.values import day, moment, output_file, whole_number
from workstation.client import ArchiveClient
from workstation.client.evidence_run import run_export
from workstation.errors import WorkstationError
from workstation.evidence.errors import EvidenceError
from workstation.evidence.text import STATUS_NAMES
from workstation.evidence.types import (
    ExportFormat,
    ExportRow,
    ExportSpec,
    ExportStatus,
    Handover,
    PackageVerification,
    ReceivingBody,
)
from workstation.evidence.verify import verify_package

BODY_WORDS = {
    "检察院": ReceivingBody.PROCURATORATE,
    "人民检察院": ReceivingBody.PROCURATORATE,
    "法院": ReceivingBody.COURT,
    "人民法院": ReceivingBody.COURT,
    "纪检监察": ReceivingBody.SUPERVISION,
    "司法行政": ReceivingBody.JUSTICE,
    "本单位": ReceivingBody.INTERNAL,
}
FINDING_WORDS = {
    "changed": "内容已改变",
    "missing": "缺少文件",
    "extra": "多出文件",
    "manifest_mismatch": "两份清单不一致",
    "malformed": "清单或标签文件无法读取",
}


def add_parser(commands: Any) -> None:
    """Add the `evidence` command to the CLI's subparsers."""
    evidence = commands.add_parser("evidence", help="证据导出：为检察院、法院等制作可校验的数据包")
    actions = evidence.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="申请并制作证据数据包（外部单位须经法制审核和负责人审批）")
    user_option(export)
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--clip", dest="clips", action="append", type=whole_number(1, 2**63 - 1), metavar="ID")
    which.add_argument("--officer", metavar="警号", help="某位执法人员一段时间的资料（与 --from/--to 一起）")
    which.add_argument("--case", metavar="NO", help="关联某一警情/案件编号的资料")
    export.add_argument("--from", dest="period_from", type=day, metavar="YYYY-MM-DD", help="起始日期（含）")
    export.add_argument(
        "--to", dest="to", action="append", default=[], metavar="BODY|YYYY-MM-DD", help="接收单位；或截止日期（含）"
    )
    export.add_argument("--doc", required=True, metavar="NO", help="法律文书编号（内部使用填内部审批编号）")
    export.add_argument("--out", required=True, type=Path, metavar="PATH", help="输出位置：文件夹，或 .zip / .iso 文件")
    export.add_argument("--format", choices=[fmt.value for fmt in ExportFormat], default=ExportFormat.FOLDER.value)
    export.add_argument("--purpose", default="", help="用途（默认：向接收单位移交证据）")
    export.add_argument("--receiver", default="", help="接收人（如已知）")
    verify = actions.add_parser("verify", help="校验证据数据包（无需档案库）")
    verify.add_argument("package", type=Path, metavar="PACKAGE", help="数据包文件夹、.zip 或 .iso")
    listing = actions.add_parser("list", help="导出登记：导出了什么、给谁、何时、何种介质")
    user_option(listing)
    listing.add_argument("--search", default="", help="按编号、文书号、案件号、用途、接收人或文件名查找")
    listing.add_argument("--limit", type=whole_number(1, 100_000), default=200)
    listing.add_argument("--format", choices=("table", "json"), default="table")
    handover = actions.add_parser("handover", help="登记数据包的移交：介质、接收人、时间")
    user_option(handover)
    handover.add_argument("export_id", type=whole_number(1, 2**63 - 1), metavar="EXPORT_ID")
    handover.add_argument("--medium", required=True, help="介质：光盘、U盘、移动硬盘……")
    handover.add_argument("--receiver", required=True, help="接收人（姓名、单位）")
    handover.add_argument("--at", type=moment, help="移交时间 YYYY-MM-DD HH:MM:SS（默认现在）")
    handover.add_argument("--note", default="")
    ledger = actions.add_parser("ledger", help="把导出登记导出为 Excel")
    user_option(ledger)
    ledger.add_argument("--out", required=True, type=output_file, metavar="FILE.xlsx")
    ledger.add_argument("--search", default="")


def run(args: argparse.Namespace) -> int:
    if args.action == "verify":
        return _verify(args.package)
    with acting_client(args, user_of(args)) as client:
        if args.action == "export":
            return _export(client, args)
        if args.action == "list":
            return _list(client, args)
        if args.action == "handover":
            at = args.at or clock.now()
            row = client.record_evidence_handover(args.export_id, Handover(args.medium, args.receiver, at, args.note))
            print(f"已登记移交：{row.export_no} 于 {clock.format_time(at)} 以{args.medium}移交 {args.receiver}")
            return 0
        count = client.export_evidence_ledger(args.search, args.out)
        print(f"已写入 {args.out}（{count} 条导出登记）")
        return 0


def export_spec(args: argparse.Namespace) -> ExportSpec:
    """The export the options name; `--to` split into the body and (after --from) the period's last day."""
    bodies, days = [], []
    for value in args.to:
        body = _body(value)
        if body is not None:
            bodies.append(body)
        else:
            days.append(day(value))
    if len(bodies) != 1:
        raise WorkstationError("export_body_missing")
    body = bodies[0]
    purpose = args.purpose.strip() or "向接收单位移交证据"
    common = {"body": body, "document_ref": args.doc, "purpose": purpose, "receiver": args.receiver}
    if args.officer:
        if args.period_from is None or len(days) != 1:
            raise WorkstationError("export_period_missing")
        start = datetime.combine(args.period_from, datetime.min.time())
        end = datetime.combine(days[0], datetime.min.time()) + timedelta(days=1)
        return ExportSpec(RequestKind.OFFICER, badge_no=args.officer, period_start=start, period_end=end, **common)
    if days or args.period_from is not None:
        raise WorkstationError("export_period_needs_officer")
    if args.case:
        return ExportSpec(RequestKind.CASE, case_no=args.case, **common)
    return ExportSpec(RequestKind.CLIPS, clip_ids=tuple(args.clips), **common)


def _body(value: str) -> ReceivingBody | None:
    text = value.strip()
    if text in BODY_WORDS:
        return BODY_WORDS[text]
    try:
        return ReceivingBody(text.lower())
    except ValueError:
        return None


def _export(client: ArchiveClient, args: argparse.Namespace) -> int:
    spec = export_spec(args)
    row = client.request_evidence_export(spec)
    if row.status is ExportStatus.AWAITING_APPROVAL:
        raise EvidenceError("export_awaiting_approval", request_id=row.access_request_id)
    body = f"{row.body.value}（{row.document_ref}）"
    print(f"{row.export_no}：{row.clip_count} 个文件，{row.total_bytes:,} 字节，接收单位 {body}")
    progress = _Progress()
    done = run_export(client, row.id, args.out, ExportFormat(args.format), progress)
    progress.finish()
    print(f"已完成并校验：{args.out}")
    print(f"  manifest-sha256.txt 的 SHA-256：{done.manifest_sha256}")
    print(f"  manifest-sm3.txt 的 SM3：{done.manifest_sm3}")
    print(f"  校验方法：workstation evidence verify {args.out}")
    return 0


def _verify(package: Path) -> int:
    result: PackageVerification = verify_package(package)
    for problem in result.problems:
        detail = f"（{problem.detail}）" if problem.detail else ""
        print(f"{FINDING_WORDS.get(problem.finding.value, problem.finding.value)}：{problem.path}{detail}")
    if result.ok:
        print(
            f"数据包完好：{result.files_checked} 个文件，{result.bytes_checked:,} 字节，SHA-256 与 SM3 均与清单一致。"
        )
        return 0
    print(f"数据包与清单不符：发现 {len(result.problems)} 处问题（共检查 {result.files_checked} 个文件）。")
    return 1


def _list(client: ArchiveClient, args: argparse.Namespace) -> int:
    rows = client.evidence_exports(args.search, args.limit)
    if args.format == "json":
        json.dump([json_value(asdict(row)) for row in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for row in rows:
        print(_line(row))
    if not rows:
        print("没有导出记录。")
    return 0


def _line(row: ExportRow) -> str:
    completed = clock.format_time(row.completed_at) if row.completed_at else "-"
    handover = f"\t{row.handover.medium} → {row.handover.received_by}" if row.handover else ""
    body = f"{row.body.value}（{row.document_ref}）"
    return (
        f"{row.id}\t{row.export_no}\t{STATUS_NAMES[row.status]}\t{row.requester}\t{body}\t{row.clip_count} 个文件\t"
        f"{row.total_bytes:,} 字节\t{completed}\t{row.package_name or '-'}{handover}\t{row.purpose}"
    )


class _Progress:
    """Bytes written, speed and time left on one line of a terminal (nothing in a log)."""

    def __init__(self) -> None:
        self._interactive = sys.stderr.isatty()
        self._started = time.monotonic()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self._interactive or (now - self._last < 0.2 and done < total):
            return
        self._last = now
        speed = done / max(now - self._started, 1e-6)
        left = (total - done) / speed if speed else 0
        sys.stderr.write(
            f"\r{done / 1e6:,.0f}/{total / 1e6:,.0f} MB  {speed / 1e6:,.0f} MB/s  剩余约 {left:,.0f} 秒   "
        )
        sys.stderr.flush()

    def finish(self) -> None:
        if self._interactive:
            sys.stderr.write("\n")
