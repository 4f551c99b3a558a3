"""Every failure a user can cause gets a plain message and exit code 2, never a traceback, and loses nothing.

The commands run in-process through `cli.main` (what the `workstation` executable calls), so an escaping
exception fails the test; one case runs the real executable to show what a user sees on the terminal.
"""

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from sqlalchemy import text

from db import migrate
from tests.helpers.builders import build_org, recorder_dump, whole_archive
from tests.helpers.postgres import stop_server, throwaway_server
from workstation import cli, config
from workstation.archive import EMBEDDED_DATABASE, Archive
from workstation.errors import ArchiveUnavailable
from workstation.footage import clips
from workstation.footage.ingest import IngestOptions, ingest
from workstation.identity import Identity
from workstation.profiles import PROFILES_FILE, Profile, save_profile

REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    """Run a command as the executable does; returns (exit code, stdout, stderr)."""
    try:
        code = cli.main(list(words))
    except SystemExit as exit_info:  # argparse's usage errors
        code = exit_info.code if isinstance(exit_info.code, int) else 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.out, captured.err


@pytest.fixture
def embedded(tmp_path: Path) -> Path:
    """An embedded archive with an organisation and three clips; closed again (a folder on disk)."""
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    build_org(archive)
    recorder_dump(tmp_path / "dump", "DEV0001", "010203", datetime(2026, 11, 20, 9), clips=3)
    ingest(archive, [tmp_path / "dump"], IngestOptions(station="test", who=Identity.user("test")))
    archive.close()
    return folder


# --- the archive database ---------------------------------------------------------------------------


def test_a_truncated_database_file_is_reported_as_damaged(embedded, capsys):
    database = embedded / EMBEDDED_DATABASE
    _checkpoint(database)
    size = database.stat().st_size
    page = int.from_bytes(database.read_bytes()[16:18], "big")
    half = size // 2 // page * page  # whole pages: cut off, not torn mid-page
    with database.open("r+b") as handle:
        handle.truncate(half)
    code, _, err = run(capsys, "--archive", str(embedded), "clips")
    assert code == 2 and "已损坏" in err and "截断" in err and "备份" in err
    assert database.stat().st_size == half, "nothing was written to the damaged file"


