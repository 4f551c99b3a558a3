"""A keyed digest of a login name that matches no account, for the audit log.

People type passwords into the login field, and the audit log is append-only: what was typed must never
be written into it. A failed sign-in with an unknown login records only the first 16 hex characters of
HMAC-SHA256(key, typed text): equal attempts show as equal digests, and without the key nobody can try a
dictionary of likely passwords against them (which an unkeyed hash of a short string would allow).

The key is 32 random bytes in the OS credential store (keyring) of the account running the program, made
on first use; it is never in the database, so reading the archive does not give it. For a shared
(PostgreSQL) archive each workstation has its own key: digests compare within one workstation. Without a
usable credential store no digest is recorded at all. This is the one place that knows the key, so that a
later audit key held outside the database can replace it.
"""

import hashlib
import hmac
import secrets

import keyring
import keyring.errors

from workstation.profiles import KEYRING_SERVICE

KEY_NAME = "audit:unknown-login-digest-key"
DIGEST_CHARS = 16


def unknown_login_digest(typed: str) -> str | None:
    """The truncated keyed digest of `typed`, or None when the credential store cannot keep a key."""
    key = _key()
    if key is None:
        return None
    return hmac.new(key, typed.encode("utf-8"), hashlib.sha256).hexdigest()[:DIGEST_CHARS]


def _key() -> bytes | None:
    try:
        stored = keyring.get_password(KEYRING_SERVICE, KEY_NAME)
        if stored is None:
            stored = secrets.token_hex(32)
            keyring.set_password(KEYRING_SERVICE, KEY_NAME, stored)
        return bytes.fromhex(stored)
    except (keyring.errors.KeyringError, ValueError):
        return None
