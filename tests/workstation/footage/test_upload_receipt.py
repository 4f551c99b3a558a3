"""An upload's bytes written as they arrive, with a running SHA-256 (workstation.footage.upload_receipt).

Finish trusts the running hash only while it covers exactly the counted bytes; after a restart (the hash
lived in the process's memory, emptied here as a restart empties it) it re-hashes the staged file, so bytes
changed on the disk in between are still refused. An append whose bytes stop early counts what arrived.
"""

import hashlib

import pytest

from tests.helpers.builders import build_org, video
from workstation.errors import UploadRefused
from workstation.footage import upload_receipt
from workstation.footage.types import IngestOutcome, UploadSpec
from workstation.footage.upload import append_chunk, begin_upload, finish_upload, start_append
from workstation.footage.upload_receipt import staging
from workstation.identity import Identity

STATION = Identity.system("采集站1")


def _begun(archive, tmp_path):
    build_org(archive)
    path = video(tmp_path / "DEV0001_010203_20261121083000_0001.MP4")
    data = path.read_bytes()
    spec = UploadSpec("采集站1", "rec/" + path.name, path.name, len(data), hashlib.sha256(data).hexdigest())
    return begin_upload(archive, STATION, spec), data


def _restarted() -> None:
    """What a server restart does to the running hashes: they lived in the old process's memory."""
    upload_receipt._running.clear()


def test_the_running_hash_covers_exactly_the_counted_bytes_and_archives(archive, tmp_path):
    state, data = _begun(archive, tmp_path)
    third = len(data) // 3
    for offset in (0, third, 2 * third):
        append_chunk(
            archive, STATION, state.upload_id, offset, data[offset : offset + third if offset < 2 * third else None]
        )

    if upload_receipt.SHARED_LOCKS:
        assert upload_receipt._running[state.upload_id].offset == len(data)
    result = finish_upload(archive, STATION, state.upload_id)

    assert result.outcome is IngestOutcome.IMPORTED and result.sha256 == hashlib.sha256(data).hexdigest()
    assert state.upload_id not in upload_receipt._running


@pytest.mark.parametrize("restart_before_last_chunk", [True, False])
def test_after_a_restart_finish_rehashes_the_staged_file_and_refuses_bytes_changed_there(
    archive, tmp_path, restart_before_last_chunk
):
    state, data = _begun(archive, tmp_path)
    half = len(data) // 2
    append_chunk(archive, STATION, state.upload_id, 0, data[:half])
    if restart_before_last_chunk:
        _restarted()
    append_chunk(archive, STATION, state.upload_id, half, data[half:])
    _restarted()
    staged = staging(archive, state.upload_id)
    with staged.open("r+b") as handle:  # a disk fault (or a hand) changes one stored byte
        handle.seek(10)
        byte = handle.read(1)
        handle.seek(10)
        handle.write(bytes([byte[0] ^ 1]))

    with pytest.raises(UploadRefused):
        finish_upload(archive, STATION, state.upload_id)


def test_after_a_restart_an_intact_upload_is_archived_by_the_rehash(archive, tmp_path):
    state, data = _begun(archive, tmp_path)
    half = len(data) // 2
    append_chunk(archive, STATION, state.upload_id, 0, data[:half])
    _restarted()
    append_chunk(archive, STATION, state.upload_id, half, data[half:])

    assert state.upload_id not in upload_receipt._running, "no hash of the bytes before the restart"
    assert finish_upload(archive, STATION, state.upload_id).outcome is IngestOutcome.IMPORTED


def test_an_append_whose_bytes_stop_early_counts_what_arrived_and_resumes_there(archive, tmp_path):
    state, data = _begun(archive, tmp_path)
    appending = start_append(archive, STATION, state.upload_id, 0, len(data))
    assert not isinstance(appending, type(state))
    appending.write(data[:1000])
    appending.write(data[1000:2500])

    stopped = appending.finish()  # the connection broke after 2,500 bytes

    assert stopped.received == 2500 and staging(archive, state.upload_id).stat().st_size == 2500
    append_chunk(archive, STATION, state.upload_id, 2500, data[2500:])
    result = finish_upload(archive, STATION, state.upload_id)
    assert result.outcome is IngestOutcome.IMPORTED and result.sha256 == hashlib.sha256(data).hexdigest()
