"""STAND-IN (replaced by helper A's verifier at merge)."""

from collections.abc import Callable
from pathlib import Path

from workstation.evidence.types import PackageVerification


def verify_package(path: Path, progress: Callable[[int, int], None] | None = None) -> PackageVerification:
    raise NotImplementedError
