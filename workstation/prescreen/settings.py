"""The pre-screen's settings in workstation.toml: detector thresholds per recorder model and for day and night,
and the thresholds of the officer's-day findings.

    [prescreen]                      # defaults, over the detectors' own (ScanSettings)
    min_span_ms = 3000               # any ScanSettings field, by name
    night_from = 19                  # the night runs from this hour (the clip's recorded local hour) ...
    night_to = 7                     # ... to this one
    gap_minutes = 10                 # a longer break between two clips of an officer's day is a finding
    end_event_window_s = 60          # 异常中断/电量低 this close to a clip's end ended it
    scan_workers = 1                 # the archive server's background scan: worker processes (0: off) ...
    scan_interval_s = 600            # ... and how often it looks for clips left unscanned (besides after uploads)
    [prescreen.night]                # at night, over the defaults
    min_span_ms = 5000
    [prescreen.model."DSJ-V9"]       # one recorder model, over the defaults (and its own night table)
    min_span_ms = 2000
    [prescreen.model."DSJ-V9".night]

The detectors' thresholds are mapped onto ScanSettings by name, so a new detector threshold needs no code here;
an unknown name or a value of the wrong type is a SettingsError naming it (settings_invalid).
"""

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from player.media.prescreen.types import ScanSettings
from workstation import config
from workstation.config import SettingsProblem
from workstation.errors import SettingsError

SECTION = "prescreen"
_OWN = {
    "night_from": 19,
    "night_to": 7,
    "gap_minutes": 10,
    "end_event_window_s": 60,
    "scan_workers": 1,
    "scan_interval_s": 600,
}
_TABLES = ("night", "model")
_TYPE_CODES = {int: "integer", float: "number", str: "text", bool: "boolean"}


@dataclass(frozen=True)
class PrescreenSettings:
    """The [prescreen] table, checked: detector overrides (by field name) for all clips, at night, per model."""

    overrides: dict[str, Any] = field(default_factory=dict)
    night: dict[str, Any] = field(default_factory=dict)
    models: dict[str, tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)  # model → (day, night)
    night_from: int = _OWN["night_from"]
    night_to: int = _OWN["night_to"]
    gap_minutes: int = _OWN["gap_minutes"]
    end_event_window_s: int = _OWN["end_event_window_s"]
    scan_workers: int = _OWN["scan_workers"]
    scan_interval_s: int = _OWN["scan_interval_s"]

    @classmethod
    def load(cls) -> "PrescreenSettings":
        return cls.from_settings(config.load_settings(), str(config.settings_path()))

    @classmethod
    def from_settings(cls, settings: dict[str, Any], path: str = "") -> "PrescreenSettings":
        section = settings.get(SECTION, {})
        problems: list[SettingsProblem] = []
        if not isinstance(section, dict):
            raise SettingsError("settings_invalid", path=path, problems=[SettingsProblem("not_a_section", SECTION)])
        own = {key: section[key] for key in _OWN if key in section}
        for key, value in own.items():
            if isinstance(value, bool) or not isinstance(value, int):
                problems.append(SettingsProblem("wrong_type", SECTION, key, ("integer",), repr(value)))
        overrides = _detector_values(SECTION, {k: v for k, v in section.items() if k not in _OWN}, problems)
        night = _detector_values(f"{SECTION}.night", section.get("night", {}), problems)
        models = {}
        for model, table in _table(f"{SECTION}.model", section.get("model", {}), problems).items():
            place = f'{SECTION}.model."{model}"'
            day_values = _detector_values(place, table, problems)
            models[model] = (day_values, _detector_values(f"{place}.night", table.get("night", {}), problems))
        if problems:
            raise SettingsError("settings_invalid", path=path, problems=problems)
        return cls(overrides, night, models, **own)

    def for_clip(self, model: str | None, local_hour: int) -> ScanSettings:
        """The detector settings of a clip of this recorder model recorded at this local hour."""
        layers = [self.overrides]
        is_night = self.is_night(local_hour)
        if is_night:
            layers.append(self.night)
        if model in self.models:
            day_values, night_values = self.models[model]
            layers += [day_values, night_values] if is_night else [day_values]
        values: dict[str, Any] = {}
        for layer in layers:
            values |= layer
        return dataclasses.replace(ScanSettings(), **values)

    def is_night(self, hour: int) -> bool:
        if self.night_from <= self.night_to:
            return self.night_from <= hour < self.night_to
        return hour >= self.night_from or hour < self.night_to


def settings_json(settings: ScanSettings) -> str:
    """The settings a scan used, as kept with it (sorted keys, so equal settings are equal text)."""
    return json.dumps(dataclasses.asdict(settings), sort_keys=True, ensure_ascii=False)


def _table(place: str, value: object, problems: list[SettingsProblem]) -> dict[str, Any]:
    if not isinstance(value, dict):
        problems.append(SettingsProblem("not_a_section", place))
        return {}
    return value


def _detector_values(place: str, table: object, problems: list[SettingsProblem]) -> dict[str, Any]:
    """The ScanSettings fields a table sets (its sub-tables `night`/`model` aside), each of the field's type."""
    defaults = {item.name: getattr(ScanSettings(), item.name) for item in dataclasses.fields(ScanSettings)}
    values = {}
    for key, value in _table(place, table, problems).items():
        if key in _TABLES and isinstance(value, dict):
            continue
        if key not in defaults:
            problems.append(SettingsProblem("unknown_key", place, key, (*defaults, *_OWN)))
            continue
        kind = type(defaults[key])
        fits = isinstance(value, kind) and isinstance(value, bool) == (kind is bool)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value, fits = float(value), True
        if not fits:
            problems.append(
                SettingsProblem("wrong_type", place, key, (_TYPE_CODES.get(kind, kind.__name__),), repr(value))
            )
            continue
        values[key] = value
    return values
