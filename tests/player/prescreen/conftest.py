"""Pre-screen fixtures: the labelled set of generated clips, built once per test session."""

from pathlib import Path

import pytest

from tests.helpers.prescreen_clips import LabelledClip, build_labelled_set


@pytest.fixture(scope="session")
def labelled_set(tmp_path_factory: pytest.TempPathFactory) -> list[LabelledClip]:
    return build_labelled_set(tmp_path_factory.mktemp("prescreen-set"))


@pytest.fixture(scope="session")
def labelled(labelled_set: list[LabelledClip]) -> dict[str, Path]:
    """The set's files by name (normal.mp4, covered.mp4, …)."""
    return {clip.path.name: clip.path for clip in labelled_set}
