"""The JSON Schema of a programme file."""

from __future__ import annotations

from typing import Any

__all__ = ["SCHEMA_DIALECT", "json_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that a programme file follows.

    The same schema ships with the package as ``unitedfront/schema/programme.schema.json``
    for editors and other languages.

    >>> schema = json_schema()
    >>> schema["title"], schema["required"][:3]
    ('Programme', ['id', 'title', 'kind'])
    """
    from unitedfront._model import Programme

    schema = Programme.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, **schema}
