"""Reports to files (R10): `workstation report --kind … --out FILE.(html|xlsx)` and the 统计 page's 导出.

The daily figures are brought up to date first (workstation.statistics.daily); the document is then built in
one read transaction fixed to one state of the database (its chain head is read first,
workstation.export_stamp), rendered, written atomically, and the export is audited.
"""

from pathlib import Path

from db.session import Sessions
from workstation import audit
from workstation.atomic_file import replacing
from workstation.identity import Identity
from workstation.statistics import daily
from workstation.statistics.document import build_document
from workstation.statistics.html_report import render_html
from workstation.statistics.types import ReportDocument, ReportFormat, ReportKind, StatsQuery
from workstation.statistics.workbook_report import write_workbook


def export_report(
    sessions: Sessions, who: Identity, kind: ReportKind, query: StatsQuery, fmt: ReportFormat, path: Path
) -> int:
    """Write the report; returns its table rows (HTML: the same count)."""
    daily.refresh(sessions)
    with sessions.read() as session:
        document = build_document(session, who, kind, query)
    rows = sum(len(section.rows) for section in document.sections)
    write_document(document, fmt, path)
    with sessions.write() as session:
        details = {
            "kind": kind,
            "format": fmt,
            "unit": query.unit_code,
            "from": query.date_from.isoformat(),
            "to": query.date_to.isoformat(),
            "rows": rows,
            "chain_head": document.chain_stamp,
        }
        audit.record(session, who.audit_name, "report.export", "report", kind.value, details)
    return rows


def write_document(document: ReportDocument, fmt: ReportFormat, path: Path) -> None:
    """Write the report as an Excel workbook or a self-contained HTML file, atomically."""
    if fmt is ReportFormat.XLSX:
        write_workbook(document, path)
    else:
        with replacing(path) as partial:
            partial.write_text(render_html(document), encoding="utf-8")
