"""Evidence export through the archive server: approved as the token's users, the originals read over the
server's media route (no share), the package verified, the record and its workbook from the server."""

import openpyxl
import pytest

from tests.helpers.access_builders import PASSWORD, add_users, build_access_org
from tests.helpers.archive_server import running_server
from tests.helpers.evidence_builders import give_media
from workstation.access.types import RequestKind
from workstation.client.connection import ServerConnection
from workstation.client.evidence_run import run_export
from workstation.client.remote import RemoteClient
from workstation.errors import WorkstationError
from workstation.evidence.types import ExportFormat, ExportSpec, ExportStatus, ReceivingBody
from workstation.evidence.verify import verify_package
from workstation.types import Role


def test_an_outside_export_is_approved_written_and_recorded_over_the_server(archive, database_kind, tmp_path):
    org = build_access_org(archive)
    add_users(
        archive,
        [("admin_zd01", Role.ADMIN, "ZD01"), ("legal_zd01", Role.LEGAL, "ZD01"), ("head", Role.APPROVER, "ZD01")],
    )
    clips = (org.clips["DD01"], org.clips["DJ01"])
    contents = give_media(archive, list(clips), size=1_500_000)
    connections: list[ServerConnection] = []

    def client(login: str) -> RemoteClient:
        connection = ServerConnection(server.url, server.pin)
        connections.append(connection)
        connection.sign_in(login, PASSWORD)
        return RemoteClient(connection, connection.current_user())

    spec = ExportSpec(RequestKind.CLIPS, ReceivingBody.COURT, "（2026）法调字第9号", "一审举证", clip_ids=clips)
    with running_server(database_kind, archive, tmp_path) as server:
        try:
            requester = client("admin_zd01")
            row = requester.request_evidence_export(spec)
            assert row.status is ExportStatus.AWAITING_APPROVAL
            with pytest.raises(WorkstationError, match="export_awaiting_approval"):
                run_export(requester, row.id, tmp_path / "out", ExportFormat.FOLDER)
            client("legal_zd01").approve_request(row.access_request_id, "手续齐全")
            client("head").approve_request(row.access_request_id, "同意")
            out = tmp_path / "法院.iso"
            done = run_export(requester, row.id, out, ExportFormat.ISO)
            assert done.status is ExportStatus.COMPLETED and done.total_bytes == sum(map(len, contents.values()))
            assert verify_package(out).ok
            ledger = tmp_path / "导出登记.xlsx"
            assert requester.export_evidence_ledger("法调", ledger) == 1
            cells = [cell.value for line in openpyxl.load_workbook(ledger).worksheets[0].iter_rows() for cell in line]
            assert done.export_no in cells
        finally:
            for connection in connections:
                connection.close()
