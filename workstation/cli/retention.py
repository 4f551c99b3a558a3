"""`workstation retention classes|queue|hold|release|holds|explain|site` (this module) and
`request|approve|reject|execute|run|requests|forms` (workstation.cli.retention_destruction): retention and
destruction (R8) from the command line.

Like `access`, a command acts as the user signed in at the server (`--server`), or on an archive opened here as
the workstation user named by --user. A policy change always shows its dry run; without --dry-run it is then
saved (with --reason).
"""

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from workstation.cli import retention_destruction
from workstation.cli.access import clip_ids, user_option
from workstation.cli.console import json_value
from workstation.cli.target import acting_client, user_of
from workstation.cli.values import whole_number
from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.retention.types import QUEUE_HORIZONS, PolicyDryRun, Profile, SiteCategory

NO_SITE = "none"


def add_parser(commands: Any) -> None:
    """Add the `retention` command to the CLI's subparsers."""
    retention = commands.add_parser("retention", help="保存期限、法律保全与到期销毁")
    actions = retention.add_subparsers(dest="action", required=True)
    classes = actions.add_parser("classes", help="保存类别与规则；修改前显示影响（试运行）")
    user_option(classes)
    classes.add_argument(
        "--organisation",
        choices=[profile.value for profile in Profile],
        help="改用某一单位类型（消防、公安、应急）的规则",
    )
    classes.add_argument("--set", dest="rules", action="append", default=[], metavar="TRIGGER=CLASS", help="设置规则")
    classes.add_argument("--remove", action="append", default=[], metavar="TRIGGER", help="删除规则")
    classes.add_argument("--dry-run", action="store_true", help="只显示影响，不保存")
    classes.add_argument("--reason", default="", help="修改理由（保存时必填）")
    classes.add_argument("--format", choices=("table", "json"), default="table")
    queue = actions.add_parser("queue", help="到期队列：已到期和即将到期的资料")
    user_option(queue)
    queue.add_argument("--days", type=whole_number(0, 3650), default=QUEUE_HORIZONS[0], help="未来多少天内到期")
    queue.add_argument("--unit", help="单位代码（含下级单位）")
    queue.add_argument("--limit", type=whole_number(1, 100_000), default=200)
    queue.add_argument("--format", choices=("table", "json"), default="table")
    hold = actions.add_parser("hold", help="法律保全：保全期间不得销毁（法制、督察）")
    user_option(hold)
    hold.add_argument("--clips", required=True, type=clip_ids, help="文件编号，逗号分隔")
    hold.add_argument("--reason", required=True, help="保全理由")
    release = actions.add_parser("release", help="解除法律保全（法制、督察）")
    user_option(release)
    release.add_argument("hold_id", type=whole_number(1, 2**63 - 1), metavar="HOLD_ID")
    release.add_argument("--reason", required=True, help="解除理由")
    listing = actions.add_parser("holds", help="列出法律保全")
    user_option(listing)
    listing.add_argument("--all", action="store_true", help="包括已解除的")
    explain = actions.add_parser("explain", help="某个文件的保存期限及其依据")
    user_option(explain)
    explain.add_argument("clip_id", type=whole_number(1, 2**63 - 1), metavar="CLIP_ID")
    site = actions.add_parser("site", help="更正文件的场所类别（编辑权限）")
    user_option(site)
    site.add_argument("clip_id", type=whole_number(1, 2**63 - 1), metavar="CLIP_ID")
    site.add_argument("--site", required=True, choices=[NO_SITE, *(category.value for category in SiteCategory)])
    site.add_argument("--reason", required=True, help="更正理由")
    retention_destruction.add_parsers(actions)


def run(args: argparse.Namespace) -> int:
    """Carry out a `retention` action: `run` on the archive opened here (the scheduled clean-up, a system
    actor), every other as the client's user."""
    if args.action == "run":
        return retention_destruction.run_scheduled(args)
    with acting_client(args, user_of(args)) as client:
        if args.action in retention_destruction.ACTIONS:
            return retention_destruction.run(args, client)
        return _run_as(args, client)


def _run_as(args: argparse.Namespace, client: ArchiveClient) -> int:
    handlers = {
        "classes": _classes,
        "queue": _queue,
        "hold": _hold,
        "release": _release,
        "holds": _holds,
        "explain": _explain,
        "site": _site,
    }
    return handlers[args.action](args, client)


def _classes(args: argparse.Namespace, client: ArchiveClient) -> int:
    changes: dict[str, str | None] = {trigger: None for trigger in args.remove}
    for text in args.rules:
        trigger, _, code = text.partition("=")
        if not trigger or not code:
            return _usage(f"--set 应为 TRIGGER=CLASS，如 base=years_2（收到“{text}”）")
        changes[trigger] = code
    profile = Profile(args.organisation) if args.organisation else None
    if not changes and profile is None:
        return _print_policy(args, client)
    if args.dry_run:
        _print_dry_run(args, client.retention_dry_run(changes, profile))
        return 0
    if not args.reason.strip():
        return _usage("保存修改须写明理由（--reason）；只看影响请加 --dry-run")
    _print_dry_run(args, client.change_retention_policy(changes, profile, args.reason))
    print("已保存。")
    return 0


