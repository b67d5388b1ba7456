"""A composite index of places over several metrics, and how far its ranking can be trusted.

The steps follow the usual construction of composite indicators (the OECD/JRC handbook):
pick one figure per place and metric; normalize each metric onto a common scale; weight
and aggregate the normalized values into one score; rank the places. The sensitivity
analysis repeats the construction under perturbed weights and other normalizations and
reports the range of ranks each place takes.
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Literal, get_args

import attrs

from unitedfront._alike import FIGURE_COLUMNS, comparability, figure_label, temporal_of
from unitedfront._analysis._columns import Column, build_table
from unitedfront._analysis._common import (
    as_names,
    check_kinds,
    metric_or_error,
    place_exprs,
    place_names,
    unit_key,
)
from unitedfront._analysis._frame import Backend, Input, read_input
from unitedfront._metrics import UnitKind
from unitedfront.errors import AnalysisError, UnitMismatchError, UnlikeFiguresError

__all__ = ["Aggregate", "Missing", "Normalize", "Unlike", "composite_index", "sensitivity"]

#: How each metric is put on a common scale.
Normalize = Literal["minmax", "zscore", "rank"]
#: How the normalized values of a place are combined into one score.
Aggregate = Literal["arithmetic", "geometric"]
#: What happens to a place that lacks a metric.
Missing = Literal["exclude", "reweight"]
#: What happens when the figures of a metric are not alike across places.
Unlike = Literal["refuse", "accept"]
NORMALIZATIONS: Final = get_args(Normalize)
AGGREGATIONS: Final = get_args(Aggregate)
MISSING: Final = get_args(Missing)
UNLIKE: Final = get_args(Unlike)

_NEEDS: Final = ("metric", "jurisdiction", "kind", "value", "unit", "period_end", "as_of")
#: Scores that agree to this many significant digits share a rank.
_TIE_DIGITS: Final = 12


@attrs.frozen(slots=True)
class _Place:
    code: str
    zh: str | None
    en: str | None


@attrs.frozen(slots=True)
class _Matrix:
    """One figure per place and metric, the places sorted by code."""

    places: tuple[_Place, ...]
    metrics: tuple[str, ...]
    values: Mapping[tuple[str, str], Decimal]
    """(place code, metric) -> the figure; absent when the place lacks the metric."""
    figures: Mapping[tuple[str, str], str] = attrs.field(factory=dict)
    """(place code, metric) -> which figure was taken: its id, text and time."""
    unlike: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    """place code -> why its figures are not alike to others', where the caller accepted it."""

    def missing(self, code: str) -> list[str]:
        return [m for m in self.metrics if (code, m) not in self.values]


#: How many unlike pairs a refusal lists before it counts the rest.
_SHOWN: Final = 5


def _taken(row: Mapping[str, Any]) -> str:
    """Which figure the index took, and its time: ``linyi-2024/x (3702个), running_total …``."""
    nature = temporal_of(row)
    if row.get("as_of") is not None:
        when = f"as of {row['as_of']}"
    elif row.get("period_end") is not None:
        when = str(row.get("period") or f"{row.get('period_start')}/{row['period_end']}")
    else:
        when = "not dated"
    span = f", span {row['span']}" if row.get("span") else ""
    return f"{figure_label(row)}: {nature.value if nature else 'time not recorded'}, {when}{span}"


