"""Scanning the archive's clips with the media detectors, on worker processes, resumably.

`scan_pending` finds the video and audio clips within `who`'s charge that have no scan of the current detector
version, decodes each on a worker process (player.media.prescreen.scan.scan_media, parallel over the cores)
and keeps each result as it arrives, in one transaction per clip: the scan row (settings used, outcome), the
clip's media findings, and the record findings of the clip's officer-day (workstation.prescreen.day). A run
that is killed or cancelled loses at most the clips being decoded at that moment; the next run goes on with
the clips left. A file that cannot be read is recorded as failed with its reason (not retried until the
detector version changes). One audit row per run says what it did.
"""

import multiprocessing
import threading
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session

from db.models import Clip, Device, PrescreenFinding, PrescreenScan
from player.media.prescreen.scan import DETECTOR_VERSION
from player.media.prescreen.types import MediaFindingKind, ScanResult, ScanSettings
from workstation import audit, clock
from workstation.archive import Archive
from workstation.identity import Identity
from workstation.prescreen import day, store
from workstation.prescreen.clock_drift import Drifting
from workstation.prescreen.scope import check_period, scan_units, unit_condition
from workstation.prescreen.settings import PrescreenSettings, settings_json
from workstation.prescreen.store import Found
from workstation.prescreen.types import ScanOutcome, ScanProgress, ScanReport
from workstation.prescreen.worker import ScanAnswer, scan_file, start_worker
from workstation.types import FileType, MediaStatus

MEDIA_KINDS = tuple(kind.value for kind in MediaFindingKind)
AUDIT_ACTION, AUDIT_TARGET = "prescreen.scan", "prescreen"


@dataclass(frozen=True)
class _Job:
    clip_id: int
    path: str
    settings: ScanSettings


def scan_pending(
    archive: Archive,
    who: Identity,
    unit_code: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    workers: int = 2,
    progress: Callable[[ScanProgress], None] | None = None,
    cancel: threading.Event | None = None,
    *,
    clip_ids: Collection[int] | None = None,
    low_priority: bool = False,
) -> ScanReport:
    """Scan what has not been scanned (unit and below, recorded in [date_from, date_to]; only `clip_ids` when
    given, e.g. what an ingest just archived); see the module. `low_priority`: the workers run below normal."""
    check_period(date_from, date_to)
    settings = PrescreenSettings.load()
    with archive.sessions.read() as session:
        jobs = _pending(session, archive, who, unit_code, date_from, date_to, settings, clip_ids)
    cancel = cancel or threading.Event()
    scanned = failed = findings = 0
    days: set[day.OfficerDay] = set()
    for job, answer in _run(jobs, workers, cancel, low_priority):
        result, error_code, detail = answer
        with archive.sessions.write() as session:
            new, touched = _keep(session, job, result, error_code, detail, settings)
        findings, days = findings + new, days | touched
        scanned, failed = scanned + (result is not None), failed + (result is None)
        if progress is not None:
            outcome = ScanOutcome.OK if result is not None else ScanOutcome.FAILED
            progress(ScanProgress(scanned + failed, len(jobs), job.clip_id, outcome))
    if days:
        with archive.sessions.write() as session:
            now = clock.now()
            findings += day.recompute_days(session, days, settings, now, Drifting.load(session, now))
    report = ScanReport(scanned, failed, findings, len(days), cancelled=cancel.is_set())
    if jobs:
        with archive.sessions.write() as session:
            details = report.__dict__ | {"detector_version": DETECTOR_VERSION, "unit": unit_code or ""}
            audit.record(session, who.audit_name, AUDIT_ACTION, AUDIT_TARGET, unit_code or "*", details)
    return report


def check_scan_right(
    archive: Archive, who: Identity, unit_code: str | None, date_from: date | None, date_to: date | None
) -> None:
    """Refuse a scan `who` may not start (as scan_pending would), before it is queued to run later."""
    check_period(date_from, date_to)
    with archive.sessions.read() as session:
        scan_units(session, who, unit_code)


