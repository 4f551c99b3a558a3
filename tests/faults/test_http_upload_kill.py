"""An ingest station uploading through the real archive server (issue 12), killed at random points: exactly once.

Station killed: a worker process (tests/faults/http_upload_worker.py: upload_ingest over the program's
HTTPS client, HttpUploadTarget) uploads a recorder to a real `workstation serve` process in 256 KiB chunks
and is killed with SIGKILL a random time after a randomly chosen acknowledged chunk — while hashing, sending
a chunk, waiting for the server's answer or its re-hash at finish, clearing a confirmed file. Each next run
resumes the upload where the server's committed bytes end (the same upload, not a new one).

Server killed: the station (this process) uploads while the server process is killed with SIGKILL at
random points of the transfer and started again on the same port; the station's tries (UploadInterrupted)
resume each interrupted file on the new process, and the run ends with every file archived.

Either way: one clip per file with the recorder's exact bytes, one upload per file (resumed, never begun
again), nothing half-written or left staged, every source cleared — and, checked after every kill, none
before the archive held it — and the audit chain intact. KILL_POINTS and KILL_SEED as in tests/faults/kill.py.
"""

import itertools
import subprocess
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Clip
from tests.faults.exactly_once import assert_archived_exactly_once, uploads
from tests.faults.kill import kill_after_line, kill_generator, kill_points, python_module
from tests.faults.test_ingest_resume import _make_recorder
from tests.faults.upload_worker import CHUNK_BYTES
from tests.helpers.access_builders import PASSWORD, add_users
from tests.helpers.archive_server import ServerProcess, restartable_server, running_server
from tests.helpers.builders import build_org
from workstation.client.connection import ServerConnection
from workstation.client.upload_target import HttpUploadTarget
from workstation.footage.types import IngestOutcome, IngestProgress
from workstation.footage.upload_ingest import UploadOptions, upload_ingest
from workstation.types import Role

STATION_KILLS = kill_points(4)
SERVER_KILLS = kill_points(2)
CLIPS = 12  # 1 to 4 MB each: about 30 MB, some 120 chunks


def _station_site(archive, tmp_path, clips: int = CLIPS) -> dict[str, str]:
    """The organisation, a station account, and a recorder in tmp_path/recorder (sha256 → name)."""
    build_org(archive)
    add_users(archive, [("station1", Role.STATION, "ZD01")])
    return _make_recorder(tmp_path / "recorder", clips)


def _station_connection(server: ServerProcess) -> ServerConnection:
    connection = ServerConnection(server.url, server.pin)
    connection.sign_in("station1", PASSWORD)
    return connection


def _one_upload_per_file(archive, expected: dict[str, str]) -> None:
    """Every file was uploaded by one upload, resumed after each interruption rather than begun again."""
    rows = uploads(archive)
    assert sorted(row.sha256 for row in rows) == sorted(expected), [(row.original_name, row.outcome) for row in rows]


def _cleared_only_if_archived(archive, recorder: Path, expected: dict[str, str]) -> None:
    """No file has left the recorder that the archive does not hold."""
    gone = {sha256 for sha256, name in expected.items() if not (recorder / name).exists()}
    with archive.sessions.read() as session:
        archived = set(session.scalars(select(Clip.sha256)))
    assert gone <= archived, f"cleared but not archived: {sorted(expected[sha] for sha in gone - archived)}"


@pytest.mark.slow
@pytest.mark.soak
def test_a_station_killed_while_uploading_through_the_server_resumes_exactly_once(archive, database_kind, tmp_path):
    expected = _station_site(archive, tmp_path)
    recorder = tmp_path / "recorder"
    total_chunks = sum(path.stat().st_size for path in recorder.iterdir()) // CHUNK_BYTES
    generator = kill_generator(20261214)
    with running_server(database_kind, archive, tmp_path) as server:
        connection = _station_connection(server)
        command, env = python_module("tests.faults.http_upload_worker")
        env["WORKSTATION_TEST_TOKEN"] = str(connection.token)
        worker = [*command, server.url, str(server.pin), str(recorder), "--clear-source"]
        kills = part_way = runs = 0
        while kills < STATION_KILLS and runs < 3 * STATION_KILLS:  # each run gets further: later kills sooner
            runs += 1
            line = generator.randrange(0, max(1, total_chunks // (kills + 1)))
            if kill_after_line(worker, env, tmp_path, line, generator.uniform(0.0, 0.05), f"run {runs}") is None:
                kills += 1
                part_way += any(upload.outcome is None and upload.received_bytes for upload in uploads(archive))
            _cleared_only_if_archived(archive, recorder, expected)
        final = subprocess.run(worker, env=env, cwd=tmp_path, capture_output=True, text=True)
        connection.close()
    assert final.returncode == 0, final.stderr
    assert kills >= STATION_KILLS - 1, f"only {kills} runs were killed before they finished"
    assert part_way, "a killed run left an upload part-way, which a later run resumed"
    _one_upload_per_file(archive, expected)
    assert_archived_exactly_once(archive, recorder, expected)


@pytest.mark.slow
@pytest.mark.soak
def test_the_server_killed_mid_upload_and_restarted_the_station_resumes_exactly_once(archive, database_kind, tmp_path):
    expected = _station_site(archive, tmp_path, max(CLIPS, SERVER_KILLS + 2))
    recorder = tmp_path / "recorder"
    sizes = [path.stat().st_size for path in sorted(recorder.iterdir())]  # the order the station sends them
    starts, total = list(itertools.accumulate([0, *sizes])), sum(sizes)
    generator = kill_generator(20261215)
    # one kill per file at most (a file's tries are few), a random way into it
    files = sorted(generator.sample(range(1, len(sizes)), SERVER_KILLS))
    moments = [starts[n] + int(sizes[n] * generator.uniform(0.1, 0.9)) for n in files]
    acknowledged = [0]

    def progress(report: IngestProgress) -> None:
        acknowledged[0] = report.bytes_done

    with restartable_server(database_kind, archive, tmp_path) as server:
        connection = _station_connection(server.current)
        options = UploadOptions(station="采集站1", clear_source=True, chunk_bytes=CHUNK_BYTES)  # the station's tries
        outcome: list[object] = []

        def station() -> None:
            try:
                outcome.append(upload_ingest(HttpUploadTarget(connection), [recorder], options, progress))
            except Exception as error:  # judged below
                outcome.append(error)

        uploading = threading.Thread(target=station)
        uploading.start()
        part_way = 0
        for moment in moments:
            while acknowledged[0] < moment and uploading.is_alive():
                time.sleep(0.005)
            server.kill()
            part_way += any(upload.outcome is None and upload.received_bytes for upload in uploads(archive))
            _cleared_only_if_archived(archive, recorder, expected)
            print(f"server killed after {acknowledged[0]} of {total} bytes acknowledged")
            server.start()
        uploading.join(timeout=300)
        connection.close()
    (report,) = outcome
    assert not isinstance(report, Exception), report
    assert part_way, "a kill left an upload part-way, which the station resumed on the new server"
    assert sorted(result.outcome for result in report.results) == [IngestOutcome.IMPORTED] * len(expected)
    assert all(result.source_cleared for result in report.results)
    _one_upload_per_file(archive, expected)
    assert_archived_exactly_once(archive, recorder, expected)
