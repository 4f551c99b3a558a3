"""The HTML reports on paper: each kind written by `workstation report` over the demo archive (real ingest, logs,
spot-checks, viewing requests) with a busy brigade added (40 officers with their recorders, a long unit name),
printed by Chromium (headless) to PDF as a user prints it from the browser, then read back from the PDF's text.

The rule for sizes: everything in the page's body — tables, charts, headings, notes — prints at 9 pt or more;
only the running header and footer in the page's top and bottom margins (title and query; time, chain head,
第 N 页 / 共 M 页) are smaller, at 7.5 pt or more. Beyond that: A4 landscape pages, no word over another, none
in the side margins, every page headed by the report's title and footed by its page number, a long table's
header row on each page it runs over and every one of its rows on the paper, no chart split across pages.

A table too wide for the paper is not cut off by Chromium: it shrinks the whole page to fit (as a user's print
does by default), so it shows here as body text under 9 pt.
"""

import os
import re
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from db.models import Clip, Unit
from tests.helpers.printed_pdf import Page, print_html_to_pdf, print_problems, read_pages, render_page
from tests.helpers.spotcheck_builders import add_clip, demo_copy, demo_last_day
from workstation import cli, clock
from workstation.identity import Identity
from workstation.org import registry
from workstation.prescreen import day as prescreen_day
from workstation.prescreen import queries as prescreen_queries
from workstation.prescreen import review
from workstation.prescreen.types import FindingFilter
from workstation.statistics.document import TITLES
from workstation.statistics.types import ReportKind
from workstation.types import UnitLevel

pytestmark = pytest.mark.slow  # the demo archive is built (once per run), Chromium prints each report (~2 s)

PNG = os.environ.get("REPORT_PRINT_PNG")  # set to a folder to keep each report's first pages as pictures
MM = 72 / 25.4
BAND = 14 * MM  # the top and bottom page margins (15 and 14 mm): the running header and footer
SIDE = 12 * MM
BRIGADE = ("DD09", "临江市消防救援支队高新技术产业开发区消防救援大队滨江路特勤站")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("建国", "晓燕", "振华", "思远", "伟", "明", "欣怡", "志强")
OFFICERS = 40
BADGE, DEVICE = "3209{:03d}", "DSJ-HK-V8-2026{:06d}"
LONG_TABLES = {  # the table that runs over pages: a header it repeats, the first cells of the brigade's rows
    ReportKind.WORKLOAD: ("警号", BADGE),
    ReportKind.DEVICES: ("设备编号", DEVICE),
    ReportKind.PRESCREEN: ("警号", BADGE),  # the clips with confirmed findings
}


@pytest.fixture(scope="module")
def archive_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report-print") / "archive"
    archive = demo_copy(folder)
    try:
        _add_busy_brigade(archive, demo_last_day())
        _review_findings(archive, demo_last_day())
    finally:
        archive.close()
    return folder


def _add_busy_brigade(archive, day) -> None:
    """A brigade with a long name and OFFICERS officers, each with a registered recorder and 2–5 videos on
    `day`."""
    admin = Identity.user("admin")
    with archive.sessions.write() as session:
        parent = session.query(Unit).filter_by(code="ZD01").one()
        unit = registry.create_unit(session, admin, *BRIGADE, UnitLevel.BRIGADE, "消防", parent)
        for number in range(OFFICERS):
            name = SURNAMES[number % len(SURNAMES)] + GIVEN[number % len(GIVEN)]
            officer = registry.create_officer(session, admin, BADGE.format(number), name, unit)
            device = registry.register_device(session, admin, DEVICE.format(number), None, "DSJ-HK-V8", unit)
            device.holder_officer_id = officer.id
            start = datetime.combine(day, time(8)) + timedelta(minutes=7 * number)
            clips = [
                add_clip(session, unit, officer, start + timedelta(hours=2 * n), duration_ms=(12 + number) * 60_000)
                for n in range(2 + number % 4)
            ]
            session.execute(update(Clip).where(Clip.id.in_(clips)).values(device_id=device.id))


