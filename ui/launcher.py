"""The `workstation` executable: a subcommand runs the CLI (no Qt loaded); no subcommand opens the GUI.

Two commands need Qt and so live in ui/: `--smoke-test` (the installation self-test) and `screenshots`.
"""

import sys
from collections.abc import Sequence

from workstation import cli

QT_COMMANDS = ("screenshots",)
GLOBAL_OPTIONS_WITH_VALUES = ("--archive", "--profile")


def command_word(arguments: Sequence[str]) -> str | None:
    """The command the arguments name (e.g. "demo"), skipping global options and their values; "-h" when
    they ask for help before any command; None when there is no command (the GUI)."""
    skip_next = False
    for argument in arguments:
        if skip_next:
            skip_next = False
        elif argument in GLOBAL_OPTIONS_WITH_VALUES:
            skip_next = True
        elif argument in ("-h", "--help"):
            return "-h"
        elif not argument.startswith("-"):
            return argument
    return None


def route(arguments: Sequence[str]) -> tuple[str, list[str]]:
    """Which part runs the arguments — "smoke-test", "screenshots", "cli" or "gui" — and what it is given."""
    arguments = list(arguments)
    if "--smoke-test" in arguments:
        return "smoke-test", [argument for argument in arguments if argument != "--smoke-test"]
    word = command_word(arguments)
    if word in QT_COMMANDS:
        rest = list(arguments)
        rest.remove(word)  # its own options (--archive, --out, ...) may stand before or after it
        return word, rest
    if word is not None:
        return "cli", arguments
    return "gui", arguments


def main(argv: Sequence[str] | None = None) -> int:
    part, arguments = route(sys.argv[1:] if argv is None else argv)
    if part == "smoke-test":
        from ui.shell.smoke_test import main as smoke_test

        return smoke_test(arguments)
    if part == "screenshots":
        from ui.shell.screenshots import main as screenshots

        return screenshots(arguments)
    if part == "cli":
        return cli.main(arguments)
    from ui.app import run_gui  # imported late so that CLI commands start without Qt

    return run_gui(arguments)


if __name__ == "__main__":
    sys.exit(main())
