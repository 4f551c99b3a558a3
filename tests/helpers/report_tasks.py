"""Report tasks for tests: a drop-folder task's deliveries made to fail through the real dispatch."""

from pathlib import Path

from workstation.archive import Archive
from workstation.identity import Identity
from workstation.statistics import dispatch
from workstation.statistics.types import ReportTaskRow

SCHEDULER = Identity.system("report-scheduler")


def fail_every_attempt(archive: Archive, task: ReportTaskRow) -> None:
    """Remove the task's drop folder, then run `report run-due` at its next run and at each retry until the
    delivery is marked failed (drop_failed)."""
    Path(task.spec.drop_folder).rmdir()
    due = task.next_run_at
    for _ in range(dispatch.MAX_ATTEMPTS):
        [(failed, _task_id)] = dispatch.run_due(archive.sessions, SCHEDULER, None, due).failed
        due = failed.retry_at
