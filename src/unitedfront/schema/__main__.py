"""Write the programme JSON Schema beside this module (``python -m unitedfront.schema``)."""

from __future__ import annotations

import json
from pathlib import Path

from unitedfront._schema import json_schema

target = Path(__file__).with_name("programme.schema.json")
target.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {target.name}")
