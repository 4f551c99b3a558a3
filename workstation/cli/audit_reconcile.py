"""`workstation audit reconcile`: replay the audit log's events of the security-relevant state and print
every row whose current state the log does not explain (exit code 1), here or through the server."""

import argparse
import sys

from workstation.cli.target import acting_client
from workstation.identity import Identity
from workstation.integrity.types import Discrepancy


def run(args: argparse.Namespace, actor: Identity) -> int:
    with acting_client(args, actor) as client:
        report = client.reconcile_audit()
    for discrepancy in report.discrepancies:
        print(describe(discrepancy))
    outcome = "全部相符" if report.ok else f"发现 {report.discrepancy_count} 处审计日志无法说明的状态"
    if report.discrepancy_count > len(report.discrepancies):
        outcome += f"（列出前 {len(report.discrepancies)} 处）"
    print(f"已回放 {report.events_replayed} 条审计事件，核对 {report.rows_checked} 行：{outcome}", file=sys.stderr)
    return 0 if report.ok else 1


def describe(discrepancy: Discrepancy) -> str:
    """One line naming the table, row and field, the current value and the value the log explains."""
    where = f"表 {discrepancy.table} 第 {discrepancy.row_id} 行 字段 {discrepancy.field}"
    if discrepancy.explained is None:
        return f"{where}：当前值「{discrepancy.current}」，审计日志中没有说明它的事件"
    return (
        f"{where}：当前值「{discrepancy.current}」，审计日志说明的值「{discrepancy.explained}」"
        f"（最后设定它的事件序号 {discrepancy.seq}）"
    )
