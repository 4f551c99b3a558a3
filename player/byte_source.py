"""Moved to player.media.byte_source (the archive client's interface names the type); this name stays for
tests/benchmarks, which import it from here, until they are updated."""

from player.media.byte_source import ByteSource

__all__ = ["ByteSource"]
