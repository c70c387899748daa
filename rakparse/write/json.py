"""JSON writer: the contract's object, 2-space indent, byte-identical for the same input."""

from __future__ import annotations

import json

from rakparse.errors import InvalidResultError
from rakparse.model import Document
from rakparse.schema import schema_errors


def render_json(document: Document) -> bytes:
    """UTF-8 JSON of ``document``, checked against the schema first."""
    data = document.to_dict()
    problems = schema_errors(data)
    if problems:
        pointer, message = problems[0]
        raise InvalidResultError(
            f"the result does not satisfy the schema at {pointer}: {message}",
            "this is a rakparse bug; please report it with the input",
            document.source.path,
        )
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
