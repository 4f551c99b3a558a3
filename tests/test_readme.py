"""Every command the README tells a person to type is typed here too.

`./run.sh --check` runs the first Quick-start command end to end (set-up, demo archive, the window
offscreen, sign-in); `./test.sh` is what CI runs. Every concrete `workstation …` command in the README
must be accepted by the real parser, so the README and the command line cannot drift apart again.
"""

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from ui import launcher
from ui.shell import screenshots, smoke_test
from workstation.cli import parse_arguments

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
PLACEHOLDERS = {
    "DIR": "/tmp/archive",
    "D": "2026-11-21",
    "PLAN": "1",
    "FILE.xlsx": "/tmp/ledger.xlsx",
    "NAME": "demo",
    "LOGIN": "admin",
    "CODE": "DD01",
}


def readme_commands() -> list[str]:
    """The README's inline `workstation …` commands that are concrete (no […], a|b or … synopsis)."""
    spans = re.findall(r"`(workstation [^`]+)`", README)
    return sorted({span for span in spans if not re.search(r"[\[|…]|\.\.\.", span)})


def test_the_readme_shows_commands_in_both_archive_option_positions():
    commands = readme_commands()
    assert any(re.match(r"workstation --(archive|profile) \S+ \w", command) for command in commands)
    assert len(commands) >= 8


PARSERS = {"cli": parse_arguments, "screenshots": screenshots.build_parser().parse_args}
PARSERS["smoke-test"] = smoke_test.build_parser().parse_args


@pytest.mark.parametrize("command", readme_commands())
def test_every_readme_command_is_accepted_by_the_parser(command):
    words = [PLACEHOLDERS.get(word, word) for word in shlex.split(command)]
    part, arguments = launcher.route(words[1:])
    assert part != "gui", "a README command opens the window instead of running"
    PARSERS[part](arguments)


@pytest.mark.parametrize(
    "words",
    [["demo", "--archive", "X", "--days", "1"], ["--archive", "X", "demo", "--days", "1"]],
    ids=["after", "before"],
)
def test_archive_option_before_or_after_the_command(words):
    args = parse_arguments(words)
    assert (args.command, args.archive, args.days) == ("demo", Path("X"), 1)


def test_the_launcher_finds_the_command_after_global_options():
    assert launcher.route(["--archive", "X", "screenshots", "--out", "S"]) == (
        "screenshots",
        ["--archive", "X", "--out", "S"],
    )
    assert launcher.route(["demo", "--archive", "X"])[0] == "cli"
    assert launcher.route(["--profile", "P"]) == ("gui", ["--profile", "P"])
    assert launcher.route(["--smoke-test"]) == ("smoke-test", [])


def test_archive_and_profile_together_are_refused(capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_arguments(["--profile", "p", "clips", "--archive", "X"])
    assert exit_info.value.code == 2 and "--archive 与 --profile" in capsys.readouterr().err


@pytest.mark.slow
def test_run_sh_check_builds_the_demo_opens_the_window_and_signs_in(tmp_path):
    environment = {**os.environ, "DEMO_ARCHIVE": str(tmp_path / "demo"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        ["./run.sh", "--check"], cwd=REPO, env=environment, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "演示档案库已生成" in result.stdout and "startup main_window_shown" in result.stdout
    assert (tmp_path / "demo" / "archive.sqlite").exists()
