"""The ``Examples`` sections of the foundation and geoparser modules must run as written.

One test per docstring (not per module), so a wrong example names itself and
the others still run.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

MODULES = [
    "geodrills",
    "geodrills.normalize",
    "geodrills.gazetteer",
    "geodrills.geocoder",
    "geodrills.articles",
    "geodrills.extract",
    "geodrills.resolve",
    "geodrills.mentions",
    "geodrills.toponyms.scan",
    "geodrills.toponyms.context",
    "geodrills.weights",
    "geodrills.explain",
    "geodrills.cli",
    "geodrills._cli.lookup",
    "geodrills._cli.geocode",
    "geodrills._cli._output",
    "geodrills._progress",
    "geodrills.lexicon",
    "geodrills.geodesy",
    "geodrills.sentences",
    "geodrills.atomic",
    "geodrills.reprs",
    "geodrills.spans",
]

# Examples that disagree with the code (strict: the mark must go when they are fixed).
# Docstrings whose examples are known to be wrong: name -> reason (strict xfail).
KNOWN_WRONG: dict[str, str] = {}

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _docstring_tests():
    finder = doctest.DocTestFinder(exclude_empty=True)
    params = []
    for name in MODULES:
        module = importlib.import_module(name)
        for test in sorted(finder.find(module, name), key=lambda t: t.name):
            if not test.examples:
                continue
            marks = ()
            if test.name in KNOWN_WRONG:
                marks = pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[test.name])
            params.append(pytest.param(test, id=test.name, marks=marks))
    return params


DOCTESTS = _docstring_tests()


def test_there_are_examples_to_run():
    # Every listed module with examples contributes; a refactor must not silently drop them all.
    assert len(DOCTESTS) >= 20
    covered = {p.values[0].name.rsplit(".", 1)[0] for p in DOCTESTS} | {p.values[0].name for p in DOCTESTS}
    for name in ("geodrills.normalize", "geodrills.gazetteer", "geodrills.geocoder", "geodrills.articles",
                 "geodrills.mentions", "geodrills.extract"):
        assert name in covered, name


@pytest.mark.parametrize("test", DOCTESTS)
def test_docstring_examples(test, monkeypatch):
    # Some examples use paths relative to the checkout ("seeds").
    monkeypatch.chdir(ROOT)
    runner = doctest.DocTestRunner(optionflags=FLAGS, verbose=False)
    out: list[str] = []
    test.globs = dict(test.globs)
    result = runner.run(test, out=out.append, clear_globs=True)
    assert result.failed == 0, "".join(out)
