"""``geodrills lookup NAME``: look a name up in the bundled gazetteer."""

from __future__ import annotations

import argparse
import json
import sys

HELP = "look a place name up in the bundled gazetteer"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="place name, any spelling (Nakhchivan, Naxçıvan, Nakhichevan …)")
    parser.add_argument("--country", metavar="CC", help="keep places in this country (ISO2 code or name)")
    parser.add_argument("--kind", metavar="KIND",
                        help="keep this kind (city, admin1, river, …) or group (settlement, admin, feature)")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="most candidates (default 10)")
    parser.add_argument("--no-fuzzy", dest="fuzzy", action="store_false", help="no misspelling fallback")
    parser.add_argument("--json", action="store_true", help="print a JSON list of candidates, best first")


def run(args: argparse.Namespace) -> int:
    from ..gazetteer import Gazetteer

    places = Gazetteer.default().lookup(args.name, country=args.country, kind=args.kind,
                                        limit=args.limit, fuzzy=args.fuzzy)
    if args.json:
        json.dump([p.to_dict() for p in places], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for p in places:
            where = ", ".join(x for x in (p.admin1, p.country) if x)
            gid = f" geonameid {p.geonameid}" if p.geonameid else ""
            print(f"{p.score:.3f}  {p.name} ({p.kind}, {where})  {p.lat:.5f}, {p.lon:.5f}"
                  f"  pop {p.population:,}{gid}  [{p.match}]")
    if not places:
        print(f"geodrills lookup: no place named {args.name!r}", file=sys.stderr)
        return 1
    return 0
