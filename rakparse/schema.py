"""The packaged JSON Schema of the output contract, loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.protocols import Validator


@cache
def schema() -> dict[str, Any]:
    """The schema as a dict (``rakparse/data/rak.schema.json``, a copy of ``schemas/``)."""
    text = resources.files("rakparse").joinpath("data/rak.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def validator() -> Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(data: Any) -> list[tuple[str, str]]:
    """Every schema violation as ``(JSON pointer, message)``, in document order.

    >>> schema_errors({"schema": "rakparse/rak/1"})[0][1]
    "'source' is a required property"
    """
    found = []
    for error in sorted(validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        pointer = "/" + "/".join(str(part) for part in error.absolute_path)
        found.append((pointer, error.message))
    return found
