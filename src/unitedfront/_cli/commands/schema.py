"""``unitedfront schema``: the JSON Schema a programme file follows."""

from __future__ import annotations

import json

from unitedfront._cli.params import command as declare
from unitedfront._cli.present import write


@declare("schema")
def command() -> None:
    """Print the JSON Schema (draft 2020-12) a programme file follows.

    Example: unitedfront schema > programme.schema.json
    """
    from unitedfront._schema import json_schema

    write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
