"""`LocalClient`: the archive client in this process, over an open `Archive` (see workstation.client).

Each method opens its own session — a read session to read, a write session (one transaction) to change —
and calls the service as `who`. Calls come from one thread at a time (the window's archive thread), which
is what the one remembered clip scope relies on.
"""

import hashlib
import tempfile
import threading
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import openpyxl
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    Clip,
    DestructionItem,
    DestructionRequest,
    DestructionStep,
    LegalHold,
    LegalHoldItem,
    Officer,
    RetentionRule,
    RetentionSetting,
    Tombstone,
    Unit,
    User,
)
from player.media.byte_source import ByteSource, FileByteSource
from player.media.thumbnails import thumbnail as make_thumbnail
from workstation import audit, clock, config, integrity, permissions
from workstation.access import audit_viewer, register, requests
from workstation.access.types import AccessRequestRow, AccessRequestSpec, AuditFilter, RegisterRow, Viewing
from workstation.archive import Archive
from workstation.client import ArchiveClient
from workstation.errors import PermissionDenied
from workstation.footage import browse, cases, clips, markers, officer_day, stills
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.naming import patterns_from_settings
from workstation.footage.types import (
    CaseKind,
    ClipDetail,
    ClipFilter,
    ClipOrder,
    ClipRow,
    DayNode,
    IngestProgress,
    IngestReport,
    MarkerCategoryRow,
    MarkerRow,
    OfficerDay,
    OfficerNode,
    PageCursor,
    StillRow,
    UnitNode,
)
from workstation.identity import Identity
from workstation.integrity.types import ReconcileReport
from workstation.org import devices, user_admin
from workstation.org.types import DeviceRow, HolderPeriod, OfficerRow, UserRow
from workstation.orgtree import OrgTree
from workstation.retention import assignment
from workstation.retention import policy as policy_rules
from workstation.retention import triggers as retention_triggers
from workstation.retention.errors import RetentionError
from workstation.retention.policy import Policy
from workstation.retention.profiles import PROFILE_RULES
from workstation.retention.types import (
    QUEUE_HORIZONS,
    ClipRetention,
    DestructionRequestRow,
    DestructionSpec,
    DestructionStatus,
    DestructionStepRow,
    ExecutionReport,
    ExpiryDate,
    HoldRow,
    ItemOutcome,
    PolicyDryRun,
    PolicyView,
    Profile,
    QueueRow,
    QueueStatus,
    RetentionChange,
    RuleRow,
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
from workstation.types import AuditEventRow, AuditVerification, ChainAnchor, ClipScope, FileType, Role, UnitRow

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

    # --- retention (stand-in) ---
    # Thin stand-ins over db/models/retention.py so the window can be built and tested on this branch; the
    # services (workstation.retention.holds, expiry, policy_change, explain, destruction, execution, forms)
    # replace them at merge. They check no rights beyond the approval step's role and unit.

    def _rt_user(self, session: Session) -> User:
        return session.execute(select(User).where(User.login == self.who.name)).scalar_one()

    def _rt_held(self, session: Session) -> set[int]:
        return set(
            session.execute(
                select(LegalHoldItem.clip_id)
                .join(LegalHold, LegalHold.id == LegalHoldItem.hold_id)
                .where(LegalHold.released_at.is_(None))
            ).scalars()
        )

    def _rt_requested(self, session: Session) -> dict[int, int]:
        return dict(
            session.execute(
                select(DestructionItem.clip_id, DestructionItem.request_id)
                .join(DestructionRequest, DestructionRequest.id == DestructionItem.request_id)
                .where(
                    DestructionItem.outcome == ItemOutcome.LISTED,
                    DestructionRequest.status.in_([DestructionStatus.PENDING, DestructionStatus.APPROVED]),
                )
            ).all()
        )

    def _rt_login(self, session: Session, user_id: int | None) -> str | None:
        return None if user_id is None else session.get_one(User, user_id).login

    def _rt_hold_row(self, session: Session, hold: LegalHold) -> HoldRow:
        count = session.execute(
            select(func.count()).select_from(LegalHoldItem).where(LegalHoldItem.hold_id == hold.id)
        ).scalar_one()
        return HoldRow(
            hold.id,
            hold.reason,
            self._rt_login(session, hold.placed_by) or "",
            hold.placed_at,
            count,
            self._rt_login(session, hold.released_by),
            hold.released_at,
            hold.release_reason,
        )

    def _rt_request_row(self, session: Session, request: DestructionRequest) -> DestructionRequestRow:
        units = {unit.id: unit.code for unit in session.execute(select(Unit)).scalars()}
        items = session.execute(
            select(DestructionItem.outcome, Clip.size_bytes)
            .join(Clip, Clip.id == DestructionItem.clip_id)
            .where(DestructionItem.request_id == request.id)
        ).all()
        outcomes: dict[ItemOutcome, int] = {}
        for outcome, _size in items:
            outcomes[ItemOutcome(outcome)] = outcomes.get(ItemOutcome(outcome), 0) + 1
        steps = session.execute(
            select(DestructionStep).where(DestructionStep.request_id == request.id).order_by(DestructionStep.step_no)
        ).scalars()
        return DestructionRequestRow(
            request.id,
            DestructionStatus(request.status),
            request.requested_by,
            units[request.unit_id],
            units.get(request.report_unit_id) if request.report_unit_id else None,
            request.reason,
            request.conditions,
            request.created_at,
            len(items),
            sum(size for _outcome, size in items),
            tuple(
                DestructionStepRow(
                    step.step_no,
                    Role(step.role),
                    units[step.unit_id],
                    step.status,
                    self._rt_login(session, step.decided_by),
                    step.decided_at,
                    step.comment,
                )
                for step in steps
            ),
            request.reported_at,
            request.executed_at,
            tuple(sorted(outcomes.items())),
        )

    def _rt_new_policy(self, session: Session, changes: dict[str, str | None], profile: Profile | None) -> Policy:
        current = policy_rules.load(session)
        if profile is not None:
            units = {key: code for key, code in current.rules.items() if key.startswith("unit:")}
            current = Policy(profile, current.classes, {**PROFILE_RULES[profile], **units})
        return current.with_rules(changes)

    def _rt_dry_run(self, session: Session, new: Policy, changes: tuple[RuleRow, ...]) -> PolicyDryRun:
        today = clock.now().date()
        units = {unit.id: unit.code for unit in session.execute(select(Unit)).scalars()}
        held = self._rt_held(session)
        shortened = lengthened = expire_now = held_count = 0
        within = [0] * len(QUEUE_HORIZONS)
        dates: dict[tuple[str | None, date], int] = {}
        rows = session.execute(
            select(Clip.id, Clip.unit_id, Clip.retention_triggers, Clip.recorded_start, Clip.keep_until).where(
                Clip.media_status != "destroyed"
            )
        )
        for clip_id, unit_id, stored, recorded, before in rows:
            after = new.assign(unit_id, retention_triggers.split(stored)).keep_until(recorded.date())
            if after == before:
                continue
            if after is not None and (before is None or after < before):
                shortened += 1
                held_count += clip_id in held
                key = (units.get(unit_id) if unit_id else None, after)
                dates[key] = dates.get(key, 0) + 1
                expire_now += after < today
                for number, days in enumerate(QUEUE_HORIZONS):
                    within[number] += today <= after < today + timedelta(days=days)
            else:
                lengthened += 1
        return PolicyDryRun(
            changes,
            shortened,
            lengthened,
            expire_now,
            tuple(within),
            tuple(ExpiryDate(unit, day, count) for (unit, day), count in sorted(dates.items(), key=str)),
            held_count,
        )

    def _rt_changed_rules(
        self, session: Session, changes: dict[str, str | None], profile: Profile | None
    ) -> tuple[Policy, tuple[RuleRow, ...]]:
        old, new = policy_rules.load(session), self._rt_new_policy(session, changes, profile)
        keys = sorted(set(old.rules) | set(new.rules))
        return new, tuple(
            RuleRow(key, new.rules.get(key, "")) for key in keys if old.rules.get(key) != new.rules.get(key)
        )

    def retention_policy(self) -> PolicyView:
        def work(session: Session) -> PolicyView:
            rows = session.execute(select(RetentionRule).order_by(RetentionRule.trigger)).scalars()
            rules = [RuleRow(rule.trigger, rule.class_code, rule.changed_at, rule.changed_by) for rule in rows]
            return policy_rules.load(session).view(rules)

        return self._read(work)

    def retention_dry_run(self, changes: dict[str, str | None], profile: Profile | None) -> PolicyDryRun:
        def work(session: Session) -> PolicyDryRun:
            return self._rt_dry_run(session, *self._rt_changed_rules(session, changes, profile))

        return self._read(work)

    def change_retention_policy(
        self, changes: dict[str, str | None], profile: Profile | None, reason: str
    ) -> PolicyDryRun:
        def work(session: Session) -> PolicyDryRun:
            new, changed = self._rt_changed_rules(session, changes, profile)
            dry_run = self._rt_dry_run(session, new, changed)
            for rule in changed:
                found = session.get(RetentionRule, rule.trigger)
                if found is not None:
                    session.delete(found)
                if rule.class_code:
                    session.flush()
                    session.add(
                        RetentionRule(
                            trigger=rule.trigger,
                            class_code=rule.class_code,
                            changed_at=clock.now(),
                            changed_by=self.who.audit_name,
                        )
                    )
            setting = session.get(RetentionSetting, policy_rules.PROFILE_SETTING)
            if setting is None:
                session.add(RetentionSetting(name=policy_rules.PROFILE_SETTING, value=new.profile.value))
            else:
                setting.value = new.profile.value
            policy_rules.forget(session)
            details = {"reason": reason, "rules": {rule.trigger: rule.class_code for rule in changed}}
            audit.record(session, self.who.audit_name, "retention.policy_change", "policy", new.profile.value, details)
            ids = list(session.execute(select(Clip.id).where(Clip.media_status != "destroyed")).scalars())
            assignment.refresh(session, self.who.audit_name, ids, "retention.policy_change")
            return dry_run

        return self._write(work)

    def clip_retention(self, clip_id: int) -> ClipRetention:
        def work(session: Session) -> ClipRetention:
            clip = session.get_one(Clip, clip_id)
            assigned = policy_rules.load(session).assign(
                clip.unit_id, retention_triggers.split(clip.retention_triggers)
            )
            holds = session.execute(
                select(LegalHold)
                .join(LegalHoldItem, LegalHoldItem.hold_id == LegalHold.id)
                .where(LegalHoldItem.clip_id == clip_id, LegalHold.released_at.is_(None))
            ).scalars()
            return ClipRetention(
                clip.id,
                clip.retention_class,
                clip.retention_rule,
                clip.keep_until,
                assigned.applied,
                tuple(self._rt_hold_row(session, hold) for hold in holds),
                clip.media_status == "destroyed",
            )

        return self._read(work)

    def set_site_category(self, clip_id: int, site: SiteCategory | None, reason: str) -> RetentionChange | None:
        def work(session: Session) -> RetentionChange | None:
            session.get_one(Clip, clip_id).site_category = site.value if site else None
            changes = assignment.refresh(session, self.who.audit_name, [clip_id], f"clip.site_category: {reason}")
            return changes[0] if changes else None

        return self._write(work)

    def expiry_queue(self, horizon_days: int, unit_code: str | None, limit: int, offset: int) -> list[QueueRow]:
        def work(session: Session) -> list[QueueRow]:
            today = clock.now().date()
            held, requested = self._rt_held(session), self._rt_requested(session)
            query = (
                select(Clip, Unit.code, Unit.name, Officer.badge_no, Officer.name)
                .outerjoin(Unit, Unit.id == Clip.unit_id)
                .outerjoin(Officer, Officer.id == Clip.officer_id)
                .where(Clip.keep_until < today + timedelta(days=horizon_days), Clip.media_status != "destroyed")
                .order_by(Clip.keep_until, Clip.id)
            )
            if unit_code is not None:
                unit = session.execute(select(Unit).where(Unit.code == unit_code)).scalar_one()
                query = query.where(Clip.unit_id.in_(OrgTree.load(session).subtree(unit.id)))
            rows = []
            for clip, code, name, badge, officer in session.execute(query.limit(limit).offset(offset)):
                if clip.keep_until is None:  # never: the range excludes NULL (for the type checker)
                    continue
                status = (
                    QueueStatus.HELD
                    if clip.id in held
                    else QueueStatus.REQUESTED
                    if clip.id in requested
                    else QueueStatus.EXPIRED
                    if clip.keep_until < today
                    else QueueStatus.EXPIRING
                )
                rows.append(
                    QueueRow(
                        clip.id,
                        code,
                        name,
                        badge,
                        officer,
                        clip.original_name,
                        clip.recorded_start,
                        clip.size_bytes,
                        clip.retention_class,
                        clip.retention_rule,
                        clip.keep_until,
                        status,
                        (1,) if clip.id in held else (),
                        requested.get(clip.id),
                    )
                )
            return rows

        return self._read(work)

    def expiry_summary(self) -> list[UnitExpiry]:
        rows = self.expiry_queue(max(QUEUE_HORIZONS), None, 10**9, 0)
        today = clock.now().date()
        units: dict[str | None, list[QueueRow]] = {}
        for row in rows:
            units.setdefault(row.unit_code, []).append(row)
        return [
            UnitExpiry(
                code,
                found[0].unit_name,
                sum(row.status is QueueStatus.EXPIRED for row in found),
                tuple(
                    sum(today <= row.keep_until < today + timedelta(days=days) for row in found)
                    for days in QUEUE_HORIZONS
                ),
                sum(row.status is QueueStatus.HELD for row in found),
                sum(row.status is QueueStatus.REQUESTED for row in found),
            )
            for code, found in sorted(units.items(), key=lambda pair: pair[0] or "")
        ]

    def legal_holds(self, include_released: bool) -> list[HoldRow]:
        def work(session: Session) -> list[HoldRow]:
            query = select(LegalHold).order_by(LegalHold.id.desc())
            if not include_released:
                query = query.where(LegalHold.released_at.is_(None))
            return [self._rt_hold_row(session, hold) for hold in session.execute(query).scalars()]

        return self._read(work)

    def place_hold(self, clip_ids: Sequence[int], reason: str) -> HoldRow:
        def work(session: Session) -> HoldRow:
            hold = LegalHold(reason=reason, placed_by=self._rt_user(session).id, placed_at=clock.now())
            session.add(hold)
            session.flush()
            session.add_all(LegalHoldItem(hold_id=hold.id, clip_id=clip_id) for clip_id in clip_ids)
            audit.record(session, self.who.audit_name, "retention.hold", "hold", hold.id, {"clips": list(clip_ids)})
            return self._rt_hold_row(session, hold)

        return self._write(work)

    def release_hold(self, hold_id: int, reason: str) -> HoldRow:
        def work(session: Session) -> HoldRow:
            hold = session.get_one(LegalHold, hold_id)
            hold.released_by, hold.released_at = self._rt_user(session).id, clock.now()
            hold.release_reason = reason
            audit.record(session, self.who.audit_name, "retention.release", "hold", hold.id, {"reason": reason})
            return self._rt_hold_row(session, hold)

        return self._write(work)

    def request_destruction(self, spec: DestructionSpec) -> DestructionRequestRow:
        def work(session: Session) -> DestructionRequestRow:
            today = clock.now().date()
            blocked = self._rt_held(session) | set(self._rt_requested(session))
            query = select(Clip).where(Clip.keep_until < today, Clip.media_status != "destroyed")
            if spec.clip_ids:
                query = query.where(Clip.id.in_(spec.clip_ids))
            clips_found = [clip for clip in session.execute(query).scalars() if clip.id not in blocked]
            if not clips_found or (spec.clip_ids and len(clips_found) != len(spec.clip_ids)):
                raise RetentionError("nothing_matches")
            tree = OrgTree.load(session)
            unit_id = tree.holding_unit(next(clip.unit_id for clip in clips_found if clip.unit_id is not None))
            request = DestructionRequest(
                requester_id=self._rt_user(session).id,
                requested_by=self.who.audit_name,
                unit_id=unit_id,
                report_unit_id=tree.unit(unit_id).parent_id,
                reason=spec.reason,
                conditions="",
                status=DestructionStatus.PENDING,
                created_at=clock.now(),
            )
            session.add(request)
            session.flush()
            session.add_all(
                DestructionItem(request_id=request.id, clip_id=clip.id, keep_until=clip.keep_until)
                for clip in clips_found
            )
            session.add(
                DestructionStep(request_id=request.id, step_no=1, role=Role.APPROVER, unit_id=unit_id, status="pending")
            )
            audit.record(session, self.who.audit_name, "destruction.request", "destruction", request.id)
            session.flush()
            return self._rt_request_row(session, request)

        return self._write(work)

    def _rt_decide(self, request_id: int, comment: str, approve: bool) -> DestructionRequestRow:
        def work(session: Session) -> DestructionRequestRow:
            user, request = self._rt_user(session), session.get_one(DestructionRequest, request_id)
            step = session.execute(
                select(DestructionStep).where(
                    DestructionStep.request_id == request_id, DestructionStep.status == "pending"
                )
            ).scalar_one_or_none()
            if (
                step is None
                or (user.role, user.unit_id) != (step.role, step.unit_id)
                or request.requester_id == user.id
            ):
                raise PermissionDenied("not_your_step")
            step.status = "approved" if approve else "rejected"
            step.decided_by, step.decided_at, step.comment = user.id, clock.now(), comment
            request.status = DestructionStatus.APPROVED if approve else DestructionStatus.REJECTED
            if approve:
                request.reported_at = clock.now()
            action = "destruction.approve" if approve else "destruction.reject"
            audit.record(session, self.who.audit_name, action, "destruction", request.id, {"comment": comment})
            session.flush()
            return self._rt_request_row(session, request)

        return self._write(work)

    def approve_destruction(self, request_id: int, comment: str) -> DestructionRequestRow:
        return self._rt_decide(request_id, comment, approve=True)

    def reject_destruction(self, request_id: int, comment: str) -> DestructionRequestRow:
        return self._rt_decide(request_id, comment, approve=False)

    def destruction_requests(self, inbox: bool) -> list[DestructionRequestRow]:
        def work(session: Session) -> list[DestructionRequestRow]:
            query = select(DestructionRequest).order_by(DestructionRequest.id.desc())
            if inbox:
                user = self._rt_user(session)
                query = query.join(DestructionStep, DestructionStep.request_id == DestructionRequest.id).where(
                    DestructionStep.status == "pending",
                    DestructionStep.role == user.role,
                    DestructionStep.unit_id == user.unit_id,
                )
            return [self._rt_request_row(session, request) for request in session.execute(query).scalars()]

        return self._read(work)

    def execute_destruction(self, request_id: int, limit: int) -> ExecutionReport:
        def work(session: Session) -> ExecutionReport:
            request = session.get_one(DestructionRequest, request_id)
            if request.status != DestructionStatus.APPROVED:
                raise RetentionError("request_decided")
            held, today = self._rt_held(session), clock.now().date()
            items = session.execute(
                select(DestructionItem, Clip)
                .join(Clip, Clip.id == DestructionItem.clip_id)
                .where(DestructionItem.request_id == request_id, DestructionItem.outcome == ItemOutcome.LISTED)
                .order_by(Clip.id)
                .limit(limit)
            ).all()
            kept: dict[ItemOutcome, int] = {}
            destroyed = freed = 0
            for item, clip in items:
                path = self.archive.absolute_path(clip.media_path)
                outcome = (
                    ItemOutcome.KEPT_HELD
                    if clip.id in held
                    else ItemOutcome.KEPT_NOT_EXPIRED
                    if clip.keep_until is None or clip.keep_until >= today
                    else ItemOutcome.KEPT_MISSING
                    if not path.is_file()
                    else ItemOutcome.KEPT_HASH_MISMATCH
                    if hashlib.sha256(path.read_bytes()).hexdigest() != clip.sha256
                    else ItemOutcome.DESTROYED
                )
                item.outcome = outcome
                if outcome is not ItemOutcome.DESTROYED:
                    kept[outcome] = kept.get(outcome, 0) + 1
                    continue
                session.add(
                    Tombstone(
                        clip_id=clip.id,
                        request_id=request_id,
                        sha256=clip.sha256,
                        size_bytes=clip.size_bytes,
                        facts="{}",
                        requested_by=request.requested_by,
                        approved_by="",
                        executed_by=self.who.audit_name,
                        executed_at=clock.now(),
                        file_removed=True,
                    )
                )
                clip.media_status = "destroyed"
                audit.record(session, self.who.audit_name, "clip.destroy", "clip", clip.id, {"sha256": clip.sha256})
                path.unlink()
                destroyed, freed = destroyed + 1, freed + clip.size_bytes
            session.flush()
            remaining = session.execute(
                select(func.count())
                .select_from(DestructionItem)
                .where(DestructionItem.request_id == request_id, DestructionItem.outcome == ItemOutcome.LISTED)
            ).scalar_one()
            if remaining == 0:
                request.status, request.executed_at = DestructionStatus.EXECUTED, clock.now()
            return ExecutionReport(request_id, destroyed, tuple(sorted(kept.items())), freed, remaining)

        return self._write(work)

    def export_destruction_forms(self, request_id: int, path: Path) -> int:
        def work(session: Session) -> int:
            clip_ids = list(
                session.execute(
                    select(DestructionItem.clip_id).where(DestructionItem.request_id == request_id)
                ).scalars()
            )
            book = openpyxl.Workbook()
            book.active.title = "销毁审批表"  # type: ignore[union-attr]
            book.active.append(["销毁申请", request_id])  # type: ignore[union-attr]
            listing = book.create_sheet("销毁清单")
            listing.append(["序号", "文件编号"])
            for number, clip_id in enumerate(clip_ids, 1):
                listing.append([number, clip_id])
            book.save(path)
            return len(clip_ids)

        return self._read(work)


if TYPE_CHECKING:
    _conforms: type[ArchiveClient] = LocalClient  # mypy checks LocalClient against the interface
