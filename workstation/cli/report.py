"""`workstation report --kind workload|devices|spotcheck|access --unit CODE --from D --to D --out FILE.(html|xlsx)`.

The format follows the file's suffix: a self-contained HTML file (charts embedded; opens offline, prints on A4)
or an Excel workbook with the same figures. Acts as the signed-in user at the server (`--server`), or on an
archive opened here as --user (or the computer's account: every unit).
"""

import argparse
from typing import Any

from workstation.cli.access import user_option
from workstation.cli.target import acting_client, user_of
from workstation.cli.values import day, output_file
from workstation.errors import WorkstationError
from workstation.statistics.types import ReportFormat, ReportKind, StatsQuery

SUFFIXES = {".html": ReportFormat.HTML, ".htm": ReportFormat.HTML, ".xlsx": ReportFormat.XLSX}


def add_parser(commands: Any) -> None:
    report = commands.add_parser("report", help="统计报表：工作量、执法记录仪使用、抽查、调阅审批（HTML 或 Excel）")
    user_option(report)
    report.add_argument("--kind", required=True, choices=[kind.value for kind in ReportKind])
    report.add_argument("--unit", help="单位代码（含下级单位；默认本人管辖的全部单位）")
    report.add_argument("--from", dest="date_from", required=True, type=day, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", required=True, type=day, metavar="YYYY-MM-DD")
    report.add_argument("--out", required=True, type=output_file, metavar="FILE.(html|xlsx)")


def run(args: argparse.Namespace) -> int:
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
