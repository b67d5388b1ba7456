"""The JSON Schema of a programme file, shipped as ``programme.schema.json``.

The copy is regenerated from a checkout of the repository after a change to the model, with
``uv run python scripts/write_schema.py``.
"""
