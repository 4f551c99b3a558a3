"""`workstation prescreen`: the automatic pre-screen from the command line (issue 17).

    workstation prescreen [--unit CODE] [--from D] [--to D] [--workers N]     scan what has not been scanned
    workstation prescreen days --from D --to D [--unit CODE]                  recompute the officer's-day findings
    workstation prescreen findings [--unit CODE] [--from D] [--to D] [--kind K] [--status S] [--format json]
    workstation prescreen figures [--unit CODE] [--from D] [--to D]           confirmed/dismissed per kind and model
    workstation prescreen decide ID --confirm|--dismiss [--note TEXT] --user LOGIN

Scanning runs where the media are: on an archive opened here, as the computer's account (the whole archive);
through the server (--server), the server scans for the signed-in administrator and this prints its progress.
It is resumable (each clip is kept as it is done; run the command again after an interruption) and prints its
progress on stderr. Through the server the findings, figures and decisions work as the signed-in user.
"""

import argparse
import json
import sys
import threading
from typing import Any

from workstation.archive import Archive
from workstation.cli.access import user_option
from workstation.cli.console import json_value
from workstation.cli.messages import describe
from workstation.cli.values import day, whole_number
from workstation.client import ArchiveClient
from workstation.errors import WorkstationError
from workstation.footage.types import IngestOutcome, IngestReport
from workstation.identity import Identity
from workstation.prescreen.scan import scan_pending
from workstation.prescreen.types import (
    FINDING_KINDS,
    Finding,
    FindingFilter,
    FindingStatus,
    ScanProgress,
    ScanReport,
)

DEFAULT_WORKERS = 2
LIST_LIMIT = 1000
_STATUS_TEXT = {
    FindingStatus.PENDING: "需人工复核",
    FindingStatus.CONFIRMED: "已确认",
    FindingStatus.DISMISSED: "已排除",
}


def add_parser(commands: Any) -> None:
    """Add the `prescreen` command to the CLI's subparsers."""
    prescreen = commands.add_parser("prescreen", help="自动预筛查：扫描尚未扫描的视音频，列出与复核发现")
    _period_options(prescreen, top=True)
    prescreen.add_argument(
        "--workers", type=whole_number(1, 64), default=DEFAULT_WORKERS, help="并行扫描的进程数（1–64）"
    )
    actions = prescreen.add_subparsers(dest="action", metavar="ACTION")
    days = actions.add_parser("days", help="重新计算执法人员当日记录类发现（间断、重叠、异常中断、迟传、未关联）")
    _period_options(days, top=False)
    findings = actions.add_parser("findings", help="列出发现")
    _period_options(findings, top=False)
    user_option(findings)
    findings.add_argument("--kind", action="append", choices=FINDING_KINDS, help="发现类型（可重复）")
    findings.add_argument("--status", choices=[status.value for status in FindingStatus])
    findings.add_argument("--limit", type=whole_number(1, 1_000_000), default=LIST_LIMIT)
    findings.add_argument("--format", choices=("table", "json"), default="table")
    figures = actions.add_parser("figures", help="各类发现的确认、排除与待复核数（检出准确率）")
    _period_options(figures, top=False)
    user_option(figures)
    decide = actions.add_parser("decide", help="确认或排除一条发现（记入审计日志）")
    decide.add_argument("finding_id", type=whole_number(1, 2**63 - 1), metavar="ID")
    verdict = decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--confirm", dest="confirmed", action="store_const", const=True, help="确认存在问题")
    verdict.add_argument("--dismiss", dest="confirmed", action="store_const", const=False, help="排除（误报）")
    decide.add_argument("--note", default="", help="复核说明")
    user_option(decide)


