"""File-name recognition: the GA/T 947 default, vendor patterns from settings, and fuzzing."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.errors import IngestConfigError
from workstation.naming import GAT947_PATTERN, ParsedName, Unrecognised, parse_name, patterns_from_settings
from workstation.types import FileType, RejectReason


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
