"""SM3 (GB/T 32905-2016), the national hash the package's second manifest uses.

OpenSSL 3 has it (hashlib.new("sm3"): about 490 MB/s here; CPython's Windows build ships OpenSSL 3 with it).
A Python built against an OpenSSL without it gets the pure-Python implementation that the package's
standalone verifier carries (one implementation for both: workstation/evidence/verify_package.py).
"""

import hashlib
from typing import Protocol

from workstation.evidence.verify_package import PureSM3


class Hash(Protocol):
    """What the writer and the verifier use of a hash object."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


def openssl_has_sm3() -> bool:
    return "sm3" in hashlib.algorithms_available


def new_sm3() -> Hash:
    """A fresh SM3 hash: OpenSSL's through hashlib when available, else the pure-Python one."""
    if openssl_has_sm3():
        return hashlib.new("sm3")
    return PureSM3()
