"""Playback: the libVLC engine and Qt widgets, plus `player.media` (Qt-free probing and thumbnails).

`player` knows nothing of the archive; `workstation` may use `player.media` only (import-linter).
"""
