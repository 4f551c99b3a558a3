"""The player's fixtures (a frame-indexed clip, an engine on real libVLC) for the streaming client's tests."""

from tests.player.conftest import engine, indexed_clip, media_folder  # noqa: F401 - fixtures, found by name
