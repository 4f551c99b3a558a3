"""What the statistics services take and return (issue 16, R10): a period over a unit, and the measures."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from workstation.prescreen.types import FindingFigure


@dataclass(frozen=True)
class StatsQuery:
    """A period (recording dates, inclusive) over a unit and the units below it (None: all in the user's charge)."""

    date_from: date
    date_to: date
    unit_code: str | None = None

    def previous(self) -> "StatsQuery":
        """The period of the same length just before this one (the comparison the reports print)."""
        days = (self.date_to - self.date_from).days + 1
        return StatsQuery(self.date_from - timedelta(days=days), self.date_from - timedelta(days=1), self.unit_code)


GAP_MS = 2000
"""A shorter break between two recordings is a recorder splitting one long recording into files (as the
officer's day view counts it, workstation.footage.officer_day)."""


@dataclass(frozen=True)
class Workload:
    """Footage counts of a group of clips. Rates are None when there is nothing to divide by.

    hours: recorded hours of video and audio; recording_days: officer-days with footage (an officer who
    recorded on 3 days counts 3); on_time: clips archived within 24 h of the recording's start (上传及时);
    linked: video and audio clips linked to an incident or case (警情关联); marked: clips with a mark or note;
    gaps / gap_ms: breaks of more than GAP_MS between an officer's consecutive video or audio recordings on the
    same day (空档: on duty with nothing recorded), and their total length.
    """

    clips: int = 0
    videos: int = 0
    audios: int = 0
    photos: int = 0
    duration_ms: int = 0
    recording_days: int = 0
    on_time: int = 0
    recordings: int = 0  # video and audio clips: what the link rate divides by
    linked: int = 0
    marked: int = 0
    gaps: int = 0
    gap_ms: int = 0

    @property
    def hours(self) -> float:
        return self.duration_ms / 3_600_000

    @property
    def upload_rate(self) -> float | None:
        return self.on_time / self.clips if self.clips else None

    @property
    def link_rate(self) -> float | None:
        return self.linked / self.recordings if self.recordings else None

    @property
    def marked_share(self) -> float | None:
        return self.marked / self.clips if self.clips else None

    def __add__(self, other: "Workload") -> "Workload":
        return Workload(*(mine + theirs for mine, theirs in zip(_fields(self), _fields(other), strict=True)))


def _fields(workload: Workload) -> tuple[int, ...]:
    return (
        workload.clips,
        workload.videos,
        workload.audios,
        workload.photos,
        workload.duration_ms,
        workload.recording_days,
        workload.on_time,
        workload.recordings,
        workload.linked,
        workload.marked,
        workload.gaps,
        workload.gap_ms,
    )


@dataclass(frozen=True)
class WorkloadRow:
    """One unit's or one officer's workload. For a unit, `unit_code` is the unit itself and the figures
    include the units below it; for an officer, the unit the footage is filed under."""

    key: str  # the unit code, or the officer's 警号 ("" for footage awaiting assignment)
    name: str
    unit_code: str
    officers: int  # officers with footage in the period
    workload: Workload


@dataclass(frozen=True)
class WorkloadReport:
    """Workload per unit (the unit asked for and each unit directly below it) and per officer, the total,
    and the total of the previous period of the same length."""

    query: StatsQuery
    units: tuple[WorkloadRow, ...]
    officers: tuple[WorkloadRow, ...]
    total: Workload
    previous_total: Workload


@dataclass(frozen=True)
class DeviceUse:
    """One recorder over the period: time switched on and recording (from its log: each 关机 after a 开机, each
    停止录像 after a 开始录像), footage archived from it, and its log events by type (异常中断 among them)."""

    device_no: str
    model: str
    unit_code: str  # "" while awaiting assignment
    holder: str  # 姓名（警号）, or ""
    seconds_on: int
    seconds_recording: int
    footage_ms: int  # recorded video and audio archived from the recorder in the period
    events: tuple[tuple[str, int], ...]  # (DeviceEventType value, count), by type

    @property
    def recording_share(self) -> float | None:
        """Recording time as a share of time switched on (None without power-on time in the log)."""
        return min(self.seconds_recording / self.seconds_on, 1.0) if self.seconds_on else None

    def count(self, event_type: str) -> int:
        return dict(self.events).get(event_type, 0)


@dataclass(frozen=True)
class DeviceReport:
    """Recorder use over the units of a query, and the log events of all of them by type."""

    query: StatsQuery
    devices: tuple[DeviceUse, ...]
    events: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class SpotCheckFigures:
    """One unit's spot checks of plans covering the period: what was planned, what was reviewed, the verdicts,
    and what the reviews found wanting (checklist items answered 否, most frequent first)."""

    unit_code: str
    unit_name: str
    plans: int
    planned: int  # items drawn and not withdrawn
    reviewed: int
    officers_planned: int
    officers_reviewed: int
    passed: int  # 合格
    mostly: int  # 基本合格
    failed: int  # 不合格
    problems: tuple[tuple[str, int], ...]  # (CheckItem value, reviews answering 否), most frequent first

    @property
    def coverage(self) -> float | None:
        """Reviewed items as a share of the planned ones."""
        return self.reviewed / self.planned if self.planned else None

    @property
    def pass_rate(self) -> float | None:
        """合格 and 基本合格 as a share of the reviews."""
        return (self.passed + self.mostly) / self.reviewed if self.reviewed else None


@dataclass(frozen=True)
class SpotCheckReport:
    query: StatsQuery
    units: tuple[SpotCheckFigures, ...]
    total: SpotCheckFigures


@dataclass(frozen=True)
class AccessFigures:
    """Viewing requests filed in the period, by the unit that decides them (the last step's unit): how many,
    how they ended, and how long a decision took (filing to the last decision, in hours)."""

    unit_code: str
    unit_name: str
    requests: int
    approved: int
    rejected: int
    pending: int
    outside: int  # from outside bodies (检察院, 法院, …)
    median_hours: float | None
    longest_hours: float | None


@dataclass(frozen=True)
class AccessReport:
    query: StatsQuery
    units: tuple[AccessFigures, ...]


@dataclass(frozen=True)
class FindingUnitRow:
    """One unit's pre-screen findings (with the units below it; "" and 待分配 for footage awaiting assignment):
    by status, and the clips with a finding and with a confirmed one."""

    unit_code: str
    unit_name: str
    figures: FindingFigure  # kind and model ""
    clips: int
    confirmed_clips: int


@dataclass(frozen=True)
class ConfirmedClip:
    """A clip with at least one confirmed finding: where and whose it is, and the kinds confirmed on it."""

    clip_id: int
    unit_code: str
    unit_name: str
    badge_no: str
    officer_name: str
    file_name: str
    recorded_start: datetime
    kinds: tuple[str, ...]
    decided_by: tuple[str, ...]


@dataclass(frozen=True)
class PrescreenReport:
    """The pre-screen findings of a period (by the day of the clip or officer-day) over the query's units: per
    kind (every kind, found or not), per recorder model and kind, per unit, the total and the previous period's
    total; and the clips with confirmed findings (at most CONFIRMED_CLIPS_SHOWN, `more` says how many were left
    out)."""

    query: StatsQuery
    kinds: tuple[FindingFigure, ...]  # model ""
    models: tuple[FindingFigure, ...]  # clip findings of recorders with a model
    units: tuple[FindingUnitRow, ...]
    total: FindingFigure
    previous_total: FindingFigure
    confirmed_clips: tuple[ConfirmedClip, ...]
    more: int = 0


CONFIRMED_CLIPS_SHOWN = 2000
"""A report lists at most this many clips with confirmed findings (a year of a 总队 would fill a book)."""


class ReportKind(StrEnum):
    WORKLOAD = "workload"  # 工作量
    DEVICES = "devices"  # 执法记录仪使用
    SPOTCHECK = "spotcheck"  # 抽查
    ACCESS = "access"  # 调阅审批
    PRESCREEN = "prescreen"  # 智能预筛查


class ReportFormat(StrEnum):
    HTML = "html"
    XLSX = "xlsx"


@dataclass(frozen=True)
class Chart:
    """A bar chart of one table column: labels from `label_column`, values from `value_column`."""

    title: str
    label_column: int
    value_column: int


@dataclass(frozen=True)
class Section:
    """One table of a report, with the chart drawn from it (if any) and a note under it. The last `totals` rows
    are totals (合计): printed in bold and left out of the chart, where they would dwarf the rows they add up."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str | int | float | None, ...], ...]
    chart: Chart | None = None
    note: str = ""
    totals: int = 0

    @property
    def chart_rows(self) -> tuple[tuple[str | int | float | None, ...], ...]:
        """The rows the chart draws: all but the totals."""
        return self.rows[: len(self.rows) - self.totals]


@dataclass(frozen=True)
class ReportDocument:
    """A report as the HTML file and the workbook print it: what was asked, when, the chain head, the tables."""

    kind: ReportKind
    title: str
    query_words: str  # the query in words: unit, period, user
    made_at: str  # 2026-11-22 14:05:09
    chain_stamp: str
    summary: tuple[tuple[str, str], ...]  # headline figures (name, value) with the previous period's
    sections: tuple[Section, ...]
    definitions: tuple[tuple[str, str], ...]  # each measure and how it is computed


Parts = tuple[tuple[tuple[str, str], ...], tuple[Section, ...], tuple[tuple[str, str], ...]]
"""What a kind's builder gives a ReportDocument: the summary, the sections and the definitions."""


class ReportPeriod(StrEnum):
    """What a scheduled report covers: the day, the calendar week (Monday–Sunday) or the calendar month
    before the day it runs."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"  # on a weekday
    MONTHLY = "monthly"  # on a day of the month


@dataclass(frozen=True)
class Schedule:
    """When a report task runs, archive-local time: every day, every week on `weekday` (1 = Monday … 7) or
    every month on `month_day` (1–28, a day every month has), at `hour` (0–23)."""

    frequency: Frequency
    hour: int
    weekday: int | None = None
    month_day: int | None = None


@dataclass(frozen=True)
class ReportTaskSpec:
    """A report task as an administrator sets it up: what (kind, unit, format, period), for whom (e-mail
    addresses, or a drop folder where there is no mail server) and how often."""

    kind: ReportKind
    unit_code: str
    fmt: ReportFormat
    period: ReportPeriod
    schedule: Schedule
    recipients: tuple[str, ...] = ()
    drop_folder: str = ""


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # tried again at retry_at
    DELIVERED = "delivered"
    FAILED = "failed"  # every attempt failed: shown to the administrators until the task is removed


@dataclass(frozen=True)
class DeliveryRow:
    """One run of a task: its period, how it went, and the last failure's code and data (see delivery)."""

    id: int
    due_at: datetime
    date_from: date
    date_to: date
    status: DeliveryStatus
    attempts: int
    retry_at: datetime
    delivered_at: datetime | None
    error_code: str  # "" when no attempt failed
    error_data: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class ReportTaskRow:
    """A task with its owner, next run, latest delivery and the number of deliveries that finally failed."""

    id: int
    spec: ReportTaskSpec
    owner: str
    created_at: datetime
    next_run_at: datetime
    last: DeliveryRow | None
    failed: int


@dataclass(frozen=True)
class RunSummary:
    """What one `report run-due` did: runs that fell due, deliveries made, and failed attempts (the ones out of
    attempts among them are now marked failed)."""

    scheduled: int
    delivered: tuple[tuple[DeliveryRow, int], ...]  # (the delivery, its task id)
    failed: tuple[tuple[DeliveryRow, int], ...]  # (the delivery after the attempt, its task id)
