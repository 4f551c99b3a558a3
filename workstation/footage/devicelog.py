"""Parse recorder log files (GA/T 947 recorders write one per day or per power cycle).

Each line is `YYYY-MM-DD HH:MM:SS <event>[ <detail>]`, fields separated by spaces, commas or tabs. Events
come in Chinese or as English codes depending on the vendor; unknown events are kept as OTHER with
their text, never dropped. Vendors on Chinese Windows write GBK, others UTF-8: both are read.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from workstation.footage.types import DeviceEventType

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
}

_LINE = re.compile(
    r"^\s*(?P<time>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2})[\s,;]+(?P<event>[^\s,;]+)[\s,;]*(?P<detail>.*)$"
)


@dataclass(frozen=True)
class LogEvent:
    occurred_at: datetime
    event_type: DeviceEventType
    detail: str


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
        try:
            moment = datetime.strptime(match["time"].replace("T", " "), "%Y-%m-%d %H:%M:%S")
        except ValueError:
            unreadable += 1
            continue
        word = match["event"]
        event_type = _EVENT_WORDS.get(word.upper(), _EVENT_WORDS.get(word, DeviceEventType.OTHER))
        detail = match["detail"].strip()
        if event_type is DeviceEventType.OTHER:
            detail = f"{word} {detail}".strip()
        events.append(LogEvent(moment, event_type, detail[:500]))
    return events, unreadable
