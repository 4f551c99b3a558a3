"""`workstation report --kind workload|devices|spotcheck|access --unit CODE --from D --to D --out FILE.(html|xlsx)`,
and the scheduled reports: `workstation report tasks|task-add|task-remove|run-due|mail-password`
(workstation.cli.report_tasks).

The format follows the file's suffix: a self-contained HTML file (charts embedded; opens offline, prints on A4)
or an Excel workbook with the same figures. Acts as the signed-in user at the server (`--server`), or on an
archive opened here as --user (or the computer's account: every unit).
"""

import argparse
from typing import Any

from workstation.cli import report_tasks
from workstation.cli.access import user_option
from workstation.cli.target import acting_client, user_of
from workstation.cli.values import day, output_file
from workstation.errors import WorkstationError
from workstation.statistics.types import ReportFormat, ReportKind, StatsQuery

SUFFIXES = {".html": ReportFormat.HTML, ".htm": ReportFormat.HTML, ".xlsx": ReportFormat.XLSX}


def add_parser(commands: Any) -> None:
    report = commands.add_parser(
        "report", help="统计报表：工作量、执法记录仪使用、抽查、调阅审批、智能预筛查（HTML 或 Excel）；定时报表"
    )
    report.add_argument(
        "action",
        nargs="?",
        choices=report_tasks.ACTIONS,
        help="定时报表：tasks 列出任务，task-add 新建，task-remove ID 删除，"
        "run-due 发送到期报表（供系统计划任务调用），"
        "mail-password 保存 SMTP 密码；省略时按 --kind … --out FILE 生成一份报表",
    )
    user_option(report)
    report.add_argument("--kind", choices=[kind.value for kind in ReportKind])
    report.add_argument("--unit", help="单位代码（含下级单位；默认本人管辖的全部单位）")
    report.add_argument("--from", dest="date_from", type=day, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", type=day, metavar="YYYY-MM-DD")
    report.add_argument("--out", type=output_file, metavar="FILE.(html|xlsx)")
    report_tasks.add_options(report)


def run(args: argparse.Namespace) -> int:
    if args.action is not None:
        return report_tasks.run(args)
    report_tasks.needs(args, "kind", "date_from", "date_to", "out")
    fmt = SUFFIXES.get(args.out.suffix.lower())
    if fmt is None:
        raise WorkstationError("report_suffix", suffix=args.out.suffix)
    if args.date_to < args.date_from:
        raise WorkstationError("report_period_reversed")
    query = StatsQuery(args.date_from, args.date_to, args.unit)
    with acting_client(args, user_of(args)) as client:
        rows = client.export_report(ReportKind(args.kind), query, fmt, args.out)
    print(f"已写入 {args.out}（{rows} 行）")
    return 0
