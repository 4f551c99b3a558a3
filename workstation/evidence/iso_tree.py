"""A disc image's files read through pycdlib without extracting, shaped like the standalone verifier's trees.

Names are read from UDF when the image has it (the whole file in one entry, Unicode names; what Windows
shows), else Rock Ridge (POSIX names), else Joliet: our images carry all three over the same bytes.
"""

from pathlib import Path
from typing import IO, cast

import pycdlib


class IsoTree:
    def __init__(self, path: Path) -> None:
        self._iso = pycdlib.PyCdlib()
        self._iso.open(str(path))
        if self._iso.has_udf():
            self._facade = "udf_path"
        elif self._iso.has_rock_ridge():
            self._facade = "rr_path"
        elif self._iso.has_joliet():
            self._facade = "joliet_path"
        else:
            self._facade = "iso_path"

    def files(self) -> dict[str, int]:
        found = {}
        for folder, _folders, names in self._iso.walk(**{self._facade: "/"}):
            for name in names:
                if self._facade == "iso_path":
                    name = name.split(";")[0]
                path = f"{folder.rstrip('/')}/{name}".lstrip("/")
                with self.open(path) as stream:
                    found[path] = stream.seek(0, 2)
        return found

    def open(self, path: str) -> IO[bytes]:
        name = "/" + path + (";1" if self._facade == "iso_path" else "")
        return cast(IO[bytes], self._iso.open_file_from_iso(**{self._facade: name}))

    def close(self) -> None:
        self._iso.close()


def is_iso(path: Path) -> bool:
    """An ISO 9660 image: the primary volume descriptor's "CD001" at byte 32769."""
    try:
        with path.open("rb") as handle:
            handle.seek(32769)
            return handle.read(5) == b"CD001"
    except OSError:
        return False
