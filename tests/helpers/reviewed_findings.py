"""An archive whose pre-screen findings were written and reviewed through the pre-screen's own services: the
problem day of 010203 (DD01: gap, overlap, abnormal_end, late_upload, no_case_link), an undecodable file
(DD01), a late upload of 010204 (DD02) on the day and one on the day before, scanned, recomputed, and decided
by the reviewer "alice" (a gap and the undecodable file and 010203's late upload confirmed, the overlap
dismissed)."""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from db.models import Clip
from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from tests.helpers.prescreen_builders import DAY, corrupt_clip, problem_day
from workstation.archive import Archive
from workstation.identity import Identity
from workstation.prescreen import day, queries, review
from workstation.prescreen.scan import scan_pending
from workstation.prescreen.types import Finding, FindingFilter

SYSTEM = Identity.system("tests")
REVIEWER = Identity.user("alice")


@dataclass(frozen=True)
class Reviewed:
    late: int  # 010203's late clip (DD01): late_upload confirmed
    corrupt: int  # DD01: undecodable confirmed
    other_late: int  # 010204's late clip (DD02) on DAY: pending
    findings: dict[tuple[str, int | None], Finding]  # (kind, clip id) → the finding as decided


def reviewed_findings(archive: Archive, tmp_path: Path) -> Reviewed:
    build_org(archive)
    clips = problem_day(archive)
    corrupt = corrupt_clip(archive, tmp_path, DAY_START + timedelta(hours=3))
    other_late = add_clip(archive, "010204", DAY_START + timedelta(hours=1), 30)
    before = add_clip(archive, "010204", DAY_START - timedelta(days=1), 30)
    with archive.sessions.write() as session:
        for clip_id in (other_late, before):
            clip = session.get_one(Clip, clip_id)
            clip.ingested_at = clip.recorded_start + timedelta(hours=30)
    scan_pending(archive, SYSTEM, workers=1)
    day.recompute(archive.sessions, SYSTEM, None, DAY - timedelta(days=1), DAY)
    with archive.sessions.read() as session:
        found = {(row.kind, row.clip_id): row for row in queries.find(session, SYSTEM, FindingFilter(), 100)}
    for kind, clip_id, confirmed in (
        ("gap", None, True),
        ("overlap", None, False),
        ("undecodable", corrupt, True),
        ("late_upload", clips.late, True),
    ):
        found[kind, clip_id] = review.decide_finding(archive.sessions, REVIEWER, found[kind, clip_id].id, confirmed)
    return Reviewed(clips.late, corrupt, other_late, found)
