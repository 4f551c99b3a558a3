"""`workstation user list|unlock|reset-password|end-sessions`: account administration from the command line.

Like `workstation access`, the command acts as the signed-in user through the server, or on an archive
opened here as the administrator named by --user without their password; the rights, the password policy
and the audit log are those of workstation.user_admin, the same as in the GUI. A temporary password is read from stdin
(--password-stdin, first line) or asked for twice, never taken as an argument (it would show in the
process list and the shell history).
"""

import argparse
import getpass
import sys
from typing import Any

from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.errors import PasswordRejected


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
    end = actions.add_parser("end-sessions", help="使该用户在档案服务器上的全部登录立即失效")
    end.add_argument("login", metavar="LOGIN")
    _admin_option(end)


def run(args: argparse.Namespace, client: ArchiveClient) -> int:
    """Carry out the user command as the client's user."""
    if args.action == "list":
        for row in client.list_users():
            state = f"锁定至 {format_time(row.locked_until)}" if row.locked_until else "正常"
            state += "" if row.active else "，已停用"
            state += "，须修改密码" if row.must_change_password else ""
            print(f"{row.login}\t{row.display_name}\t{row.role.value}\t{row.unit_code}\t{state}")
    elif args.action == "unlock":
        client.unlock_user(args.login)
        print(f"已解除 {args.login} 的锁定。")
    elif args.action == "end-sessions":
        print(f"已结束 {args.login} 的 {client.end_sessions(args.login)} 个登录会话。")
    else:
        client.reset_password(args.login, _temporary_password(args))
        print(f"已重置 {args.login} 的密码，其登录会话均已结束；该用户下次登录时须修改密码。")
    return 0


def _temporary_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("临时密码：")
    if getpass.getpass("再次输入临时密码：") != password:
        raise PasswordRejected("passwords_differ")
    return password


def _admin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="ADMIN", help="以哪位管理员的身份操作（仅本机档案库）")
