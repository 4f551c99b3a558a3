"""One reviewer in the claim race test, as its own process: claim, review, repeat until nothing is free.

    python -m tests.helpers.spotcheck_claim_worker DATABASE_URL MEDIA_ROOT LOGIN GO_FILE

Waits until GO_FILE exists (so that all workers start together; not a time: under libfaketime's "@" clock
each process's clock starts anew at the same instant), then prints the ids of the items it reviewed as a
JSON list.
"""

import json
import sys
import time
from pathlib import Path

from workstation.archive import Archive
from workstation.identity import Identity
from workstation.spotcheck import queue, reviews
from workstation.spotcheck.types import MANUAL_CHECK_ITEMS, CheckAnswer, ReviewInput, Verdict

REVIEW = ReviewInput(
    answers=dict.fromkeys(MANUAL_CHECK_ITEMS, CheckAnswer.YES),
    verdict=Verdict.PASS,
    played_intervals=((0, 10**9),),
)


def main(url: str, media_root: str, login: str, go: Path) -> None:
    archive = Archive.open_url(url, Path(media_root))
    while not go.exists():
        time.sleep(0.005)
    reviewed = []
    try:
        while (item := queue.claim(archive.sessions, Identity.user(login))) is not None:
            reviews.submit_review(archive.sessions, Identity.user(login), item.id, REVIEW)
            reviewed.append(item.id)
    finally:
        archive.close()
    print(json.dumps(reviewed))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4]))
