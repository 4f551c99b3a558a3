"""The fixed Chinese words of the evidence package's printed papers (the description sheet, the README, the
retained copy record). They are documents handed to other bodies, so the wording lives with the services;
the GUI words the same codes through Qt."""

from datetime import datetime

from workstation import clock
from workstation.evidence.types import ExportFormat, ExportStatus, ReceivingBody

BODY_NAMES = {
    ReceivingBody.PROCURATORATE: "人民检察院",
    ReceivingBody.COURT: "人民法院",
    ReceivingBody.SUPERVISION: "纪检监察机关",
    ReceivingBody.JUSTICE: "司法行政机关",
    ReceivingBody.INTERNAL: "本单位",
}
FORMAT_NAMES = {ExportFormat.FOLDER: "文件夹", ExportFormat.ZIP: "ZIP 压缩包", ExportFormat.ISO: "光盘镜像（ISO）"}
STATUS_NAMES = {
    ExportStatus.AWAITING_APPROVAL: "待审批",
    ExportStatus.AUTHORISED: "已批准",
    ExportStatus.WRITING: "写入中",
    ExportStatus.COMPLETED: "已完成",
    ExportStatus.REFUSED: "未批准",
}

DESCRIPTION_TITLE = "电子数据提取固定清单"
DESCRIPTION_STEM = "提取固定清单"  # 提取固定清单.xlsx / 提取固定清单.pdf at the package root
MANIFEST_SHA256, MANIFEST_SM3 = "manifest-sha256.txt", "manifest-sm3.txt"
NONE_MARK = "—"


def qr_text(export_no: str, manifest_sha256: str, manifest_sm3: str) -> str:
    """What the QR code on the description sheet says: the export and the digests of both manifests."""
    return f"{export_no} SHA256({MANIFEST_SHA256})={manifest_sha256} SM3({MANIFEST_SM3})={manifest_sm3}"


def size_text(size_bytes: int) -> str:
    """12,345,678 字节（11.8 MB）: the exact count first (it is what a check compares), then a readable one."""
    exact = f"{size_bytes:,} 字节"
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size_bytes >= scale:
            return f"{exact}（{size_bytes / scale:.1f} {unit}）"
    return exact


def duration_text(milliseconds: int | None) -> str:
    """0:12:05, or — when unknown."""
    if milliseconds is None:
        return NONE_MARK
    seconds = milliseconds // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def position_text(milliseconds: int) -> str:
    """A position in a clip: 00:01:05.200."""
    seconds, millis = divmod(milliseconds, 1000)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.{millis:03d}"


def time_text(moment: datetime | None) -> str:
    return clock.format_time(moment) or NONE_MARK
