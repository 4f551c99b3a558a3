"""clock_drift findings (SQLite and PostgreSQL): an officer's day recorded with a recorder whose fitted clock
drift is beyond the limit gets one, more confident the further beyond; a decision survives recomputes; a clock
sync (a new fit with no drift yet) takes the pending ones away; the scan's end recomputes them too."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import Device, PrescreenFinding
from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from tests.helpers.prescreen_builders import DAY, real_clips
from workstation import clock, config
from workstation.footage import clocks
from workstation.footage.devicelog import LogEvent
from workstation.footage.types import ClockMeasurementSpec, DeviceEventType
from workstation.identity import Identity
from workstation.prescreen import day, review
from workstation.prescreen.scan import scan_pending
from workstation.prescreen.types import FindingStatus

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)
SYSTEM = Identity.system("tests")
NEXT = DAY + timedelta(days=1)
NOW = DAY_START + timedelta(days=3)


def _measure(archive, device_no: str, true_time: datetime, fast_s: float) -> None:
    spec = ClockMeasurementSpec(device_no, true_time + timedelta(seconds=fast_s), true_time)
    with archive.sessions.write() as session:
        clocks.record_measurement(session, Identity.user("admin"), spec, true_time)


def _drift(archive) -> dict[tuple[int, object], tuple[str, int, int, float, str]]:
    with archive.sessions.read() as session:
        rows = session.execute(select(PrescreenFinding).where(PrescreenFinding.kind == "clock_drift")).scalars()
        return {
            (row.officer_id, row.day): (row.key, row.start_ms, row.end_ms, row.confidence, row.status) for row in rows
        }


def _ms(moment: datetime) -> int:
    return int((moment - datetime.combine(moment.date(), datetime.min.time())).total_seconds() * 1000)


def _limit(isolated_config, limit: float) -> None:
    isolated_config.mkdir(parents=True, exist_ok=True)
    (isolated_config / config.SETTINGS_FILE).write_text(f"[clocks]\ndrift_limit_s_per_day = {limit}\n")


def test_each_day_with_a_drifting_recorder_gets_a_finding_and_a_decision_survives(archive, isolated_config):
    build_org(archive)
    first = add_clip(archive, "010203", DAY_START, 60)
    add_clip(archive, "010203", DAY_START + timedelta(hours=2), 30)
    add_clip(archive, "010203", DAY_START + timedelta(days=1), 20)
    add_clip(archive, "010204", DAY_START, 20)  # DEV0002 keeps time: no finding
    _measure(archive, "DEV0001", DAY_START - timedelta(hours=2), 2.0)
    _measure(archive, "DEV0001", DAY_START + timedelta(days=1, hours=-2), 12.0)  # 10 s a day fast
    _measure(archive, "DEV0002", DAY_START - timedelta(hours=2), 1.0)
    _measure(archive, "DEV0002", DAY_START + timedelta(days=1, hours=-2), 2.5)  # 1.5 s a day: within 2
    _limit(isolated_config, 4.0)

    assert day.recompute(archive.sessions, SYSTEM, None, DAY, NEXT, now=NOW) == 3

    with archive.sessions.read() as session:
        officer, device = session.execute(
            select(Device.holder_officer_id, Device.id).where(Device.device_no == "DEV0001")
        ).one()
    found = _drift(archive)
    assert set(found) == {(officer, DAY), (officer, NEXT)}
    key, start_ms, end_ms, confidence, status = found[officer, DAY]
    assert key == f"clock_drift:o{officer}:{DAY}:d{device}" and status == "pending"
    assert (start_ms, end_ms) == (_ms(DAY_START), _ms(DAY_START + timedelta(hours=2, seconds=30)))
    assert confidence == 1.0  # 6 s a day beyond a limit of 4: more than twice the limit
    _limit(isolated_config, 8.0)  # 2 s beyond the limit: less sure
    day.recompute(archive.sessions, SYSTEM, None, DAY, NEXT, now=NOW)
    assert _drift(archive)[officer, DAY][3] == pytest.approx(0.625, abs=0.01)

    with archive.sessions.read() as session:
        finding_id = session.scalars(select(PrescreenFinding.id).where(PrescreenFinding.key == key)).one()
    review.decide_finding(archive.sessions, Identity.user("admin"), finding_id, False, "已校时")
    add_clip(archive, "010203", DAY_START - timedelta(hours=1), 10)  # the day now starts earlier
    day.recompute(archive.sessions, SYSTEM, None, DAY, NEXT, now=NOW)
    after = _drift(archive)
    assert after[officer, DAY] == (key, start_ms, end_ms, 0.625, "dismissed")  # as the person left it
    assert after[officer, NEXT][4] == "pending"

    with archive.sessions.write() as session:  # the recorder is set right: a new fit, no drift known yet
        sync = LogEvent(NOW - timedelta(hours=1), DeviceEventType.CLOCK_SYNC, "", NOW - timedelta(hours=1, seconds=30))
        clocks.record_log_measurements(session, "tests", device, first, [sync], NOW)
    day.recompute(archive.sessions, SYSTEM, None, DAY, NEXT, now=NOW)
    assert set(_drift(archive)) == {(officer, DAY)}  # the pending one went, the decided one stays
    assert _drift(archive)[officer, DAY][4] == FindingStatus.DISMISSED


def test_a_scan_recomputes_the_clock_drift_of_the_days_it_touched(archive, tmp_path, isolated_config):
    build_org(archive)
    real_clips(archive, tmp_path, 1)
    _measure(archive, "DEV0001", DAY_START - timedelta(days=1), -4.0)
    _measure(archive, "DEV0001", DAY_START - timedelta(hours=1), 3.0)  # 7 s a day fast
    _limit(isolated_config, 2.0)

    with clock.simulated(NOW):
        report = scan_pending(archive, SYSTEM, workers=1)

    assert report.scanned == 1
    [(officer_day, (_key, _start, _end, confidence, status))] = _drift(archive).items()
    assert officer_day[1] == DAY and status == "pending" and confidence == 1.0
