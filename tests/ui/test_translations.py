"""Every shipped translation is complete and compiles (lrelease), like the set-up builds it."""

import ast
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


def test_the_translation_file_covers_every_string_in_the_sources(tmp_path):
    """A tr() string added without running tools/i18n.py would silently show in English."""
    root = Path(__file__).parents[2]
    sources = sorted(str(path) for folder in ("ui", "player") for path in (root / folder).rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True)

    def source_texts(ts: Path) -> set[tuple[str, str]]:
        return {
            (context.findtext("name"), message.findtext("source"))
            for context in ElementTree.parse(ts).iter("context")
            for message in context.iter("message")
        }

    committed = root / "resources" / "translations" / "workstation_zh_CN.ts"
    assert source_texts(fresh) <= source_texts(committed), "run: .venv/bin/python tools/i18n.py"


def test_no_tr_call_hides_inside_an_f_string():
    """lupdate cannot see tr() inside an f-string: such text would never be translated."""
    root = Path(__file__).parents[2]
    hidden = []
    for path in sorted(p for folder in ("ui", "player") for p in (root / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "attr", getattr(inner.func, "id", "")) in (
                        "tr",
                        "translate",
                    ):
                        hidden.append(f"{path.relative_to(root)}:{inner.lineno}")
    assert hidden == []
