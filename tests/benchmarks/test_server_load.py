"""Load on one archive server instance (issue 12): many review PCs browsing and streaming at once.

BENCH_LOAD_CLIENTS simulated clients (50), each signed in as its own reviewer of one brigade of the bulk-loaded
clip archive, run for BENCH_LOAD_SECONDS (20) against one `workstation serve` instance on loopback (TLS), on
SQLite and on PostgreSQL, once for each worker count of BENCH_LOAD_WORKERS ("1,2": `serve --workers N`, one
server started after the other on the same archive; a summary table compares them). All clients are asyncio
tasks in the test process, each with its own keep-alive HTTPS connection (httpx), sending what the program
sends (the `ArchiveClient` calls as workstation.client.wire encodes them, with an idempotency key; media with
Range requests). One cycle of a client, as a reviewer changing a filter and then looking into a clip:

    page    first_clip_page: the brigade's clips in a random month, 200 rows, newest first
    count   count_clips of the same filter
    range   Range requests at a random place of the clip it is viewing (an open register entry, started
            before the load): a seek, then playing on

at one of two paces (BENCH_LOAD_PACES, both by default, each run in turn):

    review  what a review PC asks for: after the filter change it seeks into a clip and plays it for 10 s,
            fetching what the player fetches (libVLC reads 16 MiB ahead at a seek, which HttpsRangeSource asks
            for in requests of 256 KiB doubling to 8 MiB, back to back: 15.75 MiB, more than 10 s of a
            recorder's 1080p at 8 Mbit/s needs), then changes the filter again
    stress  four 1 MiB Range requests back to back, then a pause of 0..2 x BENCH_LOAD_THINK_MS (500) ms: five
            times the filter changes of `review`, and about as much media (0 makes it a saturation test)

Target (issue 12): no errors, page p95 < 300 ms on this 2-core machine, where the clients' own process
shares the two cores with the server (what the server used, its workers included, is reported as CPU seconds
per second).
Asserted: no request failed, every count is the generator's exact one, every range holds the file's bytes.
"""

import asyncio
import json
import os
import random
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from db.models import Clip
from tests.benchmarks.bulk import DAYS, FIRST_DAY
from tests.benchmarks.conftest import MIB, BenchReport, BenchScale, ClipArchive
from tests.benchmarks.server_site import ServedClips, close_all, give_media, serving
from tests.benchmarks.test_server_browse import percentiles
from tests.helpers.processes import cpu_seconds_with_children
from workstation.client.connection import tls_context
from workstation.client.remote import RemoteClient
from workstation.client.wire import API, IDEMPOTENCY_HEADER, remote_calls
from workstation.footage.types import NEWEST_FIRST, ClipFilter
from workstation.types import Role

pytestmark = pytest.mark.benchmark

PAGE_ROWS = 200
MEDIA_BYTES = 16 * MIB
TARGET_PAGE_P95_MS = 300


@dataclass(frozen=True)
class Pace:
    """How a simulated review PC paces its requests (see the module docstring)."""

    name: str
    ranges: tuple[int, ...]  # the bytes of each Range request of a cycle, back to back
    play_s: float  # a cycle's ranges and the wait after them last this long (0: no wait)
    think: bool  # a pause of 0..2 x BENCH_LOAD_THINK_MS after each cycle