def _review_findings(archive, day) -> None:
    """The pre-screen's record findings of the period, the busy brigade's clips all docked 30 h late: its
    administrator confirms each late upload (a long table of clips) and dismisses every other break."""
    with archive.sessions.write() as session:
        unit_id = session.query(Unit).filter_by(code=BRIGADE[0]).one().id
        for clip in session.query(Clip).filter_by(unit_id=unit_id):
            clip.ingested_at = clip.recorded_start + timedelta(hours=30)
    system, admin = Identity.system("tests"), Identity.user("admin")
    prescreen_day.recompute(archive.sessions, system, None, day - timedelta(days=1), day + timedelta(days=1))
    with archive.sessions.read() as session:
        found = prescreen_queries.find(session, system, FindingFilter(unit_code=BRIGADE[0]), 10_000)
    gaps = [finding for finding in found if finding.kind == "gap"]
    for finding in [finding for finding in found if finding.kind == "late_upload"] + gaps[::2]:
        review.decide_finding(archive.sessions, admin, finding.id, finding.kind == "late_upload")


@pytest.mark.parametrize("kind", list(ReportKind))
def test_each_report_prints_readably_on_a4(archive_folder, tmp_path, kind):
    last = demo_last_day()
    html = tmp_path / f"{kind}.html"
    period = ("--from", str(last - timedelta(days=1)), "--to", str(last + timedelta(days=1)))  # the demo's requests
    with clock.simulated(datetime.combine(last + timedelta(days=2), time(10))):  # are made the day after its last
        arguments = ["--archive", str(archive_folder), "report", "--kind", kind, *period, "--user", "admin"]
        assert cli.main([*arguments, "--out", str(html)]) == 0

    pdf = print_html_to_pdf(html, tmp_path)
    pages = read_pages(pdf)

    assert all(page.landscape for page in pages)
    assert print_problems(pages, body_size=9, small_size=7.5, small_font=None, small_band=BAND, side_margin=SIDE) == []
    body = min(word.size for page in pages for word in page.words if BAND < word.y0 < page.height - BAND)
    print(f"\n{kind} report print: {len(pages)} pages, smallest body text {body:.1f} pt")
    title = TITLES[kind]
    printed = "".join(box for page in pages for box in page.boxes)
    assert printed.startswith(title)  # the Chinese text came through whole (fonts with the glyphs, no tofu)
    assert "\ufffd" not in printed
    for page in pages:
        assert page.text_in(page.height - BAND, page.height).startswith(title), page.number
        assert f"第{page.number}页/共{len(pages)}页" in page.text_in(0, BAND), page.number
    _charts_are_whole(pages, html.read_text(encoding="utf-8"))
    if kind in LONG_TABLES:
        header, key = LONG_TABLES[kind]
        keys = {key.format(number) for number in range(OFFICERS)}
        spanned = [page for page in pages if keys & {word.text for word in page.words}]
        assert len(spanned) >= 2  # the table does run over pages
        for page in spanned:
            assert header in {word.text for word in page.words}, f"page {page.number} has no header row"
        assert keys <= {word.text for page in pages for word in page.words}  # every row on the paper, whole
    if PNG:
        for page in pages[:2]:
            render_page(pdf, page.number, Path(PNG) / f"{kind}-{page.number}.png")


def _charts_are_whole(pages: list[Page], html: str) -> None:
    """Each chart's caption (图N, above the bars) and its closing line (below them) print on the same page, in
    that order: no page ends inside a chart."""
    captions = re.findall(r"<figcaption>(图\d+)", html)
    assert captions or "各项均为 0" in html or "没有数据" in html
    seen = []
    for page in pages:
        marks = [
            ("caption" if re.fullmatch(r"图\d+", word.text) else "end", word)
            for word in sorted(page.words, key=lambda word: -word.y1)
            if re.fullmatch(r"图\d+", word.text) or word.text.startswith("按数值从大到小排列")
        ]
        assert [mark for mark, _word in marks] == ["caption", "end"] * (len(marks) // 2), f"page {page.number}"
        seen += [word.text for mark, word in marks if mark == "caption"]
    assert seen == captions
