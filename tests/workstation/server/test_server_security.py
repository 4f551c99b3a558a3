"""The archive server as a trust boundary (issue 12): a real `workstation serve` process on loopback over TLS,
on SQLite and on PostgreSQL, spoken to with plain HTTP (no program code) and with the program's own client.

Every rule is checked where a user cannot reach it: no token, a forged, expired or ended token, a right the
user lacks, footage outside the user's scope (list, detail, thumbnail, stream), another user's stream, brute
force, a certificate other than the pinned one, a retried write.
"""

import subprocess
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.engine import make_url

from db.engine import create_archive_engine
from db.models import ApiSession, Clip, Marker, User
from tests.conftest import TEMPLATE_DATABASE
from tests.helpers.access_builders import PASSWORD, add_users, build_access_org
from tests.helpers.archive_server import ServerProcess, running_server
from tests.helpers.builders import recorder_dump, video
from workstation.access.types import AccessRequestSpec, AuditFilter, RequestKind
from workstation.archive import Archive
from workstation.client import ArchiveClient
from workstation.client.connection import ServerConnection, ServerUnreachable
from workstation.client.local import LocalClient
from workstation.client.media_stream import HttpsRangeSource
from workstation.client.remote import RemoteClient, remote_client
from workstation.client.upload_target import HttpUploadTarget
from workstation.client.wire import IDEMPOTENCY_HEADER
from workstation.errors import AuthenticationFailed, PermissionDenied, SessionInvalid
from workstation.footage.types import NEWEST_FIRST, ClipFilter
from workstation.footage.upload_ingest import UploadOptions, upload_ingest
from workstation.footage.verified_copy import sha256_of
from workstation.identity import Identity
from workstation.server.tls import self_signed
from workstation.types import ChainAnchor, Role

STAFF = (
    ("reviewer_dd01", Role.REVIEWER, "DD01"),
    ("reviewer_dd02", Role.REVIEWER, "DD02"),
    ("approver_zd01", Role.APPROVER, "ZD01"),
    ("admin_zd01", Role.ADMIN, "ZD01"),
    ("locked_out", Role.REVIEWER, "DD01"),
    ("station1", Role.STATION, "DD01"),
    ("signed_out_dd01", Role.REVIEWER, "DD01"),
)


class Site:
    """The archive behind the server (for checking what the server did), and the server."""

    def __init__(self, archive: Archive, server: ServerProcess, clips: dict[str, int]) -> None:
        self.archive, self.server, self.clips = archive, server, clips
        self.connections: list[ServerConnection] = []

    def connection(self, login: str | None = None, pin: Path | None = None) -> ServerConnection:
        """A connection (closed after the test), signed in as `login` if given."""
        connection = ServerConnection(self.server.url, pin or self.server.pin)
        self.connections.append(connection)
        if login is not None:
            connection.sign_in(login, PASSWORD)
        return connection

    def client(self, login: str) -> RemoteClient:
        connection = self.connection(login)
        return RemoteClient(connection, connection.current_user())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp(f"site-{request.param}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKSTATION_CONFIG_DIR", str(folder / "config"))
        archive = _archive(request, folder)
        org = build_access_org(archive)
        add_users(archive, STAFF)
        for unit in ("DD01", "DD03"):  # the clips are rows only: real media for the stream and thumbnails
            _give_media(archive, org.clips[unit])
        with running_server(request.param, archive, folder) as server:
            yield Site(archive, server, org.clips)
    archive.close()


@pytest.fixture(autouse=True)
def _closed_connections(site: Site) -> Iterator[None]:
    yield
    while site.connections:
        site.connections.pop().close()


def _archive(request: pytest.FixtureRequest, folder: Path) -> Archive:
    if request.param == "sqlite":
        return Archive.open_embedded(folder / "archive", create=True)
    server_url = request.getfixturevalue("postgres_server")
    name = f"s_{uuid.uuid4().hex[:12]}"
    admin = create_archive_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DATABASE}"))
    admin.dispose()
    (folder / "media").mkdir()
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    return Archive.open_url(url, folder / "media")