PACES = {
    "review": Pace("review", tuple(MIB // 4 << doubling for doubling in range(6)), 10.0, think=False),
    "stress": Pace("stress", (MIB,) * 4, 0.0, think=True),
}


@dataclass(frozen=True)
class LoadScale:
    clients: int
    seconds: float
    think_ms: float
    workers: tuple[int, ...]
    paces: tuple[Pace, ...]

    @classmethod
    def from_environment(cls) -> "LoadScale":
        return cls(
            int(os.environ.get("BENCH_LOAD_CLIENTS") or 50),
            float(os.environ.get("BENCH_LOAD_SECONDS") or 20),
            float(os.environ.get("BENCH_LOAD_THINK_MS") or 500),
            tuple(int(count) for count in (os.environ.get("BENCH_LOAD_WORKERS") or "1,2").split(",")),
            tuple(PACES[name] for name in (os.environ.get("BENCH_LOAD_PACES") or "review,stress").split(",")),
        )


@dataclass
class Reviewer:
    """One simulated review PC: its session, brigade, and the register entry of the clip it views."""

    token: str
    brigade: int
    entry_id: int


@dataclass
class Measured:
    ms: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    media_bytes: int = 0  # of the ranges answered with the right bytes


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def clip_archive(request: pytest.FixtureRequest) -> ClipArchive:
    archive: ClipArchive = request.getfixturevalue(f"{request.param}_clip_archive")
    return archive


async def _client(
    site: ServedClips,
    reviewer: Reviewer,
    media: bytes,
    pace: Pace,
    think_ms: float,
    deadline: float,
    seed: int,
    out: Measured,
) -> None:
    calls = remote_calls()
    org, generator = site.clips.org, site.clips.clips
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {reviewer.token}", "Content-Type": "application/json"}
    unit_ids = org.subtree(reviewer.brigade)
    async with httpx.AsyncClient(
        base_url=site.server.url + API, verify=tls_context(site.server.pin), timeout=60, headers=headers
    ) as http:

        async def timed(kind: str, method: str, path: str, **kwargs: object) -> httpx.Response | None:
            started = time.perf_counter()
            try:
                answer = await http.request(method, path, **kwargs)  # type: ignore[arg-type]
            except httpx.HTTPError as error:
                out.errors.append(f"{kind}: {error!r}")
                return None
            out.ms[kind].append((time.perf_counter() - started) * 1000)
            if not answer.is_success:
                out.errors.append(f"{kind}: {answer.status_code} {answer.text[:200]}")
                return None
            return answer

        # review PCs are not in step: each begins somewhere in its cycle (at the review pace, all 50 would
        # otherwise ask for a page and seek into a clip in the same instant every 10 s)
        await asyncio.sleep(rng.uniform(0, pace.play_s or 2 * think_ms / 1000))
        while time.perf_counter() < deadline:
            start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 31))
            criteria = ClipFilter(
                unit_code=org.unit_code(reviewer.brigade), date_from=start, date_to=start + timedelta(days=30)
            )
            key = {IDEMPOTENCY_HEADER: uuid.uuid4().hex}
            body = calls["first_clip_page"].encode_arguments((criteria, NEWEST_FIRST, PAGE_ROWS), {})
            page = await timed("page", "POST", "/call/first_clip_page", content=body, headers=key)
            expected = generator.expected_count(unit_ids, start, start + timedelta(days=30))
            if page is not None and len(json.loads(page.content)["result"]) != min(PAGE_ROWS, expected):
                out.errors.append(f"page: wrong row count for {criteria}")
            key = {IDEMPOTENCY_HEADER: uuid.uuid4().hex}
            body = calls["count_clips"].encode_arguments((criteria,), {})
            count = await timed("count", "POST", "/call/count_clips", content=body, headers=key)
            if count is not None and json.loads(count.content)["result"] != expected:
                out.errors.append(f"count: {count.content[:100]!r} != {expected} for {criteria}")
            offset = rng.randrange(len(media) - sum(pace.ranges))
            playing_from = time.perf_counter()
            for size in pace.ranges:
                ranged = {"Range": f"bytes={offset}-{offset + size - 1}"}
                part = await timed("range", "GET", f"/media/{reviewer.entry_id}", headers=ranged)
                if part is not None and part.content != media[offset : offset + size]:
                    out.errors.append(f"range: wrong bytes at {offset}")
                elif part is not None:
                    out.media_bytes += size
                offset += size
            await asyncio.sleep(max(0.0, playing_from + pace.play_s - time.perf_counter()))
            if pace.think:
                await asyncio.sleep(rng.uniform(0, 2 * think_ms / 1000))


def _reviewers(site: ServedClips, scale: LoadScale, media: Path) -> tuple[list[Reviewer], list[RemoteClient]]:
    """Signed-in reviewers, one per brigade, each viewing (register entry open) a clip with real media."""
    org = site.clips.org
    brigades = [org.brigade_ids[number % len(org.brigade_ids)] for number in range(scale.clients)]
    logins = [f"load-reviewer-{number:03d}" for number in range(scale.clients)]
    site.ensure_users([(login, Role.REVIEWER, org.unit_code(b)) for login, b in zip(logins, brigades, strict=True)])
    with site.clips.archive.sessions.read() as session:
        first_clip = dict(
            session.execute(
                select(Clip.unit_id, func.min(Clip.id)).where(Clip.unit_id.in_(brigades)).group_by(Clip.unit_id)
            ).all()
        )
    give_media(site.clips, list(first_clip.values()), media)
    clients = site.sign_in(logins)
    reviewers = []
    for client, brigade in zip(clients, brigades, strict=True):
        viewing = client.start_viewing(first_clip[brigade])
        assert client.connection.token is not None
        reviewers.append(Reviewer(client.connection.token, brigade, viewing.entry_id))
    return reviewers, clients


