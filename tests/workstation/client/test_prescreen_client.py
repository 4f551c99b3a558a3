"""The pre-screen through the archive client in-process (SQLite and PostgreSQL): an administrator scans the units
in their charge with progress (a reviewer may not start a scan), users list, decide and count the findings; each
call is its own transaction."""

import threading
from datetime import timedelta

import pytest

from tests.helpers.builders import add_user, build_org
from tests.helpers.clients import client_for
from tests.helpers.playback_builders import DAY_START
from tests.helpers.prescreen_builders import DAY, corrupt_clip, problem_day, real_clips
from workstation.errors import PermissionDenied
from workstation.prescreen.types import FindingFilter, FindingStatus
from workstation.types import Role


def test_scan_list_decide_and_count(archive, tmp_path):
    build_org(archive)
    add_user(archive, "rev_dd02", Role.REVIEWER, "DD02")
    add_user(archive, "admin_dd02", Role.ADMIN, "DD02")
    clips = problem_day(archive)
    good = real_clips(archive, tmp_path, 1, badge="010204")  # DD02's
    corrupt = corrupt_clip(archive, tmp_path, DAY_START + timedelta(hours=3))
    admin, beside = client_for(archive, "admin"), client_for(archive, "rev_dd02")
    seen = []

    with pytest.raises(PermissionDenied, match="prescreen_scan_denied"):  # a reviewer starts no scan
        beside.scan_prescreen("DD02", None, None, 1, threading.Event(), seen.append)
    with pytest.raises(PermissionDenied, match="prescreen_unit_denied"):
        client_for(archive, "admin_dd02").scan_prescreen("DD01", None, None, 1, threading.Event(), seen.append)
    report = client_for(archive, "admin_dd02").scan_prescreen("DD02", None, None, 1, threading.Event(), seen.append)
    assert (report.scanned, report.failed) == (1, 0) and [p.clip_id for p in seen] == good
    report = admin.scan_prescreen(None, DAY, DAY, 2, threading.Event(), seen.append)
    assert report.scanned == 1 and report.failed == 5  # the problem day's clips have no files
    assert admin.recompute_day_findings("DD01", DAY, DAY) == 1

    [undecodable] = admin.clip_findings([corrupt])
    assert undecodable.kind == "undecodable" and beside.clip_findings([corrupt]) == []
    decided = admin.decide_finding(undecodable.id, True, "无法解码")
    assert decided.status is FindingStatus.CONFIRMED and decided.decided_by == "admin"
    with pytest.raises(PermissionDenied, match="finding_review_denied"):
        beside.decide_finding(undecodable.id, False, "")
    pending = admin.prescreen_findings(FindingFilter(status=FindingStatus.PENDING, kinds=("late_upload",)), 10)
    assert [(row.kind, row.clip_id) for row in pending] == [("late_upload", clips.late)]
    figures = {(figure.kind, figure.model): figure for figure in admin.prescreen_figures(FindingFilter())}
    assert figures["undecodable", "DSJ-V9"].precision == 1.0
    with pytest.raises(PermissionDenied, match="prescreen_unit_denied"):
        beside.prescreen_figures(FindingFilter(unit_code="DD01"))
