"""workstation.atomic_file: the target appears whole or not at all, and partial files of dead processes go."""

import os
import subprocess
import sys

import pytest

from workstation import atomic_file
from workstation.atomic_file import PARTIAL_SUFFIX, process_alive, replacing


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_target_takes_the_written_content_only_when_the_block_ends(tmp_path):
    target = tmp_path / "台帐.xlsx"
    target.write_bytes(b"old")
    with replacing(target) as partial:
        partial.write_bytes(b"new")
        assert target.read_bytes() == b"old"
        assert partial.parent == tmp_path and partial.name.startswith(".台帐.xlsx.")
    assert target.read_bytes() == b"new"
    assert [path.name for path in tmp_path.iterdir()] == ["台帐.xlsx"]


def test_a_failed_write_leaves_the_old_target_and_no_partial_file(tmp_path):
    target = tmp_path / "log.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(target) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["log.xlsx"]


def test_partial_files_of_dead_processes_on_this_computer_are_removed(tmp_path):
    host = atomic_file._host()
    dead = tmp_path / f".log.xlsx.{host}-{_dead_pid()}{PARTIAL_SUFFIX}"
    alive = tmp_path / f".log.xlsx.{host}-{os.getppid()}{PARTIAL_SUFFIX}"
    other_computer = tmp_path / f".log.xlsx.elsewhere-{_dead_pid()}{PARTIAL_SUFFIX}"
    other_file = tmp_path / f".other.xlsx.{host}-{_dead_pid()}{PARTIAL_SUFFIX}"
    for path in (dead, alive, other_computer, other_file):
        path.write_bytes(b"half")
    with alive.open("rb"), replacing(tmp_path / "log.xlsx") as partial:  # a live writer holds its file open
        partial.write_bytes(b"whole")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["log.xlsx", alive.name, other_computer.name, other_file.name]
    )


def test_process_alive():
    assert process_alive(os.getpid())
    assert not process_alive(_dead_pid())
