"""`workstation retention ...`: retention and destruction from the command line (R8).

Stand-in: only the destruction actions (workstation.cli.retention_destruction); the lead's module adds
`classes`, `queue`, `hold` and `release`.
"""

import argparse
from typing import Any

from workstation.cli import retention_destruction
from workstation.cli.target import acting_client, user_of


def add_parser(commands: Any) -> None:
    """Add the `retention` command to the CLI's subparsers."""
    retention = commands.add_parser("retention", help="保存期限与销毁")
    actions = retention.add_subparsers(dest="action", required=True)
    retention_destruction.add_parsers(actions)


def run(args: argparse.Namespace) -> int:
    """Carry out a `retention` action: `run` on the archive opened here, the others as the client's user."""
    if args.action == "run":
        return retention_destruction.run_scheduled(args)
    with acting_client(args, user_of(args)) as client:
        return retention_destruction.run(args, client)
