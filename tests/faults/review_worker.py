"""Submit reviews as their own process, for the kill -9 test of review submission.

    python -m tests.faults.review_worker DATABASE_URL MEDIA_ROOT LOGIN ITEM_ID...

Submits a 合格 review of each sampled item in turn through workstation.spotcheck_reviews (the service
the checklist window calls; there is no command for it) and prints `reviewed ID` or `taken ID` (the item
was already reviewed) as soon as each is known.
"""

import sys
from pathlib import Path

from tests.helpers.spotcheck_claim_worker import REVIEW
from workstation.archive import Archive
from workstation.errors import ItemTaken
from workstation.identity import Identity
from workstation.spotcheck import reviews


def main(url: str, media_root: str, login: str, item_ids: list[int]) -> None:
    archive = Archive.open_url(url, Path(media_root))
    try:
        for item_id in item_ids:
            try:
                reviews.submit_review(archive.sessions, Identity.user(login), item_id, REVIEW)
            except ItemTaken:
                print(f"taken {item_id}", flush=True)
            else:
                print(f"reviewed {item_id}", flush=True)
    finally:
        archive.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], [int(item) for item in sys.argv[4:]])
