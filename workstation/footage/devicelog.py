"""Parse recorder log files (GA/T 947 recorders write one per day or per power cycle).

Each line is `YYYY-MM-DD HH:MM:SS <event>[ <detail>]`, fields separated by spaces, commas or tabs. Events
come in Chinese or as English codes depending on the vendor; unknown events are kept as OTHER with
their text, never dropped. Vendors on Chinese Windows write GBK, others UTF-8: both are read.

Two lines carry a second time, a clock measurement (R3, workstation.footage.clocks):

    2026-11-21 18:05:12 接入工作站 2026-11-21 18:05:09 [station]   (DOCK: the line's time is the recorder's,
                                                                   the second the station's at that moment)
    2026-11-21 18:05:12 校时 2026-11-21 18:05:09                   (CLOCK_SYNC: the recorder's time before its
                                                                   clock was set, and the true time it was set to)

Either line without a readable second time is kept as its event, without a measurement.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from workstation.footage.types import CLOCK_EVENTS, DeviceEventType

_EVENT_WORDS: dict[str, DeviceEventType] = {
    **dict.fromkeys(("开机", "POWER_ON", "POWERON"), DeviceEventType.POWER_ON),
    **dict.fromkeys(("关机", "POWER_OFF", "POWEROFF"), DeviceEventType.POWER_OFF),
    **dict.fromkeys(("开始录像", "录像开始", "开始录音", "REC_START", "RECORD_START"), DeviceEventType.RECORD_START),
    **dict.fromkeys(("停止录像", "录像停止", "停止录音", "REC_STOP", "RECORD_STOP"), DeviceEventType.RECORD_STOP),
    **dict.fromkeys(("电量低", "低电量", "电量不足", "LOW_BATTERY", "BATTERY_LOW"), DeviceEventType.LOW_BATTERY),
    **dict.fromkeys(("更换电池", "BATTERY_CHANGE", "BATTERY_SWAP"), DeviceEventType.BATTERY_CHANGE),
    **dict.fromkeys(
        ("异常中断", "非正常中断", "ABNORMAL_STOP", "ABNORMAL_INTERRUPTION"), DeviceEventType.ABNORMAL_INTERRUPTION
    ),
    **dict.fromkeys(("接入工作站", "接入采集站", "DOCK", "DOCKED"), DeviceEventType.DOCK),
    **dict.fromkeys(("校时", "对时", "CLOCK_SYNC", "TIME_SYNC"), DeviceEventType.CLOCK_SYNC),
}

_LINE = re.compile(
    r"^\s*(?P<time>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2})[\s,;]+(?P<event>[^\s,;]+)[\s,;]*(?P<detail>.*)$"
)
_REFERENCE = re.compile(r"^(?P<time>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2})(?:$|[\s,;])")


@dataclass(frozen=True)
class LogEvent:
    occurred_at: datetime
    event_type: DeviceEventType
    detail: str
    reference: datetime | None = None
    """A DOCK or CLOCK_SYNC line's second time (the true time beside the recorder's), if readable."""


def decode_log(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def parse_log(raw: bytes) -> tuple[list[LogEvent], int]:
    """The events in a log file, and how many non-empty lines could not be read as events."""
    events, unreadable = [], 0
    for line in decode_log(raw).splitlines():
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            unreadable += 1
            continue
        moment = _time(match["time"])
        if moment is None:
            unreadable += 1
            continue
        word = match["event"]
        event_type = _EVENT_WORDS.get(word.upper(), _EVENT_WORDS.get(word, DeviceEventType.OTHER))
        detail = match["detail"].strip()
        if event_type is DeviceEventType.OTHER:
            detail = f"{word} {detail}".strip()
        reference = _REFERENCE.match(detail) if event_type in CLOCK_EVENTS else None
        events.append(LogEvent(moment, event_type, detail[:500], _time(reference["time"]) if reference else None))
    return events, unreadable


def _time(text: str) -> datetime | None:
    try:
        return datetime.strptime(text.replace("T", " "), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
