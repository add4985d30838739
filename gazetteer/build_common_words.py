"""Build ``geodrills/data/common_words.txt``: gazetteer names that are everyday English words.

A capitalised "Commerce", "Centre", "Supreme" or "Portal" in a news article is
far more often a word at the start of an organisation's name or a heading than
the small town GeoNames lists under it.  The geoparser treats such a name as
it treats a word the article also writes in lower case: the span needs more
evidence ("in Commerce", a larger place) before it counts as a place.

Which words: those the Hunspell English dictionaries (SCOWL, via npm
``dictionary-en`` and ``dictionary-en-gb``) list **only** in lower case, with
their ``S`` plurals.  A word listed capitalised as well ("Turkey"/"turkey",
"Nice"/"nice", "Reading"/"reading", "China"/"china") is left out: the
dictionary knows it as a proper noun too.  The list keeps only words that are
single-word keys of the bundled gazetteer, so it stays small.

Usage::

    python gazetteer/build_common_words.py                 # npm pack the dictionaries
    python gazetteer/build_common_words.py --dictionaries DIR   # DIR/<package>/package/index.dic

The output is sorted and byte-identical for the same inputs.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geodrills" / "data" / "common_words.txt"

#: npm packages (Hunspell dictionaries built from SCOWL; licence "MIT AND BSD") and their versions.
DICTIONARIES = {"dictionary-en": "4.0.0", "dictionary-en-gb": "3.0.0"}

_ENTRY = re.compile(r"^([^/\s]+)(?:/(\S*))?")
_WORD = re.compile(r"[a-z]{3,}")


def fetch_dictionaries() -> Path:
    """``npm pack`` each dictionary into a temporary folder; returns the folder."""
    tmp = Path(tempfile.mkdtemp(prefix="dictionaries_"))
    for package, version in DICTIONARIES.items():
        subprocess.run(["npm", "pack", f"{package}@{version}", "--silent"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        with tarfile.open(tmp / f"{package}-{version}.tgz") as tar:
            members = [m for m in tar.getmembers() if m.name in ("package/index.dic", "package/license")]
            tar.extractall(tmp / package, members=members, filter="data")
    return tmp


def plural(word: str) -> str:
    """The regular English plural Hunspell's ``S`` flag adds (city → cities, box → boxes)."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def lowercase_only_words(dic_paths: list[Path]) -> set[str]:
    """Words the dictionaries list in lower case and never capitalised, with their plurals."""
    lower: dict[str, str] = {}  # word -> flags
    capitalised: set[str] = set()
    for path in dic_paths:
        lines = path.read_text("utf-8").splitlines()[1:]  # the first line is the entry count
        for line in lines:
            m = _ENTRY.match(line)
            if m is None:
                continue
            word, flags = m.group(1), m.group(2) or ""
            if word[:1].isupper():
                capitalised.add(word.lower())
            elif _WORD.fullmatch(word):
                lower[word] = lower.get(word, "") + flags
    out = set()
    for word, flags in lower.items():
        if word in capitalised:
            continue
        out.add(word)
        if "S" in flags and plural(word) not in capitalised:
            out.add(plural(word))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionaries", type=Path,
                        help="folder holding <package>/package/index.dic, as npm packs unpack (default: npm pack them)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    folder = args.dictionaries or fetch_dictionaries()
    paths = [folder / package / "package" / "index.dic" for package in DICTIONARIES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        parser.error(f"dictionary file(s) not found: {', '.join(missing)}")

    sys.path.insert(0, str(ROOT))
    from geodrills.gazetteer import Gazetteer

    names = Gazetteer.default().names
    words = sorted(w for w in lowercase_only_words(paths) if w in names)
    header = ("# Gazetteer names that are everyday English words: built by gazetteer/build_common_words.py\n"
              "# from " + ", ".join(f"npm {p} {v}" for p, v in DICTIONARIES.items())
              + " (Hunspell/SCOWL word lists; MIT AND BSD)\n")
    args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
