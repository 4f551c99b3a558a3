"""`LocalClient`: the archive client in this process, over an open `Archive` (see workstation.client).

Each method opens its own session — a read session to read, a write session (one transaction) to change —
and calls the service as `who`. Calls come from one thread at a time (the window's archive thread), which
is what the one remembered clip scope relies on.
"""

import tempfile
import threading
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session

from player.media.byte_source import ByteSource, FileByteSource
from player.media.thumbnails import thumbnail as make_thumbnail
from workstation import clock, config, integrity, permissions
from workstation.access import audit_viewer, register, requests
from workstation.access.types import AccessRequestRow, AccessRequestSpec, AuditFilter, RegisterRow, Viewing
from workstation.archive import Archive
from workstation.client import ArchiveClient
from workstation.errors import ClipDestroyed, PermissionDenied
from workstation.evidence import exports as evidence_exports
from workstation.evidence import ledger as evidence_ledger
from workstation.evidence import requests as evidence_requests
from workstation.evidence.types import ExportPlan, ExportRow, ExportSpec, Handover, PackageOutcome
from workstation.footage import browse, cases, clips, clocks, markers, officer_day, stills
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.naming import patterns_from_settings
from workstation.footage.types import (
    CaseKind,
    ClipDetail,
    ClipFilter,
    ClipOrder,
    ClipRow,
    ClockCorrectionRow,
    ClockMeasurementRow,
    ClockMeasurementSpec,
    DayNode,
    IngestProgress,
    IngestReport,
    MarkerCategoryRow,
    MarkerRow,
    OfficerDay,
    OfficerNode,
    PageCursor,
    RecorderClock,
    StillRow,
    UnitNode,
)
from workstation.identity import Identity
from workstation.integrity.types import ReconcileReport
from workstation.org import devices, user_admin
from workstation.org.types import DeviceRow, HolderPeriod, OfficerRow, UserRow
from workstation.prescreen import day as prescreen_day
from workstation.prescreen import queries as prescreen_queries
from workstation.prescreen import review as prescreen_review
from workstation.prescreen import scan as prescreen_scan
from workstation.prescreen.types import Finding, FindingFigure, FindingFilter, ScanProgress, ScanReport
from workstation.retention import destruction, execution, expiry, explain, forms, holds, policy_change
from workstation.retention.types import (
    ClipRetention,
    DestructionRequestRow,
    DestructionSpec,
    ExecutionReport,
    HoldRow,
    PolicyDryRun,
    PolicyView,
    Profile,
    QueueRow,
    RetentionChange,
    SiteCategory,
    UnitExpiry,
)
from workstation.spotcheck import ledger, plans, queue, reviews, verify
from workstation.spotcheck.policy import LEDGER_ROLES, units_in_charge
from workstation.spotcheck.types import (
    AutomaticFacts,
    DrawOutcome,
    DrawSpec,
    LedgerExport,
    LedgerFilter,
    LedgerRow,
    OfficerProgress,
    PlanRow,
    PlanVerification,
    ReviewInput,
    SampleItemRow,
)
from workstation.statistics import access as statistics_access
from workstation.statistics import daily as statistics_daily
from workstation.statistics import devices as statistics_devices
from workstation.statistics import findings as statistics_findings
from workstation.statistics import reports as statistics_reports
from workstation.statistics import spotchecks as statistics_spotchecks
from workstation.statistics import tasks as report_tasks
from workstation.statistics import workload as statistics_workload
from workstation.statistics.types import (
    AccessReport,
    DeviceReport,
    PrescreenReport,
    ReportFormat,
    ReportKind,
    ReportTaskRow,
    ReportTaskSpec,
    SpotCheckReport,
    StatsQuery,
    WorkloadReport,
)
from workstation.types import AuditEventRow, AuditVerification, ChainAnchor, ClipScope, FileType, MediaStatus, UnitRow

_T = TypeVar("_T")


