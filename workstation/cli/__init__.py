"""The `workstation` command line (R12): a stable interface for scripts and other platforms.

    workstation [--archive DIR | --profile NAME] COMMAND ...
    workstation --server URL [--pin CERT.pem] COMMAND ...      (through the archive server, issue 12)

Commands: demo, ingest, clips, verify, audit (verify, anchor, reconcile, rotate-key, export-key, import-key),
db upgrade, profile add/list, access, retention, evidence, report, user, spotcheck, ledger, prescreen, clock, tls,
serve, login, logout (see the README's command-line section). Exit codes: 0 success; 1 the command ran and found a
problem (rejected or failed files, integrity mismatches, a broken audit chain, state the audit log does not explain);
2 the command could not run (bad arguments, archive unreachable, ...). Without a command the launcher
(ui.launcher) opens the GUI instead.
"""

import argparse
import getpass
import json
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from workstation import config, crash_log
from workstation.cli import access, audit, evidence, messages, prescreen, report, retention, server, spotcheck, tls
from workstation.cli import clocks as clock_cli
from workstation.cli import users as user_cli
from workstation.cli.console import IngestProgressBar, clip_json
from workstation.cli.target import (
    acting_client,
    add_server_options,
    connect,
    default_archive_folder,
    open_archive,
    remote,
    use_server_profile,
    user_of,
)
from workstation.cli.values import day, whole_number
from workstation.client import ArchiveClient
from workstation.client.upload_target import HttpUploadTarget
from workstation.errors import WorkstationError
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.naming import NamePattern, patterns_from_settings
from workstation.footage.types import (
    NEWEST_FIRST,
    ClipFilter,
    ClipRow,
    IngestFileResult,
    IngestOutcome,
    IngestReport,
    cursor_after,
)
from workstation.footage.upload_ingest import UploadOptions, upload_ingest
from workstation.footage.verify import verify_archive
from workstation.identity import Identity
from workstation.profiles import Profile, load_profiles, save_profile
from workstation.types import FileType

TABLE_PAGE = 100
"""How many rows `clips` prints as a table unless --limit says otherwise (JSON prints every row)."""


def cli_actor() -> Identity:
    """Who command-line actions are done by: the OS account on this computer, a system actor (the commands
    that act as a workstation user name it with --user)."""
    return Identity.system(f"{getpass.getuser()}@{socket.gethostname()}")


