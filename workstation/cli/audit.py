"""`workstation audit verify|anchor|reconcile|rotate-key|export-key|import-key`: the audit log from the command line.

    audit verify [--anchor FILE] [--head SEQ:HEX ...] [--incremental]
    audit anchor --out FILE          verify from the file's last anchor, then append the current head to it
    audit reconcile                  state the log does not explain (workstation.cli.audit_reconcile)
    audit rotate-key | export-key --out FILE | import-key --from FILE     (where the keys are; not --server)

`verify`, `anchor` and `reconcile` work on an archive opened here (showing progress) and through the archive server.
Exit codes: 0 intact; 1 a problem was found (each printed as `problem<TAB>seq<TAB>meaning`); 2 could not run.
"""

import argparse
import sys
from pathlib import Path
from typing import Any

from workstation import clock
from workstation.access import audit_viewer
from workstation.audit import anchors, key_admin
from workstation.cli import audit_reconcile
from workstation.cli.target import acting_client, open_archive, remote
from workstation.identity import Identity
from workstation.types import AuditVerification, ChainAnchor

MEANING = {
    "hash": "记录内容被修改或伪造（摘要与审计密钥不符）",
    "gap": "记录被删除、插入或顺序被打乱",
    "head": "链头与日志末尾不符（末尾被截断或链头被改动）",
    "key": "记录所用的审计密钥不在本机密钥库中",
    "unkeyed": "启用审计密钥之后出现了未加密钥的记录",
    "anchor": "日志不再经过此锚点（锚点之前的历史被改写或截断）",
}


def add_parser(commands: Any) -> None:
    """Add the `audit` command to the CLI's subparsers."""
    audit_cmd = commands.add_parser("audit", help="审计日志：校验、锚点与审计密钥")
    actions = audit_cmd.add_subparsers(dest="action", required=True)
    verify = actions.add_parser("verify", help="校验审计链（密钥摘要、连续性、链头）及锚点")
    verify.add_argument("--anchor", type=Path, metavar="FILE", help="锚点文件：校验日志仍经过其中每个锚点")
    verify.add_argument(
        "--head",
        action="append",
        default=[],
        type=_anchor,
        metavar="SEQ:HEX",
        help="台帐或导出件上打印的链头（至少 16 位十六进制），可重复",
    )
    verify.add_argument("--incremental", action="store_true", help="只校验锚点文件最后一个锚点之后的记录")
    anchor = actions.add_parser("anchor", help="校验后把当前链头追加到锚点文件（请保存在档案库以外）")
    anchor.add_argument("--out", type=Path, required=True, metavar="FILE")
    actions.add_parser("reconcile", help="回放审计事件，列出日志无法说明的用户、授权、审批、检查结果、标记和关联")
    actions.add_parser("rotate-key", help="启用新的审计密钥（旧密钥保留用于校验）")
    export = actions.add_parser("export-key", help="把本档案库的审计密钥备份到文件（请离线保管）")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    restore = actions.add_parser("import-key", help="从备份文件恢复本档案库的审计密钥")
    restore.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE")


def run(args: argparse.Namespace, actor: Identity) -> int:
    if args.action == "verify":
        if args.incremental and not args.anchor:
            raise anchors.AnchorError("incremental_needs_anchor_file")
        known = anchors.read_anchors(args.anchor) if args.anchor else []
        since = known[-1] if args.incremental and known else None
        result = _verify(args, actor, [*known, *args.head], since)
        return _report(result)
    if args.action == "anchor":
        result = anchors.extend(args.out, lambda known, since: _verify(args, actor, known, since), clock.now())
        if result.ok:
            print(f"已追加锚点 {result.head} 到 {args.out}", file=sys.stderr)
        return _report(result)
    if args.action == "reconcile":
        return audit_reconcile.run(args, actor)
    return _keys(args, actor)


def _verify(
    args: argparse.Namespace, actor: Identity, known: list[ChainAnchor], since: ChainAnchor | None
) -> AuditVerification:
    if remote(args):
        with acting_client(args, actor) as client:
            return client.verify_audit(known, since)
    archive = open_archive(args)
    try:
        with archive.sessions.read() as session:
            return audit_viewer.verify(session, actor, known, since, _progress if sys.stderr.isatty() else None)
    finally:
        archive.close()


def _progress(done: int, total: int) -> None:
    """On a terminal: one line that counts up (a scheduled run's log gets only the result)."""
    end = "\n" if done == total else ""
    print(f"\r已校验 {done:,} / {total:,} 条", end=end, file=sys.stderr, flush=True)


def _report(result: AuditVerification) -> int:
    for problem in result.problems:
        print(f"{problem.problem}\t{problem.seq}\t{MEANING[problem.problem]}")
    scope = f"第 {result.from_seq + 1} 条起的 " if result.from_seq else " "
    verdict = "完整" if result.ok else "发现篡改"
    print(
        f"已校验{scope}{result.events_checked} 条审计记录、{result.anchors_checked} 个锚点：{verdict}；"
        f"链头 {result.head.printed()}",
        file=sys.stderr,
    )
    return 0 if result.ok else 1


def _keys(args: argparse.Namespace, actor: Identity) -> int:
    archive = open_archive(args)
    try:
        if args.action == "rotate-key":
            key_id = key_admin.rotate_key(archive.sessions, archive.audit_keys, actor.audit_name)
            print(f"已启用新的审计密钥 {key_id}；请重新备份密钥（audit export-key）。", file=sys.stderr)
        elif args.action == "export-key":
            key_admin.export_keys(archive.sessions, archive.audit_keys, args.out, actor.audit_name)
            print(f"审计密钥已备份到 {args.out}：请离线保管，不要与档案库放在一起。", file=sys.stderr)
        else:
            key_admin.import_keys(archive.sessions, archive.audit_keys, args.source, actor.audit_name)
            print("审计密钥已恢复。", file=sys.stderr)
    finally:
        archive.close()
    return 0


def _anchor(text: str) -> ChainAnchor:
    try:
        return anchors.parse_anchor(text)
    except anchors.AnchorError as error:
        raise argparse.ArgumentTypeError(f"“{text}”不是 序号:摘要（至少 16 位十六进制）") from error
