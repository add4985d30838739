"""Shared test set-up.

By default ``pytest`` runs the fast tests only.  ``pytest --all`` (what
``.ci/run`` and README's test command use) also runs the tests marked
``slow``, ``browser`` and ``notebook``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXTENDED_MARKERS = ("slow", "browser", "notebook")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--all", action="store_true", default=False,
                     help="also run the tests marked slow, browser and notebook")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--all") or config.getoption("-m"):
        return
    skip = pytest.mark.skip(reason="extended test: run with pytest --all")
    for item in items:
        if any(m in item.keywords for m in EXTENDED_MARKERS):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests that need it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found: the gold data in ../shared is only beside the dev checkout and CI")
    return SHARED
