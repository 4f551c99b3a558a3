"""`workstation clock …` on an archive opened here, and `clips --format json`'s corrected_start beside the
recorder's own time."""

import json
from datetime import timedelta

import pytest

from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from workstation import cli
from workstation.archive import Archive

pytestmark = pytest.mark.clock


def test_measure_correct_and_the_clips_json(tmp_path, capsys):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    build_org(archive)
    clip = add_clip(archive, "010203", DAY_START, 60)
    archive.close()
    clock = ["--archive", str(folder), "clock"]
    times = ["--recorder-time", "2026-11-21 08:30:07", "--true-time", "2026-11-21T08:30:00"]
    assert cli.main([*clock, "measure", "DEV0001", *times]) == 2  # who measures? an administrator, by --user
    assert "--user" in capsys.readouterr().err
    assert cli.main([*clock, "measure", "DEV0001", *times, "--user", "admin", "--clip", str(clip)]) == 0
    assert cli.main([*clock, "correct", "DEV0001", "--from", "2026-11-21", "--to", "2026-11-21"]) == 2
    assert "workstation clock correct 须给出 --reason" in capsys.readouterr().err
    correct = ["--from", "2026-11-21", "--to", "2026-11-21", "--reason", "快 7 秒", "--user", "admin"]
    assert cli.main([*clock, "correct", "DEV0001", *correct]) == 0
    assert cli.main([*clock, "show", "DEV0001"]) == 0  # the computer's account reads
    out = capsys.readouterr().out
    assert "2026-11-21 08:30:00\t记录仪 2026-11-21 08:30:07\t+7.0 s\t管理员登记\tadmin\t文件 1" in out
    assert "漂移 未知（仅一个时刻）" in out
    assert cli.main(["--archive", str(folder), "clips", "--format", "json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["recorded_start"] == "2026-11-21T08:30:00+08:00" and row["clock_offset_ms"] == -7000
    assert row["corrected_start"] == (DAY_START - timedelta(seconds=7)).isoformat() + "+08:00"
    with pytest.raises(SystemExit) as usage:
        cli.main([*clock, "measure", "DEV0001", "--recorder-time", "yesterday"])
    assert usage.value.code == 2 and "“yesterday”不是 YYYY-MM-DD HH:MM:SS" in capsys.readouterr().err
