"""clock_drift findings: an officer's day recorded with a recorder whose clock drifts beyond the limit.

The recorder clocks (workstation.footage.clocks.drifting_recorders) say which recorders drift by more than
`[clocks] drift_limit_s_per_day` since their last clock sync. The finding sits on each **officer-day** recorded
with such a recorder since that sync (not on the recorder): that is where a reviewer meets the wrong times —
the officer's day timeline, the time at the playhead — and where a person confirms or dismisses it, per day,
like the other day findings. Its span runs from the first to the last recording of the day made with the
recorder (ms from the day's midnight, corrected times); its key names the recorder, so a decision survives a
recompute however the day's clips change. Confidence grows with how far beyond the limit the drift is: 0.5 just
beyond it, 1.0 at twice the limit or more.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip
from workstation import config
from workstation.footage.clocks import drift_limit, drifting_recorders
from workstation.footage.types import DriftingRecorder
from workstation.prescreen.store import Found
from workstation.prescreen.types import DayFindingKind

KIND = DayFindingKind.CLOCK_DRIFT.value


@dataclass(frozen=True)
class Drifting:
    """The recorders drifting beyond the limit now, by device id, and the limit (s/day) they were judged by."""

    recorders: dict[int, DriftingRecorder]
    limit_s_per_day: float

    @classmethod
    def load(cls, session: Session, now: datetime) -> "Drifting":
        limit = drift_limit(config.load_settings())
        return cls({row.device_id: row for row in drifting_recorders(session, now, limit)}, limit)

    def confidence(self, recorder: DriftingRecorder) -> float:
        beyond = abs(recorder.drift_s_per_day) - self.limit_s_per_day
        return round(min(1.0, 0.5 + 0.5 * beyond / max(self.limit_s_per_day, 0.1)), 3)


def key(officer_id: int, day: date, device_id: int) -> str:
    return f"{KIND}:o{officer_id}:{day.isoformat()}:d{device_id}"


def day_findings(session: Session, officer_id: int, day: date, drifting: Drifting) -> list[Found]:
    """One clock_drift finding per drifting recorder the officer recorded with on `day` (corrected times) since
    the recorder's last sync."""
    if not drifting.recorders:
        return []
    midnight = datetime.combine(day, time.min)
    rows = session.execute(
        select(Clip.device_id, Clip.unit_id, Clip.recorded_start, Clip.clock_offset_ms, Clip.duration_ms).where(
            Clip.officer_id == officer_id,
            Clip.device_id.in_(list(drifting.recorders)),
            Clip.recorded_start >= midnight - timedelta(days=1),
            Clip.recorded_start < midnight + timedelta(days=2),
        )
    )
    spans: dict[int, tuple[int | None, int, int]] = {}  # device → (unit, first start ms, last end ms)
    for device_id, unit_id, start, offset, duration in rows:
        assert device_id is not None  # the query asked for drifting recorders' clips
        recorder = drifting.recorders[device_id]
        corrected = start + timedelta(milliseconds=offset)
        if start < recorder.since or corrected.date() != day:
            continue
        start_ms = int((corrected - midnight).total_seconds() * 1000)
        end_ms = start_ms + max(0, duration or 0)
        unit, first, last = spans.get(device_id, (unit_id, start_ms, end_ms))
        spans[device_id] = (unit, min(first, start_ms), max(last, end_ms))
    return [
        Found(
            key(officer_id, day, device_id),
            KIND,
            None,
            officer_id,
            unit_id,
            day,
            first,
            last,
            drifting.confidence(drifting.recorders[device_id]),
        )
        for device_id, (unit_id, first, last) in sorted(spans.items())
    ]
