"""The audit log is hash-chained: an edited, deleted, reordered or cut-off row is found by verify."""

import threading

import pytest
from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.tamper import record_events, tamper
from workstation import audit, cli
from workstation.archive import Archive


def _problems(archive) -> list[tuple[int, str]]:
    with archive.sessions.read() as session:
        result = audit.verify_chain(session, batch_size=3)
    return [(problem.seq, problem.problem) for problem in result.problems]


def test_an_untouched_chain_verifies(archive):
    record_events(archive, 10)
    with archive.sessions.read() as session:
        result = audit.verify_chain(session, batch_size=3)
    assert result.ok and result.events_checked == 10


def test_a_rollback_leaves_no_audit_row(archive):
    with pytest.raises(RuntimeError), archive.sessions.write() as session:
        audit.record(session, "admin", "clip.mark", "clip", 1)
        raise RuntimeError("the change failed")
    with archive.sessions.read() as session:
        assert session.execute(select(AuditEvent)).first() is None
        assert audit.verify_chain(session).ok


def test_an_edited_row_is_found(archive):
    record_events(archive, 6)
    tamper(archive, "UPDATE audit_events SET actor = 'someone_else' WHERE seq = 4")
    assert _problems(archive) == [(4, "hash")]


def test_a_deleted_row_is_found(archive):
    record_events(archive, 6)
    tamper(archive, "DELETE FROM audit_events WHERE seq = 3")
    assert _problems(archive) == [(4, "gap")]


def test_reordered_rows_are_found(archive):
    record_events(archive, 6)
    tamper(
        archive,
        "UPDATE audit_events SET seq = 100 WHERE seq = 2",
        "UPDATE audit_events SET seq = 2 WHERE seq = 3",
        "UPDATE audit_events SET seq = 3 WHERE seq = 100",
    )
    assert {problem for _, problem in _problems(archive)} == {"gap", "hash"}


def test_a_cut_off_tail_is_found(archive):
    record_events(archive, 6)
    tamper(archive, "DELETE FROM audit_events WHERE seq >= 5")
    assert _problems(archive) == [(6, "head")]


def test_concurrent_writers_keep_one_gap_free_chain(archive):
    threads = [threading.Thread(target=record_events, args=(archive, 15, f"user{n}")) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with archive.sessions.read() as session:
        result = audit.verify_chain(session)
    assert result.ok and result.events_checked == 60


def test_cli_audit_verify_exits_1_on_tampering(tmp_path, capsys):
    folder = tmp_path / "archive"
    assert cli.main(["--archive", str(folder), "db", "upgrade"]) == 0
    assert cli.main(["--archive", str(folder), "audit", "verify"]) == 0
    archive = Archive.open_embedded(folder)
    record_events(archive, 3)
    tamper(archive, "UPDATE audit_events SET details = '{}' WHERE seq = 2")
    archive.close()
    capsys.readouterr()
    assert cli.main(["--archive", str(folder), "audit", "verify"]) == 1
    assert "hash\t2\t记录内容被修改" in capsys.readouterr().out
