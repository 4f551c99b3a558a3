"""Report tasks through the archive server: the client calls as the token's user (a failed delivery's error
arrives with its data), and the command line's `report tasks|task-add|task-remove --server` forms, while
`run-due` and `mail-password` stay with the archive."""

import pytest

from tests.helpers.access_builders import add_users, build_access_org
from tests.helpers.archive_server import running_server
from tests.helpers.remote_clients import signed_in_clients
from tests.helpers.report_tasks import fail_every_attempt
from workstation import cli
from workstation.cli.target import store_token
from workstation.errors import PermissionDenied
from workstation.statistics.types import (
    DeliveryStatus,
    Frequency,
    ReportFormat,
    ReportKind,
    ReportPeriod,
    ReportTaskSpec,
    Schedule,
)
from workstation.types import Role


def test_report_tasks_over_the_server(archive, database_kind, tmp_path, capsys):
    build_access_org(archive)
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01"), ("reviewer", Role.REVIEWER, "ZD01")])
    drop = tmp_path / "drop"
    drop.mkdir()
    schedule = Schedule(Frequency.MONTHLY, 6, month_day=1)
    spec = ReportTaskSpec(ReportKind.ACCESS, "ZD01", ReportFormat.HTML, ReportPeriod.MONTH, schedule, (), str(drop))
    with running_server(database_kind, archive, tmp_path) as server, signed_in_clients(server) as client:
        admin = client("admin_zd01")
        row = admin.add_report_task(spec)
        assert row.spec == spec and row.owner == "admin_zd01" and row.next_run_at.day == 1
        with pytest.raises(PermissionDenied, match="report_task_admin_only"):
            client("reviewer").add_report_task(spec)
        fail_every_attempt(archive, row)
        [listed] = admin.report_tasks()
        assert listed.failed == 1 and listed.last is not None and listed.last.status is DeliveryStatus.FAILED
        assert listed.last.error_code == "drop_failed" and dict(listed.last.error_data)["folder"] == str(drop)

        store_token(server.url, admin.connection.token)  # `workstation --server URL login` as admin_zd01
        remote = ["--server", server.url, "--pin", str(server.pin), "report"]
        assert cli.main([*remote, "tasks"]) == 0
        assert "失败 1 次（已停止重试）" in capsys.readouterr().out
        drop.mkdir()
        add = ["task-add", "--kind", "workload", "--unit", "DD01", "--format", "xlsx", "--period", "day"]
        assert cli.main([*remote, *add, "--daily", "--hour", "8", "--drop-folder", str(drop)]) == 0
        assert "\tDD01\txlsx\t前一天\t每天 08:00\t" in capsys.readouterr().out
        assert cli.main([*remote, "task-remove", str(row.id)]) == 0
        assert [task.spec.unit_code for task in admin.report_tasks()] == ["DD01"]
        assert cli.main([*remote, "tasks", "--user", "admin_zd01"]) == 2  # the server knows the user
        assert "--user" in capsys.readouterr().err
        for local_only in ("run-due", "mail-password"):
            assert cli.main([*remote, local_only]) == 2
            assert f"report {local_only} 只能用于本机打开的档案库" in capsys.readouterr().err
