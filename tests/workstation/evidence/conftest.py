"""Original files for the package tests: real H.264 clips and a larger file of random bytes with a Chinese name."""

import random
from pathlib import Path

import pytest

from tests.helpers.builders import video


def random_file(path: Path, size: int, seed: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


@pytest.fixture
def originals(tmp_path: Path) -> list[Path]:
    """Two real clips (the camera's names) and a 9 MiB file (more than two read chunks) named in Chinese."""
    folder = tmp_path / "archive"
    return [
        video(folder / "DSJ001_012345_20261130083000_0001.MP4", seed=1),
        video(folder / "DSJ001_012345_20261130083100_0002.MP4", seed=2),
        random_file(folder / "执法现场_录音.WAV", 9 * 1024 * 1024 + 17, seed=3),
    ]
