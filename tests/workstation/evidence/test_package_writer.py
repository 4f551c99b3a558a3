"""The package writer: a package of real files in each format verifies with our verifier, with the standalone
script run by a real Python, and (folder) with the Library of Congress's bagit; the zip and disc image list and
extract with standard tools and hold the same bytes; refusals leave nothing at the target."""

import hashlib
import itertools
import subprocess
import sys
import zipfile
from pathlib import Path

import bagit
import pytest

from tests.workstation.evidence.plans import open_file, plan_of
from workstation.evidence.errors import EvidenceError, ExportCancelled
from workstation.evidence.package import write_package
from workstation.evidence.sm3 import new_sm3
from workstation.evidence.types import ExportFormat
from workstation.evidence.verify import verify_package

REPO = Path(__file__).resolve().parents[3]
ROOT_FILES = {
    "bagit.txt",
    "bag-info.txt",
    "manifest-sha256.txt",
    "manifest-sm3.txt",
    "tagmanifest-sha256.txt",
    "tagmanifest-sm3.txt",
    "README.txt",
    "verify_package.py",
    "提取固定清单.xlsx",
    "提取固定清单.pdf",
}


def target(tmp_path: Path, fmt: ExportFormat) -> Path:
    return tmp_path / "medium" / ("DC-20261201-0007" + ("" if fmt is ExportFormat.FOLDER else f".{fmt}"))


def run_standalone(folder_or_zip: Path, script: Path) -> subprocess.CompletedProcess[str]:
    """The package's own verify_package.py, by a Python with nothing but its standard library (-I -S)."""
    return subprocess.run(
        [sys.executable, "-I", "-S", str(script), str(folder_or_zip)], capture_output=True, text=True, timeout=120
    )


def extracted(package: Path, into: Path) -> Path:
    """The zip or disc image extracted by bsdtar (libarchive: reads Rock Ridge / Joliet names)."""
    into.mkdir()
    subprocess.run(["bsdtar", "-xf", str(package), "-C", str(into)], check=True, timeout=120)
    return into


def files_under(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_a_package_in_each_format_verifies_three_ways_and_holds_the_originals_byte_for_byte(fmt, originals, tmp_path):
    plan = plan_of(originals)
    out = target(tmp_path, fmt)
    out.parent.mkdir()
    seen: list[tuple[int, int]] = []
    outcome = write_package(plan, open_file, out, fmt, lambda done, total: seen.append((done, total)), None)

    assert out.exists() and not out.with_name(out.name + ".partial").exists()
    assert sorted(path.name for path in out.parent.iterdir()) == [out.name]
    assert (outcome.format, outcome.package_name) == (fmt, out.name)
    for written, original in zip(outcome.files, originals, strict=True):
        sm3 = new_sm3()
        sm3.update(original.read_bytes())
        assert (written.sha256, written.sm3) == (hashlib.sha256(original.read_bytes()).hexdigest(), sm3.hexdigest())
    verification = verify_package(out)
    assert verification.ok, verification.problems
    assert verification.files_checked == len(ROOT_FILES) - 2 + len(originals) + 2  # + still and its label

    folder = out if fmt is ExportFormat.FOLDER else extracted(out, tmp_path / "extracted")
    content = files_under(folder)
    assert {name for name in content if "/" not in name} == ROOT_FILES
    for original in originals:
        assert content[f"data/{original.name}"] == original.read_bytes()
    assert content["data/derived/截图_1.png"] == plan.derived[0].content
    assert "不是原始证据" in content["data/derived/说明.txt"].decode("utf-8")
    manifest = content["manifest-sha256.txt"]
    assert hashlib.sha256(manifest).hexdigest() == outcome.manifest_sha256
    assert f"{hashlib.sha256(originals[2].read_bytes()).hexdigest()}  data/执法现场_录音.WAV\n".encode() in manifest
    bag_info = content["bag-info.txt"].decode("utf-8")
    assert (
        "External-Identifier: DC-20261201-0007\n" in bag_info and "Receiving-Organization: 某市人民检察院" in bag_info
    )
    payload = sum(len(body) for name, body in content.items() if name.startswith("data/"))
    assert f"Payload-Oxum: {payload}.5\n" in bag_info and outcome.payload_bytes == payload

    standalone = run_standalone(out if fmt is not ExportFormat.ISO else folder, folder / "verify_package.py")
    assert standalone.returncode == 0, standalone.stdout + standalone.stderr
    assert "全部文件与清单一致" in standalone.stdout
    bag = bagit.Bag(str(folder))
    bag.validate()  # the sha256 manifest and tag manifest (bagit-python does not know SM3)
    assert "sha256" in bag.algorithms

    totals = {total for _done, total in seen}
    assert len(totals) == 1 and seen[-1][0] == totals.pop()
    steps = [later[0] - earlier[0] for earlier, later in itertools.pairwise(seen)]
    assert max(steps) <= 8 * 1024 * 1024  # progress at least every few MiB


def test_the_zip_is_stored_with_utf8_names_and_lists_with_unzip(originals, tmp_path):
    out = target(tmp_path, ExportFormat.ZIP)
    write_package(plan_of(originals), open_file, out, ExportFormat.ZIP, None, None)
    with zipfile.ZipFile(out) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    assert all(info.compress_type == zipfile.ZIP_STORED for info in infos.values())
    assert infos["data/执法现场_录音.WAV"].flag_bits & 0x800  # the UTF-8 name flag
    listing = subprocess.run(["unzip", "-l", str(out)], capture_output=True, text=True, check=True, timeout=60)
    assert "data/执法现场_录音.WAV" in listing.stdout and "提取固定清单.pdf" in listing.stdout


def test_the_disc_image_carries_chinese_names_in_joliet_rock_ridge_and_udf(originals, tmp_path):
    import pycdlib

    out = target(tmp_path, ExportFormat.ISO)
    write_package(plan_of(originals), open_file, out, ExportFormat.ISO, None, None)
    listing = subprocess.run(["bsdtar", "-tf", str(out)], capture_output=True, text=True, check=True, timeout=60)
    assert "data/执法现场_录音.WAV" in listing.stdout.splitlines()
    iso = pycdlib.PyCdlib()
    iso.open(str(out))
    try:
        assert iso.has_joliet() and iso.has_rock_ridge() and iso.has_udf()
        for facade in ("joliet_path", "rr_path", "udf_path"):
            with iso.open_file_from_iso(**{facade: "/data/执法现场_录音.WAV"}) as stream:
                assert stream.read() == originals[2].read_bytes(), facade
    finally:
        iso.close()


def test_an_original_whose_bytes_changed_is_refused_and_nothing_appears_at_the_target(originals, tmp_path):
    plan = plan_of(originals)
    with originals[1].open("r+b") as handle:  # the archive's file changed after its hash was recorded
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 1]))
    out = target(tmp_path, ExportFormat.FOLDER)
    with pytest.raises(EvidenceError) as refused:
        write_package(plan, open_file, out, ExportFormat.FOLDER, None, None)
    assert (refused.value.code, refused.value.data["clip_id"]) == ("export_source_changed", 2)
    assert refused.value.data["name"] == originals[1].name
    assert not out.exists()
    staged = out.with_name(out.name + ".partial") / "package" / "data" / originals[1].name
    assert not staged.exists()  # the changed bytes are not kept, and never journaled
    assert originals[1].exists()  # the original is never touched


