"""Typed errors across the wire: the server answers a refusal as JSON, the client raises it again.

`{"kind": class name, "code": ..., "data": {...}, "message": the Chinese text}`: the client rebuilds the
same `WorkstationError` subclass with the same code and data, so the window and the command line word it
as they word a local refusal; someone speaking HTTP directly reads `message`. Data values keep their
types through tags: datetimes, dates and the enums of the workstation packages.
"""

import enum
import sys
from datetime import date, datetime
from typing import Any

from workstation import errors
from workstation.errors import WorkstationError

_TAG = "__wire__"


def error_body(error: WorkstationError, message: str) -> dict[str, Any]:
    return {"kind": type(error).__name__, "code": error.code, "data": _tagged(dict(error.data)), "message": message}


def error_from_body(body: object) -> WorkstationError | None:
    """The error a server answer describes, or None if the body is not one (a proxy's page, say)."""
    if not isinstance(body, dict) or not isinstance(body.get("code"), str):
        return None
    kind = getattr(errors, str(body.get("kind")), None)
    if not (isinstance(kind, type) and issubclass(kind, WorkstationError)):
        kind = WorkstationError
    data = _untagged(body.get("data") or {})
    return kind(body["code"], **(data if isinstance(data, dict) else {}))


def _tagged(value: object) -> object:
    if isinstance(value, enum.Enum):
        return {_TAG: "enum", "type": f"{type(value).__module__}:{type(value).__qualname__}", "value": value.value}
    if isinstance(value, datetime):
        return {_TAG: "datetime", "value": value.isoformat()}
    if isinstance(value, date):
        return {_TAG: "date", "value": value.isoformat()}
    if isinstance(value, dict):
        return {str(key): _tagged(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_tagged(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _untagged(value: object) -> object:
    if isinstance(value, list):
        return [_untagged(item) for item in value]
    if not isinstance(value, dict):
        return value
    tag = value.get(_TAG)
    if tag == "datetime":
        return datetime.fromisoformat(str(value["value"]))
    if tag == "date":
        return date.fromisoformat(str(value["value"]))
    if tag == "enum":
        return _enum(str(value["type"]), value["value"])
    return {key: _untagged(item) for key, item in value.items()}


def _enum(name: str, raw: object) -> object:
    """An enum member of a workstation module this program has loaded; the raw value for anything else
    (nothing is imported on a server's say)."""
    module_name, _, class_name = name.partition(":")
    module = sys.modules.get(module_name) if module_name.startswith("workstation.") else None
    kind = getattr(module, class_name, None)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(raw)
    return raw
