"""A labelled set of generated clips for the pre-screen detectors (issue 17), and the ground truth of each.

Every clip is made by imageio-ffmpeg's ffmpeg from lavfi sources: a moving test scene with sensor noise (the
noise is temporal, a fresh draw every frame, as a real sensor's), a sound of a tone with a slow swell and a
noise floor, and then the one thing the clip is about, between known times. Negatives sit beside the positives
(a night scene that is dark but not covered, a hand passing the lens for a second, a static scene that is not
frozen, a quiet room that is not silent) so that precision means something. The clips are short and 640x360;
two use a long GOP (one keyframe) so that the decoder's full-decode path is in the set too.
"""

import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

import av

from player.media.prescreen.types import MediaFindingKind
from workstation.demo.synth import NOISE_FLOOR, SENSOR_NOISE, between, ffmpeg_executable

FPS = 15
SECONDS = 10
SIZE = "640x360"
SCENE = f"testsrc2=size={SIZE}:rate={FPS}"
STATIC_SCENE = f"smptehdbars=size={SIZE}:rate={FPS}"
# the sound: a tone swelling slowly (speech-like loudness, around -20 dBFS) over a noise floor
SOUND = "(0.25*sin(2*PI*440*t)*(0.6+0.4*sin(2*PI*0.5*t))+0.02*(random(0)-0.5))"
LIGHTS = ",".join(
    f"drawbox=x={x}:y={y}:w=14:h=14:color=white:t=fill" for x, y in ((60, 40), (200, 52), (420, 36), (580, 60))
)

Truth = tuple[tuple[MediaFindingKind, int, int], ...]


@dataclass(frozen=True)
class LabelledClip:
    path: Path
    truth: Truth  # the spans a person would mark: (kind, start_ms, end_ms)


