"""`workstation retention classes|queue|hold|release|holds|explain|site` as the README types them."""

import json
from datetime import datetime

import pytest

from tests.helpers.access_builders import add_users, build_access_org
from workstation import cli, clock
from workstation.archive import Archive
from workstation.types import Role


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    org = build_access_org(archive)
    add_users(archive, [("legal", Role.LEGAL, "ZD01"), ("zd01_admin", Role.ADMIN, "ZD01")])
    archive.close()
    return folder, org


def _run(folder, *arguments: str) -> int:
    with clock.simulated(datetime(2027, 6, 1, 10, 0)):
        return cli.main(["--archive", str(folder), "retention", *arguments])


def test_classes_dry_run_then_save(folder, capsys):
    folder, _org = folder
    assert _run(folder, "classes", "--user", "admin") == 0
    listing = capsys.readouterr().out
    assert "单位类型：fire_rescue" in listing and "base\t→ years_2" in listing
    assert _run(folder, "classes", "--user", "admin", "--organisation", "police", "--dry-run") == 0
    shown = capsys.readouterr().out
    assert "规则 base → months_6" in shown and "保存期限缩短 12 个文件" in shown and "缩短后立即到期 12 个" in shown
    assert _run(folder, "classes", "--user", "admin", "--set", "base=months_6") == 2
    assert "--reason" in capsys.readouterr().err
    assert _run(folder, "classes", "--user", "admin", "--set", "base=months_6", "--reason", "公安机关") == 0
    assert "已保存" in capsys.readouterr().out
    assert _run(folder, "classes", "--user", "zd01_admin", "--set", "base=years_2", "--reason", "x") == 2
    assert "错误：" in capsys.readouterr().err


def test_queue_hold_release_explain_and_site(folder, capsys):
    folder, org = folder
    assert _run(folder, "classes", "--user", "admin", "--organisation", "police", "--reason", "公安机关") == 0
    capsys.readouterr()
    clip = str(org.clips["DD01"])
    assert _run(folder, "hold", "--user", "legal", "--clips", clip, "--reason", "诉讼中") == 0
    assert capsys.readouterr().out.startswith("已保全 1\t1 个文件")
    assert _run(folder, "queue", "--user", "zd01_admin", "--format", "json") == 0
    queue = json.loads(capsys.readouterr().out)
    statuses = {row["clip_id"]: row["status"] for row in queue["clips"]}
    assert statuses[org.clips["DD01"]] == "held" and statuses[org.clips["DD02"]] == "expired"
    assert {row["unit_code"]: row["held"] for row in queue["units"]}["DD01"] == 1
    assert _run(folder, "explain", "--user", "legal", clip) == 0
    assert "保存至 2027-05-21（依据 base）" in capsys.readouterr().out
    assert _run(folder, "site", "--user", "admin", clip, "--site", "public_gathering", "--reason", "商场") == 0
    assert "保存期限 2027-05-21 → 2031-11-21（site:public_gathering）" in capsys.readouterr().out
    assert _run(folder, "release", "--user", "legal", "1", "--reason", "") == 2
    assert _run(folder, "release", "--user", "legal", "1", "--reason", "判决生效") == 0
    assert _run(folder, "holds", "--user", "legal", "--all") == 0
    assert "已解除" in capsys.readouterr().out
