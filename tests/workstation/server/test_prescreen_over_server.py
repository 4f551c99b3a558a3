"""The pre-screen through the archive server: the findings, decisions, figures and day recompute act as the
token's user; a scan asked by an administrator runs on the server (where the media are) with its progress
followed by the client and `workstation --server … prescreen`, while a reviewer is refused (exit 2)."""

import json
import threading

import pytest

from tests.helpers.archive_server import running_server
from tests.helpers.builders import add_user, build_org
from tests.helpers.prescreen_builders import DAY, problem_day, real_clips
from tests.helpers.remote_clients import signed_in_clients
from workstation import cli
from workstation.cli.target import store_token
from workstation.errors import PermissionDenied
from workstation.prescreen.types import FindingFilter, FindingStatus
from workstation.types import Role


def test_prescreen_over_the_server(archive, database_kind, tmp_path, capsys):
    build_org(archive)
    add_user(archive, "rev_dd02", Role.REVIEWER, "DD02")
    clips = problem_day(archive)
    good = real_clips(archive, tmp_path, 2, badge="010203")
    with running_server(database_kind, archive, tmp_path) as server, signed_in_clients(server) as client:
        alice, beside = client("alice"), client("rev_dd02")
        assert alice.recompute_day_findings(None, DAY, DAY) == 1
        [late] = alice.clip_findings([clips.late])
        assert late.kind == "late_upload" and late.day == DAY and beside.clip_findings([clips.late]) == []
        decided = alice.decide_finding(late.id, False, "采集站故障，已报修")
        assert decided.status is FindingStatus.DISMISSED and decided.note == "采集站故障，已报修"
        with pytest.raises(PermissionDenied, match="finding_review_denied"):
            beside.decide_finding(late.id, True, "")
        figures = {(figure.kind, figure.model): figure for figure in alice.prescreen_figures(FindingFilter())}
        assert figures["late_upload", "DSJ-V9"].dismissed == 1
        with pytest.raises(PermissionDenied, match="prescreen_scan_denied"):  # a reviewer starts no scan
            alice.scan_prescreen(None, None, None, 2, threading.Event(), print)
        seen, admin = [], client("admin")
        report = admin.scan_prescreen("DD01", DAY, DAY, 1, threading.Event(), seen.append)
        assert (report.scanned, report.failed) == (2, 5)  # the problem day's clips have no files
        assert seen and seen[-1].done == seen[-1].total == 7
        assert alice.clip_findings(good) == []  # scanned: normal footage

        store_token(server.url, alice.connection.token)  # `workstation --server URL login` as alice
        remote = ["--server", server.url, "--pin", str(server.pin), "prescreen"]
        assert cli.main(remote) == 2
        assert "管理员" in capsys.readouterr().err
        store_token(server.url, admin.connection.token)  # the administrator, on the command line
        assert cli.main([*remote, "--unit", "DD01", "--workers", "1"]) == 0
        assert "已扫描 0 个文件" in capsys.readouterr().err  # all done: the server scans nothing twice
        store_token(server.url, alice.connection.token)
        assert cli.main([*remote, "findings", "--kind", "gap", "--format", "json"]) == 0
        [gap] = json.loads(capsys.readouterr().out)
        assert gap["kind"] == "gap" and gap["status"] == "pending" and gap["day"] == DAY.isoformat()
        assert cli.main([*remote, "decide", str(gap["id"]), "--confirm", "--note", "中途关机"]) == 0
        assert "已确认" in capsys.readouterr().out
        assert cli.main([*remote, "decide", str(gap["id"]), "--dismiss", "--user", "alice"]) == 2  # not here
        assert "--user" in capsys.readouterr().err
