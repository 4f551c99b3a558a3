"""`workstation prescreen` and `clips --format json` on an archive opened here, as the README types them."""

import json
from datetime import timedelta

import pytest

from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START
from tests.helpers.prescreen_builders import DAY, corrupt_clip, real_clips
from workstation import cli
from workstation.archive import Archive


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    build_org(archive)
    good = real_clips(archive, tmp_path, 2)
    corrupt = corrupt_clip(archive, tmp_path, DAY_START + timedelta(hours=1))
    archive.close()
    return folder, good, corrupt


def test_scan_then_clips_json_lists_the_findings(folder, capsys):
    folder, good, corrupt = folder
    assert cli.main(["--archive", str(folder), "prescreen", "--workers", "2"]) == 0
    err = capsys.readouterr().err
    assert "预筛查 3/3" in err and "已扫描 3 个文件，无法读取 0 个" in err
    assert cli.main(["--archive", str(folder), "prescreen"]) == 0  # nothing left to scan
    assert "已扫描 0 个文件" in capsys.readouterr().err

    assert cli.main(["--archive", str(folder), "clips", "--format", "json"]) == 0
    listed = {row["id"]: row["findings"] for row in json.loads(capsys.readouterr().out)}
    assert listed[good[0]] == [] and listed[good[1]] == []
    [undecodable] = listed[corrupt]
    assert undecodable == {"kind": "undecodable", "start_ms": 0, "end_ms": 0, "confidence": 1.0, "status": "pending"}

    assert cli.main(["--archive", str(folder), "prescreen", "findings", "--kind", "undecodable"]) == 0
    finding_id = capsys.readouterr().out.split("\t")[0]
    decide = ["--archive", str(folder), "prescreen", "decide", finding_id, "--dismiss"]
    assert cli.main(decide) == 2
    assert "--user" in capsys.readouterr().err
    assert cli.main([*decide, "--user", "alice", "--note", "可播放"]) == 0
    assert "已排除" in capsys.readouterr().out
    assert cli.main(["--archive", str(folder), "prescreen", "figures", "--from", str(DAY), "--to", str(DAY)]) == 0
    assert "undecodable\tDSJ-V9\t待复核 0\t确认 0\t排除 1\t准确率 0%" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--from", "2026-11-22", "--to", "2026-11-21"], "早于起始日期"),
        (["--unit", "XX99"], "不在您的管辖范围内"),
        (["days"], "需要 --from 和 --to"),
        (["decide", "1", "--confirm", "--user", "alice"], "无权复核发现 1"),
    ],
)
def test_bad_input_exits_2_with_a_plain_message(folder, capsys, arguments, said):
    folder, *_ = folder
    assert cli.main(["--archive", str(folder), "prescreen", *arguments]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err


def test_a_bad_worker_count_is_a_usage_error(folder, capsys):
    folder, *_ = folder
    with pytest.raises(SystemExit) as ended:
        cli.main(["--archive", str(folder), "prescreen", "--workers", "0"])
    assert ended.value.code == 2 and "--workers" in capsys.readouterr().err
