"""SM3: OpenSSL's through hashlib, and the pure-Python one the standalone verifier carries, against the
GB/T 32905-2016 examples and each other."""

import hashlib
import random

import pytest

from workstation.evidence.sm3 import new_sm3, openssl_has_sm3
from workstation.evidence.verify_package import PureSM3, new_hash

# GB/T 32905-2016 appendix A: example 1 ("abc") and example 2 ("abcd" x 16)
VECTORS = [
    (b"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
    (b"abcd" * 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"),
]


@pytest.mark.parametrize(("message", "digest"), VECTORS)
def test_the_standards_examples(message, digest):
    assert PureSM3(message).hexdigest() == digest
    sm3 = new_sm3()
    sm3.update(message)
    assert sm3.hexdigest() == digest


def test_this_python_has_openssls_sm3_and_new_sm3_uses_it():
    """The workstation's Python (OpenSSL 3) has SM3; the fast one is what the writer gets."""
    assert openssl_has_sm3()
    assert not isinstance(new_sm3(), PureSM3)
    assert not isinstance(new_hash("sm3"), PureSM3)


def test_pure_and_openssl_agree_on_random_data_in_random_pieces():
    rng = random.Random(20261201)
    for _ in range(40):
        data = rng.randbytes(rng.randrange(0, 3000))
        pure = PureSM3()
        cut = 0
        while cut < len(data):
            step = rng.randrange(1, 200)
            pure.update(data[cut : cut + step])
            cut += step
        assert pure.hexdigest() == hashlib.new("sm3", data).hexdigest(), len(data)


def test_digest_does_not_end_the_hash():
    pure = PureSM3(b"ab")
    first = pure.hexdigest()
    pure.update(b"c")
    assert (first, pure.hexdigest()) == (hashlib.new("sm3", b"ab").hexdigest(), VECTORS[0][1])
