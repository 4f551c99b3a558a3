"""Which window a signed-in user gets."""

from ui.common import prefs
from ui.common.tasks import Operations
from ui.shell.main_window import MainWindow
from ui.shell.signed_in_window import SignedInWindow
from ui.shell.station_window import StationWindow
from workstation.client.links import ArchiveLink
from workstation.org.users import SignedInUser
from workstation.types import Role


def signed_in_window(
    link: ArchiveLink, user: SignedInUser, location: str, preferences: prefs.Preferences, operations: Operations
) -> SignedInWindow:
    """The window for the signed-in user: an ingest station's account gets the station's window (it may do
    nothing else), everyone else the main window with the sections of their role."""
    window_class = StationWindow if user.role is Role.STATION else MainWindow
    return window_class(link.client(user), link, user, location, preferences, operations)