def test_a_partly_overwritten_database_file_is_reported_as_damaged(embedded, capsys):
    database = embedded / EMBEDDED_DATABASE
    _checkpoint(database)
    data = bytearray(database.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes((index * 7919) % 251 for index in range(len(data) - page))  # all but the first page
    database.write_bytes(bytes(data))
    code, _, err = run(capsys, "--archive", str(embedded), "clips")
    assert code == 2 and "已损坏" in err and "Traceback" not in err


def test_a_file_that_is_not_a_database_is_reported(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / EMBEDDED_DATABASE).write_bytes(b"PK\x03\x04 this is a zip file, not an archive" * 100)
    code, _, err = run(capsys, "--archive", str(folder), "verify")
    assert code == 2 and "文件头不是 SQLite 数据库" in err


def test_an_archive_newer_than_the_program_says_upgrade_the_program(embedded, capsys):
    with closing(sqlite3.connect(embedded / EMBEDDED_DATABASE)) as connection, connection:
        connection.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    for command in (["clips"], ["db", "upgrade"]):
        code, _, err = run(capsys, "--archive", str(embedded), *command)
        assert code == 2 and "更新版本的程序" in err and "请安装最新版本" in err, command


def test_a_shared_archive_newer_than_the_program_is_refused_by_db_upgrade_too(postgres_database, tmp_path, capsys):
    archive = Archive.open_url(postgres_database, tmp_path)
    with archive.engine.begin() as connection:
        connection.execute(text("INSERT INTO alembic_version VALUES ('9999_from_the_future')"))
    archive.close()
    save_profile(
        Profile(name="branch", kind="postgresql", **_server_fields(postgres_database), media_root=str(tmp_path))
    )
    keyring.set_password("bodycam-workstation", "branch:test", "test")
    code, _, err = run(capsys, "--profile", "branch", "db", "upgrade")
    assert code == 2 and "更新版本的程序" in err


def test_a_failed_migration_is_not_reported_as_a_connection_problem(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    with (
        closing(sqlite3.connect(folder / EMBEDDED_DATABASE)) as connection,
        connection,
    ):  # says "at the first revision", has no tables
        first = sorted(migrate.known_revisions())[0]
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (first,))
    code, _, err = run(capsys, "--archive", str(folder), "clips")
    assert code == 2 and "升级失败" in err and "无法连接" not in err


def test_a_database_locked_beyond_the_wait_is_reported_as_busy(embedded, capsys, isolated_config):
    isolated_config.mkdir(parents=True, exist_ok=True)
    (isolated_config / config.SETTINGS_FILE).write_text("[archive]\nbusy_timeout_s = 0.5\n", encoding="utf-8")
    holder = sqlite3.connect(embedded / EMBEDDED_DATABASE, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the lock
    try:
        code, _, err = run(capsys, "--archive", str(embedded), "verify")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and "正被另一个程序写入" in err and "稍后重试" in err


def test_postgresql_going_away_mid_command_is_a_plain_message(tmp_path):
    with throwaway_server() as url:
        (tmp_path / "media").mkdir()
        archive = Archive.open_url(url, tmp_path / "media", upgrade=True)
        with archive.sessions.read() as session:
            clips.list_clips(session, clips.ClipFilter(), limit=1, scope=whole_archive(session))
        stop_server(url)  # the pool still holds the connection the server just dropped
        with pytest.raises(ArchiveUnavailable, match="database_unreachable"), archive.sessions.read() as session:
            clips.list_clips(session, clips.ClipFilter(), limit=1, scope=whole_archive(session))
        archive.close()


# --- configuration and profiles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[spotcheck\nratio = 0.1\n", "语法错误"),
        ('[spotcheck]\nratio = "10%"\nclaim_minutes = "thirty"\n', "claim_minutes 应为整数"),
        ("[ingest]\npatterns = 5\n", "patterns 应为列表"),
        ('[[ingest.patterns]]\nregex = "x"\n', "缺少 name"),
        ("[spotchek]\nratio = 0.1\n", "未知的设置节 [spotchek]"),
    ],
    ids=["syntax", "type", "patterns-type", "pattern-key", "unknown-section"],
)
def test_a_bad_settings_file_is_named_with_the_problem(embedded, capsys, isolated_config, content, expected):
    isolated_config.mkdir(parents=True, exist_ok=True)
    (isolated_config / config.SETTINGS_FILE).write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "--archive", str(embedded), "spotcheck", "draw", "--date", "2026-11-20")
    assert code == 2 and expected in err and config.SETTINGS_FILE in err


