"""A realistic demo archive: an organisation, users for every role, and days of recorder footage.

The footage is not inserted into the database: it is generated as recorder dumps (GA/T 947 file names,
real H.264/AAC clips with the device/警号/time burned in, photos, audio, a log file per day) and goes
through the real ingest, so the demo shows what ingest makes of real footage, including its quirks:
an interrupted recording (a gap, with 异常中断 in the log), a dark recording, a file name no pattern
recognises, a clip cut short by a flat battery, a recorder missing from the registry (filed as 待分配),
a recorder docked more than 24 h late, and what the pre-screen finds (a covered lens, a dead microphone, a
frozen picture, a recorder clock running fast: workstation.demo.prescreen, scanned at the end of the build).
Time is replayed through the program's clock (each day docked at the end of its shift), and the day before
yesterday is already spot-checked, with every verdict, so
the ledger has content the first time a person opens it. One officer's shift from over two years ago is past
the fire rescue profile's retention period (one of its clips under a legal hold), and a recent clip is linked
to a complaint, so the 保存期限 page has content too; that complaint's footage was exported for the
procuratorate (a package in the demo folder, handed over) and a court's request waits for approval
(workstation.demo.evidence).

Unit and person names are invented. Only the demo uses this module (it needs imageio-ffmpeg).
"""

import os
import random
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import func, select

from db.models import Clip, Unit
from workstation import clock, permissions
from workstation.access import register, requests
from workstation.access.types import AccessRequestSpec, RequestKind
from workstation.archive import EMBEDDED_DATABASE, Archive
from workstation.demo import synth
from workstation.demo.evidence import evidence_examples
from workstation.demo.prescreen import (
    DRIFT_OFFICER,
    PROBLEM_OFFICERS,
    PROBLEM_SECONDS,
    PROBLEM_SPAN_S,
    SYNC_OFFICER,
    dock_line,
    prescreen_demo,
    sync_line,
)
from workstation.errors import WorkstationError
from workstation.footage import cases, clips
from workstation.footage.devicelog import LogEvent
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.ingest_runner import ProgressCallback
from workstation.footage.types import CaseKind, ClipFilter, DeviceEventType, IngestOutcome, IngestProgress, IngestReport
from workstation.identity import Identity
from workstation.org import registry, users
from workstation.retention import destruction, holds
from workstation.retention.types import DestructionSpec
from workstation.spotcheck import plans, queue, reviews
from workstation.spotcheck.types import MANUAL_CHECK_ITEMS, CheckAnswer, CheckItem, DrawSpec, ReviewInput, Verdict
from workstation.types import FileType, Role, UnitLevel

ACTOR = "admin"
STATION = "演示采集站"
POLICE_TYPE = "消防"
DEVICE_MODEL = "DSJ-V9"
UNKNOWN_DEVICE = "ZFY0017"
"""A recorder lent by another unit: its number is not registered, so ingest files it as 待分配."""
MAX_OFFICERS = 999
MAX_DAYS = 60
EXPIRED_DAYS_AGO = 2 * 365 + 21
"""One officer's shift archived this long ago: past the fire rescue profile's two years, so the expiry queue
and a destruction request have content."""

CORPS = ("ZD", "江北省消防救援总队")
DETACHMENT = ("ZD01", "临江市消防救援支队")
BRIGADES = (("DD01", "城东区消防救援大队"), ("DD02", "城西区消防救援大队"), ("DD03", "高新区消防救援大队"))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GIVEN_NAME_CHARACTERS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚建华国志文斌鹏辉晨浩宇婷欣雪峰亮成俊凯琳"


class DemoArchiveExists(WorkstationError):
    """The folder already holds an archive with data; the demo is only built into a new or empty one."""


@dataclass(frozen=True)
class DemoUser:
    """A demo sign-in with its documented password (the README lists them)."""

    login: str
    display_name: str
    role: Role
    unit_code: str
    password: str


