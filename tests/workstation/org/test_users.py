"""Accounts: password hashing and its cost, unknown logins, the password policy, administrators' unlock and
reset, the CLI for them, and the embedded archive folder's permissions."""

import hashlib
import hmac
import io
import json
import os
import secrets
import stat
import statistics
import time

import keyring
import keyring.backend
import keyring.errors
import pytest
from sqlalchemy import select

from db.models import AuditEvent, Unit, User
from tests.helpers.builders import ADMIN_PASSWORD, add_user, build_org
from workstation import cli
from workstation.archive import Archive
from workstation.demo.archive import DEMO_USERS
from workstation.errors import AuthenticationFailed, PasswordRejected, PermissionDenied
from workstation.identity import Identity
from workstation.org import login_digest, passwords, user_admin, users
from workstation.profiles import KEYRING_SERVICE
from workstation.types import Role

TYPED_PASSWORD = "Secret-Pw-2026"  # what someone types into the login field by mistake


@pytest.fixture
def org(archive):
    build_org(archive)
    add_user(archive, "admin_dd01", Role.ADMIN, "DD01")
    add_user(archive, "officer_dd01", Role.OFFICER, "DD01")
    return archive


def _events(archive, action: str | None = None) -> list[AuditEvent]:
    with archive.sessions.read() as session:
        statement = select(AuditEvent).order_by(AuditEvent.seq)
        if action:
            statement = statement.where(AuditEvent.action == action)
        return list(session.execute(statement).scalars())


def _stored_hash(archive, login: str) -> str:
    with archive.sessions.read() as session:
        return session.execute(select(User.password_hash).where(User.login == login)).scalar_one()


def _set_stored_hash(archive, login: str, value: str) -> None:
    with archive.sessions.write() as session:
        session.execute(select(User).where(User.login == login)).scalar_one().password_hash = value


def _lock(archive, login: str) -> None:
    for _ in range(users.MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationFailed):
            users.sign_in(archive.sessions, login, "wrong-password")


# --- hashing --------------------------------------------------------------------------------------------------


@pytest.mark.real_password_cost
def test_new_hashes_use_the_recommended_scrypt_cost():
    assert passwords.ScryptCost(2**17, 8, 1) == passwords.RECOMMENDED
    stored = passwords.hash_password("correct-horse")
    assert stored.startswith("scrypt$131072$8$1$")
    assert passwords.verify("correct-horse", stored) == passwords.Verification(ok=True)
    assert not passwords.verify("correct-horsE", stored).ok


