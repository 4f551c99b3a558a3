"""File-name recognition: the GA/T 947 default, IMP/NOR marks, vendor patterns, the checks on what names
yield (folder-safe parts, possible times), file names as text, and fuzzing."""

import os
import unicodedata
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.errors import IngestConfigError
from workstation.footage.filenames import name_problem, shown
from workstation.footage.naming import (
    GAT947_PATTERN,
    NamePattern,
    ParsedName,
    Unrecognised,
    parse_name,
    patterns_from_settings,
)
from workstation.footage.types import RejectReason
from workstation.types import FileType


def test_gat947_name():
    parsed = parse_name("DEV0001_010203_20261121083000_0001.MP4")
    assert parsed == ParsedName("gat947", "DEV0001", "010203", datetime(2026, 11, 21, 8, 30), 1, FileType.VIDEO)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("VID_20261121_083000.mp4", RejectReason.UNRECOGNISED_NAME),
        ("DEV0001_010203_20261121083000_0001.EXE", RejectReason.UNSUPPORTED_TYPE),
        ("DEV0001_010203_20261399083000_0001.MP4", RejectReason.BAD_TIMESTAMP),
        ("执法记录_20261121.mp4", RejectReason.UNRECOGNISED_NAME),
    ],
)
def test_names_that_are_not_guessed_at(name, reason):
    result = parse_name(name)
    assert isinstance(result, Unrecognised) and result.reason == reason


def test_vendor_pattern_from_settings_comes_first_and_takes_the_holder_when_no_badge():
    settings = {
        "ingest": {
            "patterns": [
                {
                    "name": "vendor-a",
                    "regex": r"^(?P<start>\d{8}_\d{6})_(?P<device>[A-Z0-9]+)\.(?P<ext>\w+)$",
                    "time_format": "%Y%m%d_%H%M%S",
                }
            ]
        }
    }
    patterns = patterns_from_settings(settings)
    assert [p.name for p in patterns] == ["vendor-a", "gat947", "imp-nor"]
    parsed = parse_name("20261121_083000_HK0007.mp4", patterns)
    assert isinstance(parsed, ParsedName)
    assert (parsed.device_no, parsed.badge_no, parsed.pattern) == ("HK0007", None, "vendor-a")


def test_a_pattern_without_the_required_groups_is_refused():
    with pytest.raises(IngestConfigError, match="device"):
        patterns_from_settings({"ingest": {"patterns": [{"name": "x", "regex": r"^(?P<start>\d+)\.(?P<ext>\w+)$"}]}})


@given(st.text(max_size=80))
def test_any_name_is_parsed_or_refused_never_crashes(name):
    assert isinstance(parse_name(name, patterns_from_settings({})), ParsedName | Unrecognised)


@given(
    device=st.from_regex(r"[A-Z0-9]{1,12}", fullmatch=True),
    badge=st.from_regex(r"[0-9]{6}", fullmatch=True),
    moment=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(
        lambda value: value.replace(microsecond=0)
    ),
    sequence=st.integers(min_value=0, max_value=9999),
    extension=st.sampled_from(["MP4", "mov", "WAV", "jpg", "LOG"]),
)
def test_generated_gat947_names_round_trip(device, badge, moment, sequence, extension):
    name = f"{device}_{badge}_{moment:%Y%m%d%H%M%S}_{sequence:04d}.{extension}"
    parsed = parse_name(name, [GAT947_PATTERN])
    assert isinstance(parsed, ParsedName)
    assert (parsed.device_no, parsed.badge_no, parsed.recorded_start, parsed.sequence_no) == (
        device,
        badge,
        moment,
        sequence,
    )


@pytest.mark.parametrize(
    ("name", "device", "badge", "sequence", "important", "pattern"),
    [
        ("NOR_8888888_000000_20230417103635_0020.MP4", "8888888", "000000", 20, False, "imp-nor"),
        ("IMP_8888888_000000_20230417103635_0021.MP4", "8888888", "000000", 21, True, "imp-nor"),
        ("imp_8888888_000000_20230417103635_0022.mp4", "8888888", "000000", 22, True, "imp-nor"),
        ("DEV0001_010203_20230417103635_0001_IMP.MP4", "DEV0001", "010203", 1, True, "gat947"),
        ("DEV0001_010203_20230417103635_0002_NOR.MP4", "DEV0001", "010203", 2, False, "gat947"),
        ("DEV0001_010203_20230417103635_0003.MP4", "DEV0001", "010203", 3, False, "gat947"),
    ],
)
def test_recorder_key_file_marks_are_recognised_by_default(name, device, badge, sequence, important, pattern):
    parsed = parse_name(name)
    assert parsed == ParsedName(
        pattern, device, badge, datetime(2023, 4, 17, 10, 36, 35), sequence, FileType.VIDEO, important
    )


