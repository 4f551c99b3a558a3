"""The archive server's pre-screen: one thread that scans what has not been scanned, in the background.

The server holds the media, so it scans them (workstation.prescreen.scan.scan_pending, as a system actor over
the whole archive). A background round runs when an upload run has finished (`wake`, called by the upload
routes once the station's run is done, never during it) and every `scan_interval_s` (the first that long after
the start: a restarted server first serves its users); its worker processes run
below normal priority with `scan_workers` processes (workstation.toml [prescreen]; 0 turns the background scan
off), so uploads, playback and the API keep the CPU they need. An administrator may ask for a scan now
(`request`, from `workstation --server URL prescreen`): a background round gives way at once (it stops after
the clips being decoded; everything scanned so far is kept), the asked scans run one after another as their
users, and the same user asking the same again while it is queued or running joins it. Only one scan runs at a
time, so no clip is ever decoded twice at once: the runner lives in the `workstation serve` process itself, and
its worker processes reach it through workstation.server.runner_link (the `ScanQueue` the routes are given).
"""

import itertools
import logging
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol

from workstation.archive import Archive
from workstation.cli.messages import describe
from workstation.client.wire import ScanJob, ScanRequest, ScanState
from workstation.client.wire_errors import error_body
from workstation.errors import PermissionDenied, WorkstationError
from workstation.identity import Identity
from workstation.prescreen.scan import scan_pending
from workstation.prescreen.settings import PrescreenSettings
from workstation.prescreen.types import ScanProgress, ScanReport

_log = logging.getLogger(__name__)

BACKGROUND = Identity.system("档案服务器预筛查")
STOP_WAIT_S = 20
"""How long a stopping server waits for the scan to stop (it stops after the clips being decoded)."""
KEPT_JOBS = 200
"""Finished jobs kept for polling (oldest forgotten first)."""


@dataclass
class _Job:
    job_id: int
    login: str
    request: ScanRequest
    state: ScanState = ScanState.QUEUED
    progress: ScanProgress | None = None
    report: ScanReport | None = None
    error: dict[str, Any] | None = None

    def view(self) -> ScanJob:
        return ScanJob(self.job_id, self.state, self.progress, self.report, self.error)


class ScanQueue(Protocol):
    """What the routes ask of the scanning thread: the `ScanRunner` itself, or a worker's link to it."""

    def wake(self) -> None: ...

    def request(self, who: Identity, asked: ScanRequest) -> ScanJob: ...

    def job(self, who: Identity, job_id: int) -> ScanJob: ...


class ScanRunner:
    """The server's scanning thread; `start` once the server serves, `stop` when it stops."""

    def __init__(self, archive: Archive, settings: PrescreenSettings) -> None:
        self.archive, self.settings = archive, settings
        self._lock = threading.Condition()
        self._queue: list[_Job] = []
        self._jobs: OrderedDict[int, _Job] = OrderedDict()
        self._ids = itertools.count(1)
        self._woken = False  # the first periodic round comes scan_interval_s after the start, not with it
        self._stopping = False
        self._interrupt = threading.Event()  # stops the scan running now (a background round, or all at stop)
        self._background_running = False
        self._thread = threading.Thread(target=self._loop, name="prescreen-scan", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float) -> None:
        """Stop the scan running (after the clips being decoded) and the thread; waits up to `timeout` s."""
        with self._lock:
            self._stopping = True
            self._interrupt.set()
            self._lock.notify_all()
        self._thread.join(timeout)

    def wake(self) -> None:
        """New footage came in (an upload run finished): scan it once the thread is free."""
        if self.settings.scan_workers > 0:
            with self._lock:
                self._woken = True
                self._lock.notify_all()

    def request(self, who: Identity, asked: ScanRequest) -> ScanJob:
        """Queue a scan for `who` (a user; the service checks the right when it runs, the route before), or join
        the same user's identical scan still queued or running."""
        with self._lock:
            for job in self._jobs.values():
                if (
                    job.login == who.name
                    and job.request == asked
                    and job.state in (ScanState.QUEUED, ScanState.RUNNING)
                ):
                    return job.view()
            job = _Job(next(self._ids), who.name, asked)
            self._jobs[job.job_id] = job
            self._queue.append(job)
            if self._background_running:
                self._interrupt.set()  # the background round gives way; what it scanned is kept
            self._forget_old()
            self._lock.notify_all()
            return job.view()

    def job(self, who: Identity, job_id: int) -> ScanJob:
        """The job as it stands; only its own user sees it (PermissionDenied otherwise, as for an unknown id)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.login != who.name:
                raise PermissionDenied("prescreen_scan_unknown", job_id=job_id)
            return job.view()

    def _forget_old(self) -> None:
        finished = [key for key, job in self._jobs.items() if job.state in (ScanState.FINISHED, ScanState.FAILED)]
        for key in finished[: max(0, len(self._jobs) - KEPT_JOBS)]:
            del self._jobs[key]

    def _loop(self) -> None:
        while True:
            with self._lock:
                while not (self._stopping or self._queue or self._woken):
                    interval = self.settings.scan_interval_s if self.settings.scan_workers > 0 else None
                    if not self._lock.wait(timeout=interval or None) and interval:
                        self._woken = True  # the periodic round
                if self._stopping:
                    return
                job = self._queue.pop(0) if self._queue else None
                if job is None:
                    self._woken, self._background_running = False, True
                else:
                    job.state = ScanState.RUNNING
                self._interrupt.clear()
            if job is None:
                self._background()
            else:
                self._asked(job)

    def _background(self) -> None:
        try:
            report = scan_pending(
                self.archive,
                BACKGROUND,
                workers=self.settings.scan_workers,
                cancel=self._interrupt,
                low_priority=True,
            )
            if report.scanned or report.failed:
                _log.info("background pre-screen: %s", report)
        except Exception:  # the database away for a while, a bug: the next round tries again
            _log.exception("background pre-screen failed")
        finally:
            with self._lock:
                self._background_running = False
                if self._interrupt.is_set() and not self._stopping and not self._queue:
                    self._woken = True  # interrupted: go on with it later

    def _asked(self, job: _Job) -> None:
        def progress(update: ScanProgress) -> None:
            with self._lock:
                job.progress = update

        asked = job.request
        try:
            report = scan_pending(
                self.archive,
                Identity.user(job.login),
                asked.unit_code,
                asked.date_from,
                asked.date_to,
                workers=max(1, min(asked.workers, os.cpu_count() or 1)),
                progress=progress,
                cancel=self._interrupt,
                low_priority=True,
            )
            outcome: dict[str, Any] = {"state": ScanState.FINISHED, "report": report}
        except WorkstationError as error:
            outcome = {"state": ScanState.FAILED, "error": error_body(error, describe(error))}
        except Exception:
            _log.exception("pre-screen scan %s failed", job.job_id)
            internal = WorkstationError("server_internal_error")
            outcome = {"state": ScanState.FAILED, "error": error_body(internal, describe(internal))}
        with self._lock:
            for name, value in outcome.items():
                setattr(job, name, value)
