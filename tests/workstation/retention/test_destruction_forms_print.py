"""The destruction forms on paper: printed by LibreOffice (headless) to PDF as a user prints them, then read
back: A4 pages (the 销毁审批表 portrait, the 销毁清单 landscape), body text at 9 pt or more (the SHA-256 in
its small monospace at 6.5 pt or more), no word printed over another, every clip's file name on the paper."""

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Clip
from tests.helpers.destruction_builders import add_clip, build_destruction_org
from tests.helpers.printed_pdf import print_problems, print_to_pdf, read_pages, render_page, smallest_sizes
from workstation.client.local import LocalClient
from workstation.identity import Identity
from workstation.retention import destruction
from workstation.retention.types import DestructionSpec

pytestmark = pytest.mark.slow  # LibreOffice's conversion takes several seconds

PNG = os.environ.get("FORMS_PRINT_PNG")  # set to look at the first page
REASON = (
    "经筛查，2024 年 1 月至 3 月各大队执法记录仪录像已满两年保存期限，与在办案件、行政复议、诉讼及信访事项均无关联，"
    "亦未被标记为重要证据，拟按规定集中销毁"
)


@pytest.mark.parametrize("database_kind", ["sqlite"])  # the layout does not depend on the database
def test_the_destruction_forms_print_readably_on_a4(archive, tmp_path):
    build_destruction_org(archive)
    clips = [add_clip(archive, ("DD01", "DD02")[number % 2]) for number in range(12)]
    clerk = LocalClient(archive, Identity.user("clerk"))
    row = clerk.request_destruction(DestructionSpec(REASON, tuple(clips)))
    with archive.sessions.write() as session:
        destruction.approve_destruction(session, Identity.user("head"), row.id, "同意销毁，执行后报支队备案", now=None)
    target = tmp_path / "销毁审批表.xlsx"
    assert LocalClient(archive, Identity.user("head")).export_destruction_forms(row.id, target) == len(clips)

    pdf = print_to_pdf(target, tmp_path)
    pages = read_pages(pdf)

    assert [page.landscape for page in pages] == [False] + [True] * (len(pages) - 1)
    assert print_problems(pages, body_size=9, small_size=6.5, small_font="Mono") == []
    body, small = smallest_sizes(pages, "Mono")
    print(f"\ndestruction forms print: {len(pages)} pages, smallest body text {body:.1f} pt, SHA-256 {small:.1f} pt")
    assert small >= 6.5  # the SHA-256 did print in the small monospace
    printed = "".join(box for page in pages for box in page.boxes)
    assert REASON.replace(" ", "") in printed.replace(" ", "")
    with archive.sessions.read() as session:
        names = session.execute(select(Clip.original_name).where(Clip.id.in_(clips))).scalars().all()
    assert len(names) == len(clips)
    for name in names:
        assert name in printed
    if PNG:
        render_page(pdf, 1, Path(PNG))
