"""The ``geodrills`` command line.

Each sub-command lives in its own module ``geodrills/_cli/<name>.py`` with

* ``HELP``: one line for ``geodrills --help``;
* ``add_arguments(parser)``: its options;
* ``run(args) -> int``: the work, returning the exit code.

Modules are imported only when their command runs, so ``geodrills lookup``
never pays for folium or geopandas.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

from .errors import GeodrillsError

#: Sub-command name -> module under ``geodrills._cli``.
COMMANDS: dict[str, str] = {
    "lookup": "lookup",
    "geocode": "geocode",
    "distances": "distances",
    "claims": "claims",
    "events": "events",
    "map": "map",
}


def _command_module(name: str):
    return importlib.import_module(f"geodrills._cli.{COMMANDS[name]}")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Build the parser; only the sub-command named in ``argv`` is imported."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="geodrills",
        description="Find the places named in news about military drills, measure them against the borders, map them.",
    )
    parser.add_argument("--version", action="version", version=f"geodrills {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = next((a for a in (argv or []) if not a.startswith("-")), None)
    for name in COMMANDS:
        if wanted is not None and name != wanted:
            subparsers.add_parser(name, add_help=False)
            continue
        try:
            module = _command_module(name)
        except ModuleNotFoundError as exc:  # a command whose module is not written yet
            if exc.name != f"geodrills._cli.{COMMANDS[name]}":
                raise
            continue
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def _exit_cleanly_on_sigterm() -> Any:
    """``kill`` (SIGTERM) unwinds like Ctrl-C, so half-written temporary outputs are removed.

    Returns the previous handler (None where signals cannot be set: not the main thread).
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    0: done; 1: nothing found where a result was asked for (``lookup`` of an
    unknown name, ``events`` with no exercise); 2: an error (bad input,
    missing data), after whatever input was good has been processed.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    run = getattr(args, "_run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return 2
    previous = _exit_cleanly_on_sigterm()
    try:
        return int(run(args) or 0)
    except GeodrillsError as exc:
        print(f"geodrills {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `geodrills geocode ... | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # SIGTERM (above): temporary files are gone by now
        return int(exc.code or 0)
    except OSError as exc:  # a last resort: no traceback for a file-system error nobody foresaw
        print(f"geodrills {args.command}: error: {exc.strerror or exc}"
              f"{f' ({exc.filename})' if getattr(exc, 'filename', None) else ''}", file=sys.stderr)
        return 2
    finally:
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
