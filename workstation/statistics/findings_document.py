"""The pre-screen report (智能预筛查情况统计) as document parts: findings by kind, per unit, per recorder model and
kind, and the clips with confirmed findings, with the precision of each detector — confirmed / (confirmed +
dismissed) — and its definitions in Chinese (the README's table says the same)."""

from sqlalchemy.orm import Session

from workstation import clock
from workstation.identity import Identity
from workstation.prescreen.types import FINDING_KIND_NAMES, DayFindingKind, FindingFigure
from workstation.statistics.cells import percent, percent_text
from workstation.statistics.findings import prescreen_findings
from workstation.statistics.types import CONFIRMED_CLIPS_SHOWN, Chart, Parts, PrescreenReport, Section, StatsQuery

PRESCREEN_TITLE = "视音频资料智能预筛查情况统计"
_DAY_KINDS = frozenset(kind.value for kind in DayFindingKind)
_COUNTS = ("发现数", "待复核", "已确认", "已排除", "准确率（%）")
DEFINITIONS = (
    (
        "发现",
        "智能预筛查给出的提示，须人工复核，不是结论：检查视音频文件本身（镜头遮挡、画面过暗、画面冻结、无声、声音失真、"
        "无法解码），或检查执法人员当天的记录（录制空档、录制重叠、异常中断或电量低结束、超24小时上传、全天未关联警情、"
        "时钟漂移）",
    ),
    ("统计期", "按发现所属文件的录制日期或执法人员的工作日计"),
    ("待复核 / 已确认 / 已排除", "复核人员尚未处理 / 确认问题存在 / 判定为误报"),
    ("准确率", "已确认 ÷（已确认 + 已排除）：该项检测在实际使用中的准确程度；尚无复核结论时为“—”"),
    ("型号", "发现所在文件的执法记录仪型号；执法人员当天记录的发现（如录制空档）不涉及某一文件，不按型号统计"),
    ("有确认发现的文件", "至少有一条已确认发现的文件数（一个文件有多条发现只计一次）"),
)


def prescreen_parts(session: Session, who: Identity, query: StatsQuery) -> Parts:
    report: PrescreenReport = prescreen_findings(session, who, query)
    kinds = tuple(
        (figure.kind, kind_words(figure.kind), "当天记录" if figure.kind in _DAY_KINDS else "文件内容", *_cells(figure))
        for figure in report.kinds
    )
    total = ("", "合计", "", *_cells(report.total))
    units = tuple(
        (row.unit_code, row.unit_name, *_cells(row.figures), row.clips, row.confirmed_clips) for row in report.units
    )
    models = tuple((figure.model, kind_words(figure.kind), *_cells(figure)) for figure in report.models)
    clips = tuple(
        (
            clip.unit_code,
            clip.unit_name,
            clip.badge_no,
            clip.officer_name,
            clip.file_name,
            clock.format_time(clip.recorded_start),
            "、".join(kind_words(kind) for kind in clip.kinds),
            "、".join(clip.decided_by),
        )
        for clip in report.confirmed_clips
    )
    more = f"另有 {report.more} 个文件未列出（每份报表最多列出 {CONFIRMED_CLIPS_SHOWN} 个）。" if report.more else ""
    sections = (
        Section(
            "按发现类型",
            ("类型代码", "发现类型", "检查对象", *_COUNTS),
            (*kinds, total),
            Chart("各类型发现数", 1, 3),
            totals=1,
        ),
        Section(
            "按单位",
            ("单位代码", "单位", *_COUNTS, "有发现的文件", "有确认发现的文件"),
            units,
            Chart("各单位有确认发现的文件数", 1, 8),
            "单位的数字包含其下级单位。",
        ),
        Section("按执法记录仪型号", ("型号", "发现类型", *_COUNTS), models, note="当天记录的发现不按型号统计。"),
        Section(
            "有确认发现的文件",
            ("单位代码", "单位", "警号", "姓名", "文件名", "录制时间", "已确认的发现", "复核人"),
            clips,
            note=more,
        ),
    )
    now, before = report.total, report.previous_total
    summary = (
        ("发现数", f"{_cells(now)[0]}（上期 {_cells(before)[0]}）"),
        ("已确认", f"{now.confirmed}（上期 {before.confirmed}）"),
        ("已排除", f"{now.dismissed}（上期 {before.dismissed}）"),
        ("待复核", str(now.pending)),
        ("准确率", f"{percent_text(now.precision)}（上期 {percent_text(before.precision)}）"),
    )
    return summary, sections, DEFINITIONS


def kind_words(kind: str) -> str:
    return FINDING_KIND_NAMES.get(kind, kind)


def _cells(figure: FindingFigure) -> tuple[int, int, int, int, float | None]:
    found = figure.pending + figure.confirmed + figure.dismissed
    return found, figure.pending, figure.confirmed, figure.dismissed, percent(figure.precision)
