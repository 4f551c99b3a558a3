"""The 证据导出 page's content in the demo: one package written and handed over, one waiting for approval.

The complaint case of the retention examples (TS2026001) goes to the procuratorate: the administrator asks,
the legal department reviews, the 支队 head approves, a still of the clip is taken (it travels as a derived
file), the package is written into the demo folder and its handover to the procuratorate recorded. A court's
request for the first officer's last day waits in the legal department's inbox.
"""

from datetime import date, datetime, timedelta
from pathlib import Path

import cv2

from workstation import clock
from workstation.access.types import RequestKind
from workstation.archive import Archive
from workstation.client.evidence_run import run_export
from workstation.client.local import LocalClient
from workstation.evidence.types import ExportFormat, ExportSpec, Handover, ReceivingBody
from workstation.footage.types import NEWEST_FIRST, ClipFilter
from workstation.identity import Identity

EXPORT_FOLDER = "证据导出"
"""Beside the archive's database: where the demo's package is written."""
CASE_NO = "TS2026001"


def evidence_examples(
    archive: Archive, folder: Path, actor: str, approvers: tuple[str, str], badge_no: str, day: date
) -> None:
    """Write the demo's exports (see the module docstring) as the users named; the court asks for the officer's
    `day` (the demo's last day, passed in: the clock may pass midnight while the demo is built)."""
    requester = LocalClient(archive, Identity.user(actor))
    linked = requester.first_clip_page(ClipFilter(case_no=CASE_NO), NEWEST_FIRST, 1)
    if linked:
        _take_still(archive, requester, linked[0].id)
        spec = ExportSpec(
            RequestKind.CASE, ReceivingBody.PROCURATORATE, "检调〔2026〕12号", "投诉核查移送审查",
            case_no=CASE_NO, receiver="市人民检察院 李检察官",
        )  # fmt: skip
        row = requester.request_evidence_export(spec)
        for login in approvers:
            LocalClient(archive, Identity.user(login)).approve_request(row.access_request_id or 0, "手续齐全，同意")
        out = folder / EXPORT_FOLDER / row.export_no
        out.parent.mkdir(exist_ok=True)
        run_export(requester, row.id, out, ExportFormat.FOLDER)
        handover = Handover("光盘（一式两份）", "市人民检察院 李检察官", clock.now() + timedelta(minutes=30))
        requester.record_evidence_handover(row.id, handover)
    start = datetime.combine(day, datetime.min.time())
    court = ExportSpec(
        RequestKind.OFFICER, ReceivingBody.COURT, "（2026）法调字第31号", "行政诉讼举证",
        badge_no=badge_no, period_start=start, period_end=start + timedelta(days=1),
    )  # fmt: skip
    requester.request_evidence_export(court)


def _take_still(archive: Archive, client: LocalClient, clip_id: int) -> None:
    """A frame two seconds in, as a reviewer would save it (a still is a derived copy, never the original)."""
    viewing = client.start_viewing(clip_id)
    try:
        capture = cv2.VideoCapture(str(archive.absolute_path(viewing.media_path)))
        capture.set(cv2.CAP_PROP_POS_MSEC, 2000)
        grabbed, frame = capture.read()
        capture.release()
    finally:
        client.finish_viewing(viewing.entry_id, 0)
    if grabbed:
        encoded, png = cv2.imencode(".png", frame)
        if encoded:
            client.record_still(clip_id, 2000, png.tobytes())
