"""The archive client: everything the window asks of the archive, as one interface (issues 11 and 12).

The views talk to an `ArchiveClient` and never to a database session or a service module: the client
owns the transactions. `workstation.client.local.LocalClient` implements it in this process over an open
`Archive`; a remote implementation (the branch server, issue 12) can stand behind the same interface,
which is why every method takes plain values and returns the plain dataclasses of the areas' `types`
modules (they serialise). A client is made for one signed-in user (`who`) and acts as that user in
every call; the services check each call's rights. Signing in is not here: it is what makes the user.

Every method may raise `workstation.errors.WorkstationError` (a refusal, bad input) or a database error.
"""

import threading
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from player.media.byte_source import ByteSource
from workstation.access.types import AccessRequestRow, AccessRequestSpec, AuditFilter, RegisterRow, Viewing
from workstation.evidence.types import ExportPlan, ExportRow, ExportSpec, Handover, PackageOutcome
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
from workstation.org.types import DeviceRow, HolderPeriod, OfficerRow, UserRow
from workstation.prescreen.types import Finding, FindingFigure, FindingFilter, ScanProgress, ScanReport
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
from workstation.types import AuditEventRow, AuditVerification, ChainAnchor, UnitRow


class ArchiveClient(Protocol):
    """What the window does with the archive, as the signed-in user `who`."""

    @property
    def who(self) -> Identity:
        """The user every call acts as."""
        ...

    # --- the archive browser (档案) ---

    def first_clip_page(self, criteria: ClipFilter, order: ClipOrder, limit: int) -> list[ClipRow]:
        """The first page of a new query. What the user may see is worked out afresh here and kept for the
        query's later pages and count (working it out for every page would cost each scroll a query)."""
        ...

    def clip_page(
        self, criteria: ClipFilter, order: ClipOrder, limit: int, after: PageCursor | None = None, offset: int = 0
    ) -> list[ClipRow]:
        """A later page of the query `first_clip_page` began: after a cursor (newest first) or at an offset."""
        ...

    def count_clips(self, criteria: ClipFilter) -> int:
        """How many clips of the query `first_clip_page` began the user may see."""
        ...

    def get_clips(self, clip_ids: Sequence[int]) -> list[ClipRow]:
        """These clips as they are now (a clip no longer in the archive is left out)."""
        ...

    def clip_detail(self, clip_id: int) -> ClipDetail | None:
        """One clip with its cases, markers and history, if the user may see it."""
        ...

    def set_important(self, clip_ids: Sequence[int], important: bool) -> int:
        """Mark or unmark clips as important (重要); returns how many changed."""
        ...

    def link_case(
        self, clip_ids: Sequence[int], case_no: str, kind: CaseKind, party: str, handler: str, title: str
    ) -> int:
        """Link clips to an incident or case (created if new); returns how many links were made."""
        ...

    def ingest(
        self,
        sources: Sequence[Path],
        station: str,
        clear_source: bool,
        cancel: threading.Event,
        progress: Callable[[IngestProgress], None],
    ) -> IngestReport:
        """Import the recorder dumps in these folders of this workstation (导入), as collection station `station`.

        `progress` is called from worker threads; setting `cancel` stops each recorder at its next file.
        The naming patterns are the deployment's (workstation.toml). Locally the files are copied into the
        media store; the remote client uploads them to the server.
        """
        ...

    def tree_units(self) -> list[UnitNode]:
        """The units of the officer tree whose footage the user may see, with the units above them."""
        ...

    def tree_officers(self, unit_id: int | None) -> list[OfficerNode]:
        """A unit's officers with footage the user may see (None: the officers of no unit)."""
        ...

    def tree_days(self, officer_id: int) -> list[DayNode]:
        """An officer's days with footage the user may see, newest first, with counts."""
        ...

    # --- playback (回放) ---

    def officer_day(self, badge_no: str, day: date) -> OfficerDay:
        """An officer's clips, gaps and recorder events of one day (the caller registers each viewing)."""
        ...

    def marker_categories(self) -> list[MarkerCategoryRow]:
        """The marker vocabulary, retired categories included (old markers still show theirs)."""
        ...

    def list_markers(self, clip_ids: Sequence[int]) -> list[MarkerRow]:
        """The markers of these clips."""
        ...

    def add_marker(self, clip_id: int, start_ms: int, end_ms: int | None, category: str, note: str) -> MarkerRow:
        """Mark a moment or a span of a clip."""
        ...

    def update_marker(
        self, marker_id: int, *, start_ms: int, end_ms: int | None, category: str, note: str
    ) -> MarkerRow:
        """Change one of the user's own markers."""
        ...

    def delete_marker(self, marker_id: int) -> None:
        """Delete one of the user's own markers."""
        ...

    def record_still(self, clip_id: int, position_ms: int, png: bytes) -> StillRow:
        """Keep a frame of a clip as a still (the original is never touched)."""
        ...

    def start_viewing(self, clip_id: int) -> Viewing:
        """Check the right to view a clip and open its access-register entry (PermissionDenied otherwise)."""
        ...

    def finish_viewing(self, entry_id: int, played_ms: int | None) -> None:
        """Close an access-register entry with how long the clip was played."""
        ...

    def media_source(self, viewing: Viewing) -> ByteSource:
        """The bytes of a viewed file (`start_viewing`'s answer), for the player to read through its own code.

        Made on the GUI thread, so it does no blocking I/O (a stream starts fetching the file's head on a
        thread of its own). Locally the file under the archive's media root (a missing root reads as an
        offline share); remotely a stream of the server's media route, authorised by the open register
        entry. Each call makes a fresh source: the caller closes it.
        """
        ...

    def thumbnail(self, clip_id: int) -> bytes | None:
        """A small JPEG picture of a video or photo the user may view (None: the file has no picture).

        Locally made from the file and cached on disk by its hash; remotely made by the server."""
        ...

    # --- viewing requests and approvals (审批) ---

    def submit_request(self, spec: AccessRequestSpec) -> AccessRequestRow:
        """Ask for footage outside the user's rights; routed to the approving unit."""
        ...

    def approve_request(self, request_id: int, comment: str) -> AccessRequestRow:
        """Approve the step of a request that waits for the user."""
        ...

    def reject_request(self, request_id: int, comment: str) -> AccessRequestRow:
        """Reject the step of a request that waits for the user (a reason is required)."""
        ...

    def revoke_request(self, request_id: int, comment: str) -> AccessRequestRow:
        """Withdraw one's own request, or revoke a grant one approved."""
        ...

    def inbox(self) -> list[AccessRequestRow]:
        """The requests waiting for the user's decision."""
        ...

    def inbox_count(self) -> int:
        """How many requests wait for the user's decision (the navigation's badge)."""
        ...

    def my_requests(self) -> list[AccessRequestRow]:
        """The user's own requests and those they decided, newest first."""
        ...

    # --- retention and destruction (保存期限, R8) ---

    def retention_policy(self) -> PolicyView:
        """The archive's profile, retention classes and rules."""
        ...

    def retention_dry_run(self, changes: dict[str, str | None], profile: Profile | None) -> PolicyDryRun:
        """What a policy change would do (rules set to a class code, or removed with None; or another
        profile's rules): nothing is saved."""
        ...

    def change_retention_policy(
        self, changes: dict[str, str | None], profile: Profile | None, reason: str
    ) -> PolicyDryRun:
        """Save a policy change (administrators of the 总队) and recompute the clips it affects; audited with
        its dry run."""
        ...

    def clip_retention(self, clip_id: int) -> ClipRetention:
        """A clip's retention and every rule that applies to it (which one governs), its holds."""
        ...

    def set_site_category(self, clip_id: int, site: SiteCategory | None, reason: str) -> RetentionChange | None:
        """Correct a clip's site category (edit right, E); before/after audited; returns the retention change."""
        ...

    def expiry_summary(self) -> list[UnitExpiry]:
        """Per unit in the user's charge: clips expired, expiring within each QUEUE_HORIZONS window, held."""
        ...

    def expiry_queue(self, horizon_days: int, unit_code: str | None, limit: int, offset: int) -> list[QueueRow]:
        """Clips expired or expiring within horizon_days, oldest date first, with why each is still kept."""
        ...

    def legal_holds(self, include_released: bool) -> list[HoldRow]:
        """Legal holds, newest first."""
        ...

    def place_hold(self, clip_ids: Sequence[int], reason: str) -> HoldRow:
        """Place a legal hold on clips (法制/督察); overrides every class until released."""
        ...

    def release_hold(self, hold_id: int, reason: str) -> HoldRow:
        """Lift a legal hold (法制/督察), with a reason."""
        ...

    def request_destruction(self, spec: DestructionSpec) -> DestructionRequestRow:
        """List expired clips for destruction; routed for review and approval."""
        ...

    def approve_destruction(self, request_id: int, comment: str) -> DestructionRequestRow:
        """Approve the step of a destruction request that waits for the user (never the requester)."""
        ...

    def reject_destruction(self, request_id: int, comment: str) -> DestructionRequestRow:
        """Reject the step of a destruction request that waits for the user (a reason is required)."""
        ...

    def destruction_requests(self, inbox: bool) -> list[DestructionRequestRow]:
        """Destruction requests waiting for the user's decision (inbox) or all the user may see."""
        ...

    def execute_destruction(self, request_id: int, limit: int) -> ExecutionReport:
        """Execute up to `limit` items of an approved request (delete right, X); call again while
        `remaining`. Each clip is checked at that moment: still expired, not held, its hash unchanged."""
        ...

    def export_destruction_forms(self, request_id: int, path: Path) -> int:
        """Write the request's 销毁审批表 and 销毁清单 (one workbook, chain head printed); returns the clips listed."""
        ...

    # --- evidence export (证据导出, R9) ---

    def request_evidence_export(self, spec: ExportSpec) -> ExportRow:
        """Ask to export footage for a receiving body. An outside body's export files a viewing request with
        download (legal review, then the head) and waits for it; an internal one needs the download right (D)
        on every clip and is authorised at once. An unfinished export of the same footage for the same body
        and document is returned instead of a second one."""
        ...

    def evidence_exports(self, search: str, limit: int) -> list[ExportRow]:
        """The exports the user may see (their own; all in their charge for administrators and inspection
        staff), newest first; `search` matches the export number, document number, case number, purpose,
        receiver or file name."""
        ...

    def start_evidence_export(self, export_id: int) -> ExportPlan:
        """Begin (or resume) writing an authorised export: re-checks the approval or right, opens an access
        register entry (kind export) per clip, fixes the chain head, and returns the plan. Audited."""
        ...

    def finish_evidence_export(self, export_id: int, outcome: PackageOutcome) -> ExportRow:
        """Record a written, verified package: each file's SHA-256 must equal the archive's; closes the
        register entries, keeps the manifest digests and SM3 values; audited as evidence.export."""
        ...

    def record_evidence_handover(self, export_id: int, handover: Handover) -> ExportRow:
        """Record on which medium a completed package left, and who received it; audited."""
        ...

    def export_evidence_ledger(self, search: str, path: Path) -> int:
        """Write the retained copy record (导出登记) as an Excel workbook, chain head printed; returns rows."""
        ...

    # --- statistics and reports (统计, R10) ---

    def statistics_workload(self, query: StatsQuery) -> WorkloadReport:
        """Footage per unit and officer over the period, with the previous period's total."""
        ...

    def statistics_devices(self, query: StatsQuery) -> DeviceReport:
        """Recorder use and log events over the period."""
        ...

    def statistics_spotchecks(self, query: StatsQuery) -> SpotCheckReport:
        """Spot-check coverage, verdicts and frequent problems per unit."""
        ...

    def statistics_access(self, query: StatsQuery) -> AccessReport:
        """Viewing requests per deciding unit and their decision times."""
        ...

    def statistics_prescreen(self, query: StatsQuery) -> PrescreenReport:
        """Pre-screen findings by kind, unit and recorder model, reviewed or not, and the clips with confirmed
        findings (issue 17)."""
        ...

    def export_report(self, kind: ReportKind, query: StatsQuery, fmt: ReportFormat, path: Path) -> int:
        """Write a report (HTML or Excel) with the query, the time and the chain head; returns its table rows."""
        ...

    def report_tasks(self) -> list[ReportTaskRow]:
        """The scheduled report tasks of the units in the user's charge, each with its next run, latest
        delivery and finally failed deliveries (administrators only)."""
        ...

    def add_report_task(self, spec: ReportTaskSpec) -> ReportTaskRow:
        """Set up a scheduled report for a unit in the administrator's charge; audited. A drop folder is
        checked where the archive runs its deliveries (`workstation report run-due`)."""
        ...

    def remove_report_task(self, task_id: int) -> None:
        """Remove a task and its delivery history (the audit log keeps them); audited."""
        ...

    # --- the automatic pre-screen (预筛查, issue 17) ---

    def scan_prescreen(
        self,
        unit_code: str | None,
        date_from: date | None,
        date_to: date | None,
        workers: int,
        cancel: threading.Event,
        progress: Callable[[ScanProgress], None],
    ) -> ScanReport:
        """Scan the clips in the user's charge (a unit and those below; recorded in the period) that have not
        been scanned, on `workers` processes where the media are; each clip is kept as it is done, so a
        cancelled or killed run goes on where it stopped. Only administrators (and the computer's own account)
        start a scan. Through the server the server scans (its media) and this follows its progress; a cancel
        there stops the following, not the server's scan."""
        ...

    def recompute_day_findings(self, unit_code: str | None, date_from: date, date_to: date) -> int:
        """Work out the officer's-day findings (gaps, overlaps, 异常中断/电量低 at a clip's end, late upload,
        no case link) of the period again; decided findings stay. Returns the officer-days recomputed."""
        ...

    def clip_findings(self, clip_ids: Sequence[int]) -> list[Finding]:
        """The findings on these clips (media findings and the clip's own day findings) the user may see."""
        ...

    def prescreen_findings(self, criteria: FindingFilter, limit: int) -> list[Finding]:
        """The findings matching the filter over the units in the user's charge, newest day first."""
        ...

    def decide_finding(self, finding_id: int, confirmed: bool, note: str) -> Finding:
        """Confirm or dismiss a finding (a reviewer over its unit); changing a decision is allowed; audited."""
        ...

    def prescreen_figures(self, criteria: FindingFilter) -> list[FindingFigure]:
        """Pending, confirmed and dismissed counts per kind and recorder model (the detectors' precision)."""
        ...

    # --- audit log and access register (审计) ---

    def audit_events(self, criteria: AuditFilter, limit: int) -> list[AuditEventRow]:
        """The newest audit rows matching the filter."""
        ...

    def audit_actions(self) -> list[str]:
        """The action codes present in the audit log (for the filter)."""
        ...

    def verify_audit(self, anchors: list[ChainAnchor], since: ChainAnchor | None) -> AuditVerification:
        """Check the audit log's keyed chain, and that it still passes through every anchor kept outside the
        database; with `since` (an anchor verified before) only the rows after it."""
        ...

    def reconcile_audit(self) -> ReconcileReport:
        """Replay the audit log's events of the security-relevant state; report every row it does not explain."""
        ...

    def export_audit(self, criteria: AuditFilter, path: Path) -> int:
        """Write every matching audit row to an Excel workbook at `path`; returns the row count."""
        ...

    def register_rows(self, criteria: AuditFilter, limit: int) -> list[RegisterRow]:
        """The newest access-register entries matching the filter (its `action` is ignored)."""
        ...

    def export_register(self, criteria: AuditFilter, path: Path) -> int:
        """Write every matching access-register entry to an Excel workbook at `path`; returns the row count."""
        ...

    # --- the spot check (抽查) and its ledger ---

    def check_units(self) -> list[UnitRow]:
        """The units the user draws plans for and reviews."""
        ...

    def draw_plans(self, spec: DrawSpec, due_days: int) -> list[DrawOutcome]:
        """Draw the day's sample for each unit of the spec that has footage and no plan yet."""
        ...

    def redraw_plan(self, plan_id: int, reason: str, spec: DrawSpec | None, due_days: int) -> PlanRow:
        """Replace a plan with a new draw (the old one stays in the record, with the reason); spec None draws
        with the old plan's parameters."""
        ...

    def list_plans(self, day_from: date, day_to: date, unit_code: str | None = None) -> list[PlanRow]:
        """The plans of a period over the user's units (or one unit and the units below it)."""
        ...

    def get_plan(self, plan_id: int) -> PlanRow:
        """One plan of the user's units."""
        ...

    def verify_plan(self, plan_id: int) -> PlanVerification:
        """Re-derive a plan from its seed and candidates and compare with what was kept and audited."""
        ...

    def plan_items(self, plan_id: int) -> list[SampleItemRow]:
        """A plan's sample."""
        ...

    def review_queue(self) -> list[SampleItemRow]:
        """The items waiting for review in the user's units, oldest due first."""
        ...

    def claim(self, item_id: int | None, claim_minutes: int) -> SampleItemRow | None:
        """Claim an item for review (None: the next free one); None when there is none."""
        ...

    def release(self, item_id: int) -> bool:
        """Give back a claimed item; False if the user no longer held it."""
        ...

    def check_progress(self, day_from: date, day_to: date) -> list[OfficerProgress]:
        """Per officer who recorded in the period: drawn, checked, or not."""
        ...

    def item_facts(self, item_id: int) -> AutomaticFacts:
        """What the archive already knows about an item's clip (the checklist's automatic answers)."""
        ...

    def submit_review(self, item_id: int, review: ReviewInput, min_coverage_bp: int) -> LedgerRow:
        """Submit the review of a claimed item; writes its ledger line."""
        ...

    def ledger_units(self) -> list[UnitRow]:
        """The units whose ledger the user reads (unit heads too)."""
        ...

    def ledger_rows(self, criteria: LedgerFilter, limit: int) -> list[LedgerRow]:
        """The ledger lines matching the filter, newest first."""
        ...

    def export_ledger(self, criteria: LedgerFilter, path: Path) -> LedgerExport:
        """Write the 检查台帐 workbook of the filter's period and unit to `path`; returns the line count and how
        many lines differ from their audit rows (printed marked 与审计日志不符)."""
        ...

    # --- the registry: units, officers, recorders (设备) ---

    def list_units(self) -> list[UnitRow]:
        """Every unit."""
        ...

    def list_officers(self) -> list[OfficerRow]:
        """Every officer."""
        ...

    def list_devices(self) -> list[DeviceRow]:
        """Every recorder, with its current holder."""
        ...

    def device_history(self, device_id: int) -> list[HolderPeriod]:
        """Who held a recorder when."""
        ...

    def reassign_device(self, device_id: int, officer_id: int, note: str) -> DeviceRow:
        """Hand a recorder over to an officer, with a handover note."""
        ...

    def assign_officer(self, officer_id: int, unit_id: int) -> OfficerRow:
        """Place an officer in a unit."""
        ...

    # --- user accounts (用户) ---

    def list_users(self) -> list[UserRow]:
        """The accounts the user administers."""
        ...

    def unlock_user(self, login: str) -> None:
        """Unlock an account locked after failed sign-ins."""
        ...

    def reset_password(self, login: str, temporary_password: str) -> None:
        """Set a temporary password the account must change at its next sign-in."""
        ...

    def end_sessions(self, login: str) -> int:
        """Sign an account out of the archive server everywhere; returns how many sessions ended."""
        ...

    # --- recorder clocks (时钟校正, R3) ---

    def recorder_clock(self, device_no: str) -> RecorderClock:
        """A recorder's clock measurements, the drift fitted over them now, and its corrections (administrators
        of its unit)."""
        ...

    def record_clock_measurement(self, spec: ClockMeasurementSpec) -> ClockMeasurementRow:
        """Enter a measured offset of a recorder's clock (e.g. a clip's burned-in time against a known time);
        audited."""
        ...

    def correct_clock(self, device_no: str, date_from: date, date_to: date, reason: str) -> ClockCorrectionRow:
        """Apply the fitted offsets to the recorder's footage of the period (recorder times kept); audited."""
        ...

    def revert_clock_correction(self, correction_id: int, reason: str) -> ClockCorrectionRow:
        """Take a correction back: its clips get their previous offsets again; audited."""
        ...
