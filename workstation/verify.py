"""Re-hash archived originals and compare with the SHA-256 taken at ingest (R7 "prove it").

A mismatch or a missing file is recorded on the clip (media_status) and in the audit log, so the
problem stays visible in the browser after the command has finished.
"""

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from db.models import Clip
from workstation import audit, clock
from workstation.archive import Archive
from workstation.types import MediaStatus, VerifyProblem, VerifyReport
from workstation.verified_copy import sha256_of

_BATCH = 1000


def verify_archive(
    archive: Archive, actor: str = audit.SYSTEM_ACTOR, on_file: Callable[[int, int], None] | None = None
) -> VerifyReport:
    """Check every archived file; `on_file(done, total)` reports progress."""
    with archive.sessions.read() as session:
        entries = session.execute(select(Clip.id, Clip.media_path, Clip.sha256).order_by(Clip.id)).all()
    problems: list[VerifyProblem] = []
    bytes_checked = 0
    for done, (clip_id, media_path, expected) in enumerate(entries, start=1):
        path = archive.absolute_path(media_path)
        problem = _check(clip_id, media_path, path, expected)
        if problem is None:
            bytes_checked += path.stat().st_size
        else:
            problems.append(problem)
        if on_file:
            on_file(done, len(entries))
    _record(archive, actor, entries, problems)
    return VerifyReport(files_checked=len(entries), bytes_checked=bytes_checked, problems=tuple(problems))


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


def _record(archive: Archive, actor: str, entries: list, problems: list[VerifyProblem]) -> None:
    """Mark problem clips, stamp the verification time, and audit the run, in one transaction."""
    now = clock.now()
    by_id = {problem.clip_id: problem for problem in problems}
    with archive.sessions.write() as session:
        for start in range(0, len(entries), _BATCH):
            ids = [entry[0] for entry in entries[start : start + _BATCH]]
            for clip in session.execute(select(Clip).where(Clip.id.in_(ids))).scalars():
                problem = by_id.get(clip.id)
                clip.last_verified_at = now
                if problem is not None:
                    clip.media_status = problem.status
                    clip.media_problem = problem.detail[:500]
        audit.record(
            session,
            actor,
            "archive.verify",
            "archive",
            "media",
            {"files": len(entries), "problems": [[p.clip_id, p.status.value] for p in problems]},
        )
