"""TimelineWidget: clicks and drags ask to seek, marks are found under the mouse, gaps are drawn."""

from datetime import datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from player.timeline import MARK_LANE, RULER_HEIGHT, TimelineMark, TimelineSpan, TimelineWidget

LANE_Y = RULER_HEIGHT + MARK_LANE // 2
TRACK_Y = RULER_HEIGHT + MARK_LANE + 10


def make_timeline(qtbot, duration_ms: int = 60_000) -> TimelineWidget:
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(616, timeline.minimumHeight())  # 600 px of track: 100 ms per px for a minute
    timeline.set_duration(duration_ms)
    timeline.show()
    qtbot.waitExposed(timeline)
    return timeline


def test_pixels_and_milliseconds_map_both_ways(qtbot):
    timeline = make_timeline(qtbot)
    assert timeline.x_at(0) == 8
    assert timeline.x_at(60_000) == 608
    assert timeline.ms_at(308) == 30_000
    assert timeline.ms_at(-50) == 0
    assert timeline.ms_at(10_000) == 60_000


def test_a_click_on_the_track_asks_to_seek_there(qtbot):
    timeline = make_timeline(qtbot)
    with qtbot.waitSignal(timeline.seek_requested) as seek:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(158, TRACK_Y))
    assert seek.args == [15_000]


def test_dragging_scrubs(qtbot):
    timeline = make_timeline(qtbot)
    seen: list[int] = []
    timeline.seek_requested.connect(seen.append)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(108, TRACK_Y))
    qtbot.mouseMove(timeline, QPoint(208, TRACK_Y))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(208, TRACK_Y))
    assert seen[0] == 10_000
    assert seen[-1] == 20_000


def test_clicking_a_mark_activates_it_and_seeks_to_its_start(qtbot):
    timeline = make_timeline(qtbot)
    timeline.set_marks(
        [
            TimelineMark(1, 20_000, 40_000, "#2980b9", "询问"),
            TimelineMark(2, 30_000, None, "#c0392b", "出示证件"),
            TimelineMark(3, 25_000, 28_000, "#27ae60", "告知"),
        ]
    )
    activated: list[object] = []
    seeks: list[int] = []
    timeline.mark_activated.connect(activated.append)
    timeline.seek_requested.connect(seeks.append)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(310, LANE_Y))  # 3 px from the point
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(268, LANE_Y))  # inside both segments
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(358, LANE_Y))
    assert activated == [2, 3, 1]
    assert seeks == [30_000, 25_000, 20_000]


def test_nothing_happens_without_a_duration(qtbot):
    timeline = make_timeline(qtbot, duration_ms=0)
    seen: list[int] = []
    timeline.seek_requested.connect(seen.append)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(100, TRACK_Y))
    assert seen == []


def test_gaps_between_spans_are_drawn_hatched(qtbot):
    timeline = make_timeline(qtbot)
    timeline.set_spans([TimelineSpan(0, 20_000), TimelineSpan(40_000, 60_000)])
    timeline.set_origin(datetime(2026, 11, 21, 8, 59, 50))
    image = timeline.grab().toImage()
    inside = {QColor(image.pixel(x, TRACK_Y)).name() for x in range(60, 160)}
    gap = {QColor(image.pixel(x, TRACK_Y)).name() for x in range(250, 350)}
    assert inside == {"#5d7fa3"}  # the span colour
    assert "#c0392b" in gap and len(gap) > 1  # hatched: the gap colour and the background
