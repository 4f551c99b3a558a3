"""Recorder clocks (R3): each recorder's measured clock offsets, and batch corrections applied to its footage.

A measurement says how far a recorder's clock was from the true time at one moment: offset_ms = recorder time −
true time (positive: the recorder ran fast). It comes from a recorder log (the dock wrote the station's time
beside the recorder's, or the recorder logged a clock sync) or from an administrator comparing the time burned
into a clip with a known time. A correction applies the offsets fitted over that history to one recorder's
footage of a period: each clip's clock_offset_ms (what is added to the recorder time for true time) is set, the
value it had kept beside it, so that reverting restores it. The recorder times themselves are never changed.
"""

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ClockMeasurement(Base):
    """One measured offset of a recorder's clock. source: workstation.footage.types.ClockSource. clip_id: the
    log file it was read from, or the clip whose burned-in time an administrator compared (None: neither)."""

    __tablename__ = "clock_measurements"
    __table_args__ = (Index("ix_clock_measurements_device_time", "device_id", "measured_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    measured_at: Mapped[datetime]  # the true (station) time of the measurement
    recorder_time: Mapped[datetime]  # what the recorder's clock read at that moment
    offset_ms: Mapped[int] = mapped_column(Integer)  # recorder_time − measured_at
    source: Mapped[str] = mapped_column(String(16))
    clip_id: Mapped[int | None] = mapped_column(ForeignKey("clips.id"))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(String(500), default="")


class ClockCorrection(Base):
    """A batch correction of one recorder's footage recorded from date_from to date_to (inclusive, recorder
    dates): the fitted offset at the period's start and the drift it applied (None: one measurement, no drift)."""

    __tablename__ = "clock_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), index=True)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    offset_ms: Mapped[int] = mapped_column(Integer)
    drift_s_per_day: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(500))
    corrected_by: Mapped[str] = mapped_column(String(64))
    corrected_at: Mapped[datetime]
    reverted_at: Mapped[datetime | None]
    reverted_by: Mapped[str | None] = mapped_column(String(64))
    revert_reason: Mapped[str] = mapped_column(String(500), default="")


class ClockCorrectionClip(Base):
    """A clip a correction changed: its clock_offset_ms before (restored on revert) and as applied."""

    __tablename__ = "clock_correction_clips"

    correction_id: Mapped[int] = mapped_column(ForeignKey("clock_corrections.id"), primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True, index=True)
    previous_offset_ms: Mapped[int] = mapped_column(Integer)
    applied_offset_ms: Mapped[int] = mapped_column(Integer)


class ClockCorrectionEvent(Base):
    """A recorder log event a correction placed: the clock_offset_ms its time gets while the correction stands
    (the event row itself is never changed; without a standing correction the device's offset applies)."""

    __tablename__ = "clock_correction_events"

    correction_id: Mapped[int] = mapped_column(ForeignKey("clock_corrections.id"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("device_log_events.id"), primary_key=True, index=True)
    applied_offset_ms: Mapped[int] = mapped_column(Integer)
