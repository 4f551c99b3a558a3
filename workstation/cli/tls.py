"""`workstation tls self-signed --out DIR [--host NAME]`: a certificate and key for a test site's server."""

import argparse
from pathlib import Path
from typing import Any

from workstation.server import tls


def add_parser(commands: Any) -> None:
    """Add the `tls` command to the CLI's subparsers."""
    command = commands.add_parser("tls", help="服务器 TLS 证书")
    actions = command.add_subparsers(dest="action", required=True)
    self_signed = actions.add_parser("self-signed", help="生成自签名证书和私钥（cert.pem、key.pem），供工作站固定信任")
    self_signed.add_argument("--out", type=Path, required=True, metavar="DIR", help="写入的文件夹")
    self_signed.add_argument("--host", default="localhost", help="服务器的主机名或 IP 地址（默认 localhost）")


def run(args: argparse.Namespace) -> int:
    pair = tls.self_signed(args.out, args.host)
    print(f"证书：{pair.certificate}\n私钥：{pair.key}（仅本账户可读）\nSHA-256 指纹：{pair.fingerprint_sha256}")
    return 0