def test_load_of_many_review_pcs_on_one_server(
    clip_archive: ClipArchive, bench_scale: BenchScale, bench_report: BenchReport, tmp_path: Path
):
    scale = LoadScale.from_environment()
    media = random.Random(bench_scale.seed).randbytes(MEDIA_BYTES)
    media_file = clip_archive.archive.media_root / "load-bench-media.bin"
    media_file.write_bytes(media)
    summary, errors = [], []
    for workers in scale.workers:
        with serving(clip_archive, tmp_path / f"workers-{workers}", ["--workers", str(workers)]) as served:
            for pace in scale.paces:
                figures, measured = _load(served, scale, pace, media, media_file, workers, bench_scale, bench_report)
                summary.append([pace.name, workers, *figures])
                errors += measured.errors
    bench_report.table(
        f"Load: {scale.clients} review PCs on one server by pace and worker processes, {clip_archive.kind}, "
        f"{scale.seconds:.0f} s each (ms)",
        ["pace", "workers", "requests/s", "page p50", "page p95", "range p95", "server cores", "clients' cores"],
        summary,
        [f"target: no errors, page p95 < {TARGET_PAGE_P95_MS} ms; errors: {len(errors)}"],
    )
    assert not errors, errors[:10]


def _load(
    served: ServedClips,
    scale: LoadScale,
    pace: Pace,
    media: bytes,
    media_file: Path,
    workers: int,
    bench_scale: BenchScale,
    bench_report: BenchReport,
) -> tuple[list[str], Measured]:
    """One run of the load against `served`: reported as before, and its summary row."""
    reviewers, clients = _reviewers(served, scale, media_file)
    measured = Measured()

    async def everyone() -> None:
        deadline = time.perf_counter() + scale.seconds
        await asyncio.gather(
            *(
                _client(served, reviewer, media, pace, scale.think_ms, deadline, bench_scale.seed + number, measured)
                for number, reviewer in enumerate(reviewers)
            )
        )

    cpu_before, started = cpu_seconds_with_children(served.server.process.pid), time.perf_counter()
    own_cpu = time.process_time()
    asyncio.run(everyone())
    elapsed = time.perf_counter() - started
    own_cpu = time.process_time() - own_cpu
    server_cpu = cpu_seconds_with_children(served.server.process.pid) - cpu_before
    for client, reviewer in zip(clients, reviewers, strict=True):
        client.finish_viewing(reviewer.entry_id, 0)  # type: ignore[attr-defined]  # made from the Protocol
    close_all(clients)

    total = sum(len(values) for values in measured.ms.values())
    media_mib = measured.media_bytes / MIB
    figures = {kind: {**percentiles(values), "count": len(values)} for kind, values in measured.ms.items()}
    bench_report.table(
        f"Load: {scale.clients} review PCs at the {pace.name} pace on one server ({workers} worker processes), "
        f"{served.clips.kind}, {served.clips.clips.total:,} clips, {elapsed:.0f} s (ms)",
        ["request", "count", "per s", "p50", "p95", "max"],
        [
            [
                kind,
                entry["count"],
                f"{entry['count'] / elapsed:.0f}",
                f"{entry['p50']:.1f}",
                f"{entry['p95']:.1f}",
                f"{entry['max']:.1f}",
            ]
            for kind, entry in figures.items()
        ],
        [
            f"{total / elapsed:.0f} requests/s, {media_mib / elapsed:.0f} MiB/s of media; "
            f"errors: {len(measured.errors)}",
            f"CPU cores used: server {server_cpu / elapsed:.2f}, the clients' process {own_cpu / elapsed:.2f} "
            f"(of {os.cpu_count()}, shared with whatever else runs; load average {os.getloadavg()[0]:.2f})",
            f"target: no errors, page p95 < {TARGET_PAGE_P95_MS} ms",
        ],
    )
    bench_report.write(
        f"server-load-{served.clips.kind}-{pace.name}-workers-{workers}",
        {
            "load": {**scale.__dict__, "paces": [entry.name for entry in scale.paces]},
            "pace": pace.__dict__,
            "workers": workers,
            "seconds": elapsed,
            "requests_per_s": total / elapsed,
            "server_cpu_cores": server_cpu / elapsed,
            "clients_cpu_cores": own_cpu / elapsed,
            "load_average": os.getloadavg(),
            "requests": figures,
            "errors": measured.errors[:50],
        },
    )
    assert all(measured.ms[kind] for kind in ("page", "count", "range"))
    page = figures["page"]
    row = [f"{total / elapsed:.0f}", f"{page['p50']:.0f}", f"{page['p95']:.0f}", f"{figures['range']['p95']:.0f}"]
    return [*row, f"{server_cpu / elapsed:.2f}", f"{own_cpu / elapsed:.2f}"], measured