def _legacy_hash(password: str, n: int = 2**14, r: int = 8, p: int = 1) -> str:
    """A hash as the program wrote it before (N = 2^14), or with any parameters."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


@pytest.mark.parametrize(
    "stored",
    [
        f"scrypt${2**30}$8$1${'00' * 16}${'00' * 32}",  # would take minutes and a gigabyte
        f"scrypt${2**17}$64$1${'00' * 16}${'00' * 32}",  # 1 GiB
        f"scrypt${2**17}$8$16${'00' * 16}${'00' * 32}",  # 16 times the work
        f"scrypt${2**10}$8$1${'00' * 16}${'00' * 32}",  # far below anything this program wrote
        f"scrypt$100000$8$1${'00' * 16}${'00' * 32}",  # N not a power of two
        f"scrypt${2**14}$8$1$zz${'00' * 32}",
        f"scrypt${2**14}$8$1${'00' * 4}${'00' * 32}",
        f"scrypt${2**14}$8$-1${'00' * 16}${'00' * 32}",
        f"bcrypt${2**14}$8$1${'00' * 16}${'00' * 32}",
        "scrypt$16384$8$1",
        "",
    ],
)
def test_stored_parameters_out_of_range_are_refused_without_computing_them(stored):
    with pytest.raises(passwords.InvalidHash):
        passwords.parse(stored)
    started = time.perf_counter()
    assert passwords.verify("anything", stored) == passwords.Verification(ok=False, invalid_hash=True)
    assert time.perf_counter() - started < 5  # one computation at the (test) current cost, not the stored one


@pytest.mark.real_password_cost
def test_an_old_hash_is_upgraded_at_the_next_sign_in(archive):
    build_org(archive)
    _set_stored_hash(archive, "alice", _legacy_hash(ADMIN_PASSWORD))
    with pytest.raises(AuthenticationFailed):
        users.sign_in(archive.sessions, "alice", "wrong-password")
    assert passwords.parse(_stored_hash(archive, "alice")).cost == passwords.OLDEST  # not on a failure
    users.sign_in(archive.sessions, "alice", ADMIN_PASSWORD)
    upgraded = _stored_hash(archive, "alice")
    assert passwords.parse(upgraded).cost == passwords.RECOMMENDED
    users.sign_in(archive.sessions, "alice", ADMIN_PASSWORD)
    assert _stored_hash(archive, "alice") == upgraded
    [event] = _events(archive, "user.password_rehash")
    assert (event.actor, json.loads(event.details)) == ("alice", {"from": "N=16384 r=8 p=1", "to": "N=131072 r=8 p=1"})


def test_an_account_with_an_invalid_stored_hash_cannot_sign_in_and_it_is_recorded(archive):
    build_org(archive)
    _set_stored_hash(archive, "alice", f"scrypt${2**30}$8$1${'00' * 16}${'00' * 32}")
    with pytest.raises(AuthenticationFailed):
        users.sign_in(archive.sessions, "alice", ADMIN_PASSWORD)
    assert json.loads(_events(archive, "user.sign_in_failed")[-1].details)["reason"] == "stored_hash_invalid"


# --- unknown logins -------------------------------------------------------------------------------------------


def test_an_unknown_login_is_audited_as_a_keyed_digest_never_as_typed(archive, memory_keyring):
    build_org(archive)
    for typed in (TYPED_PASSWORD, TYPED_PASSWORD, "someone-else"):
        with pytest.raises(AuthenticationFailed, match="wrong_credentials"):
            users.sign_in(archive.sessions, typed, "whatever-1")
    events = _events(archive, "user.sign_in_failed")
    for event in _events(archive):
        assert TYPED_PASSWORD not in f"{event.actor} {event.target_id} {event.details}"
    assert [event.actor for event in events] == [users.UNKNOWN_ACTOR] * 3
    digests = [json.loads(event.details)["login_digest"] for event in events]
    assert digests[0] == digests[1] != digests[2]
    key = bytes.fromhex(memory_keyring.store[(KEYRING_SERVICE, login_digest.KEY_NAME)])
    assert digests[0] == hmac.new(key, TYPED_PASSWORD.encode(), hashlib.sha256).hexdigest()[:16]
    assert digests[0] != hashlib.sha256(TYPED_PASSWORD.encode()).hexdigest()[:16]  # keyed, not a plain hash
    assert json.loads(events[0].details)["reason"] == "unknown_login"


class _NoKeyring(keyring.backend.KeyringBackend):
    """A credential store that cannot be used (locked, or none on this machine)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, *_args):
        raise keyring.errors.KeyringLocked("no credential store")

    set_password = delete_password = get_password


def test_without_a_credential_store_an_unknown_login_is_recorded_without_a_digest(archive):
    build_org(archive)
    keyring.set_keyring(_NoKeyring())  # the autouse memory_keyring fixture restores the previous one
    with pytest.raises(AuthenticationFailed):
        users.sign_in(archive.sessions, TYPED_PASSWORD, "whatever-1")
    [event] = _events(archive, "user.sign_in_failed")
    assert json.loads(event.details) == {"reason": "unknown_login", "login_digest": None}


def _median_seconds(action, tries: int = 3) -> float:
    """CPU seconds of this thread (scrypt runs in the caller's thread): what the work costs, unlike the wall
    clock, which other processes on a shared machine stretch at random."""
    durations = []
    for _ in range(tries):
        started = time.thread_time()
        with pytest.raises(AuthenticationFailed):
            action()
        durations.append(time.thread_time() - started)
    return statistics.median(durations)


