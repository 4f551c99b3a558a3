"""The `workstation` executable: a subcommand runs the CLI (no Qt loaded); no subcommand opens the GUI."""

import sys
from collections.abc import Sequence

from workstation import cli


def wants_cli(arguments: Sequence[str]) -> bool:
    """True when the arguments name a CLI command (or ask for help), skipping global option values."""
    skip_next = False
    for argument in arguments:
        if skip_next:
            skip_next = False
        elif argument in ("--archive", "--profile"):
            skip_next = True
        elif argument in ("-h", "--help") or argument in cli.COMMANDS:
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--smoke-test" in arguments:
        from ui.smoke_test import main as smoke_test  # imported late: it starts an offscreen Qt

        return smoke_test([argument for argument in arguments if argument != "--smoke-test"])
    if arguments[:1] == ["screenshots"]:
        from ui.screenshots import main as screenshots  # imported late: it sets up an offscreen Qt

        return screenshots(arguments[1:])
    if wants_cli(arguments):
        return cli.main(arguments)
    from ui.app import run_gui  # imported late so that CLI commands start without Qt

    return run_gui(arguments)


if __name__ == "__main__":
    sys.exit(main())
