"""`workstation report tasks|task-add|task-remove|run-due|mail-password` as a user and the OS scheduler type
them, beside the one-off `report --kind … --out FILE` form (a contract, tested in test_reports too)."""

import io
from datetime import datetime

import pytest

from tests.helpers.access_builders import add_users, build_access_org
from tests.helpers.smtp_server import LOGIN, PASSWORD, free_port, smtp_server
from workstation import cli, clock, config
from workstation.archive import Archive
from workstation.types import Role

pytestmark = pytest.mark.clock


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    build_access_org(archive)
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01"), ("reviewer", Role.REVIEWER, "ZD01")])
    archive.close()
    return folder


def _run(folder, *arguments: str, at: datetime | None = None) -> int:
    with clock.simulated(at or clock.now()):
        return cli.main(["--archive", str(folder), "report", *arguments])


def _next_run(capsys) -> datetime:
    line = capsys.readouterr().out.strip().splitlines()[-1]
    return datetime.fromisoformat(line.split("下次 ")[1].split("\t")[0])


def test_a_drop_folder_task_from_adding_to_delivery_and_removal(folder, tmp_path, capsys):
    drop = tmp_path / "drop"
    drop.mkdir()
    task = ("task-add", "--user", "admin_zd01", "--kind", "devices", "--unit", "ZD01", "--format", "xlsx")
    assert _run(folder, *task, "--period", "week", "--weekly", "1", "--hour", "7", "--drop-folder", str(drop)) == 0
    due = _next_run(capsys)
    assert due.isoweekday() == 1 and due.hour == 7 and due > clock.now()
    assert _run(folder, "run-due", at=due) == 0
    assert "到期 1 份，送达 1 份，失败 0 份" in capsys.readouterr().err
    [report] = drop.iterdir()
    assert report.suffix == ".xlsx"
    assert _run(folder, "tasks", "--user", "admin_zd01") == 0
    assert "已送达" in capsys.readouterr().out
    assert _run(folder, "task-remove", "1", "--user", "admin_zd01") == 0
    assert _run(folder, "tasks") == 0
    assert capsys.readouterr().out.count("\n") == 1  # "已删除报表任务 1" only


def test_run_due_exits_1_when_a_delivery_failed_and_lists_it(folder, capsys, tmp_path, monkeypatch):
    config.settings_path().parent.mkdir(parents=True, exist_ok=True)
    with smtp_server(tmp_path / "tls") as server:
        certificate = server.certificate
    settings = (
        f'[mail]\nhost = "127.0.0.1"\nport = {free_port()}\nsecurity = "starttls"\nsender = "stats@zd01.example"\n'
        f'user = "{LOGIN}"\nca_file = "{certificate.as_posix()}"\ntimeout_s = 5\n'
    )
    config.settings_path().write_text(settings, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert cli.main(["report", "mail-password", "--password-stdin"]) == 0
    task = ("task-add", "--user", "admin_zd01", "--kind", "workload", "--unit", "ZD01", "--format", "html")
    assert _run(folder, *task, "--period", "month", "--monthly", "1", "--hour", "6", "--mail", "a@zd01.example") == 0
    due = _next_run(capsys)
    assert due.day == 1 and due.hour == 6
    assert _run(folder, "run-due", at=due) == 1
    assert "无法连接邮件服务器 127.0.0.1" in capsys.readouterr().err
    assert _run(folder, "tasks", at=due) == 0
    assert "待重试" in capsys.readouterr().out
    assert _run(folder, "run-due", at=due) == 0  # nothing due before the pause is over


def test_refusals_and_the_one_off_form(folder, tmp_path, capsys):
    add = ("task-add", "--kind", "workload", "--unit", "ZD01", "--format", "html", "--period", "day", "--daily")
    assert _run(folder, *add, "--hour", "8", "--mail", "a@zd01.example", "--user", "reviewer") == 2
    assert "只有管理员" in capsys.readouterr().err
    assert _run(folder, *add, "--mail", "a@zd01.example", "--user", "admin_zd01") == 2
    assert "须给出 --hour" in capsys.readouterr().err
    assert _run(folder, *add, "--hour", "8", "--user", "admin_zd01") == 2
    assert "--mail|--drop-folder" in capsys.readouterr().err
    assert _run(folder, "--kind", "workload", "--from", "2026-11-21", "--to", "2026-11-21") == 2
    assert "须给出 --out" in capsys.readouterr().err
    out = tmp_path / "r.html"
    one_off = ("--kind", "workload", "--from", "2026-11-21", "--to", "2026-11-21", "--unit", "ZD01")
    assert _run(folder, *one_off, "--user", "admin_zd01", "--out", str(out)) == 0 and out.is_file()
    with pytest.raises(SystemExit) as usage:
        cli.main(["report", "send-now"])
    assert usage.value.code == 2