def test_the_smoke_test_checks_the_settings_file(isolated_config, tmp_path):
    from ui.shell.smoke_test import check_settings
    from workstation.errors import SettingsError

    path = tmp_path / config.SETTINGS_FILE
    assert "无配置文件" in check_settings(path)
    path.write_text('[spotcheck]\nratio = "10%"\n', encoding="utf-8")
    assert "0 条厂商文件名规则" in check_settings(path)
    path.write_text('[spotcheck]\nratio = "150%"\n', encoding="utf-8")
    with pytest.raises(Exception, match="比例"):
        check_settings(path)
    path.write_text("[archive]\nbusy_timeout_s = true\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="busy_timeout_s"):
        check_settings(path)


def test_no_credential_store_leaves_no_half_written_profile(isolated_config, capsys, monkeypatch):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setattr(sys, "stdin", _Lines("secret\n"))
    code, _, err = run(
        capsys, "profile", "add", "branch", "--host", "db", "--database", "a", "--user", "u",
        "--media-root", "/srv/media", "--password-stdin",
    )  # fmt: skip
    assert code == 2 and "凭据管理器" in err and "连接配置没有保存" in err
    assert not (isolated_config / PROFILES_FILE).exists()


def test_a_corrupt_profiles_file_is_named(isolated_config, capsys):
    isolated_config.mkdir(parents=True, exist_ok=True)
    (isolated_config / PROFILES_FILE).write_text('{"branch": {"kind": "postgresql", "host": ', encoding="utf-8")
    for words in (["profile", "list"], ["--profile", "branch", "clips"]):
        code, _, err = run(capsys, *words)
        assert code == 2 and "连接配置文件" in err and "已损坏" in err, words
    (isolated_config / PROFILES_FILE).write_text('["not", "profiles"]', encoding="utf-8")
    assert run(capsys, "profile", "list")[0] == 2


# --- command-line values -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["spotcheck", "draw", "--date", "2026-11-20", "--ratio=-5%"], "比例"),
        (["spotcheck", "draw", "--date", "2026-11-20", "--ratio", "1e9"], "比例"),
        (["spotcheck", "draw", "--date", "2026-11-20", "--min", "-1"], "超出范围"),
        (["spotcheck", "draw", "--date", "0001-01-01"], "超出范围"),
        (["spotcheck", "list", "--date", "2026-02-30"], "不是日期"),
        (["clips", "--from", "9999-12-31"], "超出范围"),
        (["clips", "--limit", "-1"], "超出范围"),
        (["ingest", "X", "--parallel", "0"], "超出范围"),
        (
            ["access", "request", "--user", "a", "--officer", "1", "--reason", "r", "--from", "0001-01-01T00:00"],
            "超出范围",
        ),
        (["access", "approve", "-3", "--user", "a"], "超出范围"),
        (["demo", "--days", "100000"], "超出范围"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_bad_values_are_usage_errors(capsys, tmp_path, words, expected):
    code, _, err = run(capsys, "--archive", str(tmp_path / "none"), *words)
    assert code == 2 and expected in err


def test_an_output_file_that_is_a_folder_or_in_a_missing_folder_is_refused(embedded, capsys, tmp_path):
    for out, expected in ((tmp_path, "是文件夹"), (tmp_path / "missing" / "台帐.xlsx", "不存在")):
        code, _, err = run(
            capsys, "--archive", str(embedded), "ledger", "export", "--from", "2026-11-01", "--to", "2026-11-30",
            "--out", str(out),
        )  # fmt: skip
        assert code == 2 and expected in err
    assert not (tmp_path / "missing").exists()


# --- clips as JSON: all rows ---------------------------------------------------------------------------


def test_json_lists_every_clip_unless_limited_and_the_table_says_when_it_pages(embedded, capsys, tmp_path):
    archive = Archive.open_embedded(embedded)
    recorder_dump(tmp_path / "more", "DEV0002", "010204", datetime(2026, 11, 21, 8), clips=110, seed=3)
    ingest(archive, [tmp_path / "more"], IngestOptions(station="test", who=Identity.user("test")))
    archive.close()
    code, out, _ = run(capsys, "--archive", str(embedded), "clips", "--format", "json")
    total = len(json.loads(out))
    assert code == 0 and total == 3 + 110 + 2  # the clips and the two recorder logs
    code, out, _ = run(capsys, "--archive", str(embedded), "clips", "--format", "json", "--limit", "7")
    assert len(json.loads(out)) == 7
    code, out, err = run(capsys, "--archive", str(embedded), "clips")
    assert len(out.splitlines()) == cli.TABLE_PAGE and "还有更多" in err
    code, out, err = run(capsys, "--archive", str(embedded), "clips", "--limit", "0")
    assert len(out.splitlines()) == total and f"共 {total} 条" in err


# --- what a user sees on the terminal ------------------------------------------------------------------


def test_the_executable_prints_a_message_not_a_traceback(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / EMBEDDED_DATABASE).write_bytes(b"\x00" * 4096)
    result = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--archive", str(folder), "clips", "--format", "json"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("错误：档案库数据库文件已损坏") and "Traceback" not in result.stderr


def test_an_unexpected_error_is_logged_for_support(capsys, isolated_config, monkeypatch):
    def broken(_args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(cli, "_verify", broken)
    code, _, err = run(capsys, "verify")
    assert code == 2 and "程序内部错误（ZeroDivisionError" in err
    log = (isolated_config / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError: a bug" in log


# --- helpers -------------------------------------------------------------------------------------------


class _Lines:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines(keepends=True)

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""


def _checkpoint(database: Path) -> None:
    """Fold the WAL into the database file, as a closed archive is on disk."""
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _server_fields(url: str) -> dict[str, object]:
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    return {"host": parts.host, "port": parts.port, "database": parts.database, "user": parts.username}
