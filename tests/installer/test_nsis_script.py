"""The installer script: what it must never do, checked in its text, and that makensis compiles it."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.installer.conftest import INSTALLER

SCRIPT = INSTALLER / "workstation.nsi"


def _code() -> str:
    """The script without comments (NSIS comments start with ; or #)."""
    return "\n".join(
        re.sub(r"^\s*[;#].*$|\s;.*$", "", line) for line in SCRIPT.read_text(encoding="utf-8").splitlines()
    )


def test_unicode_modern_ui_chinese_first_per_machine():
    code = _code()
    assert "Unicode true" in code and '!include "MUI2.nsh"' in code
    assert code.index('MUI_LANGUAGE "SimpChinese"') < code.index('MUI_LANGUAGE "English"')
    assert "RequestExecutionLevel admin" in code and "$PROGRAMFILES64" in code
    assert "SetShellVarContext all" in code


def test_uninstall_never_removes_the_program_folder_wholesale_nor_any_user_data():
    code = _code()
    assert not re.search(r'RMDir\s+/r\s+"?\$INSTDIR"?\s*$', code, re.MULTILINE)
    removals = [line for line in code.splitlines() if re.search(r"\b(RMDir|Delete|DeleteRegKey)\b", line)]
    assert removals
    for line in removals:
        assert not re.search(r"APPDATA|LOCALAPPDATA|PROFILE|DOCUMENTS|archive", line, re.IGNORECASE), line


def test_every_language_string_has_both_languages():
    code = _code()
    names = re.findall(r"LangString\s+(\w+)\s+\$\{LANG_(\w+)\}", code)
    by_name: dict[str, set[str]] = {}
    for name, language in names:
        by_name.setdefault(name, set()).add(language)
    assert by_name and all(languages == {"SIMPCHINESE", "ENGLISH"} for languages in by_name.values()), by_name
    for used in set(re.findall(r"\$\((\w+)\)", code)):
        assert used in by_name, used


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (apt-get install nsis)")
def test_makensis_compiles_it_around_a_placeholder_program(tmp_path: Path):
    dist = tmp_path / "workstation"
    (dist / "_internal").mkdir(parents=True)
    for name in ("BodycamWorkstation.exe", "workstation.exe", "_internal/libvlc.dll"):
        (dist / name).write_text("placeholder")
    setup = tmp_path / "BodycamWorkstation-Setup-test.exe"  # a bare setup.exe draws warning 9000
    result = subprocess.run(
        ["makensis", "-V2", "-WX", "-DVERSION=1.2.3", f"-DDIST={dist}", f"-DOUTFILE={setup}", str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert setup.read_bytes()[:2] == b"MZ"
