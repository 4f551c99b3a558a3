"""Display names for the services' codes (roles, unit levels, verdicts, checklist items, recorder log events),
translated through Qt."""

from PySide6.QtCore import QCoreApplication

from workstation.footage.types import DeviceEventType
from workstation.prescreen.types import FindingStatus
from workstation.spotcheck.types import CheckItem, Verdict
from workstation.types import Role, UnitLevel


def role_name(role: Role) -> str:
    names = {
        Role.ADMIN: QCoreApplication.translate("labels", "Footage administrator"),
        Role.REVIEWER: QCoreApplication.translate("labels", "Spot-check reviewer"),
        Role.APPROVER: QCoreApplication.translate("labels", "Unit head"),
        Role.LEGAL: QCoreApplication.translate("labels", "Legal"),
        Role.INSPECTION: QCoreApplication.translate("labels", "Inspection"),
        Role.OFFICER: QCoreApplication.translate("labels", "Officer"),
        Role.STATION: QCoreApplication.translate("labels", "Ingest station"),
    }
    return names[role]


def level_name(level: UnitLevel) -> str:
    names = {
        UnitLevel.CORPS: QCoreApplication.translate("labels", "Corps"),
        UnitLevel.DETACHMENT: QCoreApplication.translate("labels", "Detachment"),
        UnitLevel.BRIGADE: QCoreApplication.translate("labels", "Brigade"),
    }
    return names[level]


def verdict_name(verdict: Verdict) -> str:
    names = {
        Verdict.PASS: QCoreApplication.translate("spotcheck", "Pass"),
        Verdict.MOSTLY: QCoreApplication.translate("spotcheck", "Mostly compliant"),
        Verdict.FAIL: QCoreApplication.translate("spotcheck", "Fail"),
    }
    return names[verdict]


def check_item_name(item: CheckItem) -> str:
    names = {
        CheckItem.ANNOUNCED: QCoreApplication.translate("spotcheck", "Recording announced"),
        CheckItem.ID_SHOWN: QCoreApplication.translate("spotcheck", "ID shown"),
        CheckItem.CONTINUOUS: QCoreApplication.translate("spotcheck", "Continuous, no interruption"),
        CheckItem.CLEAR: QCoreApplication.translate("spotcheck", "Picture and sound clear"),
        CheckItem.LENS_CLEAR: QCoreApplication.translate("spotcheck", "Lens not blocked"),
        CheckItem.CONDUCT: QCoreApplication.translate("spotcheck", "Conduct proper"),
        CheckItem.UPLOADED_24H: QCoreApplication.translate("spotcheck", "Uploaded within 24 h"),
        CheckItem.CASE_LINKED: QCoreApplication.translate("spotcheck", "Linked to incident/case"),
        CheckItem.FILE_INTACT: QCoreApplication.translate("spotcheck", "File intact"),
    }
    return names[item]


def event_name(event_type: DeviceEventType) -> str:
    names = {
        DeviceEventType.POWER_ON: QCoreApplication.translate("labels", "Power on"),
        DeviceEventType.POWER_OFF: QCoreApplication.translate("labels", "Power off"),
        DeviceEventType.RECORD_START: QCoreApplication.translate("labels", "Recording started"),
        DeviceEventType.RECORD_STOP: QCoreApplication.translate("labels", "Recording stopped"),
        DeviceEventType.LOW_BATTERY: QCoreApplication.translate("labels", "Low battery"),
        DeviceEventType.BATTERY_CHANGE: QCoreApplication.translate("labels", "Battery changed"),
        DeviceEventType.ABNORMAL_INTERRUPTION: QCoreApplication.translate("labels", "Abnormal interruption"),
        DeviceEventType.DOCK: QCoreApplication.translate("labels", "Docked at a station"),
        DeviceEventType.CLOCK_SYNC: QCoreApplication.translate("labels", "Clock set"),
        DeviceEventType.OTHER: QCoreApplication.translate("labels", "Other event"),
    }
    return names[event_type]


# --- the pre-screen's findings (issue 17): a name per kind code, a colour per family of kinds ---

PICTURE_COLOR, SOUND_COLOR, UNDECODABLE_COLOR, DAY_COLOR = "#e67e22", "#16a085", "#c0392b", "#b7950b"
FINDING_COLORS = {
    "covered": PICTURE_COLOR,
    "dark": PICTURE_COLOR,
    "frozen": PICTURE_COLOR,
    "silent": SOUND_COLOR,
    "clipped": SOUND_COLOR,
    "undecodable": UNDECODABLE_COLOR,
}
"""The picture, sound and undecodable families; every other kind is about the officer's day (DAY_COLOR)."""


def finding_kind_name(kind: str) -> str:
    """The reviewer's name of a finding kind (workstation.prescreen.types.FINDING_KINDS); an unknown code as is."""
    names = {
        "covered": QCoreApplication.translate("prescreen", "Lens covered"),
        "dark": QCoreApplication.translate("prescreen", "Picture too dark"),
        "frozen": QCoreApplication.translate("prescreen", "Picture frozen"),
        "silent": QCoreApplication.translate("prescreen", "No sound"),
        "clipped": QCoreApplication.translate("prescreen", "Sound clipped"),
        "undecodable": QCoreApplication.translate("prescreen", "Cannot be decoded"),
        "gap": QCoreApplication.translate("prescreen", "Gap in recording"),
        "overlap": QCoreApplication.translate("prescreen", "Overlapping recordings"),
        "abnormal_end": QCoreApplication.translate("prescreen", "Ended by abnormal interruption"),
        "low_battery_end": QCoreApplication.translate("prescreen", "Ended on low battery"),
        "late_upload": QCoreApplication.translate("prescreen", "Uploaded over 24 h late"),
        "no_case_link": QCoreApplication.translate("prescreen", "Day not linked to an incident"),
        "clock_drift": QCoreApplication.translate("prescreen", "Recorder clock drifts"),
    }
    return names.get(kind, kind)


def finding_color(kind: str) -> str:
    return FINDING_COLORS.get(kind, DAY_COLOR)


def finding_status_name(status: FindingStatus) -> str:
    """需人工复核 until a reviewer decides: a finding is a hint, never a verdict."""
    names = {
        FindingStatus.PENDING: QCoreApplication.translate("prescreen", "Needs human review"),
        FindingStatus.CONFIRMED: QCoreApplication.translate("prescreen", "Confirmed by a reviewer"),
        FindingStatus.DISMISSED: QCoreApplication.translate("prescreen", "Dismissed by a reviewer"),
    }
    return names[status]