def _pending(
    session: Session,
    archive: Archive,
    who: Identity,
    unit_code: str | None,
    date_from: date | None,
    date_to: date | None,
    settings: PrescreenSettings,
    clip_ids: Collection[int] | None,
) -> list[_Job]:
    units, unassigned = scan_units(session, who, unit_code)
    scanned = exists(
        select(PrescreenScan.clip_id).where(
            PrescreenScan.clip_id == Clip.id, PrescreenScan.detector_version == DETECTOR_VERSION
        )
    )
    statement = (
        select(Clip.id, Clip.media_path, Clip.recorded_start, Clip.clock_offset_ms, Device.model)
        .outerjoin(Device, Device.id == Clip.device_id)
        .where(
            Clip.file_type.in_((FileType.VIDEO, FileType.AUDIO)),
            Clip.media_status != MediaStatus.DESTROYED,
            unit_condition(Clip.unit_id, units, unassigned),
            ~scanned,
        )
        .order_by(Clip.id)
    )
    if clip_ids is not None:
        statement = statement.where(Clip.id.in_(sorted(clip_ids)))
    if date_from is not None:
        statement = statement.where(Clip.recorded_start >= datetime.combine(date_from, time.min))
    if date_to is not None:
        statement = statement.where(Clip.recorded_start < datetime.combine(date_to + timedelta(days=1), time.min))
    return [
        _Job(clip_id, str(archive.absolute_path(path)), settings.for_clip(model, _local_hour(start, offset)))
        for clip_id, path, start, offset, model in session.execute(statement)
    ]


def _local_hour(recorded_start: datetime, clock_offset_ms: int) -> int:
    return (recorded_start + timedelta(milliseconds=clock_offset_ms)).hour


def _run(
    jobs: list[_Job], workers: int, cancel: threading.Event, low_priority: bool
) -> Iterator[tuple[_Job, ScanAnswer]]:
    """Each job's answer as it arrives, from `workers` spawned processes (a fresh interpreter each: no database
    connection or thread of this process is copied); at most two jobs a worker wait, so a cancel stops soon."""
    if not jobs:
        return
    waiting = iter(jobs)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=max(1, workers), mp_context=context, initializer=start_worker, initargs=(low_priority,)
    ) as pool:
        running: dict[Future[ScanAnswer], _Job] = {}
        try:
            while True:
                while not cancel.is_set() and len(running) < 2 * max(1, workers):
                    job = next(waiting, None)
                    if job is None:
                        break
                    running[pool.submit(scan_file, job.path, job.settings)] = job
                if not running or cancel.is_set():
                    return
                done, _ = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    yield running.pop(future), future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _keep(
    session: Session,
    job: _Job,
    result: ScanResult | None,
    error_code: str,
    detail: str,
    settings: PrescreenSettings,
) -> tuple[int, set[day.OfficerDay]]:
    """One clip's scan, its media findings and its officer-day's record findings; returns (new findings, the
    officer-days recomputed)."""
    now = clock.now()
    clip = session.get_one(Clip, job.clip_id)
    row = session.get(PrescreenScan, job.clip_id) or PrescreenScan(clip_id=job.clip_id)
    row.scanned_at, row.detector_version, row.settings = now, DETECTOR_VERSION, settings_json(job.settings)
    row.outcome = ScanOutcome.OK if result is not None else ScanOutcome.FAILED
    row.error_code, row.error_detail = error_code, detail
    row.duration_ms = result.duration_ms if result is not None else None
    session.add(row)
    clip_day = day.day_of(clip.recorded_start, clip.clock_offset_ms)
    found = [
        Found(
            store.clip_key(finding.kind, clip.id, finding.start_ms),
            finding.kind,
            clip.id,
            clip.officer_id,
            clip.unit_id,
            clip_day,
            finding.start_ms,
            finding.end_ms,
            finding.confidence,
        )
        for finding in (result.findings if result is not None else ())
    ]
    subject = and_(PrescreenFinding.clip_id == clip.id, PrescreenFinding.kind.in_(MEDIA_KINDS))
    new = store.sync(session, subject, found, now)
    touched = {(clip.officer_id, clip_day)} if clip.officer_id is not None else set()
    new += day.recompute_days(session, touched, settings, now)
    return new, touched
