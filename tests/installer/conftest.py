"""installer/vlc_bundle.py is a build-time helper outside the packages: loaded from its file."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"


@pytest.fixture(scope="session")
def vlc_bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vlc_bundle", INSTALLER / "vlc_bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
