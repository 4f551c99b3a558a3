"""run_export through the embedded archive's client: a package that took its name before the archive recorded it
is checked again and recorded; another export's package, or a changed one, at `out` is refused."""

import pytest

from tests.helpers.access_builders import add_users, build_access_org
from tests.helpers.evidence_builders import give_media
from workstation.access.types import RequestKind
from workstation.client.evidence_run import run_export
from workstation.client.local import LocalClient
from workstation.evidence.errors import EvidenceError
from workstation.evidence.package import write_package
from workstation.evidence.types import ExportFormat, ExportSpec, ExportStatus, ReceivingBody
from workstation.identity import Identity
from workstation.types import Role


@pytest.fixture
def client(archive):
    org = build_access_org(archive)
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01")])
    give_media(archive, [org.clips["DD01"], org.clips["DD02"]], size=200_000)
    return LocalClient(archive, Identity.user("admin_zd01")), org


def _spec(*clips: int, document: str) -> ExportSpec:
    return ExportSpec(RequestKind.CLIPS, ReceivingBody.INTERNAL, document, "复核", clip_ids=clips)


@pytest.mark.parametrize("fmt", [ExportFormat.FOLDER, ExportFormat.ISO])
def test_a_package_named_but_not_recorded_is_checked_and_recorded(client, tmp_path, fmt):
    local, org = client
    row = local.request_evidence_export(_spec(org.clips["DD01"], org.clips["DD02"], document="甲"))
    out = tmp_path / ("package" if fmt is ExportFormat.FOLDER else "package.iso")
    written = write_package(local.start_evidence_export(row.id), local.media_source, out, fmt)  # then "killed"
    assert [listed.status for listed in local.evidence_exports("", 5)] == [ExportStatus.WRITING]
    done = run_export(local, row.id, out, fmt)
    assert done.status is ExportStatus.COMPLETED
    assert (done.manifest_sha256, done.manifest_sm3) == (written.manifest_sha256, written.manifest_sm3)


def test_another_package_at_out_is_refused(client, tmp_path):
    local, org = client
    first = local.request_evidence_export(_spec(org.clips["DD01"], document="甲"))
    out = tmp_path / "package"
    run_export(local, first.id, out, ExportFormat.FOLDER)
    second = local.request_evidence_export(_spec(org.clips["DD02"], document="乙"))
    with pytest.raises(EvidenceError) as refused:
        run_export(local, second.id, out, ExportFormat.FOLDER)
    assert refused.value.code == "export_out_exists"
    (out / "data" / "derived").mkdir(exist_ok=True)
    with pytest.raises(EvidenceError):  # the first export's own package, but no longer intact: not recorded twice
        run_export(local, first.id, out, ExportFormat.FOLDER)
