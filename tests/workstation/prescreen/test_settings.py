"""The pre-screen's settings: detector thresholds by ScanSettings field name, per recorder model and for day and
night; a typo or a wrong type is a SettingsError naming it, and the rest of workstation.toml is still checked."""

import pytest

from player.media.prescreen.types import ScanSettings
from workstation import config
from workstation.cli import messages
from workstation.errors import SettingsError
from workstation.prescreen.settings import PrescreenSettings

TOML = """
[spotcheck]
ratio = "10%"

[prescreen]
min_span_ms = 4000
night_from = 20
night_to = 6
[prescreen.night]
min_span_ms = 6000
[prescreen.model."DSJ-V9"]
min_span_ms = 2000
[prescreen.model."DSJ-V9".night]
min_span_ms = 2500
"""


def _load(isolated_config, text: str) -> PrescreenSettings:
    isolated_config.mkdir(parents=True, exist_ok=True)
    (isolated_config / config.SETTINGS_FILE).write_text(text, encoding="utf-8")
    return PrescreenSettings.load()


def test_model_and_night_layers(isolated_config):
    settings = _load(isolated_config, TOML)
    assert settings.for_clip(None, 12) == ScanSettings(min_span_ms=4000)
    assert settings.for_clip("other", 23) == ScanSettings(min_span_ms=6000)
    assert settings.for_clip(None, 5) == ScanSettings(min_span_ms=6000) and not settings.is_night(6)
    assert settings.for_clip("DSJ-V9", 9) == ScanSettings(min_span_ms=2000)
    assert settings.for_clip("DSJ-V9", 21) == ScanSettings(min_span_ms=2500)
    assert PrescreenSettings().for_clip("DSJ-V9", 3) == ScanSettings()  # no settings: the detectors' defaults


@pytest.mark.parametrize(
    ("text", "place", "key"),
    [
        ("[prescreen]\nmin_span = 1\n", "prescreen", "min_span"),
        ('[prescreen.model."X"]\nmin_span_ms = "3s"\n', 'prescreen.model."X"', "min_span_ms"),
        ("[prescreen.night]\nmin_span_ms = true\n", "prescreen.night", "min_span_ms"),
        ("[prescreen]\ngap_minutes = 1.5\n", "prescreen", "gap_minutes"),
    ],
)
def test_a_wrong_setting_is_named(isolated_config, text, place, key):
    with pytest.raises(SettingsError, match="settings_invalid") as refusal:
        _load(isolated_config, text)
    [problem] = refusal.value.data["problems"]
    assert (problem.place, problem.key) == (place, key)
    assert key in messages.describe(refusal.value)


def test_the_section_does_not_hide_the_others(isolated_config):
    with pytest.raises(SettingsError, match="settings_invalid"):
        _load(isolated_config, "[prescreen]\n[spotchek]\nratio = 1\n")
