"""Checked command-line values: a bad value is a usage error (exit code 2) with a plain message.

argparse turns an ArgumentTypeError into `workstation: error: argument --from: …` and exit code 2, so a
negative limit, an impossible date or an output file in a missing folder never reaches a service.
"""

import argparse
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from workstation.spotcheck.policy import parse_share

EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
"""The dates the archive can hold: recorders of this kind did not exist before 2000."""


def day(text: str) -> date:
    """YYYY-MM-DD between EARLIEST and LATEST."""
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，应为 YYYY-MM-DD（如 2026-11-21）") from None
    if not EARLIEST <= value <= LATEST:
        raise argparse.ArgumentTypeError(f"日期 {text} 超出范围（{EARLIEST} 至 {LATEST}）")
    return value


def moment(text: str) -> datetime:
    """YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], within the same range as `day`."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是时间，应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM") from None
    if not EARLIEST <= value.date() <= LATEST:
        raise argparse.ArgumentTypeError(f"时间 {text} 超出范围（{EARLIEST} 至 {LATEST}）")
    return value.replace(tzinfo=None)


def whole_number(minimum: int, maximum: int) -> Callable[[str], int]:
    """A whole number from minimum to maximum."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
        if not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(f"{value} 超出范围（{minimum} 至 {maximum}）")
        return value

    return parse


def share(text: str) -> int:
    """A proportion (0.1, 10%) as basis points, from 0.01 % to 100 %."""
    try:
        return parse_share(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def output_file(text: str) -> Path:
    """A file to write: not a folder, in a folder that exists."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} 是文件夹，请给出文件名（如 {path / '台帐.xlsx'}）")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"文件夹 {path.parent} 不存在，请先创建它或换一个位置")
    return path
