"""The tamper-evident audit log (R7): the keyed chain (chain), its keys (keys), anchors outside the database
(anchors), the administration of the keys (key_admin) and the details of a decided approval step
(decisions). `audit.record(...)` is what every service calls."""

from workstation.audit.chain import (
    GENESIS_HASH,
    SESSION_KEYS,
    Progress,
    canonical_details,
    chain_head,
    record,
    row_is_authentic,
    verify_chain,
)
from workstation.audit.decisions import step_decision

__all__ = [
    "GENESIS_HASH",
    "SESSION_KEYS",
    "Progress",
    "canonical_details",
    "chain_head",
    "record",
    "row_is_authentic",
    "step_decision",
    "verify_chain",
]
