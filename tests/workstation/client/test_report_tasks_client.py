"""Report tasks through the archive client (SQLite and PostgreSQL): each call in its own transaction as the
client's user; a refusal leaves nothing behind; a delivery that failed in the real dispatch is listed with its
error code and data."""

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, ReportTask
from tests.helpers.access_builders import add_users, build_access_org
from tests.helpers.clients import client_for
from tests.helpers.report_tasks import fail_every_attempt
from workstation.errors import PermissionDenied, ReportTaskError
from workstation.statistics import dispatch
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


@pytest.fixture
def org(archive):
    build_access_org(archive)
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01"), ("admin_dd01", Role.ADMIN, "DD01")])
    add_users(archive, [("reviewer", Role.REVIEWER, "ZD01")])
    return archive


def _spec(folder, unit="ZD01"):
    schedule = Schedule(Frequency.WEEKLY, 7, weekday=1)
    return ReportTaskSpec(ReportKind.DEVICES, unit, ReportFormat.XLSX, ReportPeriod.WEEK, schedule, (), str(folder))


def _counts(archive) -> tuple[int, int]:
    with archive.sessions.read() as session:
        tasks = session.execute(select(func.count()).select_from(ReportTask)).scalar_one()
        audited = session.execute(select(func.count()).where(AuditEvent.action.like("report_task.%"))).scalar_one()
    return tasks, audited


def test_add_list_and_remove_as_the_clients_administrator(org, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    client = client_for(org, "admin_zd01")
    row = client.add_report_task(_spec(drop))
    assert row.owner == "admin_zd01" and row.spec == _spec(drop) and row.last is None and row.failed == 0
    assert row.next_run_at.isoweekday() == 1 and row.next_run_at.hour == 7
    assert [listed.id for listed in client.report_tasks()] == [row.id]
    assert client_for(org, "admin_dd01").report_tasks() == []  # ZD01's task is above DD01's charge
    assert _counts(org) == (1, 1)

    client.remove_report_task(row.id)
    assert client.report_tasks() == [] and _counts(org) == (0, 2)
    with pytest.raises(ReportTaskError, match="report_task_not_found"):
        client.remove_report_task(row.id)


def test_refusals_leave_nothing_behind(org, tmp_path):
    with pytest.raises(PermissionDenied, match="report_task_admin_only"):
        client_for(org, "reviewer").add_report_task(_spec(tmp_path))
    with pytest.raises(PermissionDenied, match="report_task_admin_only"):
        client_for(org, "reviewer").report_tasks()
    with pytest.raises(PermissionDenied, match="statistics_unit_denied"):
        client_for(org, "admin_dd01").add_report_task(_spec(tmp_path))
    with pytest.raises(ReportTaskError, match="report_drop_folder_invalid"):
        client_for(org, "admin_zd01").add_report_task(_spec(tmp_path / "missing"))
    assert _counts(org) == (0, 0)
    row = client_for(org, "admin_zd01").add_report_task(_spec(tmp_path))
    with pytest.raises(PermissionDenied, match="statistics_unit_denied"):
        client_for(org, "admin_dd01").remove_report_task(row.id)
    assert _counts(org) == (1, 1)


def test_a_failed_delivery_is_listed_with_its_error(org, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    client = client_for(org, "admin_zd01")
    row = client.add_report_task(_spec(drop))
    fail_every_attempt(org, row)  # the drop folder is gone before the run: the real dispatch cannot deliver
    [listed] = client.report_tasks()
    assert listed.failed == 1 and listed.last is not None
    assert listed.last.status is DeliveryStatus.FAILED and listed.last.attempts == dispatch.MAX_ATTEMPTS
    assert listed.last.error_code == "drop_failed" and dict(listed.last.error_data)["folder"] == str(drop)
