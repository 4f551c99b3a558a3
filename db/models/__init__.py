"""The archive's tables as typed SQLAlchemy 2 models."""

from db.models.access import AccessGrant, AccessRegisterEntry, AccessRequest, AccessRequestItem, ApprovalStep
from db.models.audit import ArchiveIdentity, AuditChainHead, AuditEvent
from db.models.base import Base
from db.models.clips import Case, Clip, ClipCaseLink, DeviceLogEvent, Marker
from db.models.clocks import ClockCorrection, ClockCorrectionClip, ClockCorrectionEvent, ClockMeasurement
from db.models.evidence import EvidenceExport, EvidenceExportItem
from db.models.ingest import IngestRejection, IngestRun, Upload
from db.models.org import Device, DeviceAssignment, Officer, Unit, User
from db.models.player import MarkerCategory, Still
from db.models.prescreen import PrescreenFinding, PrescreenScan
from db.models.retention import (
    DestructionItem,
    DestructionRequest,
    DestructionStep,
    LegalHold,
    LegalHoldItem,
    RetentionClass,
    RetentionRule,
    RetentionSetting,
    Tombstone,
)
from db.models.server import ApiRequest, ApiSession
from db.models.spotcheck import (
    SeedCommitment,
    SpotCheckAnswer,
    SpotCheckCandidate,
    SpotCheckItem,
    SpotCheckPlan,
    SpotCheckPlanSeed,
    SpotCheckReview,
)
from db.models.statistics import DailyDeviceUse, DailyWorkload, ReportDelivery, ReportTask, StatsDirtyDay

__all__ = [
    "AccessGrant",
    "AccessRegisterEntry",
    "AccessRequest",
    "AccessRequestItem",
    "ApiRequest",
    "ApiSession",
    "ApprovalStep",
    "ArchiveIdentity",
    "AuditChainHead",
    "AuditEvent",
    "Base",
    "Case",
    "Clip",
    "ClipCaseLink",
    "ClockCorrection",
    "ClockCorrectionClip",
    "ClockCorrectionEvent",
    "ClockMeasurement",
    "DailyDeviceUse",
    "DailyWorkload",
    "DestructionItem",
    "DestructionRequest",
    "DestructionStep",
    "Device",
    "DeviceAssignment",
    "DeviceLogEvent",
    "EvidenceExport",
    "EvidenceExportItem",
    "IngestRejection",
    "IngestRun",
    "LegalHold",
    "LegalHoldItem",
    "Marker",
    "MarkerCategory",
    "Officer",
    "PrescreenFinding",
    "PrescreenScan",
    "ReportDelivery",
    "ReportTask",
    "RetentionClass",
    "RetentionRule",
    "RetentionSetting",
    "SeedCommitment",
    "SpotCheckAnswer",
    "SpotCheckCandidate",
    "SpotCheckItem",
    "SpotCheckPlan",
    "SpotCheckPlanSeed",
    "SpotCheckReview",
    "StatsDirtyDay",
    "Still",
    "Tombstone",
    "Unit",
    "Upload",
    "User",
]
