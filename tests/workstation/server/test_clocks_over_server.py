"""Recorder clocks through the archive server: the client's calls as the token's user (refusals arrive typed),
and `workstation --server URL clock show|measure|correct|revert`. Not in the clock matrix: the times are given
explicitly (the clock arithmetic's own tests are tests/workstation/footage/test_clocks.py), and a server started
under a shifted program clock signs its TLS certificate from that clock, which the real one does not yet trust."""

from datetime import date, timedelta

import pytest

from tests.helpers.access_builders import add_users
from tests.helpers.archive_server import running_server
from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from tests.helpers.remote_clients import signed_in_clients
from workstation import cli
from workstation.cli.target import store_token
from workstation.errors import ClockError, PermissionDenied
from workstation.footage.types import ClockMeasurementSpec, ClockSource
from workstation.types import Role


def test_recorder_clocks_over_the_server(archive, database_kind, tmp_path, capsys):
    build_org(archive)
    add_users(archive, [("clock_admin", Role.ADMIN, "ZD01"), ("clock_reviewer", Role.REVIEWER, "ZD01")])
    clip = add_clip(archive, "010203", DAY_START, 60)
    day = DAY_START.date()
    spec = ClockMeasurementSpec("DEV0001", DAY_START + timedelta(seconds=12), DAY_START, clip, "画面时间比对")
    with running_server(database_kind, archive, tmp_path) as server, signed_in_clients(server) as client:
        admin = client("clock_admin")
        row = admin.record_clock_measurement(spec)
        assert (row.offset_ms, row.source, row.recorded_by, row.clip_id) == (
            12_000,
            ClockSource.ADMIN,
            "clock_admin",
            clip,
        )
        with pytest.raises(PermissionDenied, match="devices_admin_only"):
            client("clock_reviewer").record_clock_measurement(spec)
        with pytest.raises(ClockError, match="clock_period_reversed"):
            admin.correct_clock("DEV0001", day, date(2026, 1, 1), "对时")
        correction = admin.correct_clock("DEV0001", day, day, "记录仪快 12 秒")
        assert correction.clips == 1 and correction.offset_ms == 12_000
        [listed] = admin.get_clips([clip])
        assert listed.recorded_start == DAY_START and listed.corrected_start == DAY_START - timedelta(seconds=12)
        recorder = admin.recorder_clock("DEV0001")
        assert recorder.fit is not None and recorder.fit.drift_s_per_day is None
        assert [c.id for c in recorder.corrections] == [correction.id]
        assert admin.revert_clock_correction(correction.id, "").reverted_by == "clock_admin"

        store_token(server.url, admin.connection.token)  # `workstation --server URL login` as clock_admin
        remote = ["--server", server.url, "--pin", str(server.pin), "clock"]
        measure = ["--recorder-time", "2026-11-23 08:30:20", "--true-time", "2026-11-23 08:30:00"]
        assert cli.main([*remote, "measure", "dev0001", *measure, "--note", "报警台"]) == 0
        assert "+20.0 s" in capsys.readouterr().out
        assert cli.main([*remote, "correct", "DEV0001", "--from", "2026-11-21", "--to", "2026-11-21"]) == 2
        assert "--reason" in capsys.readouterr().err
        assert (
            cli.main([*remote, "correct", "DEV0001", "--from", "2026-11-21", "--to", "2026-11-21", "--reason", "漂移"])
            == 0
        )
        line = capsys.readouterr().out
        assert "1 个文件\t有效" in line and "漂移 +4.00 s/天" in line  # 12 s on 11-21 08:30, 20 s on 11-23 08:30
        assert cli.main([*remote, "show", "DEV0001"]) == 0
        shown = capsys.readouterr().out
        assert "记录仪 DEV0001（DD01）" in shown and "拟合（2 点）" in shown and "管理员登记" in shown
        assert "已撤销" in shown and shown.count("校正 ") == 2
        newest = max(c.id for c in admin.recorder_clock("DEV0001").corrections)
        assert cli.main([*remote, "revert", str(newest), "--reason", "测试"]) == 0
        assert "已撤销" in capsys.readouterr().out
        assert cli.main([*remote, "revert", "x1"]) == 2
        assert "没有编号为 x1 的时钟校正" in capsys.readouterr().err
