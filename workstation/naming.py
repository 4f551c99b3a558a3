"""Recognise recorder file names: device number, 警号, start time and sequence, by configurable patterns.

The default pattern is the GA/T 947 style `DEV0001_010203_20261121083000_0001.MP4`
(device_badge_start_sequence). Vendors differ, so deployments add patterns in workstation.toml:

    [[ingest.patterns]]
    name = "vendor-a"
    regex = '^(?P<start>\\d{8}_\\d{6})_(?P<device>[A-Z0-9]+)\\.(?P<ext>\\w+)$'
    time_format = "%Y%m%d_%H%M%S"

A pattern must have the groups `device`, `start` and `ext`; `badge` and `seq` are optional (without a
badge the officer is the device's holder at recording time). A name that no pattern recognises is never
guessed at: ingest leaves the file where it is and reports it.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workstation.errors import IngestConfigError
from workstation.types import FileType, RejectReason

EXTENSIONS: Mapping[str, FileType] = {
    **dict.fromkeys(("mp4", "mov", "avi", "mkv", "ts", "m4v", "3gp", "asf"), FileType.VIDEO),
    **dict.fromkeys(("wav", "mp3", "aac", "m4a", "amr", "ogg"), FileType.AUDIO),
    **dict.fromkeys(("jpg", "jpeg", "png", "bmp"), FileType.PHOTO),
    **dict.fromkeys(("log", "txt"), FileType.LOG),
}

REQUIRED_GROUPS = frozenset({"device", "start", "ext"})


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
            raise IngestConfigError(f"文件名规则“{name}”不是有效的正则表达式：{error}") from error
        missing = REQUIRED_GROUPS - set(compiled.groupindex)
        if missing:
            raise IngestConfigError(f"文件名规则“{name}”缺少命名分组：{', '.join(sorted(missing))}")
        return cls(name=name, regex=compiled, time_format=time_format)


GAT947_PATTERN = NamePattern.compile(
    "gat947",
    r"^(?P<device>[A-Za-z0-9]{1,32})_(?P<badge>[A-Za-z0-9]{1,32})_(?P<start>\d{14})_(?P<seq>\d{1,6})"
    r"\.(?P<ext>[A-Za-z0-9]{1,5})$",
)


@dataclass(frozen=True)
class ParsedName:
    pattern: str
    device_no: str
    badge_no: str | None
    recorded_start: datetime
    sequence_no: int | None
    file_type: FileType


@dataclass(frozen=True)
class Unrecognised:
    reason: RejectReason
    detail: str


def patterns_from_settings(settings: Mapping[str, Any]) -> list[NamePattern]:
    """Configured vendor patterns first, then the GA/T 947 default."""
    configured = settings.get("ingest", {}).get("patterns", [])
    patterns = []
    for entry in configured:
        try:
            patterns.append(
                NamePattern.compile(entry["name"], entry["regex"], entry.get("time_format", "%Y%m%d%H%M%S"))
            )
        except KeyError as error:
            raise IngestConfigError(f"文件名规则缺少字段 {error}") from error
    return [*patterns, GAT947_PATTERN]


def parse_name(file_name: str, patterns: Sequence[NamePattern] = (GAT947_PATTERN,)) -> ParsedName | Unrecognised:
    """Recognise one file name, or say precisely why not."""
    for pattern in patterns:
        match = pattern.regex.match(file_name)
        if not match:
            continue
        groups = match.groupdict()
        file_type = EXTENSIONS.get(groups["ext"].lower())
        if file_type is None:
            return Unrecognised(RejectReason.UNSUPPORTED_TYPE, f"不支持的文件类型 .{groups['ext']}")
        try:
            start = datetime.strptime(groups["start"], pattern.time_format)
        except ValueError:
            return Unrecognised(RejectReason.BAD_TIMESTAMP, f"文件名中的时间“{groups['start']}”无效")
        seq = groups.get("seq")
        return ParsedName(
            pattern=pattern.name,
            device_no=groups["device"].upper(),
            badge_no=groups.get("badge") or None,
            recorded_start=start,
            sequence_no=int(seq) if seq else None,
            file_type=file_type,
        )
    return Unrecognised(RejectReason.UNRECOGNISED_NAME, "文件名不符合任何已配置的命名规则")
