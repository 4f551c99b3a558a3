"""A report as a document (ReportDocument): the measures of one kind, in Chinese, with the query in words, the time
it was made and the audit chain head — what both the HTML file and the workbook print, so they never disagree.

The headline figures carry the previous period of the same length for comparison; every measure's
definition is printed with it (the README lists the same definitions).
"""

from collections.abc import Callable

from sqlalchemy.orm import Session

from workstation import clock
from workstation.export_stamp import snapshot_stamp
from workstation.footage.types import CLOCK_EVENTS
from workstation.footage.types import EVENT_WORDS as FOOTAGE_EVENT_WORDS
from workstation.identity import Identity
from workstation.statistics.access import access_requests
from workstation.statistics.cells import percent, percent_text
from workstation.statistics.devices import device_use
from workstation.statistics.findings_document import PRESCREEN_TITLE, prescreen_parts
from workstation.statistics.spotchecks import spot_checks
from workstation.statistics.types import (
    AccessReport,
    Chart,
    DeviceReport,
    Parts,
    ReportDocument,
    ReportKind,
    Section,
    SpotCheckReport,
    StatsQuery,
    Workload,
    WorkloadReport,
)
from workstation.statistics.workload import workload

TITLES = {
    ReportKind.WORKLOAD: "执法记录仪视音频工作量统计",
    ReportKind.DEVICES: "执法记录仪使用情况统计",
    ReportKind.SPOTCHECK: "视音频资料抽查情况统计",
    ReportKind.ACCESS: "视音频资料调阅审批情况统计",
    ReportKind.PRESCREEN: PRESCREEN_TITLE,
}
EVENT_WORDS = {kind.value: word for kind, word in FOOTAGE_EVENT_WORDS.items() if kind not in CLOCK_EVENTS}
"""The events the recorder report counts, in its column order (not the docking and clock setting)."""
CHECK_WORDS = {
    "announced": "规范告知",
    "id_shown": "出示证件",
    "continuous": "全程连续无中断",
    "clear": "画面声音清晰",
    "lens_clear": "镜头无遮挡",
    "conduct": "执法行为规范",
    "uploaded_24h": "24小时内上传",
    "case_linked": "已关联警情/案件",
}
WORKLOAD_DEFINITIONS = (
    ("文件数", "录制时间在统计期内的视频、音频、照片文件数（不含日志文件）"),
    ("时长", "视频和音频的录制时长之和（小时）"),
    ("录制天数", "每名执法人员有资料的日期数之和（一人三天计三天）"),
    ("上传及时率", "入库时间减去录制开始时间不超过 24 小时的文件所占比例（与抽查的“24小时内上传”同一口径）"),
    ("警情关联率", "已关联警情或案件的视频、音频文件所占比例"),
    ("标注率", "有标记或注释的文件所占比例"),
    ("空档", "同一执法人员同一天相邻两段视频或音频之间超过 2 秒的间隔（在岗未录制）的次数与总时长"),
)


def build_document(session: Session, who: Identity, kind: ReportKind, query: StatsQuery) -> ReportDocument:
    """The report of `kind` over `query` as `who` may see it; the chain head is read first, with the figures."""
    stamp = snapshot_stamp(session)
    made_at = clock.format_time(clock.now())
    unit = query.unit_code or "本人管辖的全部单位"
    words = f"单位：{unit}；期间：{query.date_from} 至 {query.date_to}；制表人：{who.name}"
    summary, sections, definitions = _BUILDERS[kind](session, who, query)
    return ReportDocument(kind, TITLES[kind], words, made_at, stamp, summary, sections, definitions)


def _workload(session: Session, who: Identity, query: StatsQuery) -> Parts:
    report: WorkloadReport = workload(session, who, query)
    headers = ("单位代码", "单位", "执法人员数", "文件数", "视频", "音频", "照片", "时长（小时）", "录制天数",
               "上传及时率（%）", "警情关联率（%）", "标注率（%）", "空档次数", "空档时长（小时）")  # fmt: skip
    units = tuple((row.key, row.name, row.officers, *_workload_cells(row.workload)) for row in report.units)
    officer_headers = ("警号", "姓名", "单位代码", *headers[3:])
    officers = tuple((row.key, row.name, row.unit_code, *_workload_cells(row.workload)) for row in report.officers)
    summary = _compare(report.total, report.previous_total)
    sections = (
        Section("按单位", headers, units, Chart("各单位资料时长（小时）", 1, 7), "单位的数字包含其下级单位。"),
        Section("按执法人员", officer_headers, officers, Chart("各执法人员资料时长（小时）", 1, 7)),
    )
    return summary, sections, WORKLOAD_DEFINITIONS


def _workload_cells(figures: Workload) -> tuple[int | float | None, ...]:
    return (
        figures.clips,
        figures.videos,
        figures.audios,
        figures.photos,
        round(figures.hours, 2),
        figures.recording_days,
        percent(figures.upload_rate),
        percent(figures.link_rate),
        percent(figures.marked_share),
        figures.gaps,
        round(figures.gap_ms / 3_600_000, 2),
    )


def _compare(now: Workload, before: Workload) -> tuple[tuple[str, str], ...]:
    def pair(name: str, current: str, previous: str) -> tuple[str, str]:
        return name, f"{current}（上期 {previous}）"

    return (
        pair("文件数", str(now.clips), str(before.clips)),
        pair("时长（小时）", f"{now.hours:.1f}", f"{before.hours:.1f}"),
        pair("录制天数", str(now.recording_days), str(before.recording_days)),
        pair("上传及时率", percent_text(now.upload_rate), percent_text(before.upload_rate)),
        pair("警情关联率", percent_text(now.link_rate), percent_text(before.link_rate)),
        pair("标注率", percent_text(now.marked_share), percent_text(before.marked_share)),
    )


