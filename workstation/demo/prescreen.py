"""The demo archive's pre-screen (issue 17): footage that shows findings, and a reviewer who has looked at some.

Yesterday three recordings have a stretch a reviewer should see (a covered lens, a dead microphone, a frozen
picture: workstation.demo.synth.Problem), and one recorder's clock runs fast by DRIFT_S_PER_DAY, measured by the
dock lines its log carries (接入工作站 with the station's time, README "Recorder clocks (R3)"), so the recorder
clocks find it drifting. Once everything is archived the demo scans all footage (as the station, which holds
it), which also works out the officer's-day findings and the clock_drift ones; then the brigade's reviewer
confirms the covered lens and dismisses a day without a case link, so the review figures have content.
"""

from datetime import datetime, timedelta

from workstation.archive import Archive
from workstation.demo.synth import Problem
from workstation.footage.devicelog import LogEvent
from workstation.footage.types import DeviceEventType
from workstation.identity import Identity
from workstation.prescreen import queries, review
from workstation.prescreen.scan import scan_pending
from workstation.prescreen.types import FindingFilter, ScanReport

PROBLEM_OFFICERS = {Problem.COVERED: 0, Problem.SILENT: 1, Problem.FROZEN: 2}
"""Whose recording (by roster index, modulo its length) shows which problem, yesterday. Officer 0 is in
城东区大队 (DD01), whose reviewer decides."""
PROBLEM_SECONDS, PROBLEM_SPAN_S = 9, (2.0, 7.0)
"""A problem recording's length and its problem's stretch (longer than the detectors' 3 s minimum)."""
DRIFT_OFFICER = 1
DRIFT_S_PER_DAY = 8.0
DRIFT_START_S = 2.0
"""The fast recorder (by roster index): 2 s fast at the start of the period, 8 s more each day (the limit is 2)."""
SYNC_OFFICER = 2
"""A recorder (by roster index) whose clock the station set yesterday morning (a 校时 line, 1 s slow before it)."""
SCAN_WORKERS = 2


def dock_line(moment: datetime, since: datetime) -> LogEvent:
    """A dock line at recorder time `moment`, with the station's (true) time beside it."""
    fast_s = DRIFT_START_S + DRIFT_S_PER_DAY * (moment - since) / timedelta(days=1)
    true_time = moment - timedelta(seconds=round(fast_s))
    return LogEvent(moment, DeviceEventType.DOCK, f"{true_time:%Y-%m-%d %H:%M:%S}")


def sync_line(moment: datetime) -> LogEvent:
    """A clock-sync line: the recorder showed `moment` and was set to the true time, 1 s later."""
    return LogEvent(moment, DeviceEventType.CLOCK_SYNC, f"{moment + timedelta(seconds=1):%Y-%m-%d %H:%M:%S}")


def prescreen_demo(archive: Archive, station: str, reviewer: str, unit_code: str) -> ScanReport:
    """Scan the demo's footage, then the reviewer's two decisions (see the module)."""
    report = scan_pending(archive, Identity.system(station), workers=SCAN_WORKERS)
    who = Identity.user(reviewer)
    with archive.sessions.read() as session:
        covered = queries.find(session, who, FindingFilter(unit_code, kinds=(Problem.COVERED.value,)), 1)
        no_case = queries.find(session, who, FindingFilter(unit_code, kinds=("no_case_link",)), 1)
    if covered:
        review.decide_finding(archive.sessions, who, covered[0].id, True, "镜头被遮挡约 5 秒，已提醒当事民警")
    if no_case:
        review.decide_finding(archive.sessions, who, no_case[0].id, False, "当日为巡查勤务，无案件")
    return report
