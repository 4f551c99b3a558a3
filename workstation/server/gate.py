"""Who a request comes from: the session its bearer token stands for, and what such a session may reach.

The user is derived from the token alone (workstation.org.sessions); nothing the client says about
who it is counts. A user whose password an administrator reset may only change it. A station account
(Role.STATION) may only upload; every other request of it is refused here, before any service runs, on
top of the services' own checks.
"""

from enum import Enum

from fastapi import Request

from db.session import Sessions
from workstation.errors import PermissionDenied
from workstation.org.sessions import SessionPolicy, session_user
from workstation.org.users import SignedInUser
from workstation.types import Role


class Purpose(Enum):
    SESSION = "session"  # the session itself: who am I, sign out, change my password
    ARCHIVE = "archive"  # every call of the archive client, exports, media, thumbnails
    INGEST = "ingest"  # uploads of recorder dumps


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


class Gate:
    def __init__(self, sessions: Sessions, policy: SessionPolicy) -> None:
        self.sessions, self.policy = sessions, policy

    def user(self, request: Request, purpose: Purpose) -> SignedInUser:
        """The signed-in user of the request, if the session may be used for `purpose` (SessionInvalid,
        PermissionDenied otherwise)."""
        user = session_user(self.sessions, bearer_token(request), self.policy)
        if purpose is Purpose.SESSION:
            return user
        if user.must_change_password:
            raise PermissionDenied("password_change_required")
        if user.role is Role.STATION and purpose is not Purpose.INGEST:
            raise PermissionDenied("station_account_uploads_only")
        return user
