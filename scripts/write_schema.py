"""Write the programme JSON Schema into the source tree, after a change to the model.

Run from a checkout of the repository: ``uv run python scripts/write_schema.py``. It writes
``src/unitedfront/schema/programme.schema.json`` beside this script, never into an
installed package; ``tests/test_schema.py`` fails until the committed copy is the one the
code gives.
"""

from __future__ import annotations

import json
from pathlib import Path

from unitedfront import json_schema

TARGET = Path(__file__).resolve().parent.parent / "src/unitedfront/schema/programme.schema.json"


def main() -> None:
    """Write the schema and say where."""
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(TARGET.parents[3])}")


if __name__ == "__main__":
    main()
