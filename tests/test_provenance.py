"""The dev articles in ../shared are for measuring, never for copying.

Rules fitted to dev sentences score nothing on unseen reports, and the
articles' text belongs to their outlets. This guard fails when any run of
eight words from a dev drill report appears in the repository's code, tests,
notebooks or docs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUN = 8  #: words in a row that count as copied text
SCANNED = ("geodrills", "tests", "benchmarks", "notebooks", "examples", "README.md")
SUFFIXES = {".py", ".md", ".ipynb", ".txt", ".json", ".csv", ".js"}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:['’.-][^\W_]+)*", text.casefold())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _repo_files():
    for name in SCANNED:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(path.rglob("*"))
        for file in files:
            if file.is_file() and file.suffix in SUFFIXES and "artifacts" not in file.parts:
                yield file


def test_no_dev_article_text_in_the_repository(shared_dir):
    articles = sorted((shared_dir / "eval" / "drills" / "articles").glob("*.txt"))
    if not articles:
        pytest.skip(f"no dev drill articles under {shared_dir}")
    dev = set()
    for article in articles:
        dev |= _runs(_words(article.read_text(encoding="utf-8", errors="replace")))
    copied = {}
    for file in _repo_files():
        found = _runs(_words(file.read_text(encoding="utf-8", errors="replace"))) & dev
        if found:
            copied[str(file.relative_to(ROOT))] = " ".join(sorted(found)[0])
    assert not copied, f"dev article text copied into the repository: {copied}"
