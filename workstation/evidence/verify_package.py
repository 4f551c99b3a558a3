#!/usr/bin/env python3
"""检查本证据包是否完整、未被改动 — checks that this evidence package is complete and unchanged.

    python verify_package.py            checks the folder this script is in
    python verify_package.py PATH       checks PATH: a package folder or a .zip of one

Needs only Python 3.8+ and its standard library. Every file under data/ is re-hashed and compared with
both manifests (manifest-sha256.txt, SHA-256; manifest-sm3.txt, SM3 of GB/T 32905), and every other file
at the root with the tag manifests. SM3 comes from Python's hashlib when its OpenSSL has it (OpenSSL 3:
the python.org Windows builds have it), else from the implementation below (slower, same result).
Exit code: 0 everything matches; 1 some file differs, is missing or is extra; 2 not a package.

This file is also the archive's own verifier core (workstation.evidence.verify imports it and adds the
disc image), so what the receiving body runs and what the workstation runs are the same code.
"""

import hashlib
import os
import queue
import struct
import sys
import threading
import zipfile
from typing import IO, Callable, Dict, Iterable, Iterator, List, Optional, Protocol, Sequence, Tuple

CHUNK_BYTES = 4 * 1024 * 1024
QUEUE_DEPTH = 4
ALGORITHMS = ("sha256", "sm3")
MANIFESTS = {algorithm: "manifest-%s.txt" % algorithm for algorithm in ALGORITHMS}
TAG_MANIFESTS = {algorithm: "tagmanifest-%s.txt" % algorithm for algorithm in ALGORITHMS}
PAYLOAD = "data/"

# what was found wrong with one path (the values of workstation.evidence.types.Finding)
CHANGED, MISSING, EXTRA, MANIFEST_MISMATCH, MALFORMED = "changed", "missing", "extra", "manifest_mismatch", "malformed"
FINDING_WORDS = {
    CHANGED: "内容已改变",
    MISSING: "文件缺失",
    EXTRA: "多出的文件",
    MANIFEST_MISMATCH: "两份清单所列文件不同",
    MALFORMED: "清单格式错误",
}

Progress = Callable[[int, int], None]


# --- SM3 (GB/T 32905-2016), for a Python whose OpenSSL lacks it ---

_SM3_IV = (0x7380166F, 0x4914B2B9, 0x172442D7, 0xDA8A0600, 0xA96F30BC, 0x163138AA, 0xE38DEE4D, 0xB0FB0E4E)
_MASK = 0xFFFFFFFF


def _rotl(value: int, count: int) -> int:
    count %= 32
    return ((value << count) | (value >> (32 - count))) & _MASK


_SM3_T = tuple(_rotl(0x79CC4519 if j < 16 else 0x7A879D8A, j) for j in range(64))


class PureSM3:
    """SM3 in plain Python (about 1 MB/s): the same interface as a hashlib object (update, digest, hexdigest)."""

    name = "sm3"
    digest_size = 32
    block_size = 64

    def __init__(self, data: bytes = b"") -> None:
        self._state = list(_SM3_IV)
        self._pending = b""
        self._length = 0
        self.update(data)

    def update(self, data: "bytes | bytearray | memoryview") -> None:
        data = bytes(data)
        self._length += len(data)
        pending = self._pending + data
        whole = len(pending) - len(pending) % 64
        for start in range(0, whole, 64):
            self._compress(pending[start : start + 64])
        self._pending = pending[whole:]

    def copy(self) -> "PureSM3":
        twin = PureSM3()
        twin._state, twin._pending, twin._length = list(self._state), self._pending, self._length
        return twin

    def digest(self) -> bytes:
        twin = self.copy()
        tail = b"\x80" + b"\x00" * ((55 - self._length) % 64) + struct.pack(">Q", self._length * 8)
        pending = twin._pending + tail
        for start in range(0, len(pending), 64):
            twin._compress(pending[start : start + 64])
        return struct.pack(">8I", *twin._state)

    def hexdigest(self) -> str:
        return self.digest().hex()

    def _compress(self, block: bytes) -> None:
        w = list(struct.unpack(">16I", block))
        for j in range(16, 68):
            x = w[j - 16] ^ w[j - 9] ^ _rotl(w[j - 3], 15)
            w.append(x ^ _rotl(x, 15) ^ _rotl(x, 23) ^ _rotl(w[j - 13], 7) ^ w[j - 6])
        a, b, c, d, e, f, g, h = self._state
        for j in range(64):
            a12 = _rotl(a, 12)
            ss1 = _rotl((a12 + e + _SM3_T[j]) & _MASK, 7)
            ss2 = ss1 ^ a12
            if j < 16:
                ff, gg = a ^ b ^ c, e ^ f ^ g
            else:
                ff, gg = (a & b) | (a & c) | (b & c), (e & f) | (~e & g)
            tt1 = (ff + d + ss2 + (w[j] ^ w[j + 4])) & _MASK
            tt2 = (gg + h + ss1 + w[j]) & _MASK
            d, c, b, a = c, _rotl(b, 9), a, tt1
            h, g, f, e = g, _rotl(f, 19), e, tt2 ^ _rotl(tt2, 9) ^ _rotl(tt2, 17)
        self._state = [old ^ new for old, new in zip(self._state, (a, b, c, d, e, f, g, h))]