@pytest.mark.parametrize(
    "name",
    [
        "DEV0001_010203_20261121083000_0001.MP4\n",  # `$` would have matched before the newline
        "xDEV0001_010203_20261121083000_0001.MP4.exe",
        "IMP_NOR_8888888_000000_20230417103635_0020.MP4",
        "DEV0001_010203_20261121083000_0001_IMP_NOR.MP4",
    ],
)
def test_a_pattern_must_match_the_whole_name(name):
    result = parse_name(name)
    assert isinstance(result, Unrecognised) and result.reason == RejectReason.UNRECOGNISED_NAME


def test_a_vendor_pattern_must_match_the_whole_name_too():
    vendor = NamePattern.compile("v", r"(?P<start>\d{14})_(?P<device>[A-Z0-9]+)\.(?P<ext>MP4)")
    assert isinstance(parse_name("20261121083000_DEV1.MP4", [vendor]), ParsedName)
    assert isinstance(parse_name("20261121083000_DEV1.MP4.bat", [vendor]), Unrecognised)


@pytest.mark.parametrize(
    ("device", "badge", "label"),
    [
        ("../../etc", "010203", "设备编号"),
        ("..", "010203", "设备编号"),
        ("DEV0001", "../x", "警号"),
        ("DEV0001", "a/b", "警号"),
        ("DEV0001", "a\\b", "警号"),
        ("DEV0001", "_待分配", "警号"),
        ("D" * 65, "010203", "设备编号"),
        ("DEV0001", "1" * 33, "警号"),
    ],
)
def test_device_numbers_and_badges_unfit_for_folders_are_bad_names(device, badge, label):
    vendor = NamePattern.compile("any", r"(?P<device>.+)=(?P<badge>.+)=(?P<start>\d{14})\.(?P<ext>MP4)")
    result = parse_name(f"{device}={badge}=20261121083000.MP4", [vendor])
    assert isinstance(result, Unrecognised) and result.reason == RejectReason.BAD_NAME and label in result.detail


def test_cjk_device_numbers_and_badges_are_fine():
    vendor = NamePattern.compile("any", r"(?P<device>.+)=(?P<badge>.+)=(?P<start>\d{14})\.(?P<ext>MP4)")
    parsed = parse_name("临江-01=消防_0102=20261121083000.MP4", [vendor])
    assert isinstance(parsed, ParsedName) and (parsed.device_no, parsed.badge_no) == ("临江-01", "消防_0102")


@pytest.mark.parametrize("stamp", ["00010101000000", "99991231235959", "19691231235959", "21000101000000"])
def test_times_no_recorder_can_have_recorded_are_bad_timestamps(stamp):
    result = parse_name(f"DEV0001_010203_{stamp}_0001.MP4")
    assert isinstance(result, Unrecognised) and result.reason == RejectReason.BAD_TIMESTAMP
    assert "不可能是录制时间" in result.detail and "1970—2099" in result.detail


def test_a_reset_recorder_clock_is_still_a_recording_time():
    assert isinstance(parse_name("DEV0001_010203_20000101000000_0001.MP4"), ParsedName)
    assert isinstance(parse_name("DEV0001_010203_19700101000000_0001.MP4"), ParsedName)


@given(st.text(max_size=80))
def test_a_recognised_name_yields_folder_safe_parts(name):
    parsed = parse_name(name, patterns_from_settings({}))
    if isinstance(parsed, ParsedName):
        for part in (parsed.device_no, parsed.badge_no or "X"):
            assert part.replace("-", "").replace("_", "").isalnum() and part[0] not in "-_"


# --- file names as text -----------------------------------------------------------------------------------

_ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and control characters included


@given(st.text(alphabet=_ANY_CHARACTER, max_size=40))
def test_any_name_is_shown_as_printable_utf8(name):
    text = shown(name)
    text.encode("utf-8")
    assert not {unicodedata.category(character) for character in text} & {"Cc", "Cf", "Cs", "Zl", "Zp"}
    if name_problem(name) is None:
        name.encode("utf-8")
        assert shown(name) == name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"A\xff.MP4", "A\\xff.MP4"),
        (b"A\x07\x1b.MP4", "A\\x07\\x1b.MP4"),
        (b"A.MP4\n", "A.MP4\\n"),
        ("临江\u202egnp.MP4".encode(), "临江\\u202egnp.MP4"),
        ("执法记录仪.MP4".encode(), "执法记录仪.MP4"),
    ],
)
def test_names_are_shown_with_escapes(raw, expected):
    assert shown(os.fsdecode(raw)) == expected


@pytest.mark.parametrize("name", ["a:b.MP4", "a?.MP4", "a.MP4.", " a.MP4", "a\u200b.MP4", "a\udcff.MP4"])
def test_names_that_cannot_be_archived_say_why(name):
    assert name_problem(name)
