"""Looking after the audit keys: rotation, a backup copy, and restoring one. Each step is in the chain.

These run where the keys are (the server's machine, or the account that owns an embedded archive), never
over the network: the keys do not leave the key store except into a backup file the administrator asked for.
- Rotation adds a key and makes it current; old keys stay, since they verify the rows written under them.
  The new key is saved before `audit.key_rotated` is written under it.
- A backup (`export_keys`) is a key file (workstation.audit.keys.FileKeyStore format) for this archive.
- Restoring (`import_keys`) takes an archive's keys from such a file into the configured store, only if the
  store has none for it and the keys verify the last row written under each of them, so a wrong or forged
  key file is refused.
"""

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditChainHead, AuditEvent
from db.session import Sessions
from workstation.audit import chain
from workstation.audit.keys import ArchiveKeys, AuditKeys, FileKeyStore, archive_id
from workstation.errors import AuditKeyUnavailable


def rotate_key(sessions: Sessions, keys: ArchiveKeys, actor: str) -> str:
    """Make a new key current; returns its id."""
    with sessions.write() as session:
        session.execute(select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update())
        old = keys.for_writing(session)
        new = old.rotated()
        keys.replace(new)
        chain.record(session, actor, "audit.key_rotated", "audit", "-", {"from": old.current, "to": new.current})
    return new.current


def export_keys(sessions: Sessions, keys: ArchiveKeys, path: Path, actor: str) -> None:
    """Write a backup of the archive's keys to the key file `path` (added to it if it holds other archives')."""
    with sessions.write() as session:
        FileKeyStore(path).save(keys.for_writing(session))
        chain.record(session, actor, "audit.key_exported", "audit", "-", {"to": str(path)})


def import_keys(sessions: Sessions, keys: ArchiveKeys, path: Path, actor: str) -> None:
    """Restore the archive's keys from a backup key file into the configured store."""
    with sessions.write() as session:
        identity = archive_id(session)
        offered = FileKeyStore(path).load(identity)
        if offered is None:
            raise AuditKeyUnavailable("audit_key_not_in_file", where=str(path), archive=identity)
        if keys.store().load(identity) is not None:
            raise AuditKeyUnavailable("audit_key_exists", where=keys.store().where, archive=identity)
        _check_against_chain(session, offered, str(path))
        keys.replace(offered)
        chain.record(session, actor, "audit.key_imported", "audit", "-", {"from": str(path)})


def _check_against_chain(session: Session, offered: AuditKeys, where: str) -> None:
    """The last row written under each key must verify under the offered secret of that id."""
    used = select(AuditEvent.key_id).where(AuditEvent.key_id.is_not(None)).distinct()
    for key_id in filter(None, session.execute(used).scalars()):
        row = session.execute(
            select(AuditEvent).where(AuditEvent.key_id == key_id).order_by(AuditEvent.seq.desc()).limit(1)
        ).scalar_one()
        if not chain.authentic_under(offered, row):
            raise AuditKeyUnavailable("audit_key_does_not_match", where=where, key=key_id)