def new_hash(algorithm: str) -> "hashlib._Hash | PureSM3":
    """A hash object for "sha256" or "sm3" (OpenSSL's when it has it)."""
    if algorithm == "sm3" and "sm3" not in hashlib.algorithms_available:
        return PureSM3()
    return hashlib.new(algorithm)


# --- reading a stream once into several consumers, each on its own thread ---


def fan_out(chunks: Iterable[bytes], consumers: Sequence[Callable[[bytes], None]]) -> None:
    """Hand every chunk to every consumer, in order, each consumer on its own thread.

    hashlib and file writes release the GIL on large buffers, so the hashes (and a write) of one read run
    side by side on several cores. Queues are bounded: memory stays at a few chunks whatever the file size.
    An error in a consumer stops the reading and is raised here; so is an error of the reading.
    """
    queues: List["queue.Queue[Optional[bytes]]"] = [queue.Queue(maxsize=QUEUE_DEPTH) for _ in consumers]
    failures: List[BaseException] = []

    def run(consume: Callable[[bytes], None], inbox: "queue.Queue[Optional[bytes]]") -> None:
        try:
            while True:
                chunk = inbox.get()
                if chunk is None:
                    return
                consume(chunk)
        except BaseException as error:  # handed to the reading thread
            failures.append(error)
            while inbox.get() is not None:  # drain, so the reader never blocks on a full queue
                pass

    threads = [
        threading.Thread(target=run, args=(consume, inbox), name="fan-out", daemon=True)
        for consume, inbox in zip(consumers, queues)
    ]
    for thread in threads:
        thread.start()
    try:
        for chunk in chunks:
            if failures:
                break
            for inbox in queues:
                inbox.put(chunk)
    finally:
        for inbox in queues:
            inbox.put(None)
        for thread in threads:
            thread.join()
    if failures:
        raise failures[0]


def hash_stream(
    stream: IO[bytes], algorithms: Sequence[str], on_bytes: Optional[Callable[[int], None]] = None
) -> Dict[str, str]:
    """The hex digests of everything `stream` holds, read once, each algorithm on its own thread."""
    hashes = [new_hash(algorithm) for algorithm in algorithms]

    def chunks() -> Iterator[bytes]:
        while True:
            chunk = stream.read(CHUNK_BYTES)
            if not chunk:
                return
            if on_bytes is not None:
                on_bytes(len(chunk))
            yield chunk

    fan_out(chunks(), [digest.update for digest in hashes])
    return {algorithm: digest.hexdigest() for algorithm, digest in zip(algorithms, hashes)}


# --- the package's files, from a folder or a zip ---


class Tree(Protocol):
    """A package's files: a folder, a zip (here) or a disc image (workstation.evidence.iso_tree)."""

    def files(self) -> Dict[str, int]:
        """Every file, by its "/"-separated path from the package root, with its size."""

    def open(self, path: str) -> IO[bytes]:
        """The bytes of one file."""

    def close(self) -> None:
        """Release what the tree holds open."""


class NotAPackage(Exception):
    """PATH is no package (no bagit.txt or no manifest-sha256.txt at its root), or cannot be read."""


class FolderTree:
    """A package folder: every regular file under it, by its "/"-separated path relative to it."""

    def __init__(self, root: str) -> None:
        self.root = root

    def files(self) -> Dict[str, int]:
        found = {}
        for folder, _folders, names in os.walk(self.root):
            for name in names:
                full = os.path.join(folder, name)
                relative = os.path.relpath(full, self.root).replace(os.sep, "/")
                found[relative] = os.path.getsize(full)
        return found

    def open(self, path: str) -> IO[bytes]:
        return open(os.path.join(self.root, *path.split("/")), "rb")

    def close(self) -> None:
        """Nothing held open."""


class ZipTree:
    """A .zip of a package (the package's root files at the zip's root), read without extracting."""

    def __init__(self, path: str) -> None:
        self._zip = zipfile.ZipFile(path)

    def files(self) -> Dict[str, int]:
        return {info.filename: info.file_size for info in self._zip.infolist() if not info.is_dir()}

    def open(self, path: str) -> IO[bytes]:
        return self._zip.open(path)

    def close(self) -> None:
        self._zip.close()


# --- the check ---


def _unescape(path: str) -> str:
    """A manifest path as written in RFC 8493 (CR, LF and % percent-encoded)."""
    return path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def parse_manifest(text: bytes, algorithm: str) -> Optional[Dict[str, str]]:
    """{path: hex} of a manifest, or None if any line is not "<hex>  <path>" with a hex of the right length."""
    width = 2 * new_hash(algorithm).digest_size
    entries = {}
    try:
        lines = text.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return None
    for line in lines:
        if not line.strip():
            continue
        digest, _, path = line.partition(" ")
        path = _unescape(path.lstrip(" "))
        parts = path.split("/")
        if len(digest) != width or any(ch not in "0123456789abcdefABCDEF" for ch in digest):
            return None
        if not path or path in entries or "" in parts or ".." in parts or "." in parts:
            return None
        entries[path] = digest.lower()
    return entries