def test_an_existing_target_is_refused_untouched(originals, tmp_path):
    out = target(tmp_path, ExportFormat.ZIP)
    out.parent.mkdir()
    out.write_bytes(b"someone's file")
    with pytest.raises(EvidenceError) as refused:
        write_package(plan_of(originals), open_file, out, ExportFormat.ZIP, None, None)
    assert refused.value.code == "export_out_exists" and out.read_bytes() == b"someone's file"
    assert not out.with_name(out.name + ".partial").exists()


def test_an_unwritable_target_is_a_clear_error(originals, tmp_path):
    (tmp_path / "not-a-folder").write_bytes(b"")
    out = tmp_path / "not-a-folder" / "DC-20261201-0007"
    with pytest.raises(EvidenceError) as refused:
        write_package(plan_of(originals), open_file, out, ExportFormat.FOLDER, None, None)
    assert refused.value.code == "export_out_unwritable" and refused.value.data["folder"] == str(out.parent)


def test_a_file_too_big_for_the_medium_is_a_clear_error_and_the_staging_is_kept(originals, tmp_path):
    """A write past the file-size limit fails with EFBIG, as on a FAT32 drive (4 GiB): a real process with
    RLIMIT_FSIZE below the largest original."""
    out = target(tmp_path, ExportFormat.FOLDER)
    out.parent.mkdir()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.workstation.evidence.export_runner",
            str(out),
            "folder",
            "-1",
            str(4 * 1024 * 1024),
            "--",
            *map(str, originals),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stdout.strip()) == (3, "error export_file_too_big"), run.stderr
    assert not out.exists() and out.with_name(out.name + ".partial").is_dir()
    write_package(plan_of(originals), open_file, out, ExportFormat.FOLDER, None, None)  # a bigger medium
    assert verify_package(out).ok


def test_cancel_keeps_what_was_written_and_the_next_run_reads_only_the_rest(originals, tmp_path):
    plan = plan_of(originals)
    out = target(tmp_path, ExportFormat.ISO)
    out.parent.mkdir()
    done = [0]

    def progress(count: int, _total: int) -> None:
        done[0] = count

    with pytest.raises(ExportCancelled):
        write_package(plan, open_file, out, ExportFormat.ISO, progress, lambda: done[0] > 2 * 1024 * 1024)
    assert not out.exists()

    opened = []

    def recording(viewing):
        opened.append(viewing.clip_id)
        return open_file(viewing)

    write_package(plan, recording, out, ExportFormat.ISO, None, None)
    assert verify_package(out).ok
    assert 3 in opened and len(opened) < 3  # the clips journaled before the cancel were not read again


def test_an_unreadable_original_is_a_clear_error_and_the_rest_is_kept_for_the_next_run(originals, tmp_path):
    plan = plan_of(originals)
    hidden = originals[2].rename(tmp_path / "elsewhere.WAV")  # the share lost the file for a while
    out = target(tmp_path, ExportFormat.FOLDER)
    with pytest.raises(EvidenceError) as refused:
        write_package(plan, open_file, out, ExportFormat.FOLDER, None, None)
    assert (refused.value.code, refused.value.data["clip_id"]) == ("export_source_unreadable", 3)
    assert not out.exists()
    hidden.rename(originals[2])
    write_package(plan, open_file, out, ExportFormat.FOLDER, None, None)
    assert verify_package(out).ok
