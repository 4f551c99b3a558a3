"""Both verifiers (verify_package and the package's standalone verify_package.py run by a real Python) fail a
package with a flipped byte in any file, an edited manifest line, a removed or an added file; a folder that is
no package is told apart (exit code 2)."""

import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.workstation.evidence.conftest import random_file
from tests.workstation.evidence.plans import open_file, plan_of
from workstation.evidence.errors import EvidenceError
from workstation.evidence.package import write_package
from workstation.evidence.types import ExportFormat, Finding
from workstation.evidence.verify import verify_package

Files = dict[str, bytes]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[ExportFormat, Path]:
    """One package of each format over three small originals (one named in Chinese) and two stills."""
    folder = tmp_path_factory.mktemp("packages")
    sources = []
    for index, name in enumerate(["DSJ_0001.MP4", "DSJ_0002.MP4", "现场录音.WAV"]):
        path = folder / "archive" / name
        sources.append(random_file(path, 100_000 + 30_000 * index, seed=index))
    plan = plan_of(sources, stills=2)
    made = {}
    for fmt in ExportFormat:
        out = folder / f"DC-20261201-0007.{fmt}"
        write_package(plan, open_file, out, fmt, None, None)
        made[fmt] = out
    return made


def flip(files: Files, path: str) -> None:
    body = bytearray(files[path])
    body[len(body) // 2] ^= 0x01
    files[path] = bytes(body)


def edit_manifest_line(files: Files, path: str = "manifest-sm3.txt") -> None:
    """One hex digit of the first original's line changed."""
    lines = files[path].decode("utf-8").splitlines(keepends=True)
    line = next(line for line in lines if "data/DSJ_0001.MP4" in line)
    lines[lines.index(line)] = ("0" if line[0] != "0" else "1") + line[1:]
    files[path] = "".join(lines).encode("utf-8")


TAMPERINGS: dict[str, tuple[Callable[[Files], None], set[tuple[str, Finding]]]] = {
    "byte flipped in an original": (
        lambda files: flip(files, "data/现场录音.WAV"),
        {("data/现场录音.WAV", Finding.CHANGED)},
    ),
    "byte flipped in a still": (
        lambda files: flip(files, "data/derived/截图_2.png"),
        {("data/derived/截图_2.png", Finding.CHANGED)},
    ),
    "byte flipped in the README": (lambda files: flip(files, "README.txt"), {("README.txt", Finding.CHANGED)}),
    "byte flipped in the verifier": (
        lambda files: flip(files, "verify_package.py"),
        {("verify_package.py", Finding.CHANGED)},
    ),
    "manifest line edited": (
        edit_manifest_line,
        {("data/DSJ_0001.MP4", Finding.CHANGED), ("manifest-sm3.txt", Finding.CHANGED)},
    ),
    "original removed": (
        lambda files: files.pop("data/DSJ_0002.MP4"),
        {("data/DSJ_0002.MP4", Finding.MISSING)},
    ),
    "file added to the payload": (
        lambda files: files.update({"data/补充.MP4": b"not from the archive"}),
        {("data/补充.MP4", Finding.EXTRA)},
    ),
    "file added at the root": (
        lambda files: files.update({"说明补充.txt": b"added later"}),
        {("说明补充.txt", Finding.EXTRA)},
    ),
    "manifest line removed": (
        lambda files: files.update(
            {
                "manifest-sha256.txt": b"".join(
                    line for line in files["manifest-sha256.txt"].splitlines(keepends=True) if b"DSJ_0002" not in line
                )
            }
        ),
        {("data/DSJ_0002.MP4", Finding.MANIFEST_MISMATCH), ("manifest-sha256.txt", Finding.CHANGED)},
    ),
    "manifest garbled": (
        lambda files: files.update({"manifest-sm3.txt": files["manifest-sm3.txt"] + b"not a manifest line\n"}),
        {("manifest-sm3.txt", Finding.MALFORMED), ("manifest-sm3.txt", Finding.CHANGED)},
    ),
}


def folder_files(folder: Path) -> Files:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def write_folder(files: Files, folder: Path) -> Path:
    for name, body in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(body)
    return folder


def zip_files(path: Path) -> Files:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_zip(files: Files, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return path


def standalone(package: Path, script_from: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-I", "-S", str(script_from), str(package)], capture_output=True, text=True, timeout=120
    )


def found(package: Path) -> set[tuple[str, Finding]]:
    return {(problem.path, problem.finding) for problem in verify_package(package).problems}


@pytest.mark.parametrize("tampering", list(TAMPERINGS))
@pytest.mark.parametrize("fmt", [ExportFormat.FOLDER, ExportFormat.ZIP])
def test_each_tampering_fails_both_verifiers(fmt, tampering, packages, tmp_path):
    change, expected = TAMPERINGS[tampering]
    if fmt is ExportFormat.FOLDER:
        files = folder_files(packages[fmt])
        change(files)
        package = write_folder(files, tmp_path / "DC-20261201-0007")
    else:
        files = zip_files(packages[fmt])
        change(files)
        package = write_zip(files, tmp_path / "DC-20261201-0007.zip")
    assert found(package) == expected
    script = tmp_path / "verify_package.py"  # the original script: a tampered one cannot be trusted to say so
    script.write_bytes(folder_files(packages[ExportFormat.FOLDER])["verify_package.py"])
    result = standalone(package, script)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "发现" in result.stdout and all(path in result.stdout for path, _finding in expected)


def patched_image(image: Path, out: Path, old: bytes, new: bytes) -> Path:
    """The disc image with `old` (found once, in a file's extent) replaced by `new`, same length."""
    body = image.read_bytes()
    assert len(old) == len(new) and body.count(old) == 1
    out.write_bytes(body.replace(old, new))
    return out


def test_a_flipped_byte_or_an_edited_manifest_line_in_the_disc_image_fails_both_verifiers(packages, tmp_path):
    image = packages[ExportFormat.ISO]
    files = folder_files(packages[ExportFormat.FOLDER])
    script = tmp_path / "verify_package.py"
    script.write_bytes(files["verify_package.py"])
    original = files["data/现场录音.WAV"]
    middle = len(original) // 2
    flipped = bytes([original[middle] ^ 1])
    edited = dict(files)
    edit_manifest_line(edited)
    cases = {
        "flip": (
            original[middle - 40 : middle + 40],
            original[middle - 40 : middle] + flipped + original[middle + 1 : middle + 40],
            {("data/现场录音.WAV", Finding.CHANGED)},
        ),
        "manifest": (files["manifest-sm3.txt"], edited["manifest-sm3.txt"], TAMPERINGS["manifest line edited"][1]),
    }
    for name, (old, new, expected) in cases.items():
        tampered = patched_image(image, tmp_path / f"{name}.iso", old, new)
        assert found(tampered) == expected, name
        extracted = tmp_path / name
        extracted.mkdir()
        subprocess.run(["bsdtar", "-xf", str(tampered), "-C", str(extracted)], check=True, timeout=60)
        assert standalone(extracted, script).returncode == 1, name


def test_a_folder_that_is_no_package_is_told_apart(packages, tmp_path):
    (tmp_path / "holiday").mkdir()
    (tmp_path / "holiday" / "photo.jpg").write_bytes(b"jpeg")
    with pytest.raises(EvidenceError) as refused:
        verify_package(tmp_path / "holiday")
    assert refused.value.code == "export_not_a_package"
    script = packages[ExportFormat.FOLDER] / "verify_package.py"
    result = standalone(tmp_path / "holiday", script)
    assert result.returncode == 2 and "不是证据包" in result.stdout


def test_the_standalone_script_checks_its_own_folder_by_default(packages, tmp_path):
    copy = shutil.copytree(packages[ExportFormat.FOLDER], tmp_path / "copy")
    result = subprocess.run(
        [sys.executable, "-I", "-S", "verify_package.py"], cwd=copy, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and str(copy) in result.stdout


def test_the_standalone_script_on_a_python_without_sm3_uses_its_own(packages, tmp_path):
    """hashlib's SM3 hidden, as on a Python whose OpenSSL lacks it: the same verdicts from the built-in SM3."""
    script = packages[ExportFormat.FOLDER] / "verify_package.py"
    hide = (
        "import hashlib, runpy, sys; hashlib.algorithms_available = hashlib.algorithms_available - {'sm3'}; "
        "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')"
    )
    good = subprocess.run(
        [sys.executable, "-I", "-S", "-c", hide, str(script), str(packages[ExportFormat.ZIP])],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert good.returncode == 0 and "本脚本内置实现" in good.stdout, good.stdout + good.stderr
    files = zip_files(packages[ExportFormat.ZIP])
    edit_manifest_line(files)
    bad = subprocess.run(
        [sys.executable, "-I", "-S", "-c", hide, str(script), str(write_zip(files, tmp_path / "bad.zip"))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode == 1 and "data/DSJ_0001.MP4" in bad.stdout
