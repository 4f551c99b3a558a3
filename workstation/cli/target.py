"""Where a command acts: an archive opened here, or the branch archive server (issue 12).

    workstation [--archive DIR | --profile NAME] COMMAND ...            an archive this computer opens
    workstation --server URL [--pin CERT.pem] COMMAND ...               through the server
    workstation --profile NAME COMMAND ...                              the same, for an archive-server profile

Through the server, the command acts as the user signed in with `workstation --server URL login` (the
session token is kept in the OS credential store, by server address), and the server checks that user's
rights: `--user` does not exist there. On an archive opened here the operating-system account is the
trust boundary (it holds the database or the archive folder), and a command that acts as a workstation
user names that user with `--user`.
"""

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from workstation import config
from workstation.archive import Archive
from workstation.client import ArchiveClient
from workstation.client.connection import ServerConnection
from workstation.client.local import LocalClient
from workstation.client.remote import remote_client
from workstation.errors import CredentialStoreUnavailable, WorkstationError
from workstation.identity import Identity
from workstation.profiles import load_profiles, open_profile

TOKEN_SERVICE = "bodycam-workstation-server"
"""The credential-store service the session tokens are kept under (one per server address)."""


def add_server_options(parser: argparse.ArgumentParser, top_level: bool) -> None:
    """--server URL / --pin CERT.pem, before or after the command name like --archive."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument("--server", default=default, metavar="URL", help="档案服务器地址，如 https://192.0.2.10:8443")
    parser.add_argument("--pin", type=Path, default=default, metavar="CERT.pem", help="固定信任的服务器证书")


def use_server_profile(args: argparse.Namespace) -> None:
    """`--profile NAME` of an archive-server profile means `--server URL --pin CERT.pem` (its address and pin)."""
    profile = load_profiles().get(args.profile) if args.profile else None
    if profile is not None and profile.kind == "server":
        args.server, args.pin, args.profile = profile.server, Path(profile.pin) if profile.pin else None, None


def remote(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "server", None))


def stored_token(server: str) -> str | None:
    try:
        return keyring.get_password(TOKEN_SERVICE, server)
    except keyring.errors.KeyringError as error:
        raise CredentialStoreUnavailable("token_not_read", detail=str(error)) from error


def store_token(server: str, token: str | None) -> None:
    """Keep the session token (None: forget it)."""
    try:
        if token is None:
            with suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(TOKEN_SERVICE, server)
        else:
            keyring.set_password(TOKEN_SERVICE, server, token)
    except keyring.errors.KeyringError as error:
        raise CredentialStoreUnavailable("token_not_saved", detail=str(error)) from error


def connect(args: argparse.Namespace) -> ServerConnection:
    """A connection to --server, signed in with the kept token (not_signed_in if there is none)."""
    server = str(args.server).rstrip("/")
    token = stored_token(server)
    connection = ServerConnection(server, args.pin)
    if token is None:
        connection.close()
        raise WorkstationError("not_signed_in", server=server)
    connection.token = token
    return connection


@contextmanager
def acting_client(args: argparse.Namespace, local_identity: Identity | None) -> Iterator[ArchiveClient]:
    """The client a command works through: the server as the signed-in user, or the archive opened here
    acting as `local_identity` (the --user of a user command, or the computer's account)."""
    if remote(args):
        if getattr(args, "user", None):
            raise WorkstationError("user_option_remote")
        connection = connect(args)
        try:
            yield remote_client(connection, connection.current_user())
        finally:
            connection.close()
        return
    if local_identity is None:
        raise WorkstationError("user_option_required")
    archive = open_archive(args)
    try:
        yield LocalClient(archive, local_identity)
    finally:
        archive.close()


def default_archive_folder() -> Path:
    """The embedded archive used when neither --archive nor --profile is given."""
    override = os.environ.get("WORKSTATION_ARCHIVE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / config.APP_FOLDER / "archive"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local/share")) / "bodycam-workstation" / "archive"


def open_archive(args: argparse.Namespace, create: bool = False, upgrade: bool = False) -> Archive:
    """The archive named by --profile or --archive (embedded archives always upgrade on opening); a command
    that only works on an archive opened here refuses --server."""
    if remote(args):
        raise WorkstationError("command_not_remote", command=args.command)
    return ArchivePlace(args.profile, args.archive).open(create, upgrade)


@dataclass(frozen=True)
class ArchivePlace:
    """An archive opened here: by its profile, or its folder (default: the embedded one). Picklable, so that
    the server's worker processes open the same archive (`workstation serve --workers`)."""

    profile: str | None
    folder: Path | None

    def open(self, create: bool = False, upgrade: bool = False) -> Archive:
        if self.profile:
            return open_profile(self.profile, upgrade=upgrade)
        return Archive.open_embedded(self.folder or default_archive_folder(), create=create)

    def open_current(self) -> Archive:
        """The archive, its schema checked and never upgraded: for the server's worker processes (the server
        process opened it first, upgrading an embedded one)."""
        folder = self.folder or default_archive_folder()
        if self.profile:
            profile = load_profiles().get(self.profile)
            if profile is None or profile.kind != "embedded":
                return open_profile(self.profile)
            folder = Path(profile.folder)
        return Archive.open_embedded(folder, upgrade=False)


def user_of(args: argparse.Namespace) -> Identity | None:
    """The workstation user a local command acts as (--user), if given."""
    login = getattr(args, "user", None)
    return Identity.user(login) if login else None
