"""The audit keys live outside the database: missing keys fail closed, old chains are sealed by the first keyed
row, rotation and a restored backup keep every row verifiable, a wrong key file is refused."""

import json
import stat
from datetime import datetime

import keyring
import keyring.backends.fail
import pytest
from sqlalchemy import select, text

from db.models import AuditEvent
from tests.helpers.tamper import record_events
from workstation import audit, clock
from workstation.archive import Archive
from workstation.audit import key_admin
from workstation.audit.chain import GENESIS_HASH, row_digest
from workstation.audit.keys import ACCOUNT_KEY_FILE, KEY_FILE_ENV, CredentialKeyStore, FileKeyStore, archive_id
from workstation.errors import AuditKeyUnavailable


def _verify(archive: Archive):
    with archive.sessions.read() as session:
        return audit.verify_chain(session)


def _reopened(archive: Archive) -> Archive:
    """The same archive opened anew (no keys cached)."""
    if archive.folder is not None:
        return Archive.open_embedded(archive.folder)
    return Archive.open_url(archive.engine.url.render_as_string(hide_password=False), archive.media_root)


def test_rows_are_keyed_and_the_key_file_is_private(archive, audit_key_file):
    record_events(archive, 3)
    with archive.sessions.read() as session:
        keys = {row.key_id for row in session.execute(select(AuditEvent)).scalars()}
        identity = archive_id(session)
    assert keys == {"k1"}
    assert stat.S_IMODE(audit_key_file.stat().st_mode) == 0o600
    stored = json.loads(audit_key_file.read_text())["archives"][identity]
    assert stored["keyed_from"] == 1 and stored["current"] == "k1"


def test_without_its_key_nothing_is_recorded_or_verified(archive, tmp_path, monkeypatch):
    record_events(archive, 2)
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "empty-store.json"))
    reopened = _reopened(archive)
    try:
        with pytest.raises(AuditKeyUnavailable) as raised:
            record_events(reopened, 1)
        assert raised.value.code == "audit_key_missing"
        with pytest.raises(AuditKeyUnavailable):
            _verify(reopened)
        with reopened.sessions.read() as session:
            assert session.execute(select(AuditEvent.seq).order_by(AuditEvent.seq.desc())).scalar() == 2
    finally:
        reopened.close()


def test_a_chain_from_before_keys_is_sealed_by_the_first_keyed_row(archive, tmp_path, monkeypatch):
    """An archive of the first wave: plain SHA-256 rows, no keys. Keying starts after them; rewriting the old
    rows consistently is still found, since the first keyed row's HMAC covers the last plain digest."""
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "new-store.json"))
    archive = _reopened(archive)
    prev = GENESIS_HASH
    with archive.engine.begin() as connection:
        for seq in (1, 2, 3):
            fields = (prev, seq, clock.now(), "admin", "clip.view", "clip", str(seq), "{}")
            digest = row_digest(None, None, *fields)
            connection.execute(
                text(
                    "INSERT INTO audit_events (seq, occurred_at, actor, action, target_type, target_id, details, "
                    "prev_hash, row_hash) VALUES (:seq, :at, 'admin', 'clip.view', 'clip', :id, '{}', :prev, :digest)"
                ),
                {"seq": seq, "at": fields[2], "id": str(seq), "prev": prev, "digest": digest},
            )
            prev = digest
        connection.execute(text("UPDATE audit_chain_head SET last_seq = 3, last_hash = :h"), {"h": prev})
    try:
        record_events(archive, 2)
        with archive.sessions.read() as session:
            assert [row.key_id for row in session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()] == [
                None,
                None,
                None,
                "k1",
                "k1",
            ]
        assert _verify(archive).ok
        _guards_off(archive)
        with archive.engine.begin() as connection:  # rewrite the plain prefix consistently
            rows = connection.execute(text("SELECT seq, occurred_at FROM audit_events WHERE seq <= 3 ORDER BY seq"))
            prev = GENESIS_HASH
            for seq, occurred_at in list(rows):
                when = occurred_at if not isinstance(occurred_at, str) else datetime.fromisoformat(occurred_at)
                digest = row_digest(None, None, prev, seq, when, "forger", "clip.view", "clip", str(seq), "{}")
                connection.execute(
                    text("UPDATE audit_events SET actor = 'forger', prev_hash = :p, row_hash = :d WHERE seq = :s"),
                    {"p": prev, "d": digest, "s": seq},
                )
                prev = digest
        problems = [(p.seq, p.problem) for p in _verify(archive).problems]
        assert problems == [(4, "gap")]  # the first keyed row no longer follows; its own digest cannot be redone
    finally:
        archive.close()


