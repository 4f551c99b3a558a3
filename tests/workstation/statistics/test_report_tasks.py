"""Scheduled reports against a real SMTP server on loopback (aiosmtpd): STARTTLS with a self-signed certificate
the client is told to trust, sign-in checked, the report attached with a Chinese subject and body; a server
that is down, refuses the sign-in or is not trusted → retried with backoff, then marked failed and listed; the
drop folder; who may set up tasks. On SQLite and PostgreSQL."""

import io
import json
from datetime import timedelta

import openpyxl
import pytest
from sqlalchemy import select

from db.models import AuditEvent, User
from tests.helpers.access_builders import add_users, build_access_org
from tests.helpers.smtp_server import LOGIN, PASSWORD, free_port, smtp_server
from workstation import clock
from workstation.errors import PermissionDenied, ReportTaskError
from workstation.identity import Identity
from workstation.statistics import delivery, dispatch, tasks
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

ADMIN = Identity.user("admin_zd01")
RUNNER = Identity.system("report-scheduler")


@pytest.fixture
def org(archive):
    build_access_org(archive)
    add_users(
        archive,
        [("admin_zd01", Role.ADMIN, "ZD01"), ("admin_dd01", Role.ADMIN, "DD01"), ("reviewer", Role.REVIEWER, "ZD01")],
    )
    return archive


def _spec(fmt=ReportFormat.HTML, recipients=("leader@zd01.example", "duty@zd01.example"), drop_folder=""):
    return ReportTaskSpec(
        ReportKind.WORKLOAD, "ZD01", fmt, ReportPeriod.DAY, Schedule(Frequency.DAILY, 8), recipients, drop_folder
    )


def _add(archive, spec, who=ADMIN):
    with archive.sessions.write() as session:
        return tasks.add_task(session, who, spec, clock.now())


def _mail(port, certificate, password=PASSWORD):
    delivery.save_mail_password(delivery.MailSettings("127.0.0.1", port, "starttls", "", LOGIN), password)
    return delivery.MailSettings("127.0.0.1", port, "starttls", "stats@zd01.example", LOGIN, str(certificate), 10)


def _listed(archive, who=ADMIN):
    with archive.sessions.read() as session:
        return tasks.list_tasks(session, who, clock.now())


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_a_due_report_is_mailed_over_starttls_with_the_report_attached(org, tmp_path, fmt):
    task = _add(org, _spec(fmt))
    assert task.next_run_at.hour == 8 and task.next_run_at > clock.now()
    with smtp_server(tmp_path / "tls") as server:
        mail = _mail(server.port, server.certificate)
        assert dispatch.run_due(org.sessions, RUNNER, mail, task.next_run_at - timedelta(seconds=1)).scheduled == 0
        summary = dispatch.run_due(org.sessions, RUNNER, mail, task.next_run_at)
    assert summary.scheduled == 1 and not summary.failed and len(summary.delivered) == 1
    [(sender, recipients, message)] = server.inbox.received
    assert sender == "stats@zd01.example" and recipients == ["leader@zd01.example", "duty@zd01.example"]
    day = (task.next_run_at - timedelta(days=1)).date()
    assert message["Subject"] == f"执法记录仪视音频工作量统计（ZD01，{day} 至 {day}）"
    body = message.get_body(("plain",)).get_content()
    assert "制表时间" in body and "审计链头" in body and f"报表任务 {task.id}" in body
    [attachment] = message.iter_attachments()
    assert attachment.get_filename() == f"执法记录仪视音频工作量统计_ZD01_{day}_{day}.{fmt.value}"
    content = attachment.get_content()
    if fmt is ReportFormat.HTML:
        assert f"期间：{day} 至 {day}" in content  # a day without footage: its chart says so instead of empty bars
        assert "各单位资料时长（小时）：各项均为 0，未绘图" in content and "</html>" in content
    else:
        assert openpyxl.load_workbook(io.BytesIO(content)).sheetnames[0] == "概要"
    [row] = _listed(org)
    assert row.last is not None and row.last.status is DeliveryStatus.DELIVERED and row.last.attempts == 1
    assert row.next_run_at == task.next_run_at + timedelta(days=1)
    with org.sessions.read() as session:
        actions = session.execute(select(AuditEvent.action, AuditEvent.actor)).all()
    assert ("report_task.create", "admin_zd01") in actions and ("report.sent", "system:report-scheduler") in actions