@pytest.mark.real_password_cost
def test_unknown_and_known_logins_answer_in_the_same_time(archive):
    """Both make one scrypt computation of the production cost, so both take at least (nearly) its CPU time;
    the medians may differ by the database work only. Measured as CPU time: other load does not move it."""
    build_org(archive)
    scrypt_alone = _scrypt_seconds()
    unknown = _median_seconds(lambda: users.sign_in(archive.sessions, TYPED_PASSWORD, "wrong-password"))
    known = _median_seconds(lambda: users.sign_in(archive.sessions, "bob", "wrong-password"))
    assert unknown >= 0.8 * scrypt_alone and known >= 0.8 * scrypt_alone
    assert 0.6 < unknown / known < 1.6


def _scrypt_seconds() -> float:
    stored = passwords.hash_password("reference")
    durations = []
    for _ in range(3):
        started = time.thread_time()
        passwords.verify("reference", stored)
        durations.append(time.thread_time() - started)
    return min(durations)


# --- password policy ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("login", "password", "problem"),
    [
        ("zhang", "short12", "password_too_short"),
        ("zhang", "x" * 129, "password_too_long"),
        ("zhang.wei", " Zhang.Wei", "password_is_login"),
    ],
)
def test_the_password_policy(login, password, problem):
    with pytest.raises(PasswordRejected, match=problem):
        users.check_password_policy(login, password)


def test_every_way_of_setting_a_password_applies_the_policy(org):
    with pytest.raises(PasswordRejected, match="password_too_short"), org.sessions.write() as session:
        unit = session.get_one(Unit, session.execute(select(User.unit_id).where(User.login == "admin")).scalar_one())
        users.create_user(session, Identity.user("admin"), "zhang", "张伟", unit, Role.REVIEWER, "short")
    with pytest.raises(PasswordRejected, match="password_is_login"):
        user_admin.reset_password(org.sessions, Identity.user("admin"), "reviewer", "REVIEWER")
    with pytest.raises(PasswordRejected, match="password_too_short"):
        users.change_password(org.sessions, "alice", ADMIN_PASSWORD, "short")
    with pytest.raises(PasswordRejected, match="password_unchanged"):
        users.change_password(org.sessions, "alice", ADMIN_PASSWORD, ADMIN_PASSWORD)
    assert users.sign_in(org.sessions, "alice", ADMIN_PASSWORD).login == "alice"  # nothing changed
    with org.sessions.read() as session:
        assert session.execute(select(User).where(User.login == "zhang")).first() is None


def test_the_first_administrator_and_the_demo_users_meet_the_policy(tmp_path):
    for demo in DEMO_USERS:
        users.check_password_policy(demo.login, demo.password)
    archive = Archive.open_embedded(tmp_path / "new", create=True)
    with pytest.raises(PasswordRejected, match="password_too_short"):
        users.create_first_administrator(
            archive.sessions, "ZD01", "支队", "detachment", "消防", "admin", "管理员", "short"
        )
    users.create_first_administrator(
        archive.sessions, "ZD01", "支队", "detachment", "消防", "admin", "管理员", "long-enough"
    )
    assert users.sign_in(archive.sessions, "admin", "long-enough").role is Role.ADMIN
    archive.close()


# --- administrators: list, unlock, reset ----------------------------------------------------------------------


def test_an_administrator_unlocks_a_locked_account_audited(org):
    _lock(org, "alice")
    with pytest.raises(AuthenticationFailed, match="account_locked"):
        users.sign_in(org.sessions, "alice", ADMIN_PASSWORD)
    with org.sessions.read() as session:
        [row] = [row for row in user_admin.list_users(session, Identity.user("admin")) if row.login == "alice"]
    assert row.locked_until is not None
    user_admin.unlock_user(org.sessions, Identity.user("admin"), "alice")
    assert users.sign_in(org.sessions, "alice", ADMIN_PASSWORD).login == "alice"
    [event] = _events(org, "user.unlock")
    assert event.actor == "admin" and json.loads(event.details)["login"] == "alice"


