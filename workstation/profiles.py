"""Connection profiles: which archive to use. Passwords go to the OS keyring.

Three kinds: an embedded archive folder; a PostgreSQL database with its media root (this computer then
holds the credentials); the branch archive server (issue 12: its address and the certificate pinned for
it; the review PC holds no credentials, the session token is kept by workstation.cli.target). profiles.json
in the configuration folder holds everything but the password; the password is stored in the OS credential
store (Windows Credential Manager, Secret Service) under the profile and user name.
"""

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import keyring
import keyring.errors
from sqlalchemy.engine import URL

from workstation.archive import Archive
from workstation.config import config_dir
from workstation.errors import CredentialStoreUnavailable, ProfileError

KEYRING_SERVICE = "bodycam-workstation"
PROFILES_FILE = "profiles.json"
KINDS = ("embedded", "postgresql", "server")


@dataclass(frozen=True)
class Profile:
    """An embedded archive (`folder`), a PostgreSQL archive (host ... user) with its media root, or the
    archive server (`server` URL, `pin`: the path of its certificate, PEM)."""

    name: str
    kind: str  # "embedded", "postgresql" or "server"
    folder: str = ""
    host: str = ""
    port: int = 5432
    database: str = ""
    user: str = ""
    media_root: str = ""
    server: str = ""
    pin: str = ""

    def database_url(self, password: str | None) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password,
            host=self.host,
            port=self.port,
            database=self.database,
        )


def _profiles_path() -> Path:
    return config_dir() / PROFILES_FILE


def load_profiles() -> dict[str, Profile]:
    """The saved profiles; ProfileError naming the file when it cannot be read or is not ours."""
    path = _profiles_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {
            name: Profile(name=name, **{key: value for key, value in fields.items() if key != "name"})
            for name, fields in raw.items()
        }
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, AttributeError) as error:
        raise ProfileError("profiles_damaged", path=str(path), detail=str(error)) from error


def save_profile(profile: Profile, password: str | None = None) -> None:
    """Store the profile; the password (if any) goes to the OS credential store only, and first: without
    a usable credential store nothing is written (CredentialStoreUnavailable)."""
    if profile.kind not in KINDS:
        raise ProfileError("profile_kind_unknown", kind=profile.kind)
    profiles = load_profiles()
    profiles[profile.name] = profile
    if password is not None:
        try:
            keyring.set_password(KEYRING_SERVICE, _keyring_user(profile), password)
        except keyring.errors.KeyringError as error:
            raise CredentialStoreUnavailable("password_not_saved", detail=str(error)) from error
    path = _profiles_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(
        json.dumps({name: asdict(p) for name, p in profiles.items()}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    temporary.replace(path)


def _keyring_user(profile: Profile) -> str:
    return f"{profile.name}:{profile.user}"


def open_profile(name: str, upgrade: bool = False) -> Archive:
    """Open the archive a profile names, fetching its password from the OS credential store (an archive
    server's profile is not opened here: the caller connects to the server, see workstation.cli.target)."""
    profile = load_profiles().get(name)
    if profile is None:
        raise ProfileError("profile_not_found", name=name)
    if profile.kind == "server":
        raise ProfileError("profile_is_server", name=name)
    if profile.kind == "embedded":
        return Archive.open_embedded(Path(profile.folder))
    try:
        password = keyring.get_password(KEYRING_SERVICE, _keyring_user(profile))
    except keyring.errors.KeyringError as error:
        raise CredentialStoreUnavailable("password_not_read", name=name, detail=str(error)) from error
    return Archive.open_url(profile.database_url(password), Path(profile.media_root), upgrade=upgrade)