@dataclass(frozen=True)
class DemoSummary:
    """What the build made: file counts over both ingest runs, and the wall-clock time it took."""

    folder: Path
    users: tuple[DemoUser, ...]
    period: tuple[date, date]
    """The first and last day of footage."""
    checked_day: date | None
    """The day whose spot check the demo already did (None with a one-day demo)."""
    imported: int
    duplicates: int
    rejected: int
    failed: int
    seconds: float


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "刘洋", Role.ADMIN, "ZD01", "admin123"),
    DemoUser("reviewer", "赵敏", Role.REVIEWER, "DD01", "reviewer123"),
    DemoUser("approver", "孙建国", Role.APPROVER, "ZD01", "approver123"),
    DemoUser("legal", "周婷", Role.LEGAL, "ZD01", "legal123"),
    DemoUser("inspection", "吴刚", Role.INSPECTION, "ZD01", "inspection123"),
    DemoUser("officer", "陈晓东", Role.OFFICER, "DD01", "officer123"),
    DemoUser("station", "城东大队采集站", Role.STATION, "DD01", "station123"),
    DemoUser("zongdui", "郑立新", Role.ADMIN, "ZD", "zongdui123"),
)
"""The demo's sign-ins, one per role, and the 总队's administrator (who alone may change the retention policy
and execute approved destructions, 附件3 二(六)). The `officer` user is the first officer of 城东区大队 (DD01)."""
OFFICER_USER = next(user for user in DEMO_USERS if user.role is Role.OFFICER)


@dataclass(frozen=True)
class _Officer:
    name: str
    badge_no: str
    device_no: str
    serial: str
    brigade_code: str