def _print_policy(args: argparse.Namespace, client: ArchiveClient) -> int:
    view = client.retention_policy()
    if args.format == "json":
        print(json.dumps(_json(view), ensure_ascii=False, indent=1))
        return 0
    print(f"单位类型：{view.profile.value}")
    print("保存类别：")
    for row in view.classes:
        period = "永久" if row.months is None else f"{row.months} 个月"
        print(f"  {row.code}\t{row.name}\t{period}\t{row.basis}")
    print("规则（适用多条时取最长）：")
    for rule in view.rules:
        print(f"  {rule.trigger}\t→ {rule.class_code}\t{format_time(rule.changed_at)}\t{rule.changed_by}")
    return 0


def _print_dry_run(args: argparse.Namespace, priced: PolicyDryRun) -> None:
    if args.format == "json":
        print(json.dumps(_json(priced), ensure_ascii=False, indent=1))
        return
    for rule in priced.changes:
        print(f"规则 {rule.trigger} → {rule.class_code or '（删除）'}")
    windows = "，".join(
        f"{days} 天内到期 {count} 个" for days, count in zip(QUEUE_HORIZONS, priced.expire_within, strict=True)
    )
    print(
        f"保存期限缩短 {priced.shortened} 个文件，延长 {priced.lengthened} 个；"
        f"缩短后立即到期 {priced.expire_now} 个，{windows}"
    )
    if priced.held:
        print(f"其中 {priced.held} 个处于法律保全，保全期间不会销毁")
    for row in priced.dates:
        print(f"  {row.keep_until}\t{row.unit_code or '待分配'}\t{row.clips} 个文件")


def _queue(args: argparse.Namespace, client: ArchiveClient) -> int:
    summary = client.expiry_summary()
    rows = client.expiry_queue(args.days, args.unit, args.limit, 0)
    if args.format == "json":
        print(
            json.dumps(
                {"units": [_json(row) for row in summary], "clips": [_json(row) for row in rows]},
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    header = "\t".join(f"{days}天内" for days in QUEUE_HORIZONS)
    print(f"单位\t已到期\t{header}\t保全\t已申请销毁")
    for unit in summary:
        within = "\t".join(str(count) for count in unit.within)
        print(f"{unit.unit_code}\t{unit.expired}\t{within}\t{unit.held}\t{unit.requested}")
    print()
    for row in rows:
        reason = (
            f"保全 {','.join(map(str, row.hold_ids))}"
            if row.hold_ids
            else f"销毁申请 {row.request_id}"
            if row.request_id
            else row.rule
        )
        print(
            f"{row.clip_id}\t{row.status.value}\t{row.keep_until}\t{row.unit_code}\t{row.badge_no or ''}\t"
            f"{row.original_name}\t{row.class_code}\t{reason}"
        )
    return 0


def _hold(args: argparse.Namespace, client: ArchiveClient) -> int:
    row = client.place_hold(args.clips, args.reason)
    print(f"已保全 {row.id}\t{row.clip_count} 个文件\t{row.reason}")
    return 0


def _release(args: argparse.Namespace, client: ArchiveClient) -> int:
    row = client.release_hold(args.hold_id, args.reason)
    print(f"已解除保全 {row.id}\t{row.release_reason}")
    return 0


def _holds(args: argparse.Namespace, client: ArchiveClient) -> int:
    for row in client.legal_holds(args.all):
        released = f"\t已解除 {format_time(row.released_at)} {row.released_by}" if row.released_at else ""
        print(
            f"{row.id}\t{row.clip_count} 个文件\t{row.placed_by}\t{format_time(row.placed_at)}\t{row.reason}{released}"
        )
    return 0


def _explain(args: argparse.Namespace, client: ArchiveClient) -> int:
    found = client.clip_retention(args.clip_id)
    print(f"文件 {found.clip_id}：{found.class_code}，保存至 {found.keep_until or '永久'}（依据 {found.rule}）")
    for rule in found.applied:
        period = "永久" if rule.months is None else f"{rule.months} 个月"
        print(f"  {'*' if rule.governs else ' '} {rule.trigger}\t{rule.class_code}\t{period}")
    for hold in found.holds:
        print(f"  法律保全 {hold.id}：{hold.reason}")
    return 0


def _site(args: argparse.Namespace, client: ArchiveClient) -> int:
    site = None if args.site == NO_SITE else SiteCategory(args.site)
    change = client.set_site_category(args.clip_id, site, args.reason)
    if change is None:
        print("已更正；保存期限不变。")
    else:
        print(
            f"已更正；保存期限 {change.keep_until_before or '永久'} → "
            f"{change.keep_until_after or '永久'}（{change.rule_after}）"
        )
    return 0


def _usage(text: str) -> int:
    print(f"错误：{text}", file=sys.stderr)
    return 2


def _json(value: Any) -> Any:
    """A dataclass as JSON values: enums as codes, times with the archive's offset, dates as YYYY-MM-DD."""
    return _plain(asdict(value))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {name: _plain(item) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return json_value(value)
