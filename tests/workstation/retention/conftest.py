"""An organisation with one clip per unit (tests.helpers.access_builders) and the staff retention needs."""

import pytest

from tests.helpers.access_builders import AccessOrg, add_users, build_access_org
from workstation.types import Role

STAFF = (
    ("legal", Role.LEGAL, "ZD01"),
    ("inspector", Role.INSPECTION, "ZD"),
    ("zd01_admin", Role.ADMIN, "ZD01"),
    ("dd01_admin", Role.ADMIN, "DD01"),
    ("head", Role.APPROVER, "ZD01"),
    ("reviewer", Role.REVIEWER, "ZD01"),
)


@pytest.fixture
def org(archive) -> AccessOrg:
    built = build_access_org(archive)
    add_users(archive, STAFF)
    return built
