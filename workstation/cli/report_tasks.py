"""`workstation report tasks|task-add|task-remove|run-due|mail-password`: scheduled reports from the command line.

Report tasks are managed through the archive server (`--server`, as the signed-in administrator) or on an
archive opened here, as the administrator named by --user (`tasks` without --user lists every task, as the
computer's account). `run-due` and `mail-password` work only where the archive and the mail credentials are
(an archive opened here): `run-due` is what the OS scheduler runs (a system actor); its exit code is 1 when
a delivery failed in this run, so the scheduler's history shows it.
"""

import argparse
import getpass
import sys
from typing import Any

from workstation import clock, config
from workstation.cli import messages
from workstation.cli.target import acting_client, open_archive, remote, user_of
from workstation.cli.values import whole_number
from workstation.errors import DeliveryFailed, WorkstationError
from workstation.identity import Identity
from workstation.statistics import delivery, dispatch, tasks
from workstation.statistics.types import (
    DeliveryRow,
    DeliveryStatus,
    Frequency,
    ReportFormat,
    ReportKind,
    ReportPeriod,
    ReportTaskRow,
    ReportTaskSpec,
    Schedule,
)

OPTION_NAMES = {"date_from": "--from", "date_to": "--to", "task_id": "ID"}
ACTIONS = ("tasks", "task-add", "task-remove", "run-due", "mail-password")
SCHEDULER = Identity.system("report-scheduler")
PERIOD_WORDS = {ReportPeriod.DAY: "前一天", ReportPeriod.WEEK: "上一周", ReportPeriod.MONTH: "上一个月"}
STATUS_WORDS = {DeliveryStatus.PENDING: "待重试", DeliveryStatus.DELIVERED: "已送达", DeliveryStatus.FAILED: "失败"}


def add_options(report: Any) -> None:
    """The options of the task actions (the `report` parser's --kind and --unit serve them too)."""
    report.add_argument("task_id", nargs="?", type=whole_number(1, 2**31), metavar="ID", help="task-remove：任务编号")
    report.add_argument("--format", choices=[fmt.value for fmt in ReportFormat], help="task-add：报表格式")
    report.add_argument(
        "--period", choices=[period.value for period in ReportPeriod], help="task-add：统计前一天/周/月"
    )
    when = report.add_mutually_exclusive_group()
    when.add_argument("--daily", action="store_true", help="task-add：每天运行")
    when.add_argument(
        "--weekly", type=whole_number(1, 7), metavar="WEEKDAY", help="task-add：每周几运行（1=周一…7=周日）"
    )
    when.add_argument("--monthly", type=whole_number(1, 28), metavar="DAY", help="task-add：每月几日运行（1–28）")
    report.add_argument("--hour", type=whole_number(0, 23), help="task-add：运行时刻（0–23 时，北京时间）")
    to = report.add_mutually_exclusive_group()
    to.add_argument("--mail", metavar="ADDRESS[,ADDRESS]", help="task-add：收件人电子邮件地址，逗号分隔")
    to.add_argument("--drop-folder", metavar="DIR", help="task-add：没有邮件服务器时，报表放入的文件夹（绝对路径）")
    report.add_argument("--password-stdin", action="store_true", help="mail-password：从标准输入读取 SMTP 密码")


def run(args: argparse.Namespace) -> int:
    handlers = {
        "tasks": _tasks,
        "task-add": _task_add,
        "task-remove": _task_remove,
        "run-due": _run_due,
        "mail-password": _mail_password,
    }
    return handlers[args.action](args)


def needs(args: argparse.Namespace, *options: str) -> None:
    """Refuse (exit 2) unless each option the action needs was given."""
    missing = [OPTION_NAMES.get(name, f"--{name.replace('_', '-')}") for name in options if getattr(args, name) is None]
    if missing:
        raise WorkstationError("report_options_missing", action=_command(args), options=" ".join(missing))


def _command(args: argparse.Namespace) -> str:
    return f"report {args.action}" if args.action else "report"


def _tasks(args: argparse.Namespace) -> int:
    with acting_client(args, user_of(args) or SCHEDULER) as client:
        rows = client.report_tasks()
    for row in rows:
        print(_line(row))
    print(f"共 {len(rows)} 个报表任务", file=sys.stderr)
    return 0