def _unlike_figures(
    metrics: tuple[str, ...], chosen: Mapping[tuple[str, str], Mapping[str, Any]], unlike: str
) -> dict[str, tuple[str, ...]]:
    """Every pair of places whose figures of one metric are not alike; refused unless accepted."""
    found: list[str] = []
    by_place: dict[str, list[str]] = {}
    for metric in metrics:
        places = sorted(code for code, m in chosen if m == metric)
        for i, a in enumerate(places):
            for b in places[i + 1 :]:
                verdict = comparability(chosen[a, metric], chosen[b, metric])
                if verdict.alike:
                    continue
                line = (
                    f"{metric}: {figure_label(chosen[a, metric])} and "
                    f"{figure_label(chosen[b, metric])}: {', '.join(verdict.reasons)}"
                )
                found.append(line)
                by_place.setdefault(a, []).append(line)
                by_place.setdefault(b, []).append(line)
    if found and unlike != "accept":
        shown = "; ".join(found[:_SHOWN])
        if len(found) > _SHOWN:
            shown += f"; and {len(found) - _SHOWN} more pairs"
        raise UnlikeFiguresError(
            "the index would rank figures that are not alike: "
            + shown
            + "; filter the frame to alike figures, or pass unlike='accept' to rank them "
            "anyway (each place's row then lists them under 'unlike')"
        )
    return {code: tuple(lines) for code, lines in by_place.items()}


def _matrix(
    source: Input, metrics: tuple[str, ...], kinds: tuple[str, ...] | None, unlike: str = "refuse"
) -> _Matrix:
    """The places and their latest figure of each metric; conflicting figures are refused."""
    import narwhals as nw

    col = nw.col
    place = place_exprs(source.columns)
    names = [place[n].alias(n) for n in ("jurisdiction_zh", "jurisdiction_en") if n in place]
    condition = col("metric").is_in(metrics)
    if kinds is not None:
        condition = condition & col("kind").is_in(kinds)
    extra = [col(n) for n in FIGURE_COLUMNS if n in source.columns and n not in ("kind", "as_of")]
    rows = (
        source.frame.filter(condition)
        .select(
            place["jurisdiction"].alias("place"),
            *names,
            col("metric"),
            col("kind"),
            col("value"),
            col("unit"),
            col("as_of"),
            *extra,
            nw.coalesce(col("as_of"), col("period_end")).alias("date"),
        )
        .with_columns(col("date").max().over("place", "metric").alias("latest"))
        # The latest figure of each place; a place whose figures are all undated keeps them.
        .filter((col("date") == col("latest")) | col("latest").is_null())
        .collect()
        .to_arrow()
        .to_pylist()
    )
    own = source.frame if kinds is None else source.frame.filter(col("kind").is_in(kinds))
    programme_places = (
        own.select(
            col("jurisdiction").alias("place"),
            *(col(n) for n in ("jurisdiction_zh", "jurisdiction_en") if n in source.columns),
        )
        .unique()
        .collect()
        .to_arrow()
        .to_pylist()
    )

    labels = {
        code: _Place(code, zh, en)
        for code, (zh, en) in place_names([*programme_places, *rows], "place").items()
    }
    values: dict[tuple[str, str], Decimal] = {}
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    units: dict[str, dict[str, str]] = {}
    places_of: dict[tuple[str, str], str] = {}
    for row in sorted(rows, key=lambda r: (r["place"], r["metric"])):
        key = (row["place"], row["metric"])
        value = Decimal(row["value"])
        if key in values and values[key] != value:
            raise AnalysisError(
                f"{row['place']} has different figures of {row['metric']} for its latest "
                f"date {row['date']}: {_plain(values[key])} and {_plain(value)}; "
                "filter the frame to the one the index should use"
            )
        values[key] = value
        row["jurisdiction"] = row["place"]
        chosen[key] = row
        units.setdefault(row["metric"], {}).setdefault(unit_key(row["unit"]), row["unit"] or "")
        places_of.setdefault((row["metric"], row["unit"] or ""), row["place"])
    for metric, seen in units.items():
        if len(seen) > 1:
            listed = ", ".join(
                f"{u or 'no unit'} ({places_of[metric, u]})" for u in sorted(seen.values())
            )
            raise UnitMismatchError(
                f"the figures of {metric} are in different units: {listed}; "
                "an index needs one unit per metric"
            )
    accepted = _unlike_figures(metrics, chosen, unlike)
    places = tuple(labels[code] for code in sorted(labels))
    figures = {key: _taken(row) for key, row in chosen.items()}
    return _Matrix(places, metrics, values, figures, accepted)