def test_a_server_that_is_down_is_tried_again_with_backoff_then_the_delivery_is_marked_failed(org, tmp_path):
    task = _add(org, _spec())
    with smtp_server(tmp_path / "tls") as server:
        certificate = server.certificate
    mail = _mail(free_port(), certificate)  # nothing listens there
    now = task.next_run_at
    for attempt in range(1, dispatch.MAX_ATTEMPTS + 1):
        summary = dispatch.run_due(org.sessions, RUNNER, mail, now)
        [(row, task_id)] = summary.failed
        assert task_id == task.id and row.attempts == attempt and row.error_code == "mail_unreachable"
        if attempt < dispatch.MAX_ATTEMPTS:
            assert row.status is DeliveryStatus.PENDING and row.retry_at == now + dispatch.RETRY_AFTER[attempt - 1]
            early = dispatch.run_due(org.sessions, RUNNER, mail, row.retry_at - timedelta(seconds=1))
            assert not early.failed and not early.delivered  # not before its pause is over
            now = row.retry_at
    assert row.status is DeliveryStatus.FAILED
    assert dispatch.run_due(org.sessions, RUNNER, mail, now + timedelta(hours=3)).failed == ()  # not tried again
    [listed] = _listed(org)
    assert listed.failed == 1 and listed.last is not None and listed.last.error_code == "mail_unreachable"
    with org.sessions.read() as session:
        failures = session.execute(select(AuditEvent).where(AuditEvent.action == "report.failed")).scalars().all()
    assert [json.loads(event.details)["final"] for event in failures] == [False, False, False, True]


def test_a_refused_sign_in_is_retried_and_delivered_once_the_password_is_right(org, tmp_path):
    task = _add(org, _spec())
    with smtp_server(tmp_path / "tls") as server:
        wrong = _mail(server.port, server.certificate, password="wrong")
        [(row, _)] = dispatch.run_due(org.sessions, RUNNER, wrong, task.next_run_at).failed
        assert row.error_code == "mail_sign_in_failed" and not server.inbox.received
        right = _mail(server.port, server.certificate)
        summary = dispatch.run_due(org.sessions, RUNNER, right, row.retry_at)
    assert [row.attempts for row, _ in summary.delivered] == [2] and len(server.inbox.received) == 1


def test_an_untrusted_certificate_is_refused(org, tmp_path):
    task = _add(org, _spec())
    with smtp_server(tmp_path / "tls") as server:
        mail = _mail(server.port, server.certificate)
        untrusted = delivery.MailSettings("127.0.0.1", server.port, "starttls", mail.sender, LOGIN, "", 10)
        [(row, _)] = dispatch.run_due(org.sessions, RUNNER, untrusted, task.next_run_at).failed
    assert row.error_code == "mail_tls_failed" and not server.inbox.received


def test_the_drop_folder_receives_the_report(org, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    task = _add(org, _spec(ReportFormat.XLSX, recipients=(), drop_folder=str(folder)))
    summary = dispatch.run_due(org.sessions, RUNNER, None, task.next_run_at)
    assert len(summary.delivered) == 1
    [report] = folder.iterdir()
    assert report.suffix == ".xlsx" and openpyxl.load_workbook(report).sheetnames[0] == "概要"
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()  # gone: the next run's delivery fails and is kept for a retry
    later = dispatch.run_due(org.sessions, RUNNER, None, task.next_run_at + timedelta(days=1))
    assert [row.error_code for row, _ in later.failed] == ["drop_failed"]


def test_mail_without_a_mail_server_fails_clearly(org):
    task = _add(org, _spec())
    [(row, _)] = dispatch.run_due(org.sessions, RUNNER, None, task.next_run_at).failed
    assert row.error_code == "mail_not_configured"


def test_only_administrators_set_up_tasks_for_units_in_their_charge(org, tmp_path):
    with pytest.raises(PermissionDenied) as refusal:
        _add(org, _spec(), Identity.user("reviewer"))
    assert refusal.value.code == "report_task_admin_only"
    with pytest.raises(PermissionDenied) as refusal:
        _add(org, _spec(), Identity.user("admin_dd01"))  # DD01 is below ZD01, not above it
    assert refusal.value.code == "statistics_unit_denied"
    with pytest.raises(PermissionDenied):
        _add(org, _spec(), RUNNER)
    with pytest.raises(ReportTaskError) as refusal:
        _add(org, _spec(recipients=("not an address",)))
    assert refusal.value.code == "report_recipient_invalid"
    with pytest.raises(ReportTaskError) as refusal:
        _add(org, _spec(recipients=(), drop_folder=str(tmp_path / "missing")))
    assert refusal.value.code == "report_drop_folder_invalid"
    task = _add(org, _spec())
    assert _listed(org, Identity.user("admin_dd01")) == [] and len(_listed(org, RUNNER)) == 1
    with pytest.raises(PermissionDenied), org.sessions.write() as session:
        tasks.remove_task(session, Identity.user("admin_dd01"), task.id, clock.now())
    with org.sessions.write() as session:
        tasks.remove_task(session, ADMIN, task.id, clock.now())
    assert _listed(org) == []


def test_the_owner_losing_the_right_refuses_the_report(org, tmp_path):
    task = _add(org, _spec(recipients=(), drop_folder=str(tmp_path)))
    with org.sessions.write() as session:
        session.execute(select(User).where(User.login == "admin_zd01")).scalar_one().active = False
    [(row, _)] = dispatch.run_due(org.sessions, RUNNER, None, task.next_run_at).failed
    assert row.error_code == "user_unknown_or_inactive"
