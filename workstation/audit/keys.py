"""The audit keys: secrets outside the database that make the chain's digests unforgeable.

Someone who can write the database (a database administrator, anyone holding an embedded archive's file)
can recompute a plain hash chain; an HMAC under a key kept elsewhere they cannot. Where the keys live:
- a key file (`[audit] key_file` in workstation.toml, or the environment variable WORKSTATION_AUDIT_KEY_FILE):
  the branch archive server's, readable by its service account only;
- otherwise the OS credential store of the account that runs the program (an embedded archive's owner), or
  where the computer has none, a key file in that account's private configuration folder.

One archive's keys (`AuditKeys`) are found by the archive id (table archive_identity). They are created the
first time the archive needs them, and only while its chain holds no keyed row; once it does, a missing key
is an error (fail closed), never a reason to start a new key. Rotation adds a key and makes it current; old
keys stay, since they verify the rows written under them. `keyed_from` is the first row written under a key:
rows before it are the plain SHA-256 chain of an archive older than keys (their last digest is sealed by the
first keyed row's HMAC). It sits with the keys, outside the database, so nobody can declare the whole chain
"unkeyed".
"""

import json
import os
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import keyring
import keyring.backends.fail
import keyring.errors
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from db.models import ArchiveIdentity, AuditChainHead, AuditEvent
from workstation import config
from workstation.atomic_file import replacing
from workstation.errors import AuditKeyUnavailable

KEY_BYTES = 32
KEY_FILE_ENV = "WORKSTATION_AUDIT_KEY_FILE"
CREDENTIAL_SERVICE = "bodycam-workstation-audit"
FILE_FORMAT = "bodycam-audit-keys/1"
ACCOUNT_KEY_FILE = "audit-keys.json"
"""The key file in the configuration folder, where a computer without a credential store keeps the keys."""


@dataclass(frozen=True)
class AuditKeys:
    """One archive's keys: every key id with its secret, the current one (new rows), and `keyed_from`."""

    archive_id: str
    keyed_from: int
    current: str
    secrets: Mapping[str, bytes] = field(repr=False)

    def secret(self, key_id: str) -> bytes | None:
        return self.secrets.get(key_id)

    def rotated(self) -> "AuditKeys":
        """These keys plus a new current one (k1, k2, …)."""
        number = 1 + max(int(key_id[1:]) for key_id in self.secrets)
        new_id = f"k{number}"
        return AuditKeys(self.archive_id, self.keyed_from, new_id, {**self.secrets, new_id: _new_secret()})

    def to_json(self) -> dict[str, object]:
        return {
            "keyed_from": self.keyed_from,
            "current": self.current,
            "keys": {key_id: secret.hex() for key_id, secret in self.secrets.items()},
        }

    @classmethod
    def from_json(cls, archive_id: str, data: object, where: str) -> "AuditKeys":
        try:
            assert isinstance(data, dict)
            keys = {str(key_id): bytes.fromhex(secret) for key_id, secret in data["keys"].items()}
            loaded = cls(archive_id, int(data["keyed_from"]), str(data["current"]), keys)
            assert loaded.current in keys and all(len(secret) == KEY_BYTES for secret in keys.values())
        except (AssertionError, KeyError, TypeError, ValueError, AttributeError) as error:
            raise AuditKeyUnavailable("audit_key_invalid", where=where) from error
        return loaded


def new_keys(archive_id: str, keyed_from: int) -> AuditKeys:
    return AuditKeys(archive_id, keyed_from, "k1", {"k1": _new_secret()})


def _new_secret() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


class KeyStore(Protocol):
    """Where archives' keys are kept. `where` names it in messages (never a secret)."""

    where: str

    def load(self, archive_id: str) -> AuditKeys | None: ...

    def save(self, keys: AuditKeys) -> None: ...


