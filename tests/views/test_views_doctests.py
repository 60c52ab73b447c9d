"""The examples in the views modules' docstrings run."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["escape", "styles", "layout", "tooltips", "aggregate", "analysis", "select", "html", "report"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"phakhi.views.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
