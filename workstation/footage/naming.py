"""Recognise recorder file names: device number, 警号, start time, sequence and the recorder's key-file mark.

The defaults are the GA/T 947 style `DEV0001_010203_20261121083000_0001.MP4` (device_badge_start_sequence)
and the form real recorders use to mark key files (重点文件): `IMP_8888888_000000_20230417103635_0020.MP4`
against `NOR_…` for normal ones, or the marker just before the extension
(`DEV0001_010203_20261121083000_0001_IMP.MP4`). Vendors differ, so deployments add patterns in
workstation.toml:

    [[ingest.patterns]]
    name = "vendor-a"
    regex = '^(?P<start>\\d{8}_\\d{6})_(?P<device>[A-Z0-9]+)\\.(?P<ext>\\w+)$'
    time_format = "%Y%m%d_%H%M%S"

A pattern must have the groups `device`, `start` and `ext`; `badge`, `seq` and `marker` (IMP or NOR) are
optional (without a badge the officer is the device's holder at recording time). A pattern must match the
whole name. A name that no pattern recognises is never guessed at: ingest leaves the file where it is and
reports it. Device numbers and 警号 become folder names in the archive, so they are checked too: letters,
digits, CJK characters, `-` and `_` only; and a time no recorder can have recorded (year 0001, 9999) is
refused rather than filed.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workstation.errors import IngestConfigError
from workstation.footage.filenames import shown
from workstation.footage.types import RejectReason
from workstation.types import FileType

EXTENSIONS: Mapping[str, FileType] = {
    **dict.fromkeys(("mp4", "mov", "avi", "mkv", "ts", "m4v", "3gp", "asf"), FileType.VIDEO),
    **dict.fromkeys(("wav", "mp3", "aac", "m4a", "amr", "ogg"), FileType.AUDIO),
    **dict.fromkeys(("jpg", "jpeg", "png", "bmp"), FileType.PHOTO),
    **dict.fromkeys(("log", "txt"), FileType.LOG),
}

REQUIRED_GROUPS = frozenset({"device", "start", "ext"})
IMPORTANT_MARKER = "IMP"
"""The recorder's mark on a key file (重点文件); `NOR` marks a normal one."""
EARLIEST_RECORDING = datetime(1970, 1, 1)
LATEST_RECORDING = datetime(2099, 12, 31, 23, 59, 59)
"""A time in a file name outside these bounds is no recording time (a recorder with an unset clock shows
2000-01-01 or 1970-01-01, which is still accepted: the clock offset corrects it later)."""
_LETTER = r"0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ASCII letters and digits, CJK ideographs
_PATH_PART = re.compile(rf"[{_LETTER}][{_LETTER}_-]*")
_PART_LIMITS = {"device": ("设备编号", 64), "badge": ("警号", 32)}
"""Name groups that become folder names in the archive, and their column widths in the database."""
_MAX_SEQUENCE = 2**31 - 1


@dataclass(frozen=True)
class NamePattern:
    name: str
    regex: re.Pattern[str]
    time_format: str = "%Y%m%d%H%M%S"

    @classmethod
    def compile(cls, name: str, regex: str, time_format: str = "%Y%m%d%H%M%S") -> "NamePattern":
        try:
            compiled = re.compile(regex)
        except re.error as error:
            raise IngestConfigError("pattern_invalid", name=name, detail=str(error)) from error
        missing = REQUIRED_GROUPS - set(compiled.groupindex)
        if missing:
            raise IngestConfigError("pattern_groups_missing", name=name, groups=sorted(missing))
        return cls(name=name, regex=compiled, time_format=time_format)


_GAT947_CORE = r"(?P<device>[A-Za-z0-9]{1,32})_(?P<badge>[A-Za-z0-9]{1,32})_(?P<start>\d{14})_(?P<seq>\d{1,6})"
_EXTENSION = r"\.(?P<ext>[A-Za-z0-9]{1,5})"
GAT947_PATTERN = NamePattern.compile("gat947", rf"{_GAT947_CORE}(?:_(?P<marker>(?i:IMP|NOR)))?{_EXTENSION}")
"""GA/T 947 style, optionally with the recorder's IMP/NOR mark just before the extension."""
MARKED_PATTERN = NamePattern.compile("imp-nor", rf"(?P<marker>(?i:IMP|NOR))_{_GAT947_CORE}{_EXTENSION}")
"""`IMP_`/`NOR_` before the GA/T 947 fields, e.g. NOR_8888888_000000_20230417103635_0020.MP4 (7-digit serial)."""
DEFAULT_PATTERNS = (GAT947_PATTERN, MARKED_PATTERN)


