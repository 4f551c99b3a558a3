"""`workstation serve`, `login` and `logout`: the branch archive server and signing in to it (issue 12).

    workstation [--archive DIR | --profile NAME] serve --listen HOST:PORT --tls-cert FILE --tls-key FILE [--workers N]
    workstation --server https://HOST:PORT --pin CERT.pem login --user LOGIN --password-stdin
    workstation --server URL [--pin CERT.pem] logout

`serve` holds the archive (its database credentials and media root) and serves it until SIGTERM or Ctrl+C,
which let the requests in flight finish; it then exits 0. The listen address, TLS files and worker processes
may also come from workstation.toml ([server] listen, tls_cert, tls_key, workers, session_idle_minutes,
session_hours); without either, one worker per core, at most four (workstation.server.workers).
"""

import argparse
import getpass
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from workstation import config
from workstation.cli.target import ArchivePlace, connect, open_archive, remote, store_token
from workstation.client.connection import ServerConnection
from workstation.errors import SessionInvalid, WorkstationError


def add_parsers(commands: Any) -> None:
    """Add `serve`, `login` and `logout` to the CLI's subparsers."""
    serve_cmd = commands.add_parser("serve", help="运行档案服务器（HTTPS），直到停止（Ctrl+C 或 SIGTERM）")
    serve_cmd.add_argument("--listen", metavar="HOST:PORT", help="监听地址，如 0.0.0.0:8443")
    serve_cmd.add_argument("--tls-cert", type=Path, metavar="FILE", help="服务器证书（PEM）")
    serve_cmd.add_argument("--tls-key", type=Path, metavar="FILE", help="服务器私钥（PEM）")
    serve_cmd.add_argument("--workers", type=int, metavar="N", help="工作进程数（默认：每个处理器核心一个，最多 4 个）")
    login = commands.add_parser("login", help="登录档案服务器（令牌保存在系统凭据管理器中）")
    login.add_argument("--user", required=True, metavar="LOGIN", help="登录名")
    login.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（第一行）")
    commands.add_parser("logout", help="退出档案服务器登录（令牌立即失效）")


def run_serve(args: argparse.Namespace) -> int:
    # imported here: the window imports the command line too, and should not load the web stack it never uses
    from workstation.org.sessions import SessionPolicy
    from workstation.server.serve import Listen, Site, serve
    from workstation.server.workers import WORKER_LIMIT, default_workers

    settings = config.load_settings().get("server", {})
    listen = args.listen or settings.get("listen")
    certificate = args.tls_cert or (Path(settings["tls_cert"]) if "tls_cert" in settings else None)
    key = args.tls_key or (Path(settings["tls_key"]) if "tls_key" in settings else None)
    if not (listen and certificate and key):
        raise WorkstationError("serve_options_missing")
    workers = args.workers if args.workers is not None else settings.get("workers", default_workers())
    if not 1 <= workers <= WORKER_LIMIT:
        raise WorkstationError("serve_workers_invalid", workers=workers, most=WORKER_LIMIT)
    policy = SessionPolicy(
        idle=timedelta(minutes=int(settings.get("session_idle_minutes", 30))),
        longest=timedelta(hours=int(settings.get("session_hours", 12))),
    )
    place = ArchivePlace(args.profile, args.archive)
    site = Site(place.open_current, certificate, key, policy, config.config_dir() / "server-cache" / "thumbnails")
    archive = open_archive(args)
    try:
        serve(
            archive,
            site,
            Listen.parse(listen),
            workers,
            lambda url: print(
                f"档案服务器已启动：{url}，{workers} 个工作进程（Ctrl+C 停止）", file=sys.stderr, flush=True
            ),
        )
    finally:
        archive.close()
    print("档案服务器已停止。", file=sys.stderr)
    return 0


def run_login(args: argparse.Namespace) -> int:
    if not remote(args):
        raise WorkstationError("server_option_required", command="login")
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else getpass.getpass("密码：")
    server = str(args.server).rstrip("/")
    connection = ServerConnection(server, args.pin)
    try:
        user = connection.sign_in(args.user, password)
        assert connection.token is not None
        store_token(server, connection.token)
    finally:
        connection.close()
    print(f"已登录 {server}：{user.display_name}（{user.login}，{user.unit_name}）", file=sys.stderr)
    if user.must_change_password:
        print("管理员已重置您的密码：请在工作站中修改密码后再操作。", file=sys.stderr)
    return 0


def run_logout(args: argparse.Namespace) -> int:
    if not remote(args):
        raise WorkstationError("server_option_required", command="logout")
    connection = connect(args)
    try:
        connection.sign_out()
    except SessionInvalid:
        pass  # expired or ended already: forgetting the token is all there is to do
    finally:
        connection.close()
        store_token(str(args.server).rstrip("/"), None)
    print(f"已退出 {args.server} 的登录。", file=sys.stderr)
    return 0
