"""``python -m unitedfront``: the command line (see :mod:`unitedfront._cli`)."""

from __future__ import annotations

from unitedfront._cli import main

if __name__ == "__main__":
    main()
