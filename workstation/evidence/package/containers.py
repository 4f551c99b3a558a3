"""The zip and the disc image, built from the staged package folder (the folder format needs neither).

zip: stored (never compressed: the originals byte for byte), UTF-8 names, ZIP64 for files over 4 GiB.
disc image: pycdlib, ISO 9660 interchange level 3 (files over 4 GiB as multi-extent records) + Joliet
(Unicode names for Windows, at most 64 characters a name) + Rock Ridge (POSIX names for Linux) + UDF 2.60
(one entry per file whatever its size; what Windows 10/11 and burning programs read first). All four
name the same bytes once. The plain ISO 9660 names are short upper-case stand-ins (F0001.MP4): readers
use Joliet, Rock Ridge or UDF, which carry the real (Chinese) names.
"""

import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath

import pycdlib

from workstation.evidence.verify_package import CHUNK_BYTES

ZIP64_FROM = 0xFFFFFFFF - CHUNK_BYTES  # a member this large or larger is written with ZIP64 sizes


def write_zip(package: Path, paths: Sequence[str], target: Path, on_bytes: Callable[[int], None]) -> None:
    """The package's files (paths relative to `package`, in that order) into a new stored zip at target."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        for path in paths:
            source = package / path
            info = zipfile.ZipInfo.from_file(source, path)
            info.compress_type = zipfile.ZIP_STORED
            with source.open("rb") as reader, archive.open(info, "w", force_zip64=info.file_size >= ZIP64_FROM) as out:
                while chunk := reader.read(CHUNK_BYTES):
                    out.write(chunk)
                    on_bytes(len(chunk))


def _iso_names(paths: Sequence[str]) -> dict[str, str]:
    """A unique ISO 9660 level-3 name for every file and folder (d-characters; the real names are elsewhere)."""
    names: dict[str, str] = {"": ""}
    counter = 0
    for path in paths:
        parts = PurePosixPath(path).parts
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth])
            if key in names:
                continue
            counter += 1
            parent = names["/".join(parts[: depth - 1])]
            if depth < len(parts):
                own = f"D{counter:04d}"
            else:
                suffix = re.sub(r"[^A-Z0-9_]", "_", PurePosixPath(parts[-1]).suffix[1:].upper())[:8]
                own = f"F{counter:04d}" + (f".{suffix}" if suffix else ".") + ";1"
            names[key] = f"{parent}/{own}"
    return names


def write_iso(package: Path, paths: Sequence[str], target: Path, volume: str, on_bytes: Callable[[int], None]) -> None:
    """The package's files into a new disc image at target, named `volume` (the export number)."""
    iso = pycdlib.PyCdlib()
    volume_ident = re.sub(r"[^A-Z0-9_]", "_", volume.upper())[:32]
    iso.new(interchange_level=3, joliet=3, rock_ridge="1.09", udf="2.60", vol_ident=volume_ident)
    names = _iso_names(paths)
    made: set[str] = set()
    for path in paths:
        parts = PurePosixPath(path).parts
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder not in made:
                made.add(folder)
                iso.add_directory(
                    names[folder], rr_name=parts[depth - 1], joliet_path="/" + folder, udf_path="/" + folder
                )
        iso.add_file(str(package / path), names[path], rr_name=parts[-1], joliet_path="/" + path, udf_path="/" + path)
    written = 0

    def progress(done: int, _total: int, _opaque: object) -> None:
        nonlocal written
        if done > written:
            on_bytes(done - written)
            written = done

    try:
        iso.write(str(target), blocksize=CHUNK_BYTES, progress_cb=progress)
    finally:
        iso.close()