def _devices(session: Session, who: Identity, query: StatsQuery) -> Parts:
    report: DeviceReport = device_use(session, who, query)
    types = list(EVENT_WORDS)
    headers = ("设备编号", "型号", "单位代码", "持有人", "开机时长（小时）", "录像时长（小时）", "录像占比（%）",
               "入库资料时长（小时）", *(EVENT_WORDS[kind] for kind in types))  # fmt: skip
    rows = tuple(
        (
            device.device_no,
            device.model,
            device.unit_code,
            device.holder,
            round(device.seconds_on / 3600, 2),
            round(device.seconds_recording / 3600, 2),
            percent(device.recording_share),
            round(device.footage_ms / 3_600_000, 2),
            *(device.count(kind) for kind in types),
        )
        for device in report.devices
    )
    events = tuple((EVENT_WORDS.get(kind, kind), count) for kind, count in report.events)
    interruptions = dict(report.events).get("abnormal_interruption", 0)
    summary = (("执法记录仪数", str(len(report.devices))), ("异常中断次数", str(interruptions)))
    sections = (
        Section(
            "按执法记录仪",
            headers,
            rows,
            Chart("各执法记录仪异常中断次数", 0, 8 + types.index("abnormal_interruption")),
        ),
        Section("日志事件", ("事件", "次数"), events, Chart("日志事件按类型", 0, 1)),
    )
    definitions = (
        ("开机时长", "日志中每个“关机”与其前一个“开机”之间的时间之和；未配对的事件（如电量耗尽后日志中断）不计"),
        ("录像时长", "日志中每个“停止录像”与其前一个“开始录像”之间的时间之和"),
        ("录像占比", "录像时长占开机时长的比例"),
        ("入库资料时长", "该执法记录仪在统计期内录制并已入库的视频、音频时长"),
    )
    return summary, sections, definitions


def _spotchecks(session: Session, who: Identity, query: StatsQuery) -> Parts:
    report: SpotCheckReport = spot_checks(session, who, query)
    headers = ("单位代码", "单位", "抽查计划", "应查", "已查", "完成率（%）", "应查人员", "已查人员", "合格",
               "基本合格", "不合格", "合格率（%）", "主要问题")  # fmt: skip
    rows = tuple(
        (
            row.unit_code,
            row.unit_name,
            row.plans,
            row.planned,
            row.reviewed,
            percent(row.coverage),
            row.officers_planned,
            row.officers_reviewed,
            row.passed,
            row.mostly,
            row.failed,
            percent(row.pass_rate),
            _problem_text(row.problems),
        )
        for row in (*report.units, report.total)
    )
    problems = tuple((CHECK_WORDS.get(code, code), count) for code, count in report.total.problems)
    total = report.total
    summary = (
        ("已查/应查", f"{total.reviewed}/{total.planned}"),
        ("合格率", percent_text(total.pass_rate)),
        ("不合格", str(total.failed)),
    )
    sections = (
        Section("按单位", headers, rows, Chart("各单位已查条数", 1, 4), totals=1),
        Section("主要问题（检查项答“否”的次数）", ("检查项", "次数"), problems, Chart("主要问题", 0, 1)),
    )
    definitions = (
        ("应查", "统计期内抽查计划抽中且未撤回的资料条数（重新抽取的计划按现行计划计）"),
        ("完成率", "已查条数占应查条数的比例"),
        ("合格率", "结论为合格或基本合格的检查所占比例"),
    )
    return summary, sections, definitions


def _access(session: Session, who: Identity, query: StatsQuery) -> Parts:
    report: AccessReport = access_requests(session, who, query)
    headers = ("单位代码", "审批单位", "申请数", "批准", "驳回", "待审批", "外部单位", "审批用时中位数（小时）",
               "最长用时（小时）")  # fmt: skip
    rows = tuple(
        (
            row.unit_code,
            row.unit_name,
            row.requests,
            row.approved,
            row.rejected,
            row.pending,
            row.outside,
            _rounded(row.median_hours),
            _rounded(row.longest_hours),
        )
        for row in report.units
    )
    summary = (("申请数", str(sum(row.requests for row in report.units))),)
    sections = (Section("按审批单位", headers, rows, Chart("各单位调阅申请数", 1, 2)),)
    definitions = (
        ("审批单位", "申请最后一步审批所在的单位"),
        ("审批用时", "从提交申请到最后一次审批决定的时间（已决定的申请）"),
    )
    return summary, sections, definitions


_BUILDERS: dict[ReportKind, Callable[[Session, Identity, StatsQuery], Parts]] = {
    ReportKind.WORKLOAD: _workload,
    ReportKind.DEVICES: _devices,
    ReportKind.SPOTCHECK: _spotchecks,
    ReportKind.ACCESS: _access,
    ReportKind.PRESCREEN: prescreen_parts,
}


def _rounded(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def _problem_text(problems: tuple[tuple[str, int], ...]) -> str:
    """The three most frequent problems, each with its count (a no-break space: the count never wraps alone)."""
    return "、".join(f"{CHECK_WORDS.get(code, code)}\u00a0{count}" for code, count in problems[:3])
