"""scan_media: the pre-screen of one file, from the path to its findings.

Videos get the picture and the sound detectors, audio recordings the sound detector only, photos nothing.
A file that cannot be opened as media at all is one undecodable finding over its whole length (from 0 to 0
when not even the length can be read); a path that cannot be read raises OSError, for the caller to handle.
"""

from pathlib import Path

import av
import av.container

from player.media.prescreen import decode
from player.media.prescreen.picture import PictureDetector
from player.media.prescreen.sound import SoundDetector
from player.media.prescreen.spans import Observation, join
from player.media.prescreen.types import MediaFinding, MediaFindingKind, ScanProgress, ScanResult, ScanSettings

DETECTOR_VERSION = "detectors-1"
"""Names the detectors and their defaults: the archive scans a clip again when it changes (kept with each scan).
Raise it whenever a detector or a default threshold changes."""
AUDIO_EXTENSIONS = frozenset({"wav", "mp3", "aac", "m4a", "amr", "wma", "ogg", "opus", "flac"})
PHOTO_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "heic", "webp"})


def scan_media(path: Path, settings: ScanSettings, progress: ScanProgress | None = None) -> ScanResult:
    """Scan one file; progress (if given) is called with fractions 0..1 and with 1.0 at the end."""
    with path.open("rb") as handle:  # OSError for a missing or unreadable path, before anything else
        handle.read(1)
    extension = path.suffix.lower().lstrip(".")
    if extension in PHOTO_EXTENSIONS:
        return _finished(ScanResult(None, ()), progress)
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            result = _scan_container(path, container, extension in AUDIO_EXTENSIONS, settings, progress)
    except av.error.FFmpegError:
        result = _undecodable(None)
    return _finished(result, progress)


def _scan_container(
    path: Path,
    container: av.container.InputContainer,
    audio_only: bool,
    settings: ScanSettings,
    progress: ScanProgress | None,
) -> ScanResult:
    video = None if audio_only else next((s for s in container.streams.video if not _attached_picture(s)), None)
    audio = next(iter(container.streams.audio), None)
    length = decode.duration_ms(container)
    if video is None and audio is None:
        return _undecodable(length)
    keyframes_only = False
    if video is not None:
        with av.open(str(path), metadata_errors="ignore") as probe:
            same_stream = probe.streams[video.index]
            assert isinstance(same_stream, av.VideoStream)
            keyframes_only = decode.keyframes_are_frequent(probe, same_stream, settings.max_keyframe_interval_ms)
    pictures, sounds = PictureDetector(settings), SoundDetector(settings)
    failures: list[Observation] = []
    decoded_ms = 0
    for event in decode.events(container, video, audio, settings, keyframes_only, progress):
        if isinstance(event, decode.Picture):
            pictures.add(event)
            decoded_ms = max(decoded_ms, event.time_ms)
        elif isinstance(event, decode.Sound):
            sounds.add(event)
            decoded_ms = max(decoded_ms, event.time_ms)
        else:
            failures.append(Observation(MediaFindingKind.UNDECODABLE, event.start_ms, event.end_ms, 1.0))
    if not pictures.measures and not sounds.windows:
        return _undecodable(length)
    end_ms = length if length is not None else max([decoded_ms, *(item.end_ms for item in failures)])
    observations = [*pictures.observations(end_ms), *sounds.observations(), *failures]
    return ScanResult(length, tuple(join(observations, settings, end_ms)))


def _attached_picture(stream: av.VideoStream) -> bool:
    """A cover image inside an audio file (an MP3's album art) is not a video."""
    return bool(stream.disposition & av.stream.Disposition.attached_pic)


def _undecodable(length: int | None) -> ScanResult:
    return ScanResult(length, (MediaFinding(MediaFindingKind.UNDECODABLE, 0, length or 0, 1.0),))


def _finished(result: ScanResult, progress: ScanProgress | None) -> ScanResult:
    if progress is not None:
        progress(1.0)
    return result
