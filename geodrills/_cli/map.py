"""``geodrills map``: write the drills map of articles to one HTML file."""

from __future__ import annotations

import argparse

from ._output import Run, add_corpus_arguments

HELP = "write a map of the places the articles name, with borders and distances, to one HTML file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE.html", help="the HTML file to write")
    parser.add_argument("--offline", action="store_true",
                        help="no web tiles either: only the bundled world basemap, no URL at all "
                             "(every page inlines Leaflet and its plugins)")
    parser.add_argument("--title", default=None, help="title shown on the map")
    parser.add_argument("--rings", nargs="+", type=float, default=(), metavar="KM",
                        help="range rings of these radii (km) around each city, town and village")
    parser.add_argument("--rings-around", nargs="+", default=None, metavar="PLACE",
                        help="draw the rings around these places (names or ids) instead")
    parser.add_argument("--no-borders", action="store_true", help="leave out the international borders")
    parser.add_argument("--no-distance-lines", action="store_true",
                        help="leave out the lines to each place's nearest border")
    parser.add_argument("--events", action="store_true",
                        help="add the drill events found in the articles (a layer per exercise, a date slider)")


def run(args: argparse.Namespace) -> int:
    from ..atomic import check_writable
    from ..mentions import geoparse_frame
    from ..maps import drills_map, save_map

    check_writable(args.output)  # before any work
    job = Run("map", args)
    articles = list(job.read())
    frame = geoparse_frame(articles, on_error="raise")
    if not articles or frame["lat"].notna().sum() == 0:
        job.say("no place found; nothing to map")
        return job.finish(nothing_found=True)
    events = None
    if args.events:
        from ..events import extract_events

        events = extract_events(articles)
    m = drills_map(frame, borders=not args.no_borders, distance_lines=not args.no_distance_lines,
                   rings_km=tuple(args.rings), rings_around=args.rings_around, offline=args.offline,
                   title=args.title, events=events)
    out = save_map(m, args.output, offline=args.offline)
    data = m.geodrills_data or {}
    from .._progress import plural

    return job.finish(f"{plural(len(data.get('places', [])), 'place')} mapped ({out.stat().st_size:,} bytes"
                      f"{', offline' if args.offline else ''})")
