"""Real media files behind the rows of tests.helpers.access_builders, for exports that read originals."""

import hashlib
import random

from sqlalchemy import select

from db.models import Clip
from workstation.archive import Archive


def give_media(archive: Archive, clip_ids: list[int], size: int = 300_000, seed: int = 15) -> dict[int, bytes]:
    """Write a file of `size` random bytes for each clip at its media path, and set the clip's hash and size to
    the file's (as ingest would have); returns the bytes by clip id."""
    generator = random.Random(seed)
    contents = {}
    with archive.sessions.write() as session:
        for clip in session.execute(select(Clip).where(Clip.id.in_(clip_ids))).scalars():
            content = generator.randbytes(size + clip.id)
            path = archive.absolute_path(clip.media_path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            clip.sha256, clip.size_bytes = hashlib.sha256(content).hexdigest(), len(content)
            contents[clip.id] = content
    return contents
