"""Password hashing with scrypt (stdlib) in a self-describing format: `scrypt$N$r$p$salt-hex$hash-hex`.

New hashes use `current_cost`, the cost current guidance recommends (N = 2^17, r = 8, p = 1: 128 MiB and
about 0.3 s a hash). A stored hash is validated before anything is computed: parameters outside the
accepted range (a crafted N = 2^30 would take minutes and gigabytes) make it invalid, never a long
computation. Hashes of an older, lower cost (this program wrote N = 2^14 before) still verify and report
`needs_rehash`, so that sign-in replaces them at the next successful sign-in.

Tests lower `current_cost` through a fixture for speed; nothing in the program changes it.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

_PREFIX = "scrypt"
_SALT_BYTES = 16
_HASH_BYTES = 32
_MAX_MEMORY = 256 * 1024 * 1024  # 128 · N · r bytes: N = 2^17, r = 8 needs 128 MiB
_MAXMEM = _MAX_MEMORY + 32 * 1024 * 1024  # what OpenSSL may allocate on top of the V array


@dataclass(frozen=True)
class ScryptCost:
    n: int
    r: int
    p: int

    def work(self) -> int:
        return self.n * self.r * self.p

    def weaker_than(self, other: "ScryptCost") -> bool:
        """Less memory or less work than `other` (a stronger hash from a newer version is never lowered)."""
        return self.n < other.n or self.work() < other.work()

    def __str__(self) -> str:
        return f"N={self.n} r={self.r} p={self.p}"


RECOMMENDED = ScryptCost(2**17, 8, 1)
"""What new hashes use (OWASP password storage guidance for scrypt)."""

OLDEST = ScryptCost(2**14, 8, 1)
"""The lowest cost this program ever wrote; anything weaker in the database did not come from it."""

current_cost = RECOMMENDED


class InvalidHash(ValueError):
    """A stored hash that is malformed, or whose parameters are outside what this program accepts."""


@dataclass(frozen=True)
class StoredHash:
    cost: ScryptCost
    salt: bytes
    digest: bytes


@dataclass(frozen=True)
class Verification:
    ok: bool
    needs_rehash: bool = False  # the password is right, but the hash is of a lower cost than current_cost
    invalid_hash: bool = False  # the stored hash is malformed or out of range (no computation was made)


def hash_password(password: str) -> str:
    cost = current_cost
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(password, salt, cost, _HASH_BYTES)
    return f"{_PREFIX}${cost.n}${cost.r}${cost.p}${salt.hex()}${digest.hex()}"


def parse(stored: str) -> StoredHash:
    """The parameters of a stored hash, checked; InvalidHash when they are malformed or out of range."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _PREFIX or not all(part.isdigit() for part in parts[1:4]):
        raise InvalidHash("not a scrypt hash of this program")
    cost = ScryptCost(int(parts[1]), int(parts[2]), int(parts[3]))
    if cost.n & (cost.n - 1) or not (OLDEST.n <= cost.n and OLDEST.r <= cost.r and cost.p >= 1):
        raise InvalidHash(f"scrypt parameters below the accepted minimum ({cost})")
    if 128 * cost.n * cost.r > _MAX_MEMORY or cost.work() > 4 * RECOMMENDED.work():
        raise InvalidHash(f"scrypt parameters above the accepted maximum ({cost})")
    try:
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError as error:
        raise InvalidHash("salt or hash is not hexadecimal") from error
    if not (_SALT_BYTES <= len(salt) <= 64 and _HASH_BYTES <= len(digest) <= 64):
        raise InvalidHash("salt or hash of an unexpected length")
    return StoredHash(cost, salt, digest)


def verify(password: str, stored: str | None) -> Verification:
    """Check `password` against `stored`, in constant time for the comparison.

    With `stored` None (no such account) or an invalid hash, a computation of the current cost is made
    anyway and fails, so that unknown and known logins take the same time to answer.
    """
    try:
        parsed = parse(stored) if stored is not None else None
    except InvalidHash:
        parsed = None
    if parsed is None:
        _scrypt(password, bytes(_SALT_BYTES), current_cost, _HASH_BYTES)
        return Verification(ok=False, invalid_hash=stored is not None)
    candidate = _scrypt(password, parsed.salt, parsed.cost, len(parsed.digest))
    ok = hmac.compare_digest(candidate, parsed.digest)
    return Verification(ok=ok, needs_rehash=ok and parsed.cost.weaker_than(current_cost))


def _scrypt(password: str, salt: bytes, cost: ScryptCost, length: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=_MAXMEM, dklen=length
    )
