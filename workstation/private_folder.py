"""The embedded archive's folder is for the account that runs the program only.

It holds the database (the audit log, the user accounts' password hashes) and the footage, so on a
shared PC other accounts must not read it: 0700 on POSIX; on Windows an ACL that grants the current
account full control and nothing else (inheritance from the parent removed), set with `icacls`.

Decision for folders that already exist: on POSIX an embedded archive folder owned by this account that
group or others may enter is tightened to 0700 when the archive opens, with a warning in the log (archives
made before this rule were created with the default umask, usually 0755; leaving them open was the bug).
Folders owned by another account are left alone. On Windows existing folders are not changed.
"""

import getpass
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

from workstation.errors import ArchiveUnavailable

_log = logging.getLogger(__name__)
OWNER_ONLY = 0o700


def make_private_folder(folder: Path) -> None:
    """Create `folder` (parents as needed) for this account only, or tighten it (see the module docstring)."""
    if folder.is_dir():
        _tighten(folder)
        return
    folder.mkdir(mode=OWNER_ONLY, parents=True)
    if sys.platform == "win32":
        _restrict_windows_acl(folder)
    else:
        os.chmod(folder, OWNER_ONLY)  # mkdir's mode is filtered by the umask; this is exact


def _tighten(folder: Path) -> None:
    if sys.platform == "win32":
        return
    info = folder.stat()
    mode = stat.S_IMODE(info.st_mode)
    if info.st_uid == os.geteuid() and mode & 0o077:
        _log.warning("档案库文件夹 %s 的权限为 %o，已收紧为 700（仅本账户可访问）。", folder, mode)
        os.chmod(folder, OWNER_ONLY)


def _restrict_windows_acl(folder: Path) -> None:
    command = ["icacls", str(folder), "/inheritance:r", "/grant:r", f"{getpass.getuser()}:(OI)(CI)F"]
    result = subprocess.run(command, capture_output=True, text=True, errors="replace", check=False)
    if result.returncode != 0:
        reason = result.stderr.strip() or result.stdout.strip()
        raise ArchiveUnavailable("folder_not_private", folder=str(folder), detail=reason)