class Report:
    """What the check found: how much it read, and every problem as (path, finding, detail)."""

    def __init__(self) -> None:
        self.files_checked = 0
        self.bytes_checked = 0
        self.problems: List[Tuple[str, str, str]] = []

    def add(self, path: str, finding: str, detail: str = "") -> None:
        self.problems.append((path, finding, detail))


def check(tree: Tree, progress: Optional[Progress] = None) -> Report:
    """Re-hash every file of the package in `tree` against both manifests and the tag manifests."""
    present = tree.files()
    if "bagit.txt" not in present or MANIFESTS["sha256"] not in present:
        raise NotAPackage()
    report = Report()
    manifests: Dict[str, Dict[str, str]] = {}
    tag_manifests: Dict[str, Dict[str, str]] = {}
    for algorithm in ALGORITHMS:
        for kind, found in ((MANIFESTS, manifests), (TAG_MANIFESTS, tag_manifests)):
            name = kind[algorithm]
            if name not in present:
                report.add(name, MISSING)
                continue
            with tree.open(name) as stream:
                entries = parse_manifest(stream.read(), algorithm)
            if entries is None or (kind is TAG_MANIFESTS and any("/" in path for path in entries)):
                report.add(name, MALFORMED)
            elif kind is MANIFESTS and any(not path.startswith(PAYLOAD) for path in entries):
                report.add(name, MALFORMED, "lists a file outside data/")
            else:
                found[algorithm] = entries
    listed = _compare_lists(manifests, report)
    tag_listed = _compare_lists(tag_manifests, report)
    expected = dict(listed)
    expected.update(tag_listed)
    for path in sorted(set(expected) - set(present)):
        report.add(path, MISSING)
    unlisted_root = set(MANIFESTS.values()) | set(TAG_MANIFESTS.values())
    for path in sorted(set(present) - set(expected)):
        if path not in unlisted_root:
            report.add(path, EXTRA)
    to_hash = sorted(path for path in expected if path in present)
    total = sum(present[path] for path in to_hash)
    done = [0]

    def advance(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress(done[0], total)

    for path in to_hash:
        wanted = expected[path]
        with tree.open(path) as stream:
            digests = hash_stream(stream, sorted(wanted), advance)
        report.files_checked += 1
        report.bytes_checked += present[path]
        for algorithm in sorted(wanted):
            if digests[algorithm] != wanted[algorithm]:
                report.add(path, CHANGED, "%s %s, listed %s" % (algorithm, digests[algorithm], wanted[algorithm]))
    return report


def _compare_lists(manifests: Dict[str, Dict[str, str]], report: Report) -> Dict[str, Dict[str, str]]:
    """{path: {algorithm: hex}} over the manifests given; a path some list and others do not is reported."""
    merged: Dict[str, Dict[str, str]] = {}
    for algorithm, entries in manifests.items():
        for path, digest in entries.items():
            merged.setdefault(path, {})[algorithm] = digest
    if len(manifests) > 1:
        for path, digests in sorted(merged.items()):
            if len(digests) != len(manifests):
                absent = sorted(set(manifests) - set(digests))
                report.add(path, MANIFEST_MISMATCH, "not in the %s manifest" % ", ".join(absent))
    return merged


def open_tree(path: str) -> Tree:
    """The package at path (a folder or a .zip); NotAPackage if it is neither."""
    if os.path.isdir(path):
        return FolderTree(path)
    if os.path.isfile(path) and zipfile.is_zipfile(path):
        return ZipTree(path)
    raise NotAPackage()


def main(argv: Optional[Sequence[str]] = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    target = arguments[0] if arguments else os.path.dirname(os.path.abspath(__file__))
    try:
        tree = open_tree(target)
        try:
            report = check(tree)
        finally:
            tree.close()
    except (NotAPackage, OSError, zipfile.BadZipFile):
        print("“%s” 不是证据包（根目录下应有 bagit.txt 与 manifest-sha256.txt），或无法读取。" % target)
        return 2
    sm3_source = "OpenSSL" if "sm3" in hashlib.algorithms_available else "本脚本内置实现"
    print("证据包：%s" % target)
    print(
        "已校验 %d 个文件，共 %d 字节（SHA-256 与 SM3，SM3 由%s计算）。"
        % (report.files_checked, report.bytes_checked, sm3_source)
    )
    if not report.problems:
        print("结论：全部文件与清单一致，证据包完整、未被改动。")
        return 0
    print("结论：发现 %d 处不一致，证据包不完整或已被改动：" % len(report.problems))
    for path, finding, detail in report.problems:
        print("  %s：%s%s" % (FINDING_WORDS[finding], path, "（%s）" % detail if detail else ""))
    return 1


if __name__ == "__main__":
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    sys.exit(main())