def _period_options(parser: argparse.ArgumentParser, top: bool) -> None:
    """--unit/--from/--to, before or after the action (below the top they default to "not given")."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--unit", default=default, help="单位代码（含下级单位）")
    parser.add_argument("--from", dest="date_from", type=day, default=default, help="起始日期 YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=day, default=default, help="截止日期 YYYY-MM-DD（含）")


def run(args: argparse.Namespace, client: ArchiveClient) -> int:
    """Carry out the prescreen command through the client."""
    if args.action is None:
        return _scan(args, client)
    if args.action == "days":
        if args.date_from is None or args.date_to is None:
            print("错误：prescreen days 需要 --from 和 --to 日期。", file=sys.stderr)
            return 2
        count = client.recompute_day_findings(args.unit, args.date_from, args.date_to)
        print(f"已重新计算 {count} 个执法人员工作日的记录类发现。", file=sys.stderr)
        return 0
    if args.action == "decide":
        finding = client.decide_finding(args.finding_id, args.confirmed, args.note)
        print(_line(finding))
        return 0
    criteria = FindingFilter(
        args.unit,
        args.date_from,
        args.date_to,
        tuple(getattr(args, "kind", None) or ()),
        FindingStatus(args.status) if getattr(args, "status", None) else None,
    )
    if args.action == "figures":
        for figure in client.prescreen_figures(criteria):
            precision = f"{figure.precision:.0%}" if figure.precision is not None else "-"
            print(
                f"{figure.kind}\t{figure.model or '-'}\t待复核 {figure.pending}\t确认 {figure.confirmed}\t"
                f"排除 {figure.dismissed}\t准确率 {precision}"
            )
        return 0
    rows = client.prescreen_findings(criteria, args.limit)
    if args.format == "json":
        print(json.dumps([_finding_json(row) for row in rows], ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(_line(row))
        print(f"共 {len(rows)} 条", file=sys.stderr)
    return 0


def _scan(args: argparse.Namespace, client: ArchiveClient) -> int:
    bar = _ProgressLine()
    report = client.scan_prescreen(args.unit, args.date_from, args.date_to, args.workers, threading.Event(), bar)
    bar.finish()
    _print_report(report)
    return 0


def scan_ingested(archive: Archive, who: Identity, ingested: IngestReport) -> None:
    """After `workstation ingest` on a station (its summary printed): pre-screen the clips it just archived, on
    worker processes below normal priority. A failure or Ctrl+C here never changes the ingest's outcome or exit
    code: it is said on stderr, and the next `workstation prescreen` scans what was left."""
    clip_ids = [r.clip_id for r in ingested.results if r.outcome is IngestOutcome.IMPORTED and r.clip_id is not None]
    if not clip_ids:
        return
    bar = _ProgressLine()
    try:
        report = scan_pending(archive, who, workers=DEFAULT_WORKERS, progress=bar, clip_ids=clip_ids, low_priority=True)
    except (Exception, KeyboardInterrupt) as error:
        bar.finish()
        reason = describe(error) if isinstance(error, WorkstationError) else type(error).__name__
        print(f"预筛查未完成（{reason}）：导入不受影响，稍后运行 workstation prescreen 即可补扫。", file=sys.stderr)
        return
    bar.finish()
    _print_report(report)


def _print_report(report: ScanReport) -> None:
    print(
        f"已扫描 {report.scanned} 个文件，无法读取 {report.failed} 个，新发现 {report.findings} 条，"
        f"重新计算 {report.days} 个执法人员工作日。",
        file=sys.stderr,
    )


class _ProgressLine:
    """Progress on stderr: one rewritten line on a terminal, a line per 10 % in a log file."""

    def __init__(self) -> None:
        self._interactive = sys.stderr.isatty()
        self._decile = -1
        self._drawn = False

    def __call__(self, progress: ScanProgress) -> None:
        text = f"预筛查 {progress.done}/{progress.total}"
        if self._interactive:
            sys.stderr.write(f"\r{text}")
            self._drawn = True
        elif (decile := progress.done * 10 // max(progress.total, 1)) != self._decile:
            self._decile = decile
            sys.stderr.write(f"{text}\n")
        sys.stderr.flush()

    def finish(self) -> None:
        if self._drawn:
            sys.stderr.write("\n")


def finding_json(finding: Finding) -> dict[str, object]:
    """A finding as `clips --format json` lists it under each clip: the stable kind code, span, confidence, status."""
    return {
        "kind": finding.kind,
        "start_ms": finding.start_ms,
        "end_ms": finding.end_ms,
        "confidence": finding.confidence,
        "status": finding.status.value,
    }


def _finding_json(finding: Finding) -> dict[str, object]:
    return {name: json_value(value) for name, value in finding.__dict__.items()} | {
        "day": finding.day.isoformat() if finding.day else None
    }


def _line(finding: Finding) -> str:
    where = f"文件 {finding.clip_id}" if finding.clip_id is not None else f"人员 {finding.officer_id}"
    return (
        f"{finding.id}\t{finding.kind}\t{where}\t{finding.day}\t{finding.start_ms}–{finding.end_ms} ms\t"
        f"{finding.confidence:.2f}\t{_STATUS_TEXT[finding.status]}\t{finding.decided_by or ''}\t{finding.note}"
    )
