"""The exceptions: one tree rooted at UnitedFrontError, each importable from one place."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import unitedfront
from unitedfront import errors

#: The one name of the errors module that is not an exception: what a LoadError lists.
_NOT_EXCEPTIONS = {"LoadProblem"}


@pytest.mark.parametrize("name", sorted(set(errors.__all__) - _NOT_EXCEPTIONS))
def test_every_exception_is_rooted_at_unitedfront_error(name: str) -> None:
    assert issubclass(getattr(errors, name), errors.UnitedFrontError)


@pytest.mark.parametrize("name", errors.__all__)
def test_every_exception_is_defined_in_errors_and_exported_by_the_package(name: str) -> None:
    cls = getattr(errors, name)
    assert cls.__module__ == "unitedfront.errors"
    assert getattr(unitedfront, name) is cls
    assert name in unitedfront.__all__


def test_no_other_module_offers_an_exception_as_its_own() -> None:
    """Only unitedfront and unitedfront.errors list an exception in ``__all__``."""
    offered = {}
    for info in pkgutil.walk_packages(unitedfront.__path__, "unitedfront."):
        if info.name.startswith("unitedfront._cli") or info.name.endswith("__main__"):
            continue  # the command line imports its optional dependencies
        module = importlib.import_module(info.name)
        names = set(getattr(module, "__all__", ())) & set(errors.__all__)
        if names and info.name != "unitedfront.errors":
            offered[info.name] = sorted(names)
    assert offered == {}