class LocalClient:
    """`ArchiveClient` over `archive`, acting as `who`; thumbnails are cached in `thumbnail_cache` (None: not
    kept). `thumbnail` may also be called from another thread (the browser makes them on its file pool)."""

    def __init__(self, archive: Archive, who: Identity, thumbnail_cache: Path | None = None) -> None:
        self.archive = archive
        self.thumbnail_cache = thumbnail_cache
        self._who = who
        self._scope: ClipScope | None = None  # the clip query's scope, worked out by first_clip_page

    @property
    def who(self) -> Identity:
        return self._who

    def _read(self, work: Callable[[Session], _T]) -> _T:
        with self.archive.sessions.read() as session:
            return work(session)

    def _write(self, work: Callable[[Session], _T]) -> _T:
        with self.archive.sessions.write() as session:
            return work(session)

    # --- the archive browser ---

    def first_clip_page(self, criteria: ClipFilter, order: ClipOrder, limit: int) -> list[ClipRow]:
        def work(session: Session) -> list[ClipRow]:
            self._scope = permissions.clip_scope(session, self.who)
            return clips.list_clips(session, criteria, limit=limit, order=order, scope=self._scope)

        return self._read(work)

    def clip_page(
        self, criteria: ClipFilter, order: ClipOrder, limit: int, after: PageCursor | None = None, offset: int = 0
    ) -> list[ClipRow]:
        def work(session: Session) -> list[ClipRow]:
            scope = self._query_scope(session)
            if after is not None:
                return clips.list_clips(session, criteria, limit=limit, after=after, scope=scope)
            return clips.list_clips(session, criteria, limit=limit, order=order, offset=offset, scope=scope)

        return self._read(work)

    def count_clips(self, criteria: ClipFilter) -> int:
        return self._read(lambda session: clips.count_clips(session, criteria, scope=self._query_scope(session)))

    def _query_scope(self, session: Session) -> ClipScope:
        if self._scope is None:  # no query begun: work it out now
            self._scope = permissions.clip_scope(session, self.who)
        return self._scope

    def get_clips(self, clip_ids: Sequence[int]) -> list[ClipRow]:
        return self._read(lambda session: clips.visible_clips(session, self.who, clip_ids))

    def clip_detail(self, clip_id: int) -> ClipDetail | None:
        return self._read(lambda session: clips.clip_detail(session, clip_id, self.who))

    def set_important(self, clip_ids: Sequence[int], important: bool) -> int:
        return self._write(lambda session: clips.set_important(session, self.who, clip_ids, important))

    def link_case(
        self, clip_ids: Sequence[int], case_no: str, kind: CaseKind, party: str, handler: str, title: str
    ) -> int:
        return self._write(
            lambda session: cases.link_clips(session, self.who, clip_ids, case_no, kind, party, handler, title)
        )

    def ingest(
        self,
        sources: Sequence[Path],
        station: str,
        clear_source: bool,
        cancel: threading.Event,
        progress: Callable[[IngestProgress], None],
    ) -> IngestReport:
        patterns = patterns_from_settings(config.load_settings())
        options = IngestOptions(
            who=self.who, station=station, clear_source=clear_source, patterns=patterns, cancel=cancel
        )
        return ingest(self.archive, sources, options, progress=progress)

    def tree_units(self) -> list[UnitNode]:
        return self._read(lambda session: browse.units(session, permissions.clip_scope(session, self.who)))

    def tree_officers(self, unit_id: int | None) -> list[OfficerNode]:
        return self._read(
            lambda session: browse.officers_of(session, unit_id, permissions.clip_scope(session, self.who))
        )

    def tree_days(self, officer_id: int) -> list[DayNode]:
        return self._read(
            lambda session: browse.days_of(session, officer_id, permissions.clip_scope(session, self.who))
        )

    # --- playback ---

    def officer_day(self, badge_no: str, day: date) -> OfficerDay:
        return self._read(lambda session: officer_day.officer_day(session, badge_no, day))

    def marker_categories(self) -> list[MarkerCategoryRow]:
        return self._read(lambda session: markers.list_categories(session, include_retired=True))

    def list_markers(self, clip_ids: Sequence[int]) -> list[MarkerRow]:
        return self._read(lambda session: markers.list_markers(session, clip_ids))

    def add_marker(self, clip_id: int, start_ms: int, end_ms: int | None, category: str, note: str) -> MarkerRow:
        return self._write(
            lambda session: markers.add_marker(session, self.who, clip_id, start_ms, end_ms, category, note)
        )

    def update_marker(
        self, marker_id: int, *, start_ms: int, end_ms: int | None, category: str, note: str
    ) -> MarkerRow:
        return self._write(
            lambda session: markers.update_marker(
                session, self.who, marker_id, start_ms=start_ms, end_ms=end_ms, category=category, note=note
            )
        )

    def delete_marker(self, marker_id: int) -> None:
        self._write(lambda session: markers.delete_marker(session, self.who, marker_id))

    def record_still(self, clip_id: int, position_ms: int, png: bytes) -> StillRow:
        return self._write(lambda session: stills.record_still(session, self.who, clip_id, position_ms, png))

    def start_viewing(self, clip_id: int) -> Viewing:
        return register.start_viewing(self.archive.sessions, self.who, clip_id)

    def finish_viewing(self, entry_id: int, played_ms: int | None) -> None:
        register.finish_viewing(self.archive.sessions, self.who, entry_id, played_ms)

    def media_source(self, viewing: Viewing) -> ByteSource:
        return FileByteSource(self.archive.absolute_path(viewing.media_path), root=self.archive.media_root)

    def thumbnail(self, clip_id: int) -> bytes | None:
        rows = self.get_clips([clip_id])
        if not rows:
            raise PermissionDenied("clip_action", clip_id=clip_id, action="view")
        row = rows[0]
        if row.media_status is MediaStatus.DESTROYED:
            raise ClipDestroyed("clip_destroyed", clip_id=clip_id)
        if row.file_type not in (FileType.VIDEO, FileType.PHOTO):
            return None
        source = self.archive.absolute_path(row.media_path)
        with tempfile.TemporaryDirectory(prefix="thumbnail-") as scratch:  # where it is made when none is kept
            made = make_thumbnail(source, row.file_type.value, row.sha256, self.thumbnail_cache or Path(scratch))
            return made.read_bytes() if made else None

    # --- viewing requests and approvals ---

    def submit_request(self, spec: AccessRequestSpec) -> AccessRequestRow:
        return requests.submit(self.archive.sessions, self.who, spec)

    def approve_request(self, request_id: int, comment: str) -> AccessRequestRow:
        return requests.approve(self.archive.sessions, self.who, request_id, comment)

    def reject_request(self, request_id: int, comment: str) -> AccessRequestRow:
        return requests.reject(self.archive.sessions, self.who, request_id, comment)

    def revoke_request(self, request_id: int, comment: str) -> AccessRequestRow:
        return requests.revoke(self.archive.sessions, self.who, request_id, comment)

    def inbox(self) -> list[AccessRequestRow]:
        return self._read(lambda session: requests.inbox(session, self.who))

    def inbox_count(self) -> int:
        return self._read(lambda session: requests.inbox_count(session, self.who))

    def my_requests(self) -> list[AccessRequestRow]:
        return self._read(lambda session: requests.list_requests(session, self.who))

    # --- retention (保存期限) ---

    def retention_policy(self) -> PolicyView:
        return self._read(policy_change.view_policy)

    def retention_dry_run(self, changes: dict[str, str | None], profile: Profile | None) -> PolicyDryRun:
        return self._read(lambda session: policy_change.dry_run(session, self.who, changes, profile, _today()))

    def change_retention_policy(
        self, changes: dict[str, str | None], profile: Profile | None, reason: str
    ) -> PolicyDryRun:
        return self._write(lambda session: policy_change.apply(session, self.who, changes, profile, reason, _today()))

    def clip_retention(self, clip_id: int) -> ClipRetention:
        return self._read(lambda session: explain.clip_retention(session, self.who, clip_id))

    def set_site_category(self, clip_id: int, site: SiteCategory | None, reason: str) -> RetentionChange | None:
        return self._write(lambda session: clips.set_site_category(session, self.who, clip_id, site, reason))

    def expiry_summary(self) -> list[UnitExpiry]:
        return self._read(lambda session: expiry.expiry_summary(session, self.who, _today()))

    def expiry_queue(self, horizon_days: int, unit_code: str | None, limit: int, offset: int) -> list[QueueRow]:
        return self._read(
            lambda session: expiry.expiry_queue(session, self.who, _today(), horizon_days, unit_code, limit, offset)
        )

    def legal_holds(self, include_released: bool) -> list[HoldRow]:
        return self._read(lambda session: holds.list_holds(session, self.who, include_released))

    def place_hold(self, clip_ids: Sequence[int], reason: str) -> HoldRow:
        return self._write(lambda session: holds.place_hold(session, self.who, clip_ids, reason))

    def release_hold(self, hold_id: int, reason: str) -> HoldRow:
        return self._write(lambda session: holds.release_hold(session, self.who, hold_id, reason))

    # --- audit log and access register ---

    def audit_events(self, criteria: AuditFilter, limit: int) -> list[AuditEventRow]:
        return self._read(lambda session: audit_viewer.list_events(session, self.who, criteria, limit=limit))

    def audit_actions(self) -> list[str]:
        return self._read(lambda session: audit_viewer.actions(session, self.who))

    def verify_audit(self, anchors: list[ChainAnchor], since: ChainAnchor | None) -> AuditVerification:
        return self._read(lambda session: audit_viewer.verify(session, self.who, anchors, since))

    def reconcile_audit(self) -> ReconcileReport:
        return self._read(lambda session: integrity.reconcile(session, self.who))

    def export_audit(self, criteria: AuditFilter, path: Path) -> int:
        return audit_viewer.export_events(self.archive.sessions, self.who, criteria, path)

    def register_rows(self, criteria: AuditFilter, limit: int) -> list[RegisterRow]:
        return self._read(lambda session: register.list_register(session, self.who, criteria, limit=limit))

    def export_register(self, criteria: AuditFilter, path: Path) -> int:
        return register.export_register(self.archive.sessions, self.who, criteria, path)

    # --- the spot check and its ledger ---

    def check_units(self) -> list[UnitRow]:
        return self._read(lambda session: units_in_charge(session, self.who))

    def draw_plans(self, spec: DrawSpec, due_days: int) -> list[DrawOutcome]:
        return plans.draw_plans(self.archive.sessions, spec, self.who, due_days=due_days)

    def redraw_plan(self, plan_id: int, reason: str, spec: DrawSpec | None, due_days: int) -> PlanRow:
        return plans.redraw(self.archive.sessions, plan_id, reason, self.who, spec=spec, due_days=due_days)

    def list_plans(self, day_from: date, day_to: date, unit_code: str | None = None) -> list[PlanRow]:
        return self._read(lambda session: plans.list_plans(session, self.who, day_from, day_to, unit_code))

    def get_plan(self, plan_id: int) -> PlanRow:
        return self._read(lambda session: plans.get_plan(session, self.who, plan_id))

    def verify_plan(self, plan_id: int) -> PlanVerification:
        return self._read(lambda session: verify.verify_plan(session, self.who, plan_id))

    def plan_items(self, plan_id: int) -> list[SampleItemRow]:
        return self._read(lambda session: plans.plan_items(session, self.who, plan_id))

    def review_queue(self) -> list[SampleItemRow]:
        return self._read(lambda session: queue.queue(session, self.who))

    def claim(self, item_id: int | None, claim_minutes: int) -> SampleItemRow | None:
        return queue.claim(self.archive.sessions, self.who, item_id, claim_minutes=claim_minutes)

    def release(self, item_id: int) -> bool:
        return queue.release(self.archive.sessions, self.who, item_id)

    def check_progress(self, day_from: date, day_to: date) -> list[OfficerProgress]:
        return self._read(lambda session: queue.overview(session, self.who, day_from, day_to))

    def item_facts(self, item_id: int) -> AutomaticFacts:
        return self._read(lambda session: reviews.item_facts(session, self.who, item_id))

    def submit_review(self, item_id: int, review: ReviewInput, min_coverage_bp: int) -> LedgerRow:
        return reviews.submit_review(self.archive.sessions, self.who, item_id, review, min_coverage_bp=min_coverage_bp)

    def ledger_units(self) -> list[UnitRow]:
        return self._read(lambda session: units_in_charge(session, self.who, LEDGER_ROLES))

    def ledger_rows(self, criteria: LedgerFilter, limit: int) -> list[LedgerRow]:
        return self._read(lambda session: ledger.list_ledger(session, self.who, criteria, limit))

    def export_ledger(self, criteria: LedgerFilter, path: Path) -> LedgerExport:
        return ledger.export_ledger(self.archive.sessions, self.who, criteria, path)

    # --- the registry ---

    def list_units(self) -> list[UnitRow]:
        return self._read(devices.list_units)

    def list_officers(self) -> list[OfficerRow]:
        return self._read(devices.list_officers)

    def list_devices(self) -> list[DeviceRow]:
        return self._read(devices.list_devices)

    def device_history(self, device_id: int) -> list[HolderPeriod]:
        return self._read(lambda session: devices.device_history(session, device_id))

    def reassign_device(self, device_id: int, officer_id: int, note: str) -> DeviceRow:
        return self._write(lambda session: devices.reassign_device(session, self.who, device_id, officer_id, note))

    def assign_officer(self, officer_id: int, unit_id: int) -> OfficerRow:
        return self._write(lambda session: devices.assign_officer_to_unit(session, self.who, officer_id, unit_id))

    # --- user accounts ---

    def list_users(self) -> list[UserRow]:
        return self._read(lambda session: user_admin.list_users(session, self.who))

    def unlock_user(self, login: str) -> None:
        user_admin.unlock_user(self.archive.sessions, self.who, login)

    def reset_password(self, login: str, temporary_password: str) -> None:
        user_admin.reset_password(self.archive.sessions, self.who, login, temporary_password)

    def end_sessions(self, login: str) -> int:
        return user_admin.end_sessions(self.archive.sessions, self.who, login)

    # --- destruction ---

    def request_destruction(self, spec: DestructionSpec) -> DestructionRequestRow:
        return self._write(lambda session: destruction.request_destruction(session, self.who, spec, _today()))

    def approve_destruction(self, request_id: int, comment: str) -> DestructionRequestRow:
        return self._write(lambda session: destruction.approve_destruction(session, self.who, request_id, comment))

    def reject_destruction(self, request_id: int, comment: str) -> DestructionRequestRow:
        return self._write(lambda session: destruction.reject_destruction(session, self.who, request_id, comment))

    def destruction_requests(self, inbox: bool) -> list[DestructionRequestRow]:
        return self._read(lambda session: destruction.destruction_requests(session, self.who, inbox))

    def execute_destruction(self, request_id: int, limit: int) -> ExecutionReport:
        return execution.execute(self.archive, self.who, request_id, limit, _today())

    def export_destruction_forms(self, request_id: int, path: Path) -> int:
        return forms.export_forms(self.archive.sessions, self.who, request_id, path)

    # --- evidence export ---

    def request_evidence_export(self, spec: ExportSpec) -> ExportRow:
        return self._write(lambda session: evidence_requests.request_export(session, self.who, spec, clock.now()))

    def evidence_exports(self, search: str, limit: int) -> list[ExportRow]:
        return self._write(
            lambda session: evidence_requests.list_exports(session, self.who, search, clock.now(), limit)
        )

    def start_evidence_export(self, export_id: int) -> ExportPlan:
        plan = self._write(lambda session: evidence_exports.start_export(session, self.who, export_id, clock.now()))
        if isinstance(plan, PermissionDenied):  # its refusal is audited (committed) first
            raise plan
        return plan

    def finish_evidence_export(self, export_id: int, outcome: PackageOutcome) -> ExportRow:
        return self._write(
            lambda session: evidence_exports.finish_export(session, self.who, export_id, outcome, clock.now())
        )

    def record_evidence_handover(self, export_id: int, handover: Handover) -> ExportRow:
        return self._write(lambda session: evidence_requests.record_handover(session, self.who, export_id, handover))

    def export_evidence_ledger(self, search: str, path: Path) -> int:
        return evidence_ledger.export_ledger(self.archive.sessions, self.who, search, path)

    # --- statistics ---

    def statistics_workload(self, query: StatsQuery) -> WorkloadReport:
        statistics_daily.refresh(self.archive.sessions)
        return self._read(lambda session: statistics_workload.workload(session, self.who, query))

    def statistics_devices(self, query: StatsQuery) -> DeviceReport:
        statistics_daily.refresh(self.archive.sessions)
        return self._read(lambda session: statistics_devices.device_use(session, self.who, query))

    def statistics_spotchecks(self, query: StatsQuery) -> SpotCheckReport:
        return self._read(lambda session: statistics_spotchecks.spot_checks(session, self.who, query))

    def statistics_access(self, query: StatsQuery) -> AccessReport:
        return self._read(lambda session: statistics_access.access_requests(session, self.who, query))

    def statistics_prescreen(self, query: StatsQuery) -> PrescreenReport:
        return self._read(lambda session: statistics_findings.prescreen_findings(session, self.who, query))

    def export_report(self, kind: ReportKind, query: StatsQuery, fmt: ReportFormat, path: Path) -> int:
        return statistics_reports.export_report(self.archive.sessions, self.who, kind, query, fmt, path)

    def report_tasks(self) -> list[ReportTaskRow]:
        return self._read(lambda session: report_tasks.list_tasks(session, self.who, clock.now()))

    def add_report_task(self, spec: ReportTaskSpec) -> ReportTaskRow:
        return self._write(lambda session: report_tasks.add_task(session, self.who, spec, clock.now()))

    def remove_report_task(self, task_id: int) -> None:
        self._write(lambda session: report_tasks.remove_task(session, self.who, task_id, clock.now()))

    # --- recorder clocks ---

    def recorder_clock(self, device_no: str) -> RecorderClock:
        return self._read(lambda session: clocks.recorder_clock(session, self.who, device_no, clock.now()))

    def record_clock_measurement(self, spec: ClockMeasurementSpec) -> ClockMeasurementRow:
        return self._write(lambda session: clocks.record_measurement(session, self.who, spec, clock.now()))

    def correct_clock(self, device_no: str, date_from: date, date_to: date, reason: str) -> ClockCorrectionRow:
        return self._write(
            lambda session: clocks.correct(session, self.who, device_no, date_from, date_to, reason, clock.now())
        )

    def revert_clock_correction(self, correction_id: int, reason: str) -> ClockCorrectionRow:
        return self._write(lambda session: clocks.revert(session, self.who, correction_id, reason, clock.now()))

    # --- the automatic pre-screen ---

    def scan_prescreen(
        self,
        unit_code: str | None,
        date_from: date | None,
        date_to: date | None,
        workers: int,
        cancel: threading.Event,
        progress: Callable[[ScanProgress], None],
    ) -> ScanReport:
        return prescreen_scan.scan_pending(
            self.archive, self.who, unit_code, date_from, date_to, workers, progress=progress, cancel=cancel
        )

    def recompute_day_findings(self, unit_code: str | None, date_from: date, date_to: date) -> int:
        return prescreen_day.recompute(self.archive.sessions, self.who, unit_code, date_from, date_to)

    def clip_findings(self, clip_ids: Sequence[int]) -> list[Finding]:
        return self._read(lambda session: prescreen_queries.clip_findings(session, self.who, clip_ids))

    def prescreen_findings(self, criteria: FindingFilter, limit: int) -> list[Finding]:
        return self._read(lambda session: prescreen_queries.find(session, self.who, criteria, limit))

    def decide_finding(self, finding_id: int, confirmed: bool, note: str) -> Finding:
        return prescreen_review.decide_finding(self.archive.sessions, self.who, finding_id, confirmed, note)

    def prescreen_figures(self, criteria: FindingFilter) -> list[FindingFigure]:
        return self._read(lambda session: prescreen_queries.figures(session, self.who, criteria))


if TYPE_CHECKING:
    _conforms: type[ArchiveClient] = LocalClient  # mypy checks LocalClient against the interface


def _today() -> date:
    """Today by the project's clock (its date in the archive's local time)."""
    return clock.now().date()
