"""Display names for the services' codes (roles, unit levels), translated through Qt."""

from PySide6.QtCore import QCoreApplication

from workstation.types import Role, UnitLevel


def role_name(role: Role) -> str:
    names = {
        Role.ADMIN: QCoreApplication.translate("labels", "Footage administrator"),
        Role.REVIEWER: QCoreApplication.translate("labels", "Spot-check reviewer"),
        Role.APPROVER: QCoreApplication.translate("labels", "Unit head"),
        Role.LEGAL: QCoreApplication.translate("labels", "Legal"),
        Role.INSPECTION: QCoreApplication.translate("labels", "Inspection"),
        Role.OFFICER: QCoreApplication.translate("labels", "Officer"),
    }
    return names[role]


def level_name(level: UnitLevel) -> str:
    names = {
        UnitLevel.CORPS: QCoreApplication.translate("labels", "Corps"),
        UnitLevel.DETACHMENT: QCoreApplication.translate("labels", "Detachment"),
        UnitLevel.BRIGADE: QCoreApplication.translate("labels", "Brigade"),
    }
    return names[level]
