"""Every typed error raised anywhere has words in both catalogues, and the window shows them in its language.

The raise sites are read from the source (every call of a `WorkstationError` class in workstation/ and ui/),
so a new error code without words in `workstation.cli.messages` and `ui.common.error_text` fails here, as
does a placeholder a raise site does not supply, or a catalogue entry no code uses any more.
"""

import ast
import functools
import importlib
import pkgutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import ui
import workstation
from ui.common import error_text
from workstation import config
from workstation.cli import messages
from workstation.errors import PermissionDenied, SettingsError, WorkstationError
from workstation.spotcheck.types import CheckItem, Verdict

ROOT = Path(__file__).resolve().parents[2]


def error_classes() -> dict[str, type[WorkstationError]]:
    """Every WorkstationError class, by name, after importing every module that may define one."""
    for package in (workstation, ui):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    found: dict[str, type[WorkstationError]] = {}
    pending: list[type[WorkstationError]] = [WorkstationError]
    while pending:
        kind = pending.pop()
        found[kind.__name__] = kind
        pending.extend(kind.__subclasses__())
    return found


def raise_sites() -> Iterator[tuple[str, str, frozenset[str]]]:
    """(where, code, keyword names) of every construction of a typed error in workstation/ and ui/."""
    classes = error_classes()
    for folder in ("workstation", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                if name not in classes:
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                assert len(node.args) <= 1, f"{where}: an error takes its code and keyword data only"
                if node.args:
                    code = node.args[0]
                    assert isinstance(code, ast.Constant) and isinstance(code.value, str), f"{where}: code not literal"
                    yield where, code.value, frozenset(keyword.arg for keyword in node.keywords if keyword.arg)
                else:
                    yield where, name, frozenset(keyword.arg for keyword in node.keywords if keyword.arg)


def placeholders(template: str) -> set[str]:
    """The data a wording needs; `person` is made from an officer's `name` and `badge_no`."""
    fields = {field for _, field, _, _ in string.Formatter().parse(template) if field}
    return (fields - {"person"}) | {"name", "badge_no"} if "person" in fields else fields


@functools.cache
def sites() -> list[tuple[str, str, frozenset[str]]]:
    return list(raise_sites())


def test_the_scan_finds_the_raise_sites():
    assert len(sites()) > 100
    assert any(code == "plan_not_found" for _, code, _ in sites())


@pytest.mark.parametrize("catalogue", ["cli", "ui"])
def test_every_raised_code_has_words_with_the_data_it_needs(catalogue):
    wordings = messages.MESSAGES if catalogue == "cli" else error_text.messages()
    missing = sorted({f"{where} {code}" for where, code, _ in sites() if code not in wordings})
    assert missing == [], "add the words to workstation/cli/messages.py and ui/common/error_text.py"
    unsupplied = [
        f"{where} {code}: {sorted(placeholders(wording) - names)}"
        for where, code, names in sites()
        if isinstance(wording := wordings[code], str) and not placeholders(wording) <= names
    ]
    assert unsupplied == []


@pytest.mark.parametrize("catalogue", ["cli", "ui"])
def test_no_catalogue_entry_outlives_its_code(catalogue):
    wordings = messages.MESSAGES if catalogue == "cli" else error_text.messages()
    assert sorted(set(wordings) - {code for _, code, _ in sites()}) == []


def test_the_command_line_words_an_error_in_chinese():
    error = PermissionDenied("clip_action", clip_id=42, action="view")
    assert messages.describe(error) == "您无权对文件 42 执行此操作（view）。如确需调阅，请提交调阅申请。"
    assert str(error) == "clip_action(clip_id=42, action='view')", "str() is a neutral debug form"


def test_the_window_words_an_error_in_chinese(qapp):
    error = WorkstationError("checklist_unanswered", items=(CheckItem.ANNOUNCED, CheckItem.ID_SHOWN))
    assert error_text.describe(error) == "请填写检查项：规范告知、出示证件。"


def test_the_window_words_an_error_in_english(qapp, chinese_ui):
    for translator in chinese_ui:
        qapp.removeTranslator(translator)
    try:
        english = error_text.describe(WorkstationError("problem_missing", verdict=Verdict.MOSTLY))
        coverage = error_text.describe(WorkstationError("coverage_too_low", covered_bp=9050, required_bp=9500))
    finally:
        for translator in chinese_ui:
            qapp.installTranslator(translator)
    assert english == 'The verdict "Mostly compliant" needs the problems found.'
    assert coverage.startswith("Playback covered 90.5% of the file;")
    assert not any("\u4e00" <= character <= "\u9fff" for character in english + coverage)


def test_anything_but_a_typed_error_is_shown_as_python_words_it(qapp: QApplication):
    assert error_text.describe(ValueError("bad")) == "bad"


def test_every_window_wording_is_translated_to_chinese(qapp):
    """A wording lupdate could not read (not a plain literal) would stay English under the Chinese translator."""
    untranslated = [
        code
        for code, wording in error_text.messages().items()
        if isinstance(wording, str) and not any("\u4e00" <= character <= "\u9fff" for character in wording)
    ]
    assert untranslated == []


def test_a_bad_settings_file_is_worded_problem_by_problem_in_either_language(qapp, chinese_ui, tmp_path):
    path = tmp_path / "workstation.toml"
    path.write_text('[spotcheck]\nclaim_minutes = "thirty"\n[spotchek]\nratio = 1\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        config.load_settings(path)
    chinese = error_text.describe(caught.value)
    assert "[spotcheck] claim_minutes 应为整数，而不是 'thirty'" in chinese and "未知的设置节 [spotchek]" in chinese
    assert messages.describe(caught.value) == (
        f"配置文件 {path} 有误：[spotcheck] claim_minutes 应为整数，而不是 'thirty'；"
        "未知的设置节 [spotchek]（可用：archive、ingest、spotcheck、server、audit、clocks、mail、prescreen）。"
        "请改正后重试。"
    )
    for translator in chinese_ui:
        qapp.removeTranslator(translator)
    try:
        english = error_text.describe(caught.value)
    finally:
        for translator in chinese_ui:
            qapp.installTranslator(translator)
    assert "[spotcheck] claim_minutes should be a whole number, not 'thirty'" in english
    known = "archive, ingest, spotcheck, server, audit, clocks, mail, prescreen"
    assert f"unknown section [spotchek] (known: {known})" in english
    assert not any("\u4e00" <= character <= "\u9fff" for character in english)