@pytest.mark.parametrize(
    ("actor", "target"),
    [
        ("alice", "bob"),  # a reviewer is no administrator
        ("officer_dd01", "bob"),
        ("admin_dd01", "alice"),  # a 大队 administrator does not look after the 支队's accounts
        ("admin", "nobody"),
        ("nobody", "alice"),
    ],
)
def test_only_administrators_of_the_users_unit_or_above_unlock_or_reset(org, actor, target):
    _lock(org, "alice")
    with pytest.raises(PermissionDenied):
        user_admin.unlock_user(org.sessions, Identity.user(actor), target)
    with pytest.raises(PermissionDenied):
        user_admin.reset_password(org.sessions, Identity.user(actor), target, "temporary-1")
    with pytest.raises(AuthenticationFailed, match="account_locked"):
        users.sign_in(org.sessions, "alice", ADMIN_PASSWORD)
    assert not _events(org, "user.unlock") and not _events(org, "user.password_reset")


def test_administrators_list_the_accounts_they_look_after(org):
    with org.sessions.read() as session:
        assert [row.login for row in user_admin.list_users(session, Identity.user("admin_dd01"))] == [
            "admin_dd01",
            "officer_dd01",
        ]
        assert {row.login for row in user_admin.list_users(session, Identity.user("admin"))} == {
            "admin",
            "alice",
            "bob",
            "reviewer",
            "admin_dd01",
            "officer_dd01",
        }
        with pytest.raises(PermissionDenied):
            user_admin.list_users(session, Identity.user("alice"))


def test_a_reset_password_must_be_changed_at_the_next_sign_in(org):
    _lock(org, "officer_dd01")
    user_admin.reset_password(
        org.sessions, Identity.user("admin_dd01"), "officer_dd01", "temporary-1"
    )  # a reset also unlocks
    with pytest.raises(AuthenticationFailed):
        users.sign_in(org.sessions, "officer_dd01", ADMIN_PASSWORD)
    signed_in = users.sign_in(org.sessions, "officer_dd01", "temporary-1")
    assert signed_in.must_change_password
    users.change_password(org.sessions, "officer_dd01", "temporary-1", "my-own-secret")
    assert not users.sign_in(org.sessions, "officer_dd01", "my-own-secret").must_change_password
    [reset] = _events(org, "user.password_reset")
    assert reset.actor == "admin_dd01"
    assert json.loads(reset.details) == {"login": "officer_dd01", "must_change": True}
    for event in _events(org):
        assert "temporary-1" not in event.details and "my-own-secret" not in event.details
    with pytest.raises(PermissionDenied, match="reset_own_password"):
        user_admin.reset_password(org.sessions, Identity.user("admin"), "admin", "temporary-1")


# --- command line ---------------------------------------------------------------------------------------------


def test_cli_unlock_and_reset_password(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    build_org(archive)
    _lock(archive, "bob")
    archive.close()
    base = ["--archive", str(folder), "user"]
    assert cli.main([*base, "unlock", "bob", "--user", "admin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("temporary-1\n"))
    assert cli.main([*base, "reset-password", "alice", "--user", "admin", "--password-stdin"]) == 0
    assert cli.main([*base, "list", "--user", "admin"]) == 0
    output = capsys.readouterr().out
    assert "已解除 bob 的锁定" in output and "alice\t用户alice\treviewer\tZD01\t正常，须修改密码" in output
    assert cli.main([*base, "unlock", "bob", "--user", "alice"]) == 2
    assert "管理员" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli.main([*base, "reset-password", "bob", "--user", "admin", "--password-stdin"]) == 2
    archive = Archive.open_embedded(folder)
    assert users.sign_in(archive.sessions, "bob", ADMIN_PASSWORD).login == "bob"
    assert users.sign_in(archive.sessions, "alice", "temporary-1").must_change_password
    archive.close()


# --- the embedded archive folder ------------------------------------------------------------------------------


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_embedded_archive_folder_is_for_its_owner_only(tmp_path, umask_022):
    folder = tmp_path / "new" / "archive"
    Archive.open_embedded(folder, create=True).close()
    assert _mode(folder) == 0o700 and _mode(folder / "media") == 0o700
    assert _mode(tmp_path / "new") == 0o755  # only the archive's own folder


def test_an_existing_open_archive_folder_is_tightened_when_opened(tmp_path, umask_022):
    folder = tmp_path / "archive"
    Archive.open_embedded(folder, create=True).close()
    folder.chmod(0o755)  # as archives made before this rule were
    Archive.open_embedded(folder).close()
    assert _mode(folder) == 0o700
