"""The areas' own dataclasses as answers of the server's non-call routes (uploads, scans)."""

from typing import Any

from fastapi import Response

from workstation.client.wire import json_adapter


def json_answer(kind: Any, value: object) -> Response:
    return Response(json_adapter(kind).dump_json(value), media_type="application/json")