def test_rotation_keeps_old_rows_verifiable_and_is_audited(archive):
    record_events(archive, 2)
    assert key_admin.rotate_key(archive.sessions, archive.audit_keys, "root@host") == "k2"
    record_events(archive, 2)
    with archive.sessions.read() as session:
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().all()
    assert [row.key_id for row in rows] == ["k1", "k1", "k2", "k2", "k2"]
    assert rows[2].action == "audit.key_rotated" and json.loads(rows[2].details) == {"from": "k1", "to": "k2"}
    reopened = _reopened(archive)
    try:
        assert _verify(reopened).ok
    finally:
        reopened.close()


def test_a_backup_restores_the_keys_and_a_wrong_one_is_refused(archive, tmp_path, monkeypatch):
    record_events(archive, 2)
    backup = tmp_path / "backup" / "audit-keys.json"
    key_admin.export_keys(archive.sessions, archive.audit_keys, backup, "root@host")
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "lost-store.json"))

    other = tmp_path / "other.json"
    with archive.sessions.read() as session:
        identity = archive_id(session)
    wrong = json.loads(backup.read_text())
    wrong["archives"][identity]["keys"]["k1"] = "00" * 32
    other.write_text(json.dumps(wrong))
    reopened = _reopened(archive)
    try:
        with pytest.raises(AuditKeyUnavailable) as raised:
            key_admin.import_keys(reopened.sessions, reopened.audit_keys, other, "root@host")
        assert raised.value.code == "audit_key_does_not_match"
        with pytest.raises(AuditKeyUnavailable):
            record_events(reopened, 1)
    finally:
        reopened.close()
    reopened = _reopened(archive)
    try:
        key_admin.import_keys(reopened.sessions, reopened.audit_keys, backup, "root@host")
        record_events(reopened, 1)
        assert _verify(reopened).ok
        with pytest.raises(AuditKeyUnavailable) as raised:
            key_admin.import_keys(reopened.sessions, reopened.audit_keys, backup, "root@host")
        assert raised.value.code == "audit_key_exists"
    finally:
        reopened.close()
    assert FileKeyStore(tmp_path / "lost-store.json").load(identity) is not None


def test_the_os_credential_store_keeps_an_embedded_archives_keys(tmp_path, monkeypatch, memory_keyring):
    monkeypatch.delenv(KEY_FILE_ENV)
    archive = Archive.open_embedded(tmp_path / "archive", create=True)
    try:
        record_events(archive, 1)
        with archive.sessions.read() as session:
            identity = archive_id(session)
        assert CredentialKeyStore().load(identity) is not None
        assert _verify(archive).ok
    finally:
        archive.close()


def test_a_damaged_key_file_is_a_clear_error(archive, tmp_path, monkeypatch):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    monkeypatch.setenv(KEY_FILE_ENV, str(broken))
    reopened = _reopened(archive)
    try:
        with pytest.raises(AuditKeyUnavailable) as raised:
            record_events(reopened, 1)
        assert raised.value.code == "audit_key_invalid"
    finally:
        reopened.close()


def _guards_off(archive: Archive) -> None:
    with archive.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
        else:
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change"))


def test_without_a_credential_store_the_keys_go_to_the_accounts_configuration_folder(
    tmp_path, monkeypatch, isolated_config
):
    """A Linux desktop without Secret Service (the README's quick start on a fresh machine) still works: the
    keys go to a private file in the configuration folder, never beside the archive."""
    monkeypatch.delenv(KEY_FILE_ENV)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        archive = Archive.open_embedded(tmp_path / "archive", create=True)
        try:
            record_events(archive, 1)
            assert _verify(archive).ok
        finally:
            archive.close()
    finally:
        keyring.set_keyring(previous)
    key_file = isolated_config / ACCOUNT_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert not list((tmp_path / "archive").glob("*.json"))
