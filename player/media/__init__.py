"""Qt-free media inspection (OpenCV and container parsing); usable from services and worker threads."""

import os

# FFmpeg inside OpenCV prints decoder complaints about damaged files on stderr; probe reports them itself.
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
