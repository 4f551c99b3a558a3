"""The demo archive: generated recorder footage through the real ingest (needs imageio-ffmpeg)."""