@dataclass(frozen=True)
class ParsedName:
    pattern: str
    device_no: str
    badge_no: str | None
    recorded_start: datetime
    sequence_no: int | None
    file_type: FileType
    recorder_important: bool = False
    """The recorder marked the file as a key file (IMP): archived as important."""


@dataclass(frozen=True)
class Unrecognised:
    reason: RejectReason
    detail: str


def patterns_from_settings(settings: Mapping[str, Any]) -> list[NamePattern]:
    """Configured vendor patterns first, then the defaults."""
    configured = settings.get("ingest", {}).get("patterns", [])
    patterns = []
    for entry in configured:
        try:
            patterns.append(
                NamePattern.compile(entry["name"], entry["regex"], entry.get("time_format", "%Y%m%d%H%M%S"))
            )
        except KeyError as error:
            raise IngestConfigError("pattern_field_missing", field=str(error)) from error
    return [*patterns, *DEFAULT_PATTERNS]


def parse_name(file_name: str, patterns: Sequence[NamePattern] = DEFAULT_PATTERNS) -> ParsedName | Unrecognised:
    """Recognise one file name (a pattern must match all of it), or say precisely why not."""
    for pattern in patterns:
        match = pattern.regex.fullmatch(file_name)
        if match:
            return _parsed(pattern, match.groupdict())
    return Unrecognised(RejectReason.UNRECOGNISED_NAME, "文件名不符合任何已配置的命名规则")


def _parsed(pattern: NamePattern, groups: Mapping[str, str | None]) -> ParsedName | Unrecognised:
    extension = groups["ext"] or ""
    file_type = EXTENSIONS.get(extension.lower())
    if file_type is None:
        return Unrecognised(RejectReason.UNSUPPORTED_TYPE, f"不支持的文件类型 .{extension}")
    for group, (label, limit) in _PART_LIMITS.items():
        value = groups.get(group) or ""
        if group == "device" or value:
            problem = _path_part_problem(label, value, limit)
            if problem:
                return Unrecognised(RejectReason.BAD_NAME, problem)
    start = _recording_time(groups["start"] or "", pattern.time_format)
    if isinstance(start, Unrecognised):
        return start
    sequence = _sequence(groups.get("seq"))
    if isinstance(sequence, Unrecognised):
        return sequence
    marker = groups.get("marker") or ""
    return ParsedName(
        pattern=pattern.name,
        device_no=(groups["device"] or "").upper(),
        badge_no=groups.get("badge") or None,
        recorded_start=start,
        sequence_no=sequence,
        file_type=file_type,
        recorder_important=marker.upper() == IMPORTANT_MARKER,
    )


def _sequence(text: str | None) -> int | Unrecognised | None:
    if not text:
        return None
    if not text.isdecimal() or len(text) > 10 or int(text) > _MAX_SEQUENCE:
        return Unrecognised(RejectReason.UNRECOGNISED_NAME, f"文件名中的序号“{shown(text)}”不是有效的数字")
    return int(text)


def _path_part_problem(label: str, value: str, limit: int) -> str | None:
    """Device numbers and 警号 become folder names: no separators, `..` or other surprises."""
    if not _PATH_PART.fullmatch(value):
        return (
            f"文件名中的{label}“{shown(value)}”含不允许的字符"
            "（只允许字母、数字、汉字、- 和 _，且以字母、数字或汉字开头）"
        )
    if len(value) > limit:
        return f"文件名中的{label}“{value}”过长（最多 {limit} 个字符）"
    return None


def _recording_time(text: str, time_format: str) -> datetime | Unrecognised:
    try:
        start = datetime.strptime(text, time_format)
    except ValueError:
        return Unrecognised(RejectReason.BAD_TIMESTAMP, f"文件名中的时间“{shown(text)}”无效")
    if not EARLIEST_RECORDING <= start <= LATEST_RECORDING:
        return Unrecognised(
            RejectReason.BAD_TIMESTAMP,
            f"文件名中的时间“{text}”（{start.year} 年）不可能是录制时间"
            f"（应在 {EARLIEST_RECORDING.year}—{LATEST_RECORDING.year} 年之间），请检查记录仪时钟",
        )
    return start
