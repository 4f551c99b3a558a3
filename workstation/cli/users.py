"""`workstation user list|unlock|reset-password --user ADMIN`: account administration from the command line.

Like `workstation access`, the command acts as the administrator named by --user without their password (it
trusts the operating-system account that runs it); the rights, the password policy and the audit log are
those of workstation.user_admin, the same as in the GUI. A temporary password is read from stdin
(--password-stdin, first line) or asked for twice, never taken as an argument (it would show in the
process list and the shell history).
"""

import argparse
import getpass
import sys
from typing import Any

from workstation.archive import Archive
from workstation.clock import format_time
from workstation.errors import PasswordRejected
from workstation.identity import Identity
from workstation.org import user_admin


def add_parser(commands: Any) -> None:
    """Add the `user` command to the CLI's subparsers."""
    user = commands.add_parser("user", help="用户账户管理（管理员）")
    actions = user.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="列出本单位及下级单位的用户")
    _admin_option(listing)
    unlock = actions.add_parser("unlock", help="解除账户锁定")
    unlock.add_argument("login", metavar="LOGIN")
    _admin_option(unlock)
    reset = actions.add_parser("reset-password", help="重置密码（用户下次登录时须修改）")
    reset.add_argument("login", metavar="LOGIN")
    _admin_option(reset)
    reset.add_argument("--password-stdin", action="store_true", help="从标准输入读取临时密码")


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Carry out the user command on the open archive (closed here)."""
    try:
        if args.action == "list":
            with archive.sessions.read() as session:
                rows = user_admin.list_users(session, Identity.user(args.user))
            for row in rows:
                state = f"锁定至 {format_time(row.locked_until)}" if row.locked_until else "正常"
                state += "" if row.active else "，已停用"
                state += "，须修改密码" if row.must_change_password else ""
                print(f"{row.login}\t{row.display_name}\t{row.role.value}\t{row.unit_code}\t{state}")
        elif args.action == "unlock":
            user_admin.unlock_user(archive.sessions, Identity.user(args.user), args.login)
            print(f"已解除 {args.login} 的锁定。")
        else:
            user_admin.reset_password(archive.sessions, Identity.user(args.user), args.login, _temporary_password(args))
            print(f"已重置 {args.login} 的密码；该用户下次登录时须修改密码。")
    finally:
        archive.close()
    return 0


def _temporary_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("临时密码：")
    if getpass.getpass("再次输入临时密码：") != password:
        raise PasswordRejected("passwords_differ")
    return password


def _admin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", required=True, metavar="ADMIN", help="以哪位管理员的身份操作")