@dataclass
class _RecorderDay:
    """What one recorder holds after one day: files planned here, written later in parallel."""

    root: Path
    device_no: str
    badge_no: str
    day: date
    jobs: list[Callable[[], object]] = field(default_factory=list)
    events: list[LogEvent] = field(default_factory=list)
    _sequence: int = 0

    @property
    def folder(self) -> Path:
        return self.root / f"{self.device_no}_{self.day:%Y%m%d}"

    @property
    def overlay(self) -> str:
        return f"{self.device_no} 警号 {self.badge_no}"

    def _path(self, subfolder: str, start: datetime, extension: str) -> Path:
        self._sequence += 1
        name = f"{self.device_no}_{self.badge_no}_{start:%Y%m%d%H%M%S}_{self._sequence:04d}.{extension}"
        return self.folder / subfolder / name

    def event(self, moment: datetime, event_type: DeviceEventType, detail: str = "") -> None:
        self.events.append(LogEvent(moment, event_type, detail))

    def video(
        self, start: datetime, seconds: int, dark: bool = False, problem: synth.ProblemSpan | None = None
    ) -> datetime:
        """A video segment; returns when it ends. Every segment's burned-in overlay differs, so its hash does."""
        path = self._path("DCIM", start, "MP4")
        make = partial(synth.make_video, path, seconds, overlay=self.overlay, start=start, dark=dark, problem=problem)
        self.jobs.append(make)
        return start + timedelta(seconds=seconds)

    def truncated_video(self, start: datetime, seconds: int) -> datetime:
        """A segment the recorder never finished writing (power lost): only its first half is on the card."""
        path = self._path("DCIM", start, "MP4")
        self.jobs.append(partial(_truncated_video, path, seconds, self.overlay, start))
        return start + timedelta(seconds=seconds // 2)

    def photo(self, taken: datetime) -> None:
        self.jobs.append(partial(synth.make_photo, self._path("DCIM", taken, "JPG"), overlay=self.overlay, taken=taken))

    def audio(self, start: datetime, seconds: int) -> datetime:
        title = f"{self.overlay} {clock.format_time(start)}"
        self.jobs.append(partial(synth.make_audio, self._path("RECORD", start, "WAV"), seconds, title=title))
        return start + timedelta(seconds=seconds)

    def stray_video(self, start: datetime) -> None:
        """A phone video copied onto the recorder: its name fits no pattern, so ingest leaves it and reports it."""
        path = self.folder / "DCIM" / f"VID_{start:%Y%m%d_%H%M%S}.mp4"
        self.jobs.append(partial(synth.make_video, path, 2, overlay="手机录像", start=start))

    def close(self) -> None:
        """Plan the day's log file, named after the power-on time like the recorder names it."""
        events = sorted(self.events, key=lambda event: event.occurred_at)
        name = f"{self.device_no}_{self.badge_no}_{events[0].occurred_at:%Y%m%d%H%M%S}_0000.LOG"
        self.jobs.append(partial(synth.make_log, self.folder / "LOG" / name, events))


def _truncated_video(path: Path, seconds: int, overlay: str, start: datetime) -> None:
    synth.make_video(path, seconds, overlay=overlay, start=start)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def build_demo_archive(
    folder: Path,
    officers: int = 6,
    days: int = 3,
    seed: int = 20261121,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Create the embedded archive at `folder` and fill it through the real ingest; see the module docstring.

    Names, 警号 and the recording schedule follow from `seed`; the footage covers the `days` days ending
    yesterday (by the program's clock). Time is replayed as it would have passed at a real station: the
    organisation exists a month before the footage, each day's recorders are docked at the end of that
    shift, the late recorder more than a day after it recorded, and (with two days or more) the day before
    yesterday was spot-checked yesterday morning. So 24 小时内上传 is 是 for all footage but the late upload,
    whatever the hour the demo is built at. `progress` receives short Chinese status lines, from worker
    threads too. Raises DemoArchiveExists when `folder` already holds an archive with data.
    """
    if not 1 <= officers <= MAX_OFFICERS:
        raise WorkstationError("demo_officers_out_of_range", max_officers=MAX_OFFICERS)
    if not 1 <= days <= MAX_DAYS:
        raise WorkstationError("demo_days_out_of_range", max_days=MAX_DAYS)
    started = time.perf_counter()
    report = progress or (lambda _message: None)
    folder = Path(folder)
    had_database = (folder / EMBEDDED_DATABASE).exists()
    today = clock.now().date()
    period = [today - timedelta(days=offset) for offset in range(days, 0, -1)]
    old_day = today - timedelta(days=EXPIRED_DAYS_AGO)
    issued = _at(old_day - timedelta(days=30), hours=9)
    with clock.simulated(issued):
        archive = Archive.open_embedded(folder, create=True)
    try:
        if had_database:
            _refuse_unless_empty(archive, folder)
        rng = random.Random(seed)
        roster = _roster(rng, officers)
        with tempfile.TemporaryDirectory(prefix="bodycam-demo-") as temporary:
            # footage first: if ffmpeg is missing or fails, the archive is still empty and can be reused
            dumps, late = _plan_dumps(Path(temporary), roster, period, rng)
            old = _RecorderDay(Path(temporary), roster[0].device_no, roster[0].badge_no, old_day)
            _plan_shift(old, random.Random(seed + 1), set())  # its own random numbers: the days above stay alike
            _write_dumps([*dumps, late, old], report)
            report("正在建立组织机构、执法人员、执法记录仪和用户……")
            with clock.simulated(issued):
                _create_organisation(archive, roster, issued)
            checked_day = period[-2] if days >= 2 else None
            reports = _replay(
                archive, [(_at(old_day, 21), [old]), *_timeline(dumps, late, period, checked_day)], report
            )
        _request_sibling_footage(archive)  # now: after everything else happened
        _retention_examples(archive, old_day)
        legal, head = (
            next(user.login for user in DEMO_USERS if user.role is role) for role in (Role.LEGAL, Role.APPROVER)
        )
        evidence_examples(archive, folder, ACTOR, (legal, head), roster[0].badge_no, period[-1])
        report("正在预筛查全部视音频……")
        reviewer = next(user for user in DEMO_USERS if user.role is Role.REVIEWER)
        prescreen_demo(archive, STATION, reviewer.login, reviewer.unit_code)
    finally:
        archive.close()
    summary = DemoSummary(
        folder=folder,
        users=DEMO_USERS,
        period=(period[0], period[-1]),
        checked_day=checked_day,
        imported=_total(reports, IngestOutcome.IMPORTED),
        duplicates=_total(reports, IngestOutcome.DUPLICATE),
        rejected=_total(reports, IngestOutcome.REJECTED),
        failed=_total(reports, IngestOutcome.FAILED),
        seconds=round(time.perf_counter() - started, 1),
    )
    report(f"演示档案库已建成：导入 {summary.imported} 个文件，用时 {summary.seconds} 秒。")
    return summary


def _at(day: date, hours: int, minutes: int = 0) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hours, minutes=minutes)


def _timeline(
    dumps: list[_RecorderDay], late: _RecorderDay, period: list[date], checked_day: date | None
) -> list[tuple[datetime, list[_RecorderDay] | date]]:
    """What happened when: each day's recorders docked at the end of that shift (21:00), the late one the
    evening after its day (more than 24 h after its last recording), the spot check of `checked_day` the
    next morning at 09:00; in time order, so the audit log reads as a real station's would."""
    events: list[tuple[datetime, list[_RecorderDay] | date]] = [
        (_at(day, 21), [dump for dump in dumps if dump.day == day]) for day in period
    ]
    late_day = late.day + timedelta(days=1) if len(period) > 1 else late.day
    events.append((_at(late_day, 21, 30), [late]))
    if checked_day is not None:
        events.append((_at(checked_day + timedelta(days=1), 9), checked_day))
    return sorted(events, key=lambda event: event[0])


def _replay(
    archive: Archive, timeline: list[tuple[datetime, list[_RecorderDay] | date]], report: Callable[[str], None]
) -> list[IngestReport]:
    """Carry out the timeline, each event at its own (simulated) time; returns the ingest reports."""
    options = IngestOptions(station=STATION, who=Identity.system(STATION))
    reports = []
    for moment, what in timeline:
        with clock.simulated(moment):
            if isinstance(what, date):
                report(f"正在模拟 {what} 的抽查……")
                _spot_check(archive, what)
            else:
                report(f"正在导入 {clock.format_time(moment)} 接入的 {len(what)} 个记录仪数据……")
                reports.append(ingest(archive, [dump.folder for dump in what], options, _ingest_progress(report)))
    return reports


def _spot_check(archive: Archive, day: date) -> None:
    """The administrator draws the day's plans (30 %); each sample is claimed, played through (registered)
    and reviewed with the verdicts in turn 合格, 基本合格, 不合格 — a damaged file always 不合格. The brigade
    reviewer checks its own brigade, the administrator the others."""
    spec = DrawSpec(day, day, DETACHMENT[0], ratio_bp=3000)
    admin = Identity.user(ACTOR)
    plans.draw_plans(archive.sessions, spec, admin)
    reviewer = next(user for user in DEMO_USERS if user.role is Role.REVIEWER)
    with archive.sessions.read() as session:
        items = sorted(
            (
                item
                for plan in plans.list_plans(session, admin, day, day)
                for item in plans.plan_items(session, admin, plan.id)
            ),
            key=lambda item: (item.unit_code, item.id),
        )
    for number, item in enumerate(items):
        login = reviewer.login if item.unit_code == reviewer.unit_code else ACTOR
        who = Identity.user(login)
        queue.claim(archive.sessions, who, item.id)
        viewing = register.start_viewing(archive.sessions, Identity.user(login), item.clip_id, reason="每日抽查")
        duration = item.duration_ms or 0
        register.finish_viewing(archive.sessions, Identity.user(login), viewing.entry_id, duration)
        with archive.sessions.read() as session:
            intact = reviews.item_facts(session, who, item.id).file_intact
        review = _DEMO_REVIEWS[number % len(_DEMO_REVIEWS)] if intact else _DEMO_REVIEWS[-1]
        played = replace(review, played_intervals=((0, duration),))
        reviews.submit_review(archive.sessions, who, item.id, played)


_ALL_YES = dict.fromkeys(MANUAL_CHECK_ITEMS, CheckAnswer.YES)
_DEMO_REVIEWS = (
    ReviewInput(_ALL_YES, Verdict.PASS),
    ReviewInput(
        _ALL_YES | {CheckItem.ANNOUNCED: CheckAnswer.NO},
        Verdict.MOSTLY,
        problem="到达现场后未按规定用语告知正在录音录像",
        rectification="组织规范告知用语学习",
    ),
    ReviewInput(
        _ALL_YES | {CheckItem.CONTINUOUS: CheckAnswer.NO, CheckItem.CLEAR: CheckAnswer.NO},
        Verdict.FAIL,
        problem="执法过程记录不完整，部分画面无法辨认",
        rectification="当事人员书面说明情况，三日内完成整改并报支队法制科",
    ),
)
"""The reviews the demo's spot check gives, in turn (a damaged file always gets the last)."""


def _refuse_unless_empty(archive: Archive, folder: Path) -> None:
    with archive.sessions.read() as session:
        units = session.execute(select(func.count()).select_from(Unit)).scalar_one()
        clips = session.execute(select(func.count()).select_from(Clip)).scalar_one()
    if units or clips:
        raise DemoArchiveExists(folder=str(folder), units=units, clips=clips)


def _roster(rng: random.Random, count: int) -> list[_Officer]:
    """Officers spread over the brigades in turn; the first is the `officer` demo user's own record."""
    taken = {user.display_name for user in DEMO_USERS}
    names = [OFFICER_USER.display_name]
    while len(names) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN_NAME_CHARACTERS, k=rng.choice((1, 2, 2))))
        if name not in taken:
            taken.add(name)
            names.append(name)
    badges = rng.sample(range(100000, 1000000), count)
    roster = []
    for index, (name, badge) in enumerate(zip(names, badges, strict=True)):
        brigade_code = BRIGADES[index % len(BRIGADES)][0]
        roster.append(_Officer(name, str(badge), f"DSJ{index + 1:04d}", f"V9{rng.getrandbits(32):08X}", brigade_code))
    return roster


def _create_organisation(archive: Archive, roster: list[_Officer], issued: datetime) -> None:
    """Units, officers with their recorders (issued before the demo period), and the demo users."""
    with archive.sessions.write() as session:
        corps = registry.create_unit(session, Identity.user(ACTOR), *CORPS, UnitLevel.CORPS, POLICE_TYPE, None)
        detachment = registry.create_unit(
            session, Identity.user(ACTOR), *DETACHMENT, UnitLevel.DETACHMENT, POLICE_TYPE, corps
        )
        units = {corps.code: corps, detachment.code: detachment}
        for code, name in BRIGADES:
            units[code] = registry.create_unit(
                session, Identity.user(ACTOR), code, name, UnitLevel.BRIGADE, POLICE_TYPE, detachment
            )
        officer_rows = []
        for member in roster:
            unit = units[member.brigade_code]
            officer = registry.create_officer(session, Identity.user(ACTOR), member.badge_no, member.name, unit)
            device = registry.register_device(
                session, Identity.user(ACTOR), member.device_no, member.serial, DEVICE_MODEL, unit
            )
            registry.assign_device(session, Identity.user(ACTOR), device, officer, note="配发", at=issued)
            officer_rows.append(officer)
        accounts = [
            users.NewAccount(
                demo.login,
                demo.display_name,
                units[demo.unit_code],
                demo.role,
                demo.password,
                officer_rows[0].id if demo.role is Role.OFFICER else None,
            )
            for demo in DEMO_USERS
        ]
        users.create_users(session, Identity.user(ACTOR), accounts)


def _plan_dumps(
    root: Path, roster: list[_Officer], period: list[date], rng: random.Random
) -> tuple[list[_RecorderDay], _RecorderDay]:
    """One dump per officer and day plus the unknown recorder's; returns them and the one docked late.

    The last officer's first day docks late (more than 24 h after recording when `days` >= 2). The quirks
    fall on yesterday, on different officers while there are enough of them.
    """
    yesterday = period[-1]
    quirk_officer = {"gap": 0, "dark": 1, "stray": 2, "truncated": 3, "clock_sync": SYNC_OFFICER} | PROBLEM_OFFICERS
    clock_since = datetime.combine(period[0], datetime.min.time())
    dumps = []
    for index, member in enumerate(roster):
        for day in period:
            quirks = {name for name, at in quirk_officer.items() if day == yesterday and at % len(roster) == index}
            recorder = _RecorderDay(root, member.device_no, member.badge_no, day)
            fast_clock = clock_since if index == DRIFT_OFFICER % len(roster) else None
            _plan_shift(recorder, rng, quirks, fast_clock)
            dumps.append(recorder)
    known_badges = {member.badge_no for member in roster}
    stranger_badge = roster[0].badge_no
    while stranger_badge in known_badges:
        stranger_badge = str(rng.randint(100000, 999999))
    stranger = _RecorderDay(root, UNKNOWN_DEVICE, stranger_badge, yesterday)
    _plan_shift(stranger, rng, set())
    late = next(dump for dump in dumps if dump.device_no == roster[-1].device_no and dump.day == period[0])
    return [dump for dump in dumps if dump is not late] + [stranger], late


def _plan_shift(
    recorder: _RecorderDay, rng: random.Random, quirks: set[str], fast_clock: datetime | None = None
) -> None:
    """A working day: power on, two or three recorded call-outs of one or two segments, power off.

    Segments of one recording follow each other without a gap, as recorders split long recordings. A problem
    quirk (synth.Problem) makes the first call-out's first segment show it; `fast_clock` gives the recorder a
    clock running fast since then, and its log the dock lines that measure it, at power-on and after power-off;
    the clock_sync quirk a 校时 line before power-on.
    """
    midnight = datetime.combine(recorder.day, datetime.min.time())
    power_on = midnight + timedelta(hours=7, minutes=rng.randint(40, 59), seconds=rng.randint(0, 59))
    recorder.event(power_on, DeviceEventType.POWER_ON, f"电量 {rng.randint(85, 100)}%")
    call_outs = sorted(rng.sample(range(8 * 60 + 30, 17 * 60, 7), rng.randint(2, 3)))
    moment = power_on
    for number, minute in enumerate(call_outs):
        start = midnight + timedelta(minutes=minute, seconds=rng.randint(0, 59))
        recorder.event(start, DeviceEventType.RECORD_START)
        seconds = rng.randint(2, 4)
        problem = next((name for name in PROBLEM_OFFICERS if name in quirks), None)
        span = synth.ProblemSpan(problem, *PROBLEM_SPAN_S) if problem is not None and number == 0 else None
        moment = recorder.video(
            start, PROBLEM_SECONDS if span else seconds, dark="dark" in quirks and number == 1, problem=span
        )
        if "gap" in quirks and number == 0:
            recorder.event(moment, DeviceEventType.ABNORMAL_INTERRUPTION, "录像异常中断")
            recorder.event(moment + timedelta(seconds=40), DeviceEventType.POWER_ON, "异常重启")
            moment += timedelta(seconds=45)
            recorder.event(moment, DeviceEventType.RECORD_START)
            moment = recorder.video(moment, rng.randint(2, 4))
        elif rng.random() < 0.5:
            moment = recorder.video(moment, rng.randint(2, 4))
        recorder.event(moment, DeviceEventType.RECORD_STOP)
        if rng.random() < 0.4:
            recorder.photo(moment + timedelta(seconds=rng.randint(20, 90)))
        if "stray" in quirks and number == 0:
            recorder.stray_video(moment + timedelta(minutes=5))
    if "truncated" in quirks:
        moment = _flat_battery_recording(recorder, moment + timedelta(minutes=rng.randint(20, 60)), rng)
    if rng.random() < 0.3:
        start = moment + timedelta(minutes=rng.randint(10, 40))
        recorder.event(start, DeviceEventType.RECORD_START, "录音")
        moment = recorder.audio(start, rng.randint(2, 4))
        recorder.event(moment, DeviceEventType.RECORD_STOP, "录音")
    if "truncated" not in quirks and rng.random() < 0.3:
        recorder.event(moment + timedelta(minutes=5), DeviceEventType.LOW_BATTERY, "电量 15%")
        recorder.event(moment + timedelta(minutes=12), DeviceEventType.BATTERY_CHANGE, "电量 100%")
    power_off = max(moment, midnight + timedelta(hours=17, minutes=30)) + timedelta(minutes=rng.randint(5, 50))
    recorder.event(power_off, DeviceEventType.POWER_OFF)
    if "clock_sync" in quirks:
        recorder.events.append(sync_line(power_on - timedelta(minutes=4)))
    if fast_clock is not None:
        recorder.events += [dock_line(power_on - timedelta(minutes=5), fast_clock)]
        recorder.events += [dock_line(power_off + timedelta(minutes=10), fast_clock)]
    recorder.close()


def _flat_battery_recording(recorder: _RecorderDay, start: datetime, rng: random.Random) -> datetime:
    """A recording cut off by a flat battery: the log warns, then breaks off; the clip is left truncated."""
    recorder.event(start - timedelta(minutes=rng.randint(3, 10)), DeviceEventType.LOW_BATTERY, "电量 5%")
    recorder.event(start, DeviceEventType.RECORD_START)
    moment = recorder.truncated_video(start, 4)
    recorder.event(moment, DeviceEventType.ABNORMAL_INTERRUPTION, "电量耗尽")
    recorder.event(moment + timedelta(minutes=8), DeviceEventType.BATTERY_CHANGE, "电量 100%")
    recorder.event(moment + timedelta(minutes=8, seconds=10), DeviceEventType.POWER_ON, "电量 100%")
    return moment + timedelta(minutes=8, seconds=10)


def _write_dumps(dumps: list[_RecorderDay], report: Callable[[str], None]) -> None:
    """Run every planned ffmpeg job, a few at a time (each one is a short single process)."""
    jobs = [job for dump in dumps for job in dump.jobs]
    for dump in dumps:
        for subfolder in ("DCIM", "RECORD", "LOG"):
            (dump.folder / subfolder).mkdir(parents=True, exist_ok=True)
    report(f"正在生成 {len(dumps)} 个记录仪的 {len(jobs)} 个文件……")
    with ThreadPoolExecutor(min(4, os.cpu_count() or 2), thread_name_prefix="demo-media") as pool:
        for future in [pool.submit(job) for job in jobs]:
            future.result()


def _ingest_progress(report: Callable[[str], None]) -> ProgressCallback:
    """Turn ingest's per-chunk progress into one line per recorder, when its last file is done."""
    lock = threading.Lock()

    def on_progress(update: IngestProgress) -> None:
        if update.files_total and update.files_done == update.files_total:
            with lock:
                report(f"已导入 {Path(update.source).name}：{update.files_total} 个文件")

    return on_progress


def _request_sibling_footage(archive: Archive) -> None:
    """A pending viewing request, so the approver's inbox has something to decide: the reviewer of DD01 asks
    for another brigade's footage, which the 支队 head must approve (附件3 二(六))."""
    wanted = ClipFilter(unit_code=BRIGADES[1][0], file_type=FileType.VIDEO)
    with archive.sessions.read() as session:
        other = clips.list_clips(session, wanted, limit=2, scope=permissions.clip_scope(session, Identity.user(ACTOR)))
    if other:
        spec = AccessRequestSpec(
            RequestKind.CLIPS, reason="核查群众投诉涉及的现场执法过程", clip_ids=tuple(c.id for c in other)
        )
        requests.submit(archive.sessions, Identity.user("reviewer"), spec)


def _retention_examples(archive: Archive, old_day: date) -> None:
    """The 保存期限 page's content: the old shift is past its two years; the legal department holds one of its
    clips (a complaint under review), a recent clip is linked to that complaint (kept permanently), and the
    administrator lists the rest of the shift for destruction (awaiting the 支队 head's approval)."""
    legal = next(user for user in DEMO_USERS if user.role is Role.LEGAL)
    scope_all = ClipFilter(date_from=old_day, date_to=old_day, file_type=FileType.VIDEO)
    recent = ClipFilter(unit_code=BRIGADES[0][0], date_from=old_day + timedelta(days=1), file_type=FileType.VIDEO)
    with archive.sessions.write() as session:
        scope = permissions.clip_scope(session, Identity.user(ACTOR))
        expired = clips.list_clips(session, scope_all, limit=1, scope=scope)
        complained = clips.list_clips(session, recent, limit=1, scope=scope)
        if expired:
            holds.place_hold(session, Identity.user(legal.login), [expired[0].id], "当事人投诉，调查期间暂停销毁")
        if complained:
            cases.link_clips(
                session, Identity.user(ACTOR), [complained[0].id], "TS2026001", CaseKind.COMPLAINT, party_name="李某"
            )
        if expired:  # the rest of the old shift, listed for destruction: the 支队 head's inbox has it
            spec = DestructionSpec("经逐一筛查，以下文件保存期满且无继续保存价值", unit_code=BRIGADES[0][0])
            destruction.request_destruction(session, Identity.user(ACTOR), spec, clock.now().date())


def _total(reports: list[IngestReport], outcome: IngestOutcome) -> int:
    return sum(ingest_report.count(outcome) for ingest_report in reports)
