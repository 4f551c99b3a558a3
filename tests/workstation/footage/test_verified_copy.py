"""The verified copy: the source's SHA-256, a durable copy, and a byte-for-byte read-back check."""

import hashlib
import os

import pytest

from workstation.footage import verified_copy
from workstation.footage.verified_copy import CopyMismatch, copy_verified, sha256_of


def test_copy_has_the_source_hash_and_bytes(tmp_path):
    source = tmp_path / "source.bin"
    source.write_bytes(os.urandom(3 * verified_copy.CHUNK_BYTES + 12345))
    result = copy_verified(source, tmp_path / "copy.part")
    assert result.sha256 == hashlib.sha256(source.read_bytes()).hexdigest() == sha256_of(tmp_path / "copy.part")
    assert result.size_bytes == source.stat().st_size
    assert (tmp_path / "copy.part").read_bytes() == source.read_bytes()


def test_a_copy_that_reads_back_differently_is_refused_and_removed(tmp_path, monkeypatch):
    """What a failing disk or share would do: the bytes read back are not the bytes written."""
    source = tmp_path / "source.bin"
    source.write_bytes(os.urandom(2 * verified_copy.CHUNK_BYTES))
    real_pread = os.pread

    def flipped(descriptor, length, offset):
        data = bytearray(real_pread(descriptor, length, offset))
        if offset > 0:
            data[7] ^= 0x40
        return bytes(data)

    monkeypatch.setattr(verified_copy.os, "pread", flipped)
    with pytest.raises(CopyMismatch, match="differs from the source"):
        copy_verified(source, tmp_path / "copy.part")
    assert not (tmp_path / "copy.part").exists()


def test_an_existing_target_is_never_overwritten(tmp_path):
    source = tmp_path / "source.bin"
    source.write_bytes(b"evidence")
    (tmp_path / "copy.part").write_bytes(b"other")
    with pytest.raises(FileExistsError):
        copy_verified(source, tmp_path / "copy.part")
    assert (tmp_path / "copy.part").read_bytes() == b"other"
