"""The bundled programmes, loadable by id, and a loader for a user's own files.

>>> from unitedfront import datasets
>>> "linyi-2024" in datasets.available()
True
>>> linyi = datasets.load("linyi-2024")
>>> linyi.jurisdiction.name.en
'Linyi'
"""

from __future__ import annotations

import difflib
import threading
from typing import TYPE_CHECKING, Any, Literal, overload

from unitedfront._catalogue import ID as _ID, available, folder as _folder
from unitedfront._io import collector_paused, load_file
from unitedfront.errors import DatasetError, UnknownDatasetError

if TYPE_CHECKING:
    from unitedfront._analysis._frame import Backend
    from unitedfront._model import Programme

__all__ = ["available", "card", "load", "load_all", "load_file"]

_lock = threading.Lock()
_cache: dict[str, Programme] = {}


def _unknown(id: str) -> UnknownDatasetError:
    ids = available()
    close = difflib.get_close_matches(id, ids, n=1, cutoff=0.4)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return UnknownDatasetError(f"no bundled dataset {id!r}.{hint} Available: {', '.join(ids)}.")


def _resolve(id: str) -> str:
    """The bundled id a name refers to, matched case-insensitively; never a path."""
    if isinstance(id, str):
        lowered = id.strip().lower()
        if _ID.match(lowered) and lowered in available():
            return lowered
    raise _unknown(str(id))


def load(id: str) -> Programme:
    """The bundled programme with this id, validated once and cached.

    Safe to call from many threads: every caller gets the same immutable object. The id
    is matched case-insensitively. An id is a name, never a path: anything but a known id
    raises :class:`~unitedfront.errors.UnknownDatasetError`, whose message lists the ids
    there are and the closest one.
    """
    cached = _cache.get(id) if isinstance(id, str) else None
    if cached is not None:
        return cached
    id = _resolve(id)
    with _lock:
        cached = _cache.get(id)
        if cached is None:
            from unitedfront._model import Programme

            entry = _folder().joinpath(f"{id}.json")
            try:
                cached = Programme.model_validate_json(entry.read_bytes())
            except ValueError as exc:  # a broken bundled file is a packaging bug
                raise DatasetError(f"bundled dataset {id!r} does not load: {exc}") from exc
            _cache[id] = cached
    return cached


def card(id: str) -> str:
    """The dataset's card (Markdown): its source, what it holds, what was left out and why.

    >>> print(card("ningbo-acfic-2023").splitlines()[0])
    # ningbo-acfic-2023: the Ningbo federation's "two healthy" Ningbo model
    """
    return _folder().joinpath(f"{_resolve(id)}.md").read_text(encoding="utf-8")


@overload
def load_all(*, as_frame: Literal[False] = False) -> tuple[Programme, ...]: ...
@overload
def load_all(*, as_frame: Literal[True], backend: Backend = "pandas") -> Any: ...


def load_all(*, as_frame: bool = False, backend: Backend = "pandas") -> Any:
    """Every bundled programme, in the order of :func:`available`; or all their figures.

    With ``as_frame=True``, the indicator frame of every bundled programme instead, one
    row per figure (:func:`unitedfront.to_frame`), in the ``backend`` asked for:
    ``"pandas"`` (the default), ``"polars"`` or ``"pyarrow"``. It needs the extra of that
    backend (``pip install 'unitedfront[pandas]'``).

    >>> frame = load_all(as_frame=True)
    >>> rows = frame[frame["metric"] == "villages_paired"]
    >>> rows.loc[rows["programme"] == "linyi-2024", ["jurisdiction_en", "text"]].values.tolist()
    [['Linyi', '3702个']]

    The programmes not loaded yet are validated with the cyclic garbage collector paused
    (resumed however the load ends), as :func:`load_file` validates a file.
    """
    with collector_paused():
        programmes = tuple(load(id) for id in available())
    if not as_frame:
        return programmes
    from unitedfront._analysis import to_frame

    return to_frame(programmes, backend=backend)