def _encode(target: Path, video: str | None, sound: str | None, *, gop: int = FPS, codec: str = "aac") -> Path:
    """Encode `seconds` of a lavfi video chain and an aevalsrc expression (either may be None)."""
    arguments = [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y"]
    if video:
        arguments += ["-f", "lavfi", "-i", video]
    if sound:
        arguments += ["-f", "lavfi", "-i", f"aevalsrc='clip({sound}\\,-1\\,1)':s=16000"]
    arguments += ["-t", str(SECONDS)]
    if video:
        arguments += ["-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-pix_fmt", "yuv420p", "-g", str(gop)]
    if sound:
        arguments += ["-c:a", codec] + (["-b:a", "48k"] if codec in ("aac", "libmp3lame") else [])
    subprocess.run([*arguments, str(target)], check=True)
    return target


def corrupt_between(path: Path, start_s: float, end_s: float) -> None:
    """Overwrite the bytes of every packet between the two times with random bytes (a damaged card)."""
    with av.open(str(path)) as container:
        spans = [
            (packet.pos, packet.size)
            for packet in container.demux()
            if packet.pts is not None
            and packet.pos is not None
            and packet.time_base is not None
            and start_s <= float(packet.pts * packet.time_base) < end_s
        ]
    noise = random.Random(17)
    with path.open("r+b") as handle:
        for position, size in spans:
            handle.seek(position)
            handle.write(noise.randbytes(size))


def build_labelled_set(folder: Path) -> list[LabelledClip]:
    """Write the labelled set into `folder` (a few seconds on one core) and return it with its truth."""
    folder.mkdir(parents=True, exist_ok=True)
    covered = f"drawbox=x=0:y=0:w=iw:h=ih:color=0x101010:t=fill:enable='{between(3.5, 7.5)}'"
    hand = f"drawbox=x=0:y=0:w=iw:h=ih:color=0x101010:t=fill:enable='{between(4, 5)}'"  # too short to report
    dark = "lutyuv=y=16+(val-16)*0.06"
    night = f"lutyuv=y=16+(val-16)*0.15,{LIGHTS}"
    quiet = "0.02*sin(2*PI*300*t)+0.01*(random(0)-0.5)"  # a quiet room, about -40 dBFS: not silent
    silent_mid = f"if({between(3, 8)}\\,{NOISE_FLOOR}\\,{SOUND})"
    clipped_mid = f"{SOUND}*if({between(3, 7)}\\,8\\,1)"
    silent_start = f"if(lt(t\\,4)\\,{NOISE_FLOOR}\\,{SOUND})"
    kind = MediaFindingKind
    clips = [
        LabelledClip(_encode(folder / "normal.mp4", f"{SCENE},{SENSOR_NOISE}", SOUND), ()),
        LabelledClip(
            _encode(folder / "covered.mp4", f"{SCENE},{covered},{SENSOR_NOISE}", SOUND), ((kind.COVERED, 3500, 7500),)
        ),
        LabelledClip(
            _encode(
                folder / "covered_from_start_long_gop.mp4",
                f"{SCENE},drawbox=x=0:y=0:w=iw:h=ih:color=0x101010:t=fill:enable='lt(t\\,4)',{SENSOR_NOISE}",
                SOUND,
                gop=300,
            ),
            ((kind.COVERED, 0, 4000),),
        ),
        LabelledClip(
            _encode(folder / "dark.mp4", f"{SCENE},{dark},noise=alls=10:allf=t", SOUND), ((kind.DARK, 0, 10000),)
        ),
        LabelledClip(_encode(folder / "night.mp4", f"{SCENE},{night},noise=alls=8:allf=t", SOUND), ()),
        LabelledClip(
            _encode(folder / "covered_at_night.mp4", f"{SCENE},{night},{covered},noise=alls=8:allf=t", SOUND),
            ((kind.COVERED, 3500, 7500),),
        ),
        LabelledClip(_encode(folder / "hand_passes.mp4", f"{SCENE},{hand},{SENSOR_NOISE}", SOUND), ()),
        LabelledClip(
            _encode(
                folder / "frozen.mp4",
                f"{SCENE},{SENSOR_NOISE},split[a][b];[a][b]freezeframes=first=60:last=120:replace=60",
                SOUND,
            ),
            ((kind.FROZEN, 4000, 8000),),
        ),
        LabelledClip(_encode(folder / "static.mp4", f"{STATIC_SCENE},{SENSOR_NOISE}", SOUND), ()),
        LabelledClip(_encode(folder / "static_long_gop.mp4", f"{STATIC_SCENE},{SENSOR_NOISE}", SOUND, gop=300), ()),
        LabelledClip(
            _encode(folder / "silent.mp4", f"{SCENE},{SENSOR_NOISE}", silent_mid), ((kind.SILENT, 3000, 8000),)
        ),
        LabelledClip(
            _encode(folder / "silent_start.mp3", None, silent_start, codec="libmp3lame"), ((kind.SILENT, 0, 4000),)
        ),
        LabelledClip(_encode(folder / "quiet.aac", None, quiet), ()),
        LabelledClip(
            _encode(folder / "clipped.wav", None, clipped_mid, codec="pcm_s16le"), ((kind.CLIPPED, 3000, 7000),)
        ),
        LabelledClip(
            _encode(folder / "clipped.mp4", f"{SCENE},{SENSOR_NOISE}", clipped_mid), ((kind.CLIPPED, 3000, 7000),)
        ),
    ]
    corrupt = _encode(folder / "corrupt.mp4", f"{SCENE},{SENSOR_NOISE}", SOUND)
    corrupt_between(corrupt, 4.0, 6.5)
    clips.append(LabelledClip(corrupt, ((kind.UNDECODABLE, 4000, 6500),)))
    return clips


def review_clip(folder: Path) -> LabelledClip:
    """One clip with a finding of two families at known places, for the windows' tests: the lens covered from
    1 s to 4.5 s (picture), no sound from 6 s to the end (sound)."""
    folder.mkdir(parents=True, exist_ok=True)
    covered = f"drawbox=x=0:y=0:w=iw:h=ih:color=0x101010:t=fill:enable='{between(1, 4.5)}'"
    silent = f"if(gte(t\\,6)\\,{NOISE_FLOOR}\\,{SOUND})"
    path = _encode(folder / "review.mp4", f"{SCENE},{covered},{SENSOR_NOISE}", silent)
    return LabelledClip(path, ((MediaFindingKind.COVERED, 1000, 4500), (MediaFindingKind.SILENT, 6000, 10000)))