def _add_archive_options(parser: argparse.ArgumentParser, top_level: bool) -> None:
    """--archive DIR / --profile NAME, accepted before and after the command name (`workstation demo
    --archive DIR` and `workstation --archive DIR demo` mean the same). Below the top level they default
    to "not given", so they never override a value given before the command."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--archive",
        type=Path,
        default=default,
        help="嵌入式档案库文件夹（archive.sqlite 与 media/）",
    )
    parser.add_argument("--profile", default=default, help="连接配置名称（见 workstation profile list）")


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every parser below `parser` (commands and their actions)."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases map to the same parser
                found += [child, *_subparsers(child)]
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workstation", description="执法记录仪视音频回放审查工作站")
    _add_archive_options(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="生成演示档案库（模拟执法记录仪数据并导入）")
    demo.add_argument("--officers", type=whole_number(1, 999), default=6, help="执法人员数（1–999）")
    demo.add_argument("--days", type=whole_number(1, 60), default=3, help="天数（1–60）")

    ingest_cmd = commands.add_parser("ingest", help="从执法记录仪或采集站导出目录导入")
    ingest_cmd.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    ingest_cmd.add_argument("--station", default=socket.gethostname(), help="采集站名称")
    ingest_cmd.add_argument("--clear-source", action="store_true", help="校验无误后删除记录仪上的文件（校验清空）")
    ingest_cmd.add_argument("--parallel", type=whole_number(1, 64), default=4, help="同时导入的记录仪数（1–64）")
    ingest_cmd.add_argument("--format", choices=("text", "json"), default="text")
    ingest_cmd.add_argument(
        "--no-prescreen", action="store_true", help="导入后不对新文件做预筛查扫描（之后可用 prescreen 命令补扫）"
    )

    clips_cmd = commands.add_parser("clips", help="按条件列出档案中的文件")
    clips_cmd.add_argument("--unit", help="单位代码（含下级单位）")
    clips_cmd.add_argument("--officer", help="警号")
    clips_cmd.add_argument("--device", help="设备编号")
    clips_cmd.add_argument("--from", dest="date_from", type=day, help="起始日期 YYYY-MM-DD")
    clips_cmd.add_argument("--to", dest="date_to", type=day, help="截止日期 YYYY-MM-DD（含）")
    clips_cmd.add_argument("--case", help="警情/案件编号")
    important = clips_cmd.add_mutually_exclusive_group()
    important.add_argument("--important", dest="important", action="store_const", const=True)
    important.add_argument("--not-important", dest="important", action="store_const", const=False)
    clips_cmd.add_argument("--type", choices=[t.value for t in FileType])
    clips_cmd.add_argument(
        "--limit",
        type=whole_number(0, 2**31),
        help=f"最多列出条数（0 表示全部）；默认 json 全部列出，table 列出前 {TABLE_PAGE} 条",
    )
    clips_cmd.add_argument("--format", choices=("table", "json"), default="table")

    commands.add_parser(
        "verify", help="重新计算档案文件的 SHA-256，与审计日志中可信的入库记录比对（发现问题时退出码为 1）"
    )
    audit.add_parser(commands)
    db_cmd = commands.add_parser("db", help="数据库")
    db_cmd.add_argument("action", choices=("upgrade",))

    profile = commands.add_parser("profile", help="连接配置")
    profile_actions = profile.add_subparsers(dest="action", required=True)
    add = profile_actions.add_parser(
        "add",
        help="新建或修改连接配置（--embedded、PostgreSQL 或 --server URL --pin CERT.pem）；密码保存在系统凭据管理器中",
    )
    add.add_argument("name")
    add.add_argument("--embedded", type=Path, metavar="DIR", help="嵌入式档案库文件夹")
    add.add_argument("--host")
    add.add_argument("--port", type=whole_number(1, 65535), default=5432)
    add.add_argument("--database")
    add.add_argument("--user")
    add.add_argument("--media-root", type=Path)
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读取数据库密码")
    profile_actions.add_parser("list", help="列出连接配置")

    access.add_parser(commands)
    retention.add_parser(commands)
    evidence.add_parser(commands)
    report.add_parser(commands)
    user_cli.add_parser(commands)
    tls.add_parser(commands)
    server.add_parsers(commands)
    spotcheck.add_parsers(commands)
    clock_cli.add_parser(commands)
    prescreen.add_parser(commands)
    add_server_options(parser, top_level=True)
    for command in _subparsers(parser):
        _add_archive_options(command, top_level=False)
        add_server_options(command, top_level=False)
    return parser


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line (exits with code 2 and a usage message on bad arguments)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.archive is not None and args.profile is not None:
        parser.error("--archive 与 --profile 只能指定其中一个")
    if args.server is not None and (args.archive is not None or args.profile is not None):
        parser.error("--server 不能与 --archive 或 --profile 同时使用")
    if args.pin is not None and args.server is None:
        parser.error("--pin 须与 --server 一起使用")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; never lets a traceback reach the user (see the module docstring for exit codes)."""
    args = parse_arguments(argv)
    if args.command is None:
        build_parser().print_help()
        return 2
    try:
        return _run(args)
    except WorkstationError as error:
        print(f"错误：{messages.describe(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断。已完成的部分已保存，再次运行同一命令即可继续。", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: the details go to a log file, the user gets what to do
        try:
            where = f"详细信息已写入 {crash_log.write(error, ' '.join(sys.argv))}，请将该文件发送给技术支持。"
        except OSError:
            where = "请将本信息和所执行的命令发送给技术支持。"
        print(f"错误：程序内部错误（{type(error).__name__}：{error}）。已完成的部分已保存。{where}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command != "profile":
        use_server_profile(args)
    handlers = {
        "demo": _demo,
        "ingest": _ingest,
        "clips": _clips,
        "verify": _verify,
        "audit": lambda args: audit.run(args, cli_actor()),
        "db": _db_upgrade,
        "profile": _profile,
        "access": _access,
        "retention": retention.run,
        "evidence": evidence.run,
        "report": report.run,
        "user": _user,
        "spotcheck": _spotcheck,
        "ledger": _ledger,
        "tls": tls.run,
        "serve": server.run_serve,
        "login": server.run_login,
        "logout": server.run_logout,
        "clock": _clock,
        "prescreen": _prescreen,
    }
    return handlers[args.command](args)


def _clock(args: argparse.Namespace) -> int:
    return clock_cli.run(args, cli_actor())


def _demo(args: argparse.Namespace) -> int:
    from workstation.demo.archive import build_demo_archive

    folder = args.archive or default_archive_folder()
    summary = build_demo_archive(folder, officers=args.officers, days=args.days, progress=print)
    print(f"演示档案库已生成：{summary.folder}（导入 {summary.imported} 个文件，用时 {summary.seconds:.1f} 秒）")
    print("演示用户（登录名 / 密码 / 角色 / 单位）：")
    for user in summary.users:
        print(f"  {user.login:<12} {user.password:<12} {user.role.value:<11} {user.unit_code}")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    """Import recorder dumps: into an archive opened here, or uploaded to the server (--server). Here, once the
    summary is printed, the new clips are pre-screened (unless --no-prescreen); the server scans uploads itself."""
    patterns = patterns_from_settings(config.load_settings())
    bar = IngestProgressBar()
    if remote(args):
        try:
            report = _upload(args, patterns, bar)
        finally:
            bar.finish()
        _print_ingest_report(args, report)
    else:
        archive = open_archive(args, create=True)
        options = IngestOptions(
            station=args.station,
            who=cli_actor(),
            clear_source=args.clear_source,
            patterns=patterns,
            parallel_sources=args.parallel,
        )
        try:
            try:
                report = ingest(archive, args.sources, options, progress=bar)
            finally:
                bar.finish()
            _print_ingest_report(args, report)
            if not args.no_prescreen:
                prescreen.scan_ingested(archive, cli_actor(), report)
        finally:
            archive.close()
    needs_attention = report.count(IngestOutcome.REJECTED) + report.count(IngestOutcome.FAILED)
    return 1 if needs_attention else 0


def _print_ingest_report(args: argparse.Namespace, report: IngestReport) -> None:
    if args.format == "json":
        print(json.dumps([_result_json(r) for r in report.results], ensure_ascii=False, indent=1), flush=True)
    else:
        _print_ingest_summary(report.results)
        sys.stdout.flush()


def _upload(args: argparse.Namespace, patterns: Sequence[NamePattern], bar: IngestProgressBar) -> IngestReport:
    """Upload to the server as the signed-in station account; sources are cleared only once archived."""
    connection = connect(args)
    try:
        connection.current_user()  # a clear "sign in first" before any recorder is read
        options = UploadOptions(args.station, args.clear_source, patterns, args.parallel)
        return upload_ingest(HttpUploadTarget(connection), args.sources, options, progress=bar)
    finally:
        connection.close()


def _result_json(result: IngestFileResult) -> dict[str, object]:
    return {
        "source": result.source_path,
        "outcome": result.outcome.value,
        "clip_id": result.clip_id,
        "sha256": result.sha256,
        "reason": result.reason,
        "detail": result.detail,
        "media_status": result.media_status.value if result.media_status else None,
        "source_cleared": result.source_cleared,
    }


_OUTCOME_TEXT = {
    IngestOutcome.IMPORTED: "已导入",
    IngestOutcome.DUPLICATE: "已存在（跳过）",
    IngestOutcome.REJECTED: "未导入（留在原处）",
    IngestOutcome.FAILED: "失败",
}


def _print_ingest_summary(results: Sequence[IngestFileResult]) -> None:
    counts = {outcome: sum(1 for r in results if r.outcome is outcome) for outcome in IngestOutcome}
    print("，".join(f"{_OUTCOME_TEXT[o]} {n}" for o, n in counts.items()))
    for result in results:
        if result.outcome in (IngestOutcome.REJECTED, IngestOutcome.FAILED):
            print(f"  {_OUTCOME_TEXT[result.outcome]}：{result.source_path}  原因：{result.detail}")
        elif result.media_status and result.media_status.value != "ok":
            print(f"  已导入但文件有问题（{result.media_status.value}）：{result.source_path}  {result.detail}")


def _clips(args: argparse.Namespace) -> int:
    criteria = ClipFilter(
        unit_code=args.unit,
        badge_no=args.officer,
        device_no=args.device,
        date_from=args.date_from,
        date_to=args.date_to,
        case_no=args.case,
        important=args.important,
        file_type=FileType(args.type) if args.type else None,
    )
    limit = args.limit if args.limit is not None else (0 if args.format == "json" else TABLE_PAGE)
    with acting_client(args, cli_actor()) as client:
        rows = _clip_rows(client, criteria, limit + 1 if limit else 0)  # one more: are there more?
        more = bool(limit) and len(rows) > limit
        rows = rows[:limit] if limit else rows
        findings = _findings_by_clip(client, [row.id for row in rows]) if args.format == "json" else {}
    if args.format == "json":
        listed = [clip_json(row) | {"findings": findings.get(row.id, [])} for row in rows]
        print(json.dumps(listed, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        duration = f"{row.duration_ms / 1000:.0f}s" if row.duration_ms else "-"
        print(
            f"{row.id:>8}  {row.recorded_start:%Y-%m-%d %H:%M:%S}  {duration:>6}  {row.unit_code or '待分配':<8} "
            f"{row.badge_no or '-':<8} {row.device_no or '-':<10} {row.file_type.value:<5} {row.original_name}"
        )
    if more:
        print(f"仅列出前 {len(rows)} 条，还有更多；用 --limit N 或 --limit 0（全部）列出更多。", file=sys.stderr)
    else:
        print(f"共 {len(rows)} 条", file=sys.stderr)
    return 0


def _clip_rows(client: ArchiveClient, criteria: ClipFilter, limit: int) -> list[ClipRow]:
    """The matching clips, newest first, in pages of 1000 by keyset; `limit` 0 means all. On an archive opened
    here the command lists as the computer's account, a system actor: the whole archive; through the server,
    what the signed-in user may see."""
    rows: list[ClipRow] = []

    def wanted() -> int:
        return 1000 if limit == 0 else min(1000, limit - len(rows))

    size = wanted()
    page = client.first_clip_page(criteria, NEWEST_FIRST, size)
    while True:
        rows.extend(page)
        if len(page) < size or (limit and len(rows) >= limit):
            return rows
        size = wanted()
        page = client.clip_page(criteria, NEWEST_FIRST, size, after=cursor_after(page[-1]))


def _findings_by_clip(client: ArchiveClient, clip_ids: list[int]) -> dict[int, list[dict[str, object]]]:
    """Each clip's pre-screen findings as `clips --format json` lists them (prescreen.finding_json)."""
    found: dict[int, list[dict[str, object]]] = {}
    for finding in client.clip_findings(clip_ids):
        if finding.clip_id is not None:
            found.setdefault(finding.clip_id, []).append(prescreen.finding_json(finding))
    return found


def _verify(args: argparse.Namespace) -> int:
    archive = open_archive(args)
    try:
        report = verify_archive(archive, who=cli_actor())
    finally:
        archive.close()
    for problem in report.problems:
        print(f"{problem.status.value}\t{problem.clip_id}\t{problem.media_path}\t{problem.detail}")
    print(
        f"已校验 {report.files_checked} 个文件（{report.bytes_checked / 1e6:,.1f} MB），"
        f"发现问题 {len(report.problems)} 个",
        file=sys.stderr,
    )
    return 1 if report.problems else 0


def _db_upgrade(args: argparse.Namespace) -> int:
    open_archive(args, create=True, upgrade=True).close()
    print("数据库已是最新版本。", file=sys.stderr)
    return 0


def _profile(args: argparse.Namespace) -> int:
    if args.action == "list":
        for profile in load_profiles().values():
            if profile.kind == "server":
                print(f"{profile.name}\t{profile.kind}\t{profile.server}\t{profile.pin}")
                continue
            where = profile.folder if profile.kind == "embedded" else f"{profile.user}@{profile.host}:{profile.port}"
            print(f"{profile.name}\t{profile.kind}\t{where}/{profile.database}\t{profile.media_root}")
        return 0
    if args.server:  # the archive server: its address and pinned certificate (no credentials are kept)
        pin = str(args.pin.resolve()) if args.pin else ""
        save_profile(Profile(name=args.name, kind="server", server=str(args.server).rstrip("/"), pin=pin))
        return 0
    if args.embedded:
        save_profile(Profile(name=args.name, kind="embedded", folder=str(args.embedded)))
        return 0
    if not (args.host and args.database and args.user and args.media_root):
        raise WorkstationError("postgres_profile_incomplete")
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("数据库密码：")
    profile = Profile(
        name=args.name,
        kind="postgresql",
        host=args.host,
        port=args.port,
        database=args.database,
        user=args.user,
        media_root=str(args.media_root),
    )
    save_profile(profile, password)
    return 0


def _access(args: argparse.Namespace) -> int:
    with acting_client(args, user_of(args)) as client:
        return access.run(args, client)


def _user(args: argparse.Namespace) -> int:
    with acting_client(args, user_of(args)) as client:
        return user_cli.run(args, client)


def _spotcheck(args: argparse.Namespace) -> int:
    with acting_client(args, cli_actor()) as client:
        return spotcheck.run_spotcheck(args, client)


def _prescreen(args: argparse.Namespace) -> int:
    """The pre-screen: locally as --user if given, else the computer's account (scans, lists the whole
    archive); a decision needs a person (--user here, the signed-in user through the server)."""
    if args.action == "decide" and not remote(args) and not getattr(args, "user", None):
        raise WorkstationError("user_option_required")
    with acting_client(args, user_of(args) or cli_actor()) as client:
        return prescreen.run(args, client)


def _ledger(args: argparse.Namespace) -> int:
    with acting_client(args, cli_actor()) as client:
        return spotcheck.run_ledger(args, client)
