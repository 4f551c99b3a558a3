"""`workstation clock show|measure|correct|revert`: recorder clocks (R3) from the command line.

    workstation clock show DEVICE_NO
    workstation clock measure DEVICE_NO --recorder-time T --true-time T [--clip ID] [--note TEXT]
    workstation clock correct DEVICE_NO --from D --to D --reason TEXT
    workstation clock revert ID [--reason TEXT]

Through the archive server (`--server`) as the signed-in administrator, or on an archive opened here as the
administrator named by --user (`show` without --user reads as the computer's account).
"""

import argparse
from datetime import datetime
from typing import Any

from workstation import clock
from workstation.cli.access import user_option
from workstation.cli.target import acting_client, user_of
from workstation.cli.values import day, whole_number
from workstation.errors import ClockError, WorkstationError
from workstation.footage.types import ClockCorrectionRow, ClockMeasurementSpec, ClockSource
from workstation.identity import Identity

SOURCE_WORDS = {ClockSource.DOCK_LOG: "接入日志", ClockSource.CLOCK_SYNC: "校时记录", ClockSource.ADMIN: "管理员登记"}


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("clock", help="执法记录仪时钟：偏差记录、漂移拟合、批量校正与撤销")
    parser.add_argument("action", choices=("show", "measure", "correct", "revert"))
    parser.add_argument("target", metavar="DEVICE_NO|ID", help="设备编号（revert：校正编号）")
    user_option(parser)
    parser.add_argument(
        "--recorder-time", type=moment, metavar="'YYYY-MM-DD HH:MM:SS'", help="measure：记录仪显示的时间"
    )
    parser.add_argument("--true-time", type=moment, metavar="'YYYY-MM-DD HH:MM:SS'", help="measure：同一时刻的准确时间")
    parser.add_argument(
        "--clip", type=whole_number(1, 2**31), metavar="ID", help="measure：比对的文件编号（画面叠加时间）"
    )
    parser.add_argument("--note", default="", help="measure：备注")
    parser.add_argument(
        "--from", dest="date_from", type=day, metavar="YYYY-MM-DD", help="correct：起始日期（记录仪日期）"
    )
    parser.add_argument("--to", dest="date_to", type=day, metavar="YYYY-MM-DD", help="correct：截止日期（含）")
    parser.add_argument("--reason", help="correct：校正原因（必填）；revert：撤销原因")


def moment(text: str) -> datetime:
    """A time as the command line takes it: YYYY-MM-DD HH:MM:SS (archive-local time)."""
    try:
        return datetime.strptime(text.strip().replace("T", " "), clock.DISPLAY_FORMAT)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"“{text}”不是 YYYY-MM-DD HH:MM:SS 格式的时间") from error


def run(args: argparse.Namespace, computer: Identity) -> int:
    """Run the action; `show` on an archive opened here without --user reads as `computer` (a system actor)."""
    if args.action == "show":
        return _show(args, computer)
    handlers = {"measure": _measure, "correct": _correct, "revert": _revert}
    return handlers[args.action](args)


def _needs(args: argparse.Namespace, **options: str) -> None:
    missing = [flag for name, flag in options.items() if getattr(args, name) is None]
    if missing:
        raise WorkstationError("clock_options_missing", action=args.action, options=" ".join(missing))


def _show(args: argparse.Namespace, computer: Identity) -> int:
    with acting_client(args, user_of(args) or computer) as client:
        recorder = client.recorder_clock(args.target)
    print(f"记录仪 {recorder.device_no}（{recorder.unit_code or '待分配'}）")
    for row in recorder.measurements:
        clip = f"\t文件 {row.clip_id}" if row.clip_id is not None else ""
        print(
            f"{clock.format_time(row.measured_at)}\t记录仪 {clock.format_time(row.recorder_time)}\t"
            f"{row.offset_ms / 1000:+.1f} s\t{SOURCE_WORDS[row.source]}\t{row.recorded_by}{clip}\t{row.note}".rstrip()
        )
    fit = recorder.fit
    if fit is None:
        print("尚无偏差记录")
    else:
        drift = "未知（仅一个时刻）" if fit.drift_s_per_day is None else f"{fit.drift_s_per_day:+.2f} s/天"
        print(f"拟合（{fit.points} 点）：现在 {fit.offset_ms / 1000:+.1f} s，漂移 {drift}")
    for correction in recorder.corrections:
        print(_correction_line(correction))
    return 0


def _correction_line(row: ClockCorrectionRow) -> str:
    drift = "" if row.drift_s_per_day is None else f"，漂移 {row.drift_s_per_day:+.2f} s/天"
    state = f"已撤销（{clock.format_time(row.reverted_at)} {row.reverted_by}）" if row.reverted_at else "有效"
    return (
        f"校正 {row.id}\t{row.date_from} 至 {row.date_to}\t起点偏差 {row.offset_ms / 1000:+.1f} s{drift}\t"
        f"{row.clips} 个文件\t{state}\t{row.corrected_by} {clock.format_time(row.corrected_at)}\t{row.reason}"
    )


def _measure(args: argparse.Namespace) -> int:
    _needs(args, recorder_time="--recorder-time", true_time="--true-time")
    spec = ClockMeasurementSpec(args.target, args.recorder_time, args.true_time, args.clip, args.note)
    with acting_client(args, user_of(args)) as client:
        row = client.record_clock_measurement(spec)
    print(f"已登记记录仪 {spec.device_no.strip().upper()} 的时钟偏差 {row.offset_ms / 1000:+.1f} s（记录 {row.id}）")
    return 0


def _correct(args: argparse.Namespace) -> int:
    _needs(args, date_from="--from", date_to="--to", reason="--reason")
    with acting_client(args, user_of(args)) as client:
        row = client.correct_clock(args.target, args.date_from, args.date_to, args.reason)
    print(_correction_line(row))
    return 0


def _revert(args: argparse.Namespace) -> int:
    if not args.target.isdigit():
        raise ClockError("clock_correction_unknown", correction_id=args.target)
    correction_id = int(args.target)
    with acting_client(args, user_of(args)) as client:
        row = client.revert_clock_correction(correction_id, args.reason or "")
    print(_correction_line(row))
    return 0
