"""Re-hash archived originals and compare with the SHA-256 taken at ingest (R7 "prove it").

A mismatch or a missing file is recorded on the clip (media_status) and in the audit log, so the
problem stays visible in the browser after the command has finished.
"""

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select, update

from db.models import Clip
from workstation import audit, clock
from workstation.archive import Archive
from workstation.footage.types import VerifyProblem, VerifyReport
from workstation.footage.verified_copy import sha256_of
from workstation.identity import Identity
from workstation.types import MediaStatus

_BATCH = 1000


def verify_archive(archive: Archive, who: Identity, on_file: Callable[[int, int], None] | None = None) -> VerifyReport:
    """Check every archived file, a batch at a time (memory stays flat on millions of clips).

    `on_file(done, total)` reports progress. Each batch's results are committed as it finishes, so an
    interrupted run keeps what it found; the audit row is written at the end.
    """
    with archive.sessions.read() as session:
        total = session.execute(select(func.count(Clip.id))).scalar_one()
    problems: list[VerifyProblem] = []
    checked = bytes_checked = last_id = 0
    while True:
        with archive.sessions.read() as session:
            batch = session.execute(
                select(Clip.id, Clip.media_path, Clip.sha256).where(Clip.id > last_id).order_by(Clip.id).limit(_BATCH)
            ).all()
        if not batch:
            break
        batch_problems = []
        for clip_id, media_path, expected in batch:
            path = archive.absolute_path(media_path)
            problem = _check(clip_id, media_path, path, expected)
            if problem is None:
                bytes_checked += path.stat().st_size
            else:
                batch_problems.append(problem)
            checked += 1
            if on_file:
                on_file(checked, total)
        _record_batch(archive, [row[0] for row in batch], batch_problems)
        problems.extend(batch_problems)
        last_id = batch[-1][0]
    with archive.sessions.write() as session:
        audit.record(
            session,
            who.audit_name,
            "archive.verify",
            "archive",
            "media",
            {"files": checked, "problems": [[p.clip_id, p.status.value] for p in problems]},
        )
    return VerifyReport(files_checked=checked, bytes_checked=bytes_checked, problems=tuple(problems))


def _check(clip_id: int, media_path: str, path: Path, expected: str) -> VerifyProblem | None:
    try:
        actual = sha256_of(path)
    except FileNotFoundError:
        return VerifyProblem(clip_id, media_path, MediaStatus.MISSING, "文件不存在")
    except OSError as error:
        return VerifyProblem(clip_id, media_path, MediaStatus.MISSING, f"无法读取：{error.strerror or error}")
    if actual != expected:
        return VerifyProblem(clip_id, media_path, MediaStatus.MISMATCH, f"SHA-256 为 {actual}，入库时为 {expected}")
    return None


def _record_batch(archive: Archive, clip_ids: list[int], problems: list[VerifyProblem]) -> None:
    """Stamp the verification time on the batch and mark the clips whose files failed."""
    with archive.sessions.write() as session:
        session.execute(update(Clip).where(Clip.id.in_(clip_ids)).values(last_verified_at=clock.now()))
        for problem in problems:
            session.execute(
                update(Clip)
                .where(Clip.id == problem.clip_id)
                .values(media_status=problem.status, media_problem=problem.detail[:500])
            )