def _line(row: ReportTaskRow) -> str:
    spec = row.spec
    to = spec.drop_folder or ",".join(spec.recipients)
    status = "尚未运行" if row.last is None else _status(row.last)
    failed = f"\t失败 {row.failed} 次（已停止重试）" if row.failed else ""
    return (
        f"{row.id}\t{spec.kind.value}\t{spec.unit_code}\t{spec.fmt.value}\t{PERIOD_WORDS[spec.period]}\t"
        f"{tasks.task_schedule_words(spec.schedule)}\t{to}\t下次 {clock.format_time(row.next_run_at)}\t"
        f"{status}{failed}\t{row.owner}"
    )


def _status(last: DeliveryRow) -> str:
    words = f"{STATUS_WORDS[last.status]}（{last.date_from} 至 {last.date_to}"
    if last.status is DeliveryStatus.DELIVERED:
        return f"{words}，{clock.format_time(last.delivered_at)}）"
    if last.status is DeliveryStatus.PENDING and not last.error_code:
        return "待发送"
    retry = f"，{clock.format_time(last.retry_at)} 重试" if last.status is DeliveryStatus.PENDING else ""
    return f"{words}，已尝试 {last.attempts} 次{retry}）：{_error_words(last)}"


def _error_words(last: DeliveryRow) -> str:
    """The kept failure in words (its code came from a raise site, which the error catalogues cover)."""
    kind: type[WorkstationError] = DeliveryFailed
    return messages.describe(kind(last.error_code, **dict(last.error_data)))


def _task_add(args: argparse.Namespace) -> int:
    needs(args, "kind", "unit", "format", "period", "hour")
    if not (args.daily or args.weekly or args.monthly):
        raise WorkstationError("report_options_missing", action=_command(args), options="--daily|--weekly|--monthly")
    if not (args.mail or args.drop_folder):
        raise WorkstationError("report_options_missing", action=_command(args), options="--mail|--drop-folder")
    frequency = Frequency.WEEKLY if args.weekly else Frequency.MONTHLY if args.monthly else Frequency.DAILY
    spec = ReportTaskSpec(
        ReportKind(args.kind),
        args.unit,
        ReportFormat(args.format),
        ReportPeriod(args.period),
        Schedule(frequency, args.hour, args.weekly, args.monthly),
        tuple(address.strip() for address in (args.mail or "").split(",") if address.strip()),
        args.drop_folder or "",
    )
    with acting_client(args, user_of(args)) as client:
        row = client.add_report_task(spec)
    print(_line(row))
    return 0


def _task_remove(args: argparse.Namespace) -> int:
    needs(args, "task_id")
    with acting_client(args, user_of(args)) as client:
        client.remove_report_task(args.task_id)
    print(f"已删除报表任务 {args.task_id}")
    return 0


def _local_only(args: argparse.Namespace) -> None:
    """Refuse --server: deliveries run, and the SMTP password is kept, where the archive is opened."""
    if remote(args):
        raise WorkstationError("command_not_remote", command=_command(args))


def _run_due(args: argparse.Namespace) -> int:
    _local_only(args)
    mail = delivery.mail_settings(config.load_settings())
    archive = open_archive(args)
    try:
        summary = dispatch.run_due(archive.sessions, SCHEDULER, mail, clock.now())
    finally:
        archive.close()
    for row, task_id in summary.delivered:
        print(f"任务 {task_id} 已送达：{row.date_from} 至 {row.date_to}（第 {row.attempts} 次尝试）")
    for row, task_id in summary.failed:
        retry = (
            "已停止重试" if row.status is DeliveryStatus.FAILED else f"将于 {clock.format_time(row.retry_at)} 后重试"
        )
        print(f"任务 {task_id} 发送失败（第 {row.attempts} 次，{retry}）：{_error_words(row)}", file=sys.stderr)
    print(
        f"到期 {summary.scheduled} 份，送达 {len(summary.delivered)} 份，失败 {len(summary.failed)} 份",
        file=sys.stderr,
    )
    return 1 if summary.failed else 0


def _mail_password(args: argparse.Namespace) -> int:
    _local_only(args)
    mail = delivery.mail_settings(config.load_settings())
    if mail is None or not mail.user:
        raise DeliveryFailed("mail_settings_incomplete")
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("SMTP 密码：")
    delivery.save_mail_password(mail, password)
    print(f"已将 {mail.user}@{mail.host} 的 SMTP 密码保存到系统凭据管理器。", file=sys.stderr)
    return 0
