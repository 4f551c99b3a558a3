"""How the pre-screen's findings read in a window: one line per finding, and a clip's findings in a few words.

Shared by the archive browser's 预筛查 column and the player's findings list, so a finding reads the same in
both: its kind, where in the clip, how confident the detector was, and 需人工复核 until a reviewer decided
(then who decided, and when).
"""

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from player.timecode import format_position
from ui.common.labels import finding_kind_name, finding_status_name
from workstation.clock import format_time
from workstation.prescreen.types import Finding, FindingStatus


def span_text(finding: Finding) -> str:
    """Where in the clip: 00:03–00:07 (a finding on an officer's day: the times of that day)."""
    start = format_position(finding.start_ms, milliseconds=False)
    return f"{start}–{format_position(finding.end_ms, milliseconds=False)}"


def decision_text(finding: Finding) -> str:
    """需人工复核, or 已确认/已排除 with who decided and when."""
    status = finding_status_name(finding.status)
    if finding.status is FindingStatus.PENDING or not finding.decided_by:
        return status
    return f"{status}（{finding.decided_by} {format_time(finding.decided_at)}）"


def finding_line(finding: Finding) -> str:
    """镜头遮挡 00:03–00:07 · 置信度 0.92 · 需人工复核 (and the reviewer's note, if any)."""
    confidence = QCoreApplication.translate("prescreen", "confidence %1").replace("%1", f"{finding.confidence:.2f}")
    parts = [f"{finding_kind_name(finding.kind)} {span_text(finding)}", confidence, decision_text(finding)]
    if finding.note:
        parts.append(finding.note)
    return " · ".join(parts)


def findings_summary(findings: Sequence[Finding]) -> str:
    """镜头遮挡 2 · 无声 1 — 需人工复核 2: the kinds still standing (not dismissed) with their counts, and how many
    wait for a reviewer; 已排除 2 when every finding was dismissed; empty without findings."""
    standing = [finding for finding in findings if finding.status is not FindingStatus.DISMISSED]
    if not standing:
        dismissed = finding_status_name(FindingStatus.DISMISSED)
        return f"{dismissed} {len(findings)}" if findings else ""
    counts = Counter(finding.kind for finding in standing)
    text = " · ".join(f"{finding_kind_name(kind)} {count}" for kind, count in counts.items())
    pending = sum(finding.status is FindingStatus.PENDING for finding in standing)
    return f"{text} — {finding_status_name(FindingStatus.PENDING)} {pending}" if pending else text


def findings_tooltip(findings: Sequence[Finding]) -> str:
    """Every finding of a clip, one per line, with its span and confidence."""
    return "\n".join(finding_line(finding) for finding in findings)
