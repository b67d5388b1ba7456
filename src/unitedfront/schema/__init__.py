"""The JSON Schema of a programme file, shipped as ``programme.schema.json``.

Regenerate the shipped copy after a change to the model with::

    python -m unitedfront.schema
"""
