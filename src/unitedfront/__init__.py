"""A typed domain model of Chinese local-government United Front programmes.

``Programme`` → ``Action`` → ``Measure`` → ``Indicator``, exact Chinese quantities
(``470余条`` is the open interval (470, 480) of 条), and the bundled city datasets:

>>> import unitedfront
>>> q = unitedfront.parse_quantity("近1700家")
>>> q.value, str(q.interval)
(Decimal('1700'), '[1530, 1700) 家')

Names are imported on first use, so ``import unitedfront`` stays cheap; everything in
``__all__`` is the public API.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unitedfront import datasets as datasets, plot as plot
    from unitedfront._alike import (
        Comparability as Comparability,
        comparability as comparability,
    )
    from unitedfront._analysis import (
        checklist as checklist,
        compare as compare,
        composite_index as composite_index,
        coverage as coverage,
        float_view as float_view,
        rollup as rollup,
        scan as scan,
        sensitivity as sensitivity,
        to_frame as to_frame,
        write as write,
    )
    from unitedfront._drafting import (
        Draft as Draft,
        DraftAction as DraftAction,
        DraftFigure as DraftFigure,
        Guess as Guess,
        MetricGuess as MetricGuess,
        NotFigure as NotFigure,
        draft as draft,
    )
    from unitedfront._io import load_file as load_file
    from unitedfront._metrics import (
        Metric as Metric,
        UnitKind as UnitKind,
        get_metric as get_metric,
        metrics as metrics,
        unit_kind as unit_kind,
    )
    from unitedfront._model import (
        Action as Action,
        Aspect as Aspect,
        CountedPart as CountedPart,
        DeclaredCount as DeclaredCount,
        EntityRef as EntityRef,
        Evidence as Evidence,
        Explanation as Explanation,
        Framework as Framework,
        Indicator as Indicator,
        IndicatorKind as IndicatorKind,
        IndicatorRef as IndicatorRef,
        Jurisdiction as Jurisdiction,
        JurisdictionLevel as JurisdictionLevel,
        Measure as Measure,
        MeasureCategory as MeasureCategory,
        MeasureStatus as MeasureStatus,
        OmissionReason as OmissionReason,
        OmittedFigure as OmittedFigure,
        Period as Period,
        Programme as Programme,
        ProgrammeKind as ProgrammeKind,
        Script as Script,
        Source as Source,
        Temporal as Temporal,
        Text as Text,
        Theme as Theme,
    )
    from unitedfront._normalize import (
        normalize_source as normalize_source,
        strip_pinyin as strip_pinyin,
        to_simplified as to_simplified,
    )
    from unitedfront._parse import (
        QuantityMatch as QuantityMatch,
        find_quantities as find_quantities,
        format_quantity as format_quantity,
        parse_quantity as parse_quantity,
    )
    from unitedfront._places import (
        find_jurisdictions as find_jurisdictions,
        get_jurisdiction as get_jurisdiction,
    )
    from unitedfront._quantity import (
        Quantity as Quantity,
        total as total,
    )
    from unitedfront._reading import Interval as Interval, Qualifier as Qualifier
    from unitedfront._save import save_file as save_file
    from unitedfront._schema import json_schema as json_schema
    from unitedfront._validate import (
        RULES as RULES,
        Finding as Finding,
        Report as Report,
        Rule as Rule,
        Severity as Severity,
        validate as validate,
    )
    from unitedfront.errors import (
        AnalysisError as AnalysisError,
        DatasetError as DatasetError,
        LoadError as LoadError,
        LoadProblem as LoadProblem,
        MissingExtraError as MissingExtraError,
        MissingFontError as MissingFontError,
        NotSummableError as NotSummableError,
        NotTextError as NotTextError,
        QuantityParseError as QuantityParseError,
        UnitedFrontError as UnitedFrontError,
        UnitMismatchError as UnitMismatchError,
        UnknownDatasetError as UnknownDatasetError,
        UnknownMetricError as UnknownMetricError,
        UnknownPlaceError as UnknownPlaceError,
        UnlikeFiguresError as UnlikeFiguresError,
    )

# Public name -> the module that defines it. Imported on first attribute access.
_EXPORTS: dict[str, str] = {
    # the model
    "Action": "unitedfront._model",
    "Aspect": "unitedfront._model",
    "CountedPart": "unitedfront._model",
    "DeclaredCount": "unitedfront._model",
    "EntityRef": "unitedfront._model",
    "Evidence": "unitedfront._model",
    "Explanation": "unitedfront._model",
    "Framework": "unitedfront._model",
    "Indicator": "unitedfront._model",
    "IndicatorKind": "unitedfront._model",
    "IndicatorRef": "unitedfront._model",
    "Jurisdiction": "unitedfront._model",
    "JurisdictionLevel": "unitedfront._model",
    "Measure": "unitedfront._model",
    "MeasureCategory": "unitedfront._model",
    "MeasureStatus": "unitedfront._model",
    "OmissionReason": "unitedfront._model",
    "OmittedFigure": "unitedfront._model",
    "Period": "unitedfront._model",
    "Programme": "unitedfront._model",
    "ProgrammeKind": "unitedfront._model",
    "Script": "unitedfront._model",
    "Source": "unitedfront._model",
    "Text": "unitedfront._model",
    "Temporal": "unitedfront._model",
    "Theme": "unitedfront._model",
    # quantities
    "Interval": "unitedfront._reading",
    "Qualifier": "unitedfront._reading",
    "Quantity": "unitedfront._quantity",
    "total": "unitedfront._quantity",
    "QuantityMatch": "unitedfront._parse",
    "find_quantities": "unitedfront._parse",
    "format_quantity": "unitedfront._parse",
    "parse_quantity": "unitedfront._parse",
    # the metric vocabulary
    "Metric": "unitedfront._metrics",
    "UnitKind": "unitedfront._metrics",
    "get_metric": "unitedfront._metrics",
    "metrics": "unitedfront._metrics",
    "unit_kind": "unitedfront._metrics",
    # comparability
    "Comparability": "unitedfront._alike",
    "comparability": "unitedfront._alike",
    # source text
    "normalize_source": "unitedfront._normalize",
    "strip_pinyin": "unitedfront._normalize",
    "to_simplified": "unitedfront._normalize",
    # places
    "find_jurisdictions": "unitedfront._places",
    "get_jurisdiction": "unitedfront._places",
    # drafting
    "Draft": "unitedfront._drafting",
    "DraftAction": "unitedfront._drafting",
    "DraftFigure": "unitedfront._drafting",
    "Guess": "unitedfront._drafting",
    "MetricGuess": "unitedfront._drafting",
    "NotFigure": "unitedfront._drafting",
    "draft": "unitedfront._drafting",
    # files
    "load_file": "unitedfront._io",
    "save_file": "unitedfront._save",
    # validation
    "Finding": "unitedfront._validate",
    "RULES": "unitedfront._validate",
    "Rule": "unitedfront._validate",
    "Report": "unitedfront._validate",
    "Severity": "unitedfront._validate",
    "validate": "unitedfront._validate",
    # analysis
    "checklist": "unitedfront._analysis",
    "compare": "unitedfront._analysis",
    "composite_index": "unitedfront._analysis",
    "coverage": "unitedfront._analysis",
    "float_view": "unitedfront._analysis",
    "rollup": "unitedfront._analysis",
    "scan": "unitedfront._analysis",
    "sensitivity": "unitedfront._analysis",
    "to_frame": "unitedfront._analysis",
    "write": "unitedfront._analysis",
    # schema
    "json_schema": "unitedfront._schema",
    # errors
    "AnalysisError": "unitedfront.errors",
    "DatasetError": "unitedfront.errors",
    "LoadError": "unitedfront.errors",
    "LoadProblem": "unitedfront.errors",
    "MissingExtraError": "unitedfront.errors",
    "MissingFontError": "unitedfront.errors",
    "NotSummableError": "unitedfront.errors",
    "NotTextError": "unitedfront.errors",
    "QuantityParseError": "unitedfront.errors",
    "UnitMismatchError": "unitedfront.errors",
    "UnitedFrontError": "unitedfront.errors",
    "UnknownDatasetError": "unitedfront.errors",
    "UnknownMetricError": "unitedfront.errors",
    "UnknownPlaceError": "unitedfront.errors",
    "UnlikeFiguresError": "unitedfront.errors",
}
_SUBMODULES = ("datasets", "plot")

__all__ = sorted([*_EXPORTS, *_SUBMODULES, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"unitedfront.{name}")
    elif name == "__version__":
        from importlib.metadata import version

        value = version("unitedfront")
    else:
        raise AttributeError(f"module 'unitedfront' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The public API only: not the names this module imports for itself.
    return list(__all__)
