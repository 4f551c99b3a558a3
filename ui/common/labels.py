"""Display names for the services' codes (roles, unit levels, verdicts, checklist items, recorder log events),
translated through Qt."""

from PySide6.QtCore import QCoreApplication

from workstation.footage.types import DeviceEventType
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
