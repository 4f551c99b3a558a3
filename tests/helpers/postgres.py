"""A throwaway PostgreSQL server for the tests, started as the `postgres` OS user when we are root.

initdb and postgres refuse to run as root, and pytest-postgresql does too, hence this small fixture
helper (recipe and timings in shared/notes/platform.md §7).
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

PASSWORD = "test"


def server_binaries() -> str | None:
    for candidate in [os.environ.get("PG_BINDIR"), *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]:
        if candidate and os.path.exists(f"{candidate}/pg_ctl"):
            return candidate
    found = shutil.which("pg_ctl") or shutil.which("pg_ctl.exe")
    return os.path.dirname(found) if found else None


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server in a temporary folder; yields its base URL (database `postgres`, user and password `test`)."""
    bindir = server_binaries()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries are not installed: run tools/setup.sh")
    base = tempfile.mkdtemp(prefix="pgtest-")
    data, sockets = f"{base}/data", f"{base}/sock"
    os.makedirs(sockets)
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # POSIX only: Windows has neither root nor pwd
        import pwd

        account = pwd.getpwnam(os.environ.get("PG_TEST_OS_USER", "postgres"))
        os.chmod(base, 0o755)
        shutil.chown(base, account.pw_uid, account.pw_gid)
        shutil.chown(sockets, account.pw_uid, account.pw_gid)
        prefix = ["runuser", "-u", account.pw_name, "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    quiet = {"stdout": subprocess.DEVNULL, "check": True}
    password_file = f"{base}/password"
    with open(password_file, "w") as handle:
        handle.write(PASSWORD)
    if prefix:
        shutil.chown(password_file, account.pw_uid, account.pw_gid)
    subprocess.run(
        [
            *prefix,
            f"{bindir}/initdb",
            "-D",
            data,
            "-U",
            "test",
            f"--pwfile={password_file}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",  # TCP clients need the password, as on a real branch server
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        **quiet,
    )
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=200"
    )
    url = f"postgresql+psycopg://test:{PASSWORD}@127.0.0.1:{port}/postgres"
    control = [*prefix, f"{bindir}/pg_ctl", "-D", data]
    _RUNNING[url] = (control, options, f"{base}/log")
    start_server(url)
    try:
        yield url
    finally:
        stop_server(url)
        del _RUNNING[url]
        shutil.rmtree(base, ignore_errors=True)


_RUNNING: dict[str, tuple[list[str], str, str]] = {}
"""The servers throwaway_server started: URL → (pg_ctl command for its data folder, options, log file)."""


def stop_server(url: str, mode: str = "immediate") -> None:
    """Stop a throwaway server: at once, as a crashed server goes away (open connections break), or with
    mode "fast" as an administrator restarts it. The throwaway servers run with synchronous_commit=off, so
    an immediate stop may lose the last commits; a test that goes on with the data after the restart stops
    it "fast" (connections still break, nothing committed is lost)."""
    control, _, _ = _RUNNING[url]
    subprocess.run([*control, "-m", mode, "-w", "stop"], stdout=subprocess.DEVNULL, check=False)


def start_server(url: str) -> None:
    """Start a throwaway server (again) on its port and data folder."""
    control, options, log = _RUNNING[url]
    subprocess.run([*control, "-o", options, "-l", log, "-w", "start"], stdout=subprocess.DEVNULL, check=True)
