"""`workstation audit verify|anchor|rotate-key|export-key|import-key` as an administrator types them (README)."""

import pytest

from tests.helpers.tamper import record_events, tamper
from workstation import audit, cli
from workstation.archive import Archive
from workstation.audit.anchors import read_anchors
from workstation.audit.keys import KEY_FILE_ENV


@pytest.fixture
def folder(tmp_path):
    """An embedded archive with a few audit rows."""
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    record_events(archive, 4)
    archive.close()
    return folder


def _run(folder, *arguments: str) -> int:
    return cli.main(["--archive", str(folder), "audit", *arguments])


def test_anchor_then_verify_against_the_anchor_file(folder, tmp_path, capsys):
    anchor_file = tmp_path / "offsite" / "anchors.txt"
    anchor_file.parent.mkdir()
    assert _run(folder, "anchor", "--out", str(anchor_file)) == 0
    archive = Archive.open_embedded(folder)
    record_events(archive, 3)
    archive.close()
    assert _run(folder, "anchor", "--out", str(anchor_file)) == 0  # incremental from the first anchor
    assert [anchor.seq for anchor in read_anchors(anchor_file)] == [4, 7]
    capsys.readouterr()
    assert _run(folder, "verify", "--anchor", str(anchor_file)) == 0
    assert "2 个锚点：完整" in capsys.readouterr().err
    assert _run(folder, "verify", "--anchor", str(anchor_file), "--incremental") == 0
    assert "第 8 条起的 0 条审计记录" in capsys.readouterr().err


def test_a_head_typed_from_the_printed_ledger(folder, capsys):
    archive = Archive.open_embedded(folder)
    with archive.sessions.read() as session:
        head = audit.chain_head(session)
    archive.close()
    typed = head.printed()[: len(str(head.seq)) + 1 + 17]  # "4:xxxxxxxx xxxxxxxx": sixteen digits, grouped
    assert _run(folder, "verify", "--head", typed) == 0
    assert _run(folder, "verify", "--head", f"{head.seq}:{'0' * 16}") == 1
    assert capsys.readouterr().out.startswith(f"anchor\t{head.seq}\t")
    with pytest.raises(SystemExit) as exited:
        _run(folder, "verify", "--head", "4:abc")
    assert exited.value.code == 2


def test_a_tampered_chain_is_not_anchored(folder, tmp_path, capsys):
    archive = Archive.open_embedded(folder)
    tamper(archive, "UPDATE audit_events SET actor = 'forger' WHERE seq = 2")
    archive.close()
    anchor_file = tmp_path / "anchors.txt"
    assert _run(folder, "anchor", "--out", str(anchor_file)) == 1
    assert "hash\t2\t" in capsys.readouterr().out
    assert read_anchors(anchor_file) == []


def test_incremental_needs_an_anchor_file(folder, capsys):
    assert _run(folder, "verify", "--incremental") == 2
    assert "--anchor" in capsys.readouterr().err


def test_rotate_export_and_import_the_key(folder, tmp_path, monkeypatch, capsys):
    backup = tmp_path / "usb" / "audit-key-backup.json"
    assert _run(folder, "rotate-key") == 0
    assert _run(folder, "export-key", "--out", str(backup)) == 0
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "new-pc-store.json"))  # the owner's account was rebuilt
    capsys.readouterr()
    assert _run(folder, "verify") == 2
    assert "import-key" in capsys.readouterr().err
    assert _run(folder, "import-key", "--from", str(backup)) == 0
    assert _run(folder, "verify") == 0
