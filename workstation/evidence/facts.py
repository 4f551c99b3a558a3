"""The facts the description sheet prints about each exported clip (R9: producer, extractor, time, device,
officer, place, hash), its marks and notes, its history in the audit log, and its stills as derived files.

Read in the export's start transaction with a fixed number of queries per batch of clips, whatever their
count; the history is the clip's newest HISTORY_LIMIT audit events (the full log stays in the archive).
"""

import json
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEvent, Case, Clip, ClipCaseLink, Device, Marker, MarkerCategory, Officer, Still, Unit
from workstation.access.types import Viewing
from workstation.evidence.types import DerivedFile, HistoryFact, MarkFact, PackageFile

HISTORY_LIMIT = 200
"""Audit events printed per clip (newest first): a clip viewed daily for years has thousands."""

ACTION_WORDS = {
    "clip.ingest": "入库",
    "clip.play": "播放",
    "clip.play_end": "播放结束",
    "clip.export": "导出",
    "clip.export_end": "导出完成",
    "clip.mark_important": "标为重要",
    "clip.recorder_marked_important": "记录仪标为重要",
    "clip.unmark_important": "取消重要标记",
    "clip.link_case": "关联案件",
    "clip.unlink_case": "取消关联案件",
    "clip.site_category": "更正场所类别",
    "still.create": "截图",
    "marker.add": "添加标记",
    "marker.update": "修改标记",
    "marker.delete": "删除标记",
    "retention.change": "保存期限变更",
    "retention.assess": "评定保存期限",
    "retention.hold": "法律保全",
    "retention.release": "解除法律保全",
    "access.denied": "拒绝访问",
    "archive.verify": "完整性核验",
}


def clip_facts(session: Session, items: Sequence[tuple[int, str, Viewing]]) -> list[PackageFile]:
    """PackageFile for each (clip id, package path, viewing), in the order given."""
    ids = [clip_id for clip_id, _path, _viewing in items]
    rows = {
        clip.id: (clip, unit_name, officer_name, badge_no, device_no)
        for clip, unit_name, officer_name, badge_no, device_no in session.execute(
            select(Clip, Unit.name, Officer.name, Officer.badge_no, Device.device_no)
            .outerjoin(Unit, Unit.id == Clip.unit_id)
            .outerjoin(Officer, Officer.id == Clip.officer_id)
            .outerjoin(Device, Device.id == Clip.device_id)
            .where(Clip.id.in_(ids))
        )
    }
    cases = _cases(session, ids)
    marks = _marks(session, ids)
    history = _history(session, ids)
    files = []
    for clip_id, path, viewing in items:
        clip, unit_name, officer_name, badge_no, device_no = rows[clip_id]
        case_rows = cases.get(clip_id, [])
        files.append(
            PackageFile(
                clip_id=clip_id,
                viewing=viewing,
                package_path=path,
                original_name=clip.original_name,
                size_bytes=clip.size_bytes,
                sha256=clip.sha256,
                file_type=clip.file_type,
                recorded_start=clip.recorded_start,
                recorded_end=clip.recorded_end,
                duration_ms=clip.duration_ms,
                device_no=device_no or "",
                officer=f"{officer_name}（{badge_no}）" if badge_no else "待分配",
                unit=unit_name or "待分配",
                place="；".join(title for _no, title in case_rows if title),
                case_nos=tuple(case_no for case_no, _title in case_rows),
                ingested_at=clip.ingested_at,
                ingest_station=clip.ingest_station,
                marks=tuple(marks.get(clip_id, [])),
                history=tuple(history.get(clip_id, [])),
            )
        )
    return files


def stills(session: Session, files: Sequence[PackageFile]) -> list[DerivedFile]:
    """The stills taken of the clips, as derived files under data/derived/ named after their clip and frame."""
    by_clip = {file.clip_id: file for file in files}
    derived = []
    for still in session.execute(
        select(Still).where(Still.clip_id.in_(list(by_clip))).order_by(Still.clip_id, Still.position_ms, Still.id)
    ).scalars():
        source = by_clip[still.clip_id]
        stem = source.package_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        position = media_time(still.position_ms)
        derived.append(
            DerivedFile(
                clip_id=still.clip_id,
                package_path=f"data/derived/{stem}_截图_{still.position_ms:09d}ms_{still.id}.png",
                content=still.png,
                description=f"截图：{source.original_name} {position} 处画面（派生文件，非原始资料）",
            )
        )
    return derived


def _cases(session: Session, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for clip_id, case_no, title in session.execute(
        select(ClipCaseLink.clip_id, Case.case_no, Case.title)
        .join(Case, Case.id == ClipCaseLink.case_id)
        .where(ClipCaseLink.clip_id.in_(ids))
        .order_by(ClipCaseLink.clip_id, Case.case_no)
    ):
        found[clip_id].append((case_no, title))
    return found


def _marks(session: Session, ids: list[int]) -> dict[int, list[MarkFact]]:
    found: dict[int, list[MarkFact]] = defaultdict(list)
    for marker, category in session.execute(
        select(Marker, MarkerCategory.name)
        .outerjoin(MarkerCategory, MarkerCategory.code == Marker.category)
        .where(Marker.clip_id.in_(ids))
        .order_by(Marker.clip_id, Marker.start_ms, Marker.id)
    ):
        found[marker.clip_id].append(
            MarkFact(marker.start_ms, marker.end_ms, category or marker.category, marker.note, marker.author)
        )
    return found


def _history(session: Session, ids: list[int]) -> dict[int, list[HistoryFact]]:
    found: dict[int, list[HistoryFact]] = defaultdict(list)
    for clip_id in ids:
        events = session.execute(
            select(AuditEvent.occurred_at, AuditEvent.actor, AuditEvent.action, AuditEvent.details)
            .where(AuditEvent.target_type == "clip", AuditEvent.target_id == str(clip_id))
            .order_by(AuditEvent.seq.desc())
            .limit(HISTORY_LIMIT)
        )
        found[clip_id] = [
            HistoryFact(at, actor, action, _summary(action, details)) for at, actor, action, details in events
        ][::-1]
    return found


def _summary(action: str, details: str) -> str:
    words = ACTION_WORDS.get(action, action)
    try:
        facts = json.loads(details)
    except ValueError:
        return words
    for key in ("case_no", "reason", "category", "comment"):
        value = facts.get(key) if isinstance(facts, dict) else None
        if value:
            return f"{words}：{value}"[:200]
    return words


def media_time(position_ms: int) -> str:
    """A position in the media as 00:01:05.200."""
    seconds, millis = divmod(position_ms, 1000)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.{millis:03d}"