class FileKeyStore:
    """A JSON file of keys by archive id, written whole (never half) and readable by its owner only."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.where = str(self.path)

    def load(self, archive_id: str) -> AuditKeys | None:
        entry = self._read().get(archive_id)
        return None if entry is None else AuditKeys.from_json(archive_id, entry, self.where)

    def save(self, keys: AuditKeys) -> None:
        archives = {**self._read(), keys.archive_id: keys.to_json()}
        text = json.dumps({"format": FILE_FORMAT, "archives": archives}, indent=1)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with replacing(self.path) as partial:
                descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    handle.write(text)
        except OSError as error:
            raise AuditKeyUnavailable("audit_key_not_saved", where=self.where, detail=str(error)) from error

    def _read(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            raise AuditKeyUnavailable("audit_key_invalid", where=self.where) from error
        well_formed = isinstance(data, dict) and data.get("format") == FILE_FORMAT
        if not well_formed or not isinstance(data.get("archives"), dict):
            raise AuditKeyUnavailable("audit_key_invalid", where=self.where)
        return dict(data["archives"])


class CredentialKeyStore:
    """The OS credential store (Windows Credential Manager, Secret Service): one entry per archive."""

    where = "credential_store"

    def load(self, archive_id: str) -> AuditKeys | None:
        try:
            text = keyring.get_password(CREDENTIAL_SERVICE, archive_id)
        except keyring.errors.KeyringError as error:
            raise AuditKeyUnavailable("audit_key_store_unavailable", detail=str(error)) from error
        if text is None:
            return None
        try:
            data = json.loads(text)
        except ValueError as error:
            raise AuditKeyUnavailable("audit_key_invalid", where=self.where) from error
        return AuditKeys.from_json(archive_id, data, self.where)

    def save(self, keys: AuditKeys) -> None:
        try:
            keyring.set_password(CREDENTIAL_SERVICE, keys.archive_id, json.dumps(keys.to_json()))
        except keyring.errors.KeyringError as error:
            raise AuditKeyUnavailable("audit_key_store_unavailable", detail=str(error)) from error


def configured_store() -> KeyStore:
    """The key file the environment or workstation.toml names, else the OS credential store — or, on a
    computer that has none (a Linux desktop without Secret Service), a key file in the account's private
    configuration folder, still outside the archive and its database."""
    path = os.environ.get(KEY_FILE_ENV) or config.load_settings().get("audit", {}).get("key_file")
    if path:
        return FileKeyStore(Path(path))
    if isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring):
        return FileKeyStore(config.config_dir() / ACCOUNT_KEY_FILE)
    return CredentialKeyStore()


def archive_id(session: Session) -> str:
    return session.execute(select(ArchiveIdentity.archive_id).where(ArchiveIdentity.id == 1)).scalar_one()


class ArchiveKeys:
    """The audit keys of one open archive, read from the key store at first use and kept.

    Thread-safe. `for_writing` is called by the chain with the head row locked, so an archive that has no
    keys yet gets them exactly once, starting at the next row.
    """

    def __init__(self, store: Callable[[], KeyStore] = configured_store) -> None:
        self._store = store
        self._keys: AuditKeys | None = None
        self._lock = threading.Lock()

    def store(self) -> KeyStore:
        return self._store()

    def for_writing(self, session: Session) -> AuditKeys:
        """The keys, created now if the archive has none and its chain no keyed row (head must be locked)."""
        keys = self._get(session, create=True)
        if keys is None:  # _get creates them or raises
            raise AuditKeyUnavailable("audit_key_missing", where=self._store().where, archive=archive_id(session))
        return keys

    def for_reading(self, session: Session) -> AuditKeys | None:
        """The keys; None only for an archive whose chain was never keyed (and has no keys yet)."""
        return self._get(session, create=False)

    def replace(self, keys: AuditKeys) -> None:
        """After a rotation or an import: saved to the store, and used from now on."""
        with self._lock:
            self._store().save(keys)
            self._keys = keys

    def _get(self, session: Session, create: bool) -> AuditKeys | None:
        with self._lock:
            if self._keys is not None:
                return self._keys
            store = self._store()
            identity = archive_id(session)
            keys = store.load(identity)
            if keys is None:
                if session.execute(select(exists().where(AuditEvent.key_id.is_not(None)))).scalar():
                    raise AuditKeyUnavailable("audit_key_missing", where=store.where, archive=identity)
                if not create:
                    return None
                head = session.execute(select(AuditChainHead.last_seq).where(AuditChainHead.id == 1)).scalar_one()
                store.save(new_keys(identity, head + 1))
                keys = store.load(identity)  # what the store kept, should another process have saved first
                if keys is None:
                    raise AuditKeyUnavailable("audit_key_missing", where=store.where, archive=identity)
            self._keys = keys
            return keys
