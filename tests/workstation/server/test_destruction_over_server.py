"""Destruction through the archive server: each call as the token's user, the forms as the server's workbook."""

import openpyxl
import pytest

from tests.helpers.access_builders import PASSWORD
from tests.helpers.archive_server import running_server
from tests.helpers.destruction_builders import add_clip, build_destruction_org
from workstation.client.connection import ServerConnection
from workstation.client.remote import RemoteClient
from workstation.errors import SelfApprovalRefused, WorkstationError
from workstation.retention.types import DestructionSpec, DestructionStatus


def test_request_approve_execute_and_export_the_forms_over_the_server(archive, database_kind, tmp_path):
    build_destruction_org(archive)
    clips = (add_clip(archive, "DD01"), add_clip(archive, "DD02"))
    connections: list[ServerConnection] = []

    def client(login: str) -> RemoteClient:
        connection = ServerConnection(server.url, server.pin)
        connections.append(connection)
        connection.sign_in(login, PASSWORD)
        return RemoteClient(connection, connection.current_user())

    with running_server(database_kind, archive, tmp_path) as server:
        try:
            row = client("clerk").request_destruction(DestructionSpec("到期清理", clips))
            with pytest.raises(SelfApprovalRefused):
                client("clerk").approve_destruction(row.id, "")
            assert [r.id for r in client("head").destruction_requests(True)] == [row.id]
            assert client("head").approve_destruction(row.id, "同意").status is DestructionStatus.APPROVED
            report = client("corps_admin").execute_destruction(row.id, 10)
            assert report.destroyed == 2 and report.done and report.bytes_freed > 0
            target = tmp_path / "forms.xlsx"
            assert client("corps_head").export_destruction_forms(row.id, target) == 2
            listing = openpyxl.load_workbook(target)["销毁清单"]
            assert [listing.cell(line, 11).value for line in (3, 4)] == ["已销毁", "已销毁"]
            with pytest.raises(WorkstationError, match="destruction_not_found"):
                client("head2").export_destruction_forms(row.id, tmp_path / "refused.xlsx")
            assert not (tmp_path / "refused.xlsx").exists()
        finally:
            for connection in connections:
                connection.close()