def _give_media(archive: Archive, clip_id: int) -> None:
    with archive.sessions.write() as session:
        clip = session.get_one(Clip, clip_id)
        target = archive.absolute_path(clip.media_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        video(target, seconds=1.0, seed=clip_id)
        clip.sha256, clip.size_bytes = sha256_of(target), target.stat().st_size


# --- who you are -------------------------------------------------------------------------------------


def test_without_a_valid_token_every_request_is_answered_401(site: Site):
    clip = site.clips["DD01"]
    with site.server.http() as http:
        for headers in ({}, {"Authorization": "Bearer forged-token"}, {"Authorization": "Basic YWRtaW4="}):
            answers = [
                http.post("/api/v1/call/inbox", json={}, headers=headers),
                http.post("/api/v1/call/clip_detail", json={"clip_id": clip}, headers=headers),
                http.post("/api/v1/export/audit", json={"criteria": {}, "limit": 0}, headers=headers),
                http.get("/api/v1/media/1", headers=headers),
                http.get(f"/api/v1/clips/{clip}/thumbnail", headers=headers),
                http.get("/api/v1/session", headers=headers),
            ]
            for answer in answers:
                assert answer.status_code == 401, answer.text
                assert answer.json()["code"] in ("session_missing", "session_unknown")
                assert answer.headers["www-authenticate"] == "Bearer"


def test_the_user_comes_from_the_token_never_from_a_parameter(site: Site):
    reviewer = site.client("reviewer_dd01")
    with site.server.http() as http:
        answer = http.post(
            "/api/v1/call/inbox",
            json={"who": "approver_zd01", "login": "approver_zd01"},
            headers={"Authorization": f"Bearer {reviewer.connection.token}", "X-User": "approver_zd01"},
        )
    assert answer.status_code == 400  # unknown arguments are refused, not obeyed
    assert answer.json()["code"] == "bad_arguments"
    assert reviewer.who.name == "reviewer_dd01"


def test_signing_out_and_expiry_end_a_token(site: Site):
    signed_out = site.client("reviewer_dd01")
    token = signed_out.connection.token
    signed_out.connection.sign_out()
    signed_out.connection.token = token
    with pytest.raises(SessionInvalid) as ended:
        signed_out.inbox()
    assert ended.value.code == "session_ended"

    idle = site.client("reviewer_dd01")
    with site.archive.sessions.write() as session:  # a day without a request: longer than the idle limit
        for row in session.scalars(select(ApiSession).where(ApiSession.ended_at.is_(None))):
            row.last_seen_at -= timedelta(days=1)
    with pytest.raises(SessionInvalid) as expired:
        idle.inbox()
    assert expired.value.code == "session_expired"


def test_an_administrator_ends_a_users_sessions_and_a_password_reset_does_too(site: Site):
    member = site.client("signed_out_dd01")
    admin = site.client("admin_zd01")
    assert admin.end_sessions("signed_out_dd01") >= 1
    with pytest.raises(SessionInvalid, match="session_ended"):
        member.inbox()
    with pytest.raises(PermissionDenied):
        site.client("reviewer_dd01").end_sessions("signed_out_dd01")  # not an administrator

    again = site.client("signed_out_dd01")
    admin.reset_password("signed_out_dd01", "temporary-123")
    with pytest.raises(SessionInvalid, match="session_ended"):
        again.inbox()
    fresh = site.connection()
    assert fresh.sign_in("signed_out_dd01", "temporary-123").must_change_password
    with pytest.raises(PermissionDenied, match="password_change_required"):
        RemoteClient(fresh, fresh.current_user()).inbox()
    fresh.change_password("temporary-123", "changed-456")
    assert RemoteClient(fresh, fresh.current_user()).inbox() == []


def test_repeated_wrong_passwords_lock_the_account_on_the_server(site: Site):
    connection = site.connection()
    for _ in range(5):
        with pytest.raises(AuthenticationFailed) as wrong:
            connection.sign_in("locked_out", "not-the-password")
        assert wrong.value.code == "wrong_credentials"
    with pytest.raises(AuthenticationFailed) as locked:
        connection.sign_in("locked_out", PASSWORD)
    assert locked.value.code == "account_locked"
    assert connection.token is None


# --- what you may do -----------------------------------------------------------------------------------


def test_a_reviewer_cannot_approve_or_administer(site: Site):
    reviewer = site.client("reviewer_dd01")
    request = reviewer.submit_request(AccessRequestSpec(RequestKind.CLIPS, "核查投诉", clip_ids=(site.clips["DD02"],)))
    for attempt in (
        lambda: reviewer.approve_request(request.id, "自己批准"),
        lambda: site.client("reviewer_dd02").approve_request(request.id, "同事批准"),
        lambda: reviewer.unlock_user("locked_out"),
        lambda: reviewer.list_users(),
        lambda: reviewer.audit_events(AuditFilter(), 10),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    approved = site.client("approver_zd01").approve_request(request.id, "同意")
    assert approved.status.value == "approved"


def test_footage_outside_the_scope_cannot_be_listed_read_thumbnailed_or_streamed(site: Site):
    reviewer = site.client("reviewer_dd01")
    outside, inside = site.clips["DD03"], site.clips["DD01"]
    listed = {row.id for row in reviewer.first_clip_page(ClipFilter(), NEWEST_FIRST, 100)}
    assert inside in listed and outside not in listed
    assert reviewer.count_clips(ClipFilter()) == len(listed)
    assert [row.id for row in reviewer.get_clips([inside, outside])] == [inside]
    with pytest.raises(PermissionDenied):
        reviewer.clip_detail(outside)
    with pytest.raises(PermissionDenied):
        reviewer.start_viewing(outside)
    headers = {"Authorization": f"Bearer {reviewer.connection.token}"}
    with site.server.http() as http:
        assert http.get(f"/api/v1/clips/{outside}/thumbnail", headers=headers).status_code == 403
        thumbnail = http.get(f"/api/v1/clips/{inside}/thumbnail", headers=headers)
        assert thumbnail.status_code == 200 and thumbnail.content[:2] == b"\xff\xd8"  # a JPEG


def test_a_stream_is_the_viewing_users_alone_and_ends_with_the_viewing(site: Site):
    reviewer, colleague = site.client("reviewer_dd01"), site.client("reviewer_dd02")
    clip = site.clips["DD01"]
    viewing = reviewer.start_viewing(clip)
    original = site.archive.absolute_path(viewing.media_path).read_bytes()
    url = f"/api/v1/media/{viewing.entry_id}"
    with site.server.http() as http:
        own = {"Authorization": f"Bearer {reviewer.connection.token}"}
        whole = http.get(url, headers=own)
        assert whole.status_code == 200 and whole.content == original
        part = http.get(url, headers={**own, "Range": "bytes=100-1099"})
        assert part.status_code == 206 and part.content == original[100:1100]
        assert part.headers["content-range"] == f"bytes 100-1099/{len(original)}"
        tail = http.get(url, headers={**own, "Range": "bytes=-100"})  # a suffix: FileResponse's own rules
        assert tail.status_code == 206 and tail.content == original[-100:]
        assert http.get(url, headers={**own, "Range": f"bytes={len(original)}-"}).status_code == 416
        other = http.get(url, headers={"Authorization": f"Bearer {colleague.connection.token}"})
        assert other.status_code == 403 and other.json()["code"] == "entry_not_yours"
        reviewer.finish_viewing(viewing.entry_id, 1000)
        assert http.get(url, headers=own).status_code == 403  # closed: the URL and token no longer stream


# --- retries -------------------------------------------------------------------------------------------


def test_a_retried_write_is_carried_out_once_and_answered_the_same(site: Site):
    reviewer = site.client("reviewer_dd01")
    clip = site.clips["DD01"]
    category = next(row.code for row in reviewer.marker_categories() if row.active)
    body = {"clip_id": clip, "start_ms": 500, "end_ms": None, "category": category, "note": f"重试 {uuid.uuid4()}"}
    headers = {"Authorization": f"Bearer {reviewer.connection.token}", IDEMPOTENCY_HEADER: uuid.uuid4().hex}
    with site.server.http() as http:
        first = http.post("/api/v1/call/add_marker", json=body, headers=headers)
        again = http.post("/api/v1/call/add_marker", json=body, headers=headers)
        fresh = http.post("/api/v1/call/add_marker", json=body, headers={**headers, IDEMPOTENCY_HEADER: "other"})
    assert first.status_code == again.status_code == fresh.status_code == 200, first.text
    assert first.json() == again.json() != fresh.json()
    with site.archive.sessions.read() as session:
        assert session.scalar(select(func.count()).select_from(Marker).where(Marker.note == body["note"])) == 2


# --- the client's side ----------------------------------------------------------------------------------


def test_the_client_refuses_a_server_with_another_certificate(site: Site, tmp_path: Path):
    other = self_signed(tmp_path / "other").certificate
    connection = site.connection(pin=other)
    with pytest.raises(ServerUnreachable) as refused:
        connection.sign_in("reviewer_dd01", PASSWORD)
    assert refused.value.code == "server_certificate_mismatch"


def test_the_command_line_signs_in_works_and_signs_out_through_the_server(site: Site, tmp_path: Path):
    env = {**site.server.env, "WORKSTATION_CONFIG_DIR": str(tmp_path / "pc-config")}
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    env["XDG_DATA_HOME"] = str(tmp_path / "pc-keyring")
    base = [*site.server.command, "--server", site.server.url, "--pin", str(site.server.pin)]

    def run(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([*base, *arguments], input=stdin, capture_output=True, text=True, env=env, timeout=120)

    assert run("clips").returncode == 2  # not signed in yet
    login = run("login", "--user", "reviewer_dd01", "--password-stdin", stdin=f"{PASSWORD}\n")
    assert login.returncode == 0, login.stderr
    listed = run("clips", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert str(site.clips["DD03"]) not in {line.strip(" ,") for line in listed.stdout.split() if line}
    forged = run("access", "approve", "1", "--user", "approver_zd01")
    assert forged.returncode == 2 and "--user" in forged.stderr
    assert run("logout").returncode == 0
    assert run("clips").returncode == 2
    kept = "\n".join(p.read_text(errors="replace") for p in (tmp_path / "pc-config").rglob("*") if p.is_file())
    assert "postgresql" not in kept and "archive.sqlite" not in kept  # no database or share on the review PC


def test_remote_client_offers_every_call_of_the_interface(site: Site):
    client = remote_client(site.connection("reviewer_dd01"), site.client("reviewer_dd01").user)
    missing = [name for name in dir(ArchiveClient) if not name.startswith("_") and not hasattr(client, name)]
    assert missing == []


def test_the_player_reads_a_stream_through_its_own_pinned_connection(site: Site):
    reviewer = site.client("reviewer_dd01")
    viewing = reviewer.start_viewing(site.clips["DD01"])
    original = site.archive.absolute_path(viewing.media_path).read_bytes()
    assert reviewer.connection.token is not None
    source = HttpsRangeSource(site.server.url, viewing.entry_id, reviewer.connection.token, site.server.pin)
    try:
        assert source.size == len(original)
        assert source.read_at(0, len(original)) == original
        assert source.read_at(len(original) - 10, 100) == original[-10:]
    finally:
        source.close()
        reviewer.finish_viewing(viewing.entry_id, 0)


def test_a_station_uploads_through_the_server_and_clears_only_what_was_archived(site: Site, tmp_path: Path):
    env = {**site.server.env, "WORKSTATION_CONFIG_DIR": str(tmp_path / "station-config")}
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    env["XDG_DATA_HOME"] = str(tmp_path / "station-keyring")
    base = [*site.server.command, "--server", site.server.url, "--pin", str(site.server.pin)]
    recorder = tmp_path / "E"
    dump = recorder_dump(recorder, "DSJ7001", "870001", datetime(2026, 11, 21, 9, 0), clips=3, seed=70)
    hashes = {sha256_of(path) for path in dump}

    def run(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([*base, *arguments], input=stdin, capture_output=True, text=True, env=env, timeout=180)

    assert run("login", "--user", "station1", "--password-stdin", stdin=f"{PASSWORD}\n").returncode == 0
    refused = run("clips")
    assert refused.returncode == 2 and "采集站账户" in refused.stderr  # a station account does nothing else
    uploaded = run("ingest", str(recorder), "--station", "采集站1", "--clear-source", "--format", "json")
    assert uploaded.returncode == 0, uploaded.stderr
    with site.archive.sessions.read() as session:
        archived = set(session.scalars(select(Clip.sha256).where(Clip.sha256.in_(hashes))))
    assert archived == hashes
    for sha256 in hashes:  # byte for byte what the recorder held
        with site.archive.sessions.read() as session:
            media_path = session.scalars(select(Clip.media_path).where(Clip.sha256 == sha256)).one()
        assert sha256_of(site.archive.absolute_path(media_path)) == sha256
    assert not [path for path in dump if path.exists()], "every archived file is cleared from the recorder"
    again = run("ingest", str(recorder), "--station", "采集站1")
    assert again.returncode == 0, again.stderr

    reviewer = site.connection("reviewer_dd01")
    other = recorder_dump(tmp_path / "F", "DSJ7002", "870002", datetime(2026, 11, 21, 9, 0), clips=1, seed=71)
    with pytest.raises(PermissionDenied) as not_a_station:
        upload_ingest(HttpUploadTarget(reviewer), [tmp_path / "F"], UploadOptions(station="采集站1"))
    assert not_a_station.value.code == "duty_missing"
    assert all(path.exists() for path in other)


def test_an_export_arrives_as_the_servers_workbook_and_only_for_those_who_may_read_it(site: Site, tmp_path: Path):
    target = tmp_path / "审计日志.xlsx"
    count = site.client("admin_zd01").export_audit(AuditFilter(), target)
    workbook = openpyxl.load_workbook(target, read_only=True)
    sheet = workbook.worksheets[0]
    assert count > 0 and sheet.max_row == count + 3  # a header row, one row per audit event, a blank row, the head
    assert str(sheet.cell(count + 3, 1).value).startswith("审计链头 ")
    workbook.close()  # a read-only workbook keeps its file open until closed
    with pytest.raises(PermissionDenied):
        site.client("reviewer_dd01").export_audit(AuditFilter(), tmp_path / "refused.xlsx")
    assert not (tmp_path / "refused.xlsx").exists()


def test_the_chain_is_verified_against_anchors_through_the_server(site: Site):
    inspector = site.client("admin_zd01")
    first = inspector.verify_audit([], None)
    assert first.ok and first.head.seq > 0
    again = inspector.verify_audit([first.head], first.head)  # incremental from the anchor just taken
    assert again.ok and again.from_seq == first.head.seq and again.anchors_checked == 1
    forged = ChainAnchor(first.head.seq, "0" * 16)
    assert [p.problem for p in inspector.verify_audit([forged], None).problems] == ["anchor"]
    with pytest.raises(PermissionDenied):
        site.client("reviewer_dd01").verify_audit([], None)


def test_audit_reconcile_over_the_server_answers_what_the_archive_answers(site: Site):
    """The report travels as itself; a role change behind the services' back is named; a reviewer is refused."""
    with site.archive.sessions.write() as session:
        session.execute(update(User).where(User.login == "locked_out").values(role="approver"))
    try:
        remote = site.client("admin_zd01").reconcile_audit()
        local = LocalClient(site.archive, Identity.user("admin_zd01")).reconcile_audit()
        assert remote == local and not remote.ok
        assert ("users", "role", "approver", "reviewer") in {
            (d.table, d.field, d.current, d.explained) for d in remote.discrepancies
        }
        with pytest.raises(PermissionDenied):
            site.client("reviewer_dd01").reconcile_audit()
    finally:
        with site.archive.sessions.write() as session:
            session.execute(update(User).where(User.login == "locked_out").values(role="reviewer"))
