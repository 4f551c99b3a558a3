"""Every shipped translation is complete and compiles (lrelease), like the set-up builds it."""

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

TRANSLATIONS = sorted((Path(__file__).parents[2] / "resources" / "translations").glob("*.ts"))


@pytest.mark.parametrize("ts", TRANSLATIONS, ids=lambda path: path.name)
def test_translation_is_complete_and_compiles(ts, tmp_path):
    unfinished = [
        message.findtext("source")
        for message in ElementTree.parse(ts).iter("message")
        if message.find("translation").get("type") in ("unfinished", "obsolete") or not message.findtext("translation")
    ]
    assert unfinished == []
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "out.qm")], check=True)
    assert (tmp_path / "out.qm").stat().st_size > 0


def test_there_is_a_chinese_translation():
    assert [path.name for path in TRANSLATIONS] == ["workstation_zh_CN.ts"]