def _plain(number: Decimal) -> str:
    """A figure as plain text without trailing zeros: ``10``, ``2.5``."""
    return format(number.normalize(), "f")


# --------------------------------------------------------------------------- the method


def _check_weights(metrics: tuple[str, ...], weights: Mapping[str, Any] | None) -> dict[str, float]:
    if weights is None:
        return dict.fromkeys(metrics, 1.0)
    unknown = sorted(set(weights) - set(metrics))
    lacking = [m for m in metrics if m not in weights]
    if unknown or lacking:
        parts = []
        if lacking:
            parts.append(f"no weight for {', '.join(lacking)}")
        if unknown:
            parts.append(f"weights for metrics not in the index: {', '.join(unknown)}")
        raise AnalysisError("; ".join(parts))
    out: dict[str, float] = {}
    for m in metrics:
        w = weights[m]
        if isinstance(w, bool) or not isinstance(w, int | float | Decimal):
            raise AnalysisError(f"the weight of {m} must be a number, got {w!r}")
        if not math.isfinite(float(w)) or w < 0:
            raise AnalysisError(f"the weight of {m} must be a finite number >= 0, got {w!r}")
        out[m] = float(w)
    if not any(out.values()):
        raise AnalysisError("the weights are all zero")
    return out


def _directions(metrics: tuple[str, ...], directions: Mapping[str, int] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in metrics:
        default = -1 if metric_or_error(m).unit_kind is UnitKind.RANK else 1
        d = default if directions is None or m not in directions else directions[m]
        if d not in (1, -1):
            raise AnalysisError(f"the direction of {m} must be 1 (more is better) or -1, not {d!r}")
        out[m] = d
    if directions is not None:
        extra = sorted(set(directions) - set(metrics))
        if extra:
            raise AnalysisError(
                f"directions given for metrics not in the index: {', '.join(extra)}"
            )
    return out


def _check_method(normalize: str, aggregate: str, bounds: tuple[float, float]) -> None:
    if normalize not in NORMALIZATIONS:
        raise AnalysisError(
            f"unknown normalization {normalize!r}; choose from {', '.join(NORMALIZATIONS)}"
        )
    if aggregate not in AGGREGATIONS:
        raise AnalysisError(
            f"unknown aggregation {aggregate!r}; choose from {', '.join(AGGREGATIONS)}"
        )
    low, high = bounds
    if not low < high:
        raise AnalysisError(f"bounds must be (low, high) with low < high, got {bounds!r}")
    if aggregate == "geometric":
        if normalize == "zscore":
            raise AnalysisError(
                "geometric aggregation needs positive values, and z-scores are negative for "
                "every place below the mean; use normalize='minmax' or 'rank'"
            )
        if normalize == "minmax" and low <= 0:
            raise AnalysisError(
                f"geometric aggregation needs positive values, and min-max onto {bounds!r} "
                "gives the lowest place 0 or less; use bounds=(1, 100)"
            )


def _normalized(
    matrix: _Matrix,
    normalize: str,
    directions: Mapping[str, int],
    bounds: tuple[float, float],
) -> dict[tuple[str, str], float]:
    """Each figure on the common scale, computed over the places that have the metric."""
    out: dict[tuple[str, str], float] = {}
    low, high = bounds
    for m in matrix.metrics:
        have = [
            (p.code, directions[m] * float(matrix.values[p.code, m]))
            for p in matrix.places
            if (p.code, m) in matrix.values
        ]
        if not have:
            continue
        xs = [x for _, x in have]
        if normalize == "minmax":
            lo, hi = min(xs), max(xs)
            for code, x in have:
                out[code, m] = (
                    (low + high) / 2 if hi == lo else low + (high - low) * (x - lo) / (hi - lo)
                )
        elif normalize == "zscore":
            mean = math.fsum(xs) / len(xs)
            sd = math.sqrt(math.fsum((x - mean) ** 2 for x in xs) / len(xs))
            for code, x in have:
                out[code, m] = 0.0 if sd == 0 else (x - mean) / sd
        else:  # rank: 1 for the lowest, ties share the mean of their ranks
            ordered = sorted(xs)
            for code, x in have:
                first = ordered.index(x) + 1
                count = ordered.count(x)
                out[code, m] = first + (count - 1) / 2
    return out


def _scores(
    matrix: _Matrix,
    normalized: Mapping[tuple[str, str], float],
    weights: Mapping[str, float],
    aggregate: str,
    missing: str,
) -> dict[str, float | None]:
    scores: dict[str, float | None] = {}
    for p in matrix.places:
        present = [m for m in matrix.metrics if (p.code, m) in normalized]
        if not present or (missing == "exclude" and len(present) < len(matrix.metrics)):
            scores[p.code] = None
            continue
        total = math.fsum(weights[m] for m in present)
        if total == 0:
            scores[p.code] = None
            continue
        if aggregate == "arithmetic":
            scores[p.code] = math.fsum(weights[m] * normalized[p.code, m] for m in present) / total
        else:
            scores[p.code] = math.exp(
                math.fsum(weights[m] * math.log(normalized[p.code, m]) for m in present) / total
            )
    return scores


def _ranks(scores: Mapping[str, float | None]) -> dict[str, int | None]:
    """1 for the highest score; equal scores (to 12 significant digits) share the best rank."""
    keyed = {code: float(f"{s:.{_TIE_DIGITS}g}") for code, s in scores.items() if s is not None}
    ordered = sorted(keyed.values(), reverse=True)
    ranks: dict[str, int | None] = dict.fromkeys(scores)
    for code, s in keyed.items():
        ranks[code] = ordered.index(s) + 1
    return ranks


@attrs.frozen(slots=True)
class _Setup:
    source: Input
    matrix: _Matrix
    weights: dict[str, float]
    directions: dict[str, int]


def _setup(
    data: Any,
    metrics: Iterable[str],
    weights: Mapping[str, Any] | None,
    directions: Mapping[str, int] | None,
    kind: str | Iterable[str] | None,
    missing: str,
    backend: str,
    purpose: str,
    unlike: str = "refuse",
) -> _Setup:
    codes = as_names(metrics, "metric")
    assert codes is not None
    if len(set(codes)) != len(codes):
        raise AnalysisError(f"a metric is named twice: {', '.join(codes)}")
    for code in codes:
        metric_or_error(code)
    kinds = check_kinds(kind)
    if missing not in MISSING:
        raise AnalysisError(f"unknown missing-value rule {missing!r}; choose from {MISSING}")
    checked_weights = _check_weights(codes, weights)
    checked_directions = _directions(codes, directions)
    source = read_input(data, backend, needs=_NEEDS, purpose=purpose)
    if unlike not in UNLIKE:
        raise AnalysisError(f"unknown choice unlike={unlike!r}; choose from {UNLIKE}")
    matrix = _matrix(source, codes, kinds, unlike)
    return _Setup(source, matrix, checked_weights, checked_directions)


def _label_columns() -> tuple[Column, ...]:
    return (
        Column("jurisdiction", "string", "GB/T 2260 code of the place."),
        Column("jurisdiction_zh", "string", "Its Chinese name."),
        Column("jurisdiction_en", "string", "Its English name, if given."),
    )


def composite_index(
    frame: Any,
    metrics: Iterable[str],
    *,
    weights: Mapping[str, Any] | None = None,
    normalize: Normalize = "minmax",
    aggregate: Aggregate = "arithmetic",
    kind: str | Iterable[str] | None = "actual",
    directions: Mapping[str, int] | None = None,
    bounds: tuple[float, float] = (0, 100),
    missing: Missing = "exclude",
    unlike: Unlike = "refuse",
    backend: Backend = "pandas",
) -> Any:
    """A composite index: one score and rank per place over several metrics.

    1. **Data.** For each place and metric, the latest figure (by ``as_of``, else the end
       of its period) of the kinds asked for (``"actual"`` by default); its ``value`` (the
       number written) is used. Two different figures for one place and date are refused
       with :class:`AnalysisError`; a metric in two units with ``UnitMismatchError``.
       The places are the programmes' jurisdictions and every place with a figure.
    2. **Direction.** More is better, except for rank metrics (1 is best), whose values
       are negated; ``directions`` maps a metric to ``1`` or ``-1`` to say otherwise.
    3. **Normalization**, per metric over the places that have it: ``"minmax"`` maps the
       lowest onto ``bounds[0]`` and the highest onto ``bounds[1]`` (all to the midpoint
       when every place has the same figure); ``"zscore"`` gives (x - mean) / standard
       deviation (population); ``"rank"`` gives 1 to the lowest, ties sharing the mean rank.
    4. **Weights** (equal by default) are scaled to sum to one.
    5. **Aggregation**: ``"arithmetic"`` is the weighted mean; ``"geometric"`` the weighted
       geometric mean, which lets a strength make up less for a weakness and needs
       positive values (``bounds=(1, 100)`` with min-max, or ``"rank"``).
    6. **Missing values** are never taken as zero. With ``missing="exclude"`` a place
       lacking any metric gets no score and no rank; with ``"reweight"`` it is scored on
       the metrics it has, their weights scaled to sum to one. Either way the ``missing``
       column lists what each place lacks.
    7. **Rank**: 1 for the highest score; scores equal to 12 significant digits share a rank.
    8. **Alike figures only.** The figures taken for one metric must be alike across
       places (:func:`comparability`: the same kind, unit kind and temporal nature, the
       same period or dates close enough, places of one level). Otherwise the index is
       refused with :class:`UnlikeFiguresError`, naming the figures and why, unless
       ``unlike="accept"``; then each place's ``unlike`` column lists what was accepted.
       The ``figures`` column always says which figure was taken for each metric, with
       its temporal nature and its period or date.

    Args:
        frame: Programmes, or a frame shaped like :func:`to_frame`'s.
        metrics: The metric codes of the index.
        weights: A weight (>= 0) per metric; equal weights by default.
        normalize: ``"minmax"``, ``"zscore"`` or ``"rank"``.
        aggregate: ``"arithmetic"`` or ``"geometric"``.
        kind: The kinds of figure to use; ``None`` for any.
        directions: ``1`` (more is better) or ``-1`` per metric, where not the default.
        bounds: The range min-max normalization maps onto.
        missing: ``"exclude"`` or ``"reweight"``.
        unlike: ``"refuse"`` (the default) or ``"accept"`` figures that are not alike.
        backend: The kind of frame to return when ``frame`` is programmes.

    Returns:
        The caller's kind of frame, one row per place sorted by rank: ``jurisdiction``,
        ``jurisdiction_zh``, ``jurisdiction_en``, ``score`` (float), ``rank``, ``metrics``
        (how many it has), ``missing`` (the codes it lacks), ``figures`` (the figure taken
        for each metric and its time), ``unlike`` (the unlike figures accepted) and
        ``score_<metric>``: the normalized value of each metric.

    >>> from unitedfront import UnlikeFiguresError, datasets
    >>> pairs = ["villages_paired", "enterprises_paired_with_villages"]
    >>> two = [datasets.load("ningbo-acfic-2023"), datasets.load("linyi-2024")]
    >>> try:
    ...     composite_index(two, pairs)
    ... except UnlikeFiguresError as refusal:
    ...     print(str(refusal)[:95])
    the index would rank figures that are not alike: villages_paired: ningbo-acfic-2023/villages-pa
    >>> t = composite_index(two, pairs, unlike="accept", backend="pyarrow")
    >>> t.select(["jurisdiction_en", "score", "rank"]).to_pylist()[0]
    {'jurisdiction_en': 'Linyi', 'score': 100.0, 'rank': 1}
    >>> t.column("figures").to_pylist()[1][0]
    'villages_paired = ningbo-acfic-2023/villages-paired (668個): running_total, not dated'
    """
    _check_method(normalize, aggregate, bounds)
    setup = _setup(
        frame, metrics, weights, directions, kind, missing, backend, "composite_index", unlike
    )
    matrix = setup.matrix
    normalized = _normalized(matrix, normalize, setup.directions, bounds)
    scores = _scores(matrix, normalized, setup.weights, aggregate, missing)
    ranks = _ranks(scores)
    columns = (
        *_label_columns(),
        Column("score", "float64", "The composite score."),
        Column("rank", "int64", "1 for the highest score; empty without a score."),
        Column("metrics", "int64", "How many of the index's metrics the place has."),
        Column("missing", "strings", "The metrics the place lacks."),
        Column("figures", "strings", "The figure taken for each metric, with its time."),
        Column(
            "unlike", "strings", "Figures not alike to another place's, accepted by the caller."
        ),
        *(Column(f"score_{m}", "float64", f"The normalized value of {m}.") for m in matrix.metrics),
    )
    out: dict[str, list[Any]] = {c.name: [] for c in columns}
    order = sorted(matrix.places, key=lambda p: (ranks[p.code] or math.inf, p.code))
    for p in order:
        lacking = matrix.missing(p.code)
        row: dict[str, Any] = {
            "jurisdiction": p.code,
            "jurisdiction_zh": p.zh,
            "jurisdiction_en": p.en,
            "score": scores[p.code],
            "rank": ranks[p.code],
            "metrics": len(matrix.metrics) - len(lacking),
            "missing": lacking,
            "figures": [
                f"{m} = {matrix.figures[p.code, m]}"
                for m in matrix.metrics
                if (p.code, m) in matrix.figures
            ],
            "unlike": list(matrix.unlike.get(p.code, ())),
        }
        for m in matrix.metrics:
            row[f"score_{m}"] = normalized.get((p.code, m))
        for name, column in out.items():
            column.append(row[name])
    return setup.source.to_kind(build_table(columns, out, "the composite index"))


def sensitivity(
    frame: Any,
    metrics: Iterable[str],
    *,
    weights: Mapping[str, Any] | None = None,
    normalize: Normalize | Sequence[Normalize] = ("minmax", "zscore", "rank"),
    aggregate: Aggregate | Sequence[Aggregate] = ("arithmetic",),
    spread: float = 0.25,
    scenarios: int = 200,
    seed: int = 0,
    kind: str | Iterable[str] | None = "actual",
    directions: Mapping[str, int] | None = None,
    bounds: tuple[float, float] = (0, 100),
    missing: Missing = "exclude",
    unlike: Unlike = "refuse",
    backend: Backend = "pandas",
) -> Any:
    """How far each place's rank in a composite index moves when its assumptions change.

    The nominal index is built as :func:`composite_index` builds it, with the given
    weights, the first normalization and the first aggregation. Then each of
    ``scenarios`` runs draws a normalization and an aggregation (uniformly from those
    given) and multiplies each weight by a factor drawn uniformly from
    ``[1 - spread, 1 + spread]``, and ranks the places again. The draws come from a
    generator seeded with ``seed``, so a run is repeatable.

    Args:
        frame: Programmes, or a frame shaped like :func:`to_frame`'s.
        metrics: The metric codes of the index.
        weights: The nominal weights; equal by default.
        normalize: The normalizations to draw from (the first is the nominal one).
        aggregate: The aggregations to draw from (the first is the nominal one).
        spread: How far a weight may move, as a share of itself (0 <= spread < 1).
        scenarios: How many perturbed indices to build.
        seed: Seed of the random draws.
        kind, directions, bounds, missing, unlike, backend: As for :func:`composite_index`:
            figures that are not alike are refused unless ``unlike="accept"``.

    Returns:
        The caller's kind of frame, one row per place sorted by nominal rank:
        ``jurisdiction`` and its names, ``nominal_rank``, ``median_rank``, ``min_rank``,
        ``max_rank`` (over the scenarios), ``scenarios`` (how many ranked the place) and
        ``missing`` (the metrics it lacks). A place without a score has empty ranks.

    >>> from unitedfront import datasets
    >>> two = [datasets.load("ningbo-acfic-2023"), datasets.load("linyi-2024")]
    >>> t = sensitivity(two, ["villages_paired",
    ...     "entrepreneur_training_attendances"], scenarios=50, unlike="accept",
    ...     backend="pyarrow")
    >>> [(r["jurisdiction_en"], r["nominal_rank"], r["min_rank"], r["max_rank"])
    ...  for r in t.to_pylist()][:2]
    [('Ningbo', 1, 1, 2), ('Linyi', 1, 1, 2)]
    >>> len(t.to_pylist()[0]["unlike"])  # Ningbo's undated pairs, its half-year of training
    2
    """
    normalizations = (normalize,) if isinstance(normalize, str) else tuple(normalize)
    aggregations = (aggregate,) if isinstance(aggregate, str) else tuple(aggregate)
    if not normalizations or not aggregations:
        raise AnalysisError("give at least one normalization and one aggregation")
    for n in normalizations:
        for a in aggregations:
            _check_method(n, a, bounds)
    if isinstance(spread, bool) or not isinstance(spread, int | float) or not 0 <= spread < 1:
        raise AnalysisError(f"spread must be a number in [0, 1), got {spread!r}")
    if isinstance(scenarios, bool) or not isinstance(scenarios, int) or scenarios < 1:
        raise AnalysisError(f"scenarios must be a positive whole number, got {scenarios!r}")
    setup = _setup(
        frame, metrics, weights, directions, kind, missing, backend, "sensitivity", unlike
    )
    matrix = setup.matrix

    def ranks_for(n: str, a: str, w: Mapping[str, float]) -> dict[str, int | None]:
        normalized = _normalized(matrix, n, setup.directions, bounds)
        return _ranks(_scores(matrix, normalized, w, a, missing))

    nominal = ranks_for(normalizations[0], aggregations[0], setup.weights)
    rng = random.Random(seed)
    runs: dict[str, list[int]] = {p.code: [] for p in matrix.places}
    for _ in range(scenarios):
        n = rng.choice(normalizations)
        a = rng.choice(aggregations)
        w = {m: setup.weights[m] * rng.uniform(1 - spread, 1 + spread) for m in matrix.metrics}
        for code, rank in ranks_for(n, a, w).items():
            if rank is not None:
                runs[code].append(rank)
    columns = (
        *_label_columns(),
        Column("nominal_rank", "int64", "Rank in the nominal index."),
        Column("median_rank", "float64", "Median rank over the scenarios."),
        Column("min_rank", "int64", "Best rank over the scenarios."),
        Column("max_rank", "int64", "Worst rank over the scenarios."),
        Column("scenarios", "int64", "How many scenarios ranked the place."),
        Column("missing", "strings", "The metrics the place lacks."),
        Column(
            "unlike", "strings", "Figures not alike to another place's, accepted by the caller."
        ),
    )
    out: dict[str, list[Any]] = {c.name: [] for c in columns}
    order = sorted(matrix.places, key=lambda p: (nominal[p.code] or math.inf, p.code))
    for p in order:
        ranks = runs[p.code]
        row: dict[str, Any] = {
            "jurisdiction": p.code,
            "jurisdiction_zh": p.zh,
            "jurisdiction_en": p.en,
            "nominal_rank": nominal[p.code],
            "median_rank": float(statistics.median(ranks)) if ranks else None,
            "min_rank": min(ranks) if ranks else None,
            "max_rank": max(ranks) if ranks else None,
            "scenarios": len(ranks),
            "missing": matrix.missing(p.code),
            "unlike": list(matrix.unlike.get(p.code, ())),
        }
        for name, column in out.items():
            column.append(row[name])
    return setup.source.to_kind(build_table(columns, out, "the sensitivity analysis"))
