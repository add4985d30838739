"""Writing rows as JSON lines, CSV or GeoJSON, to stdout or atomically to a file."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    """Rows as text in ``fmt`` ("jsonl", "csv" or "geojson"); deterministic.

    Examples
    --------
    >>> render([{"a": 1, "b": None}], "csv")
    'a,b\\r\\n1,\\r\\n'
    """
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "jsonl":
        return "".join(json.dumps({c: _clean(r.get(c)) for c in columns}, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if _clean(r.get(c)) is None else _csv_cell(r.get(c)) for c in columns])
        return buf.getvalue()
    if fmt == "geojson":
        feats = []
        for r in rows:
            lat, lon = _clean(r.get("lat")), _clean(r.get("lon"))
            geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
            props = {c: _clean(r.get(c)) for c in columns}
            feats.append({"type": "Feature", "geometry": geom, "properties": props})
        return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, indent=1) + "\n"
    raise InputError(f"unknown output format {fmt!r}; use jsonl, csv or geojson")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def km_value(value: str) -> float:
    """argparse type: a finite, non-negative number of kilometres."""
    import argparse

    try:
        km = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not math.isfinite(km) or km < 0:
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0: {value!r}")
    return km


def check_output(output: str | None) -> None:
    """Refuse an unusable ``-o`` before any work is done."""
    if output in (None, "-"):
        return
    path = Path(output)
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file name for -o")
    if not path.parent.exists():
        raise InputError(f"{path}: folder {path.parent} does not exist")


def write_text(text: str, output: str | None) -> None:
    """Print to stdout, or write ``output`` atomically (a failed run never leaves half a file).

    A file is written beside its target and renamed over it (through a
    symbolic link, the file it points to).  Anything else that exists
    (``/dev/null``, a named pipe, ``/dev/stdout``) is written through:
    renaming over it would replace the device with a file.
    """
    if output in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    check_output(output)
    path = Path(output)
    if path.is_symlink():  # write the file it points to, and keep the link
        path = path.resolve()
    if path.exists() and not path.is_file():
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_error(command: str, path: Any, exc: Exception, errors: list[str]) -> None:
    """Tell stderr about one bad input file and remember it; the run goes on."""
    msg = str(exc)
    print(f"geodrills {command}: skipping: {msg}", file=sys.stderr)
    errors.append(msg)


def iter_inputs(paths: Iterable[str], command: str, errors: list[str], encoding: str | None = None):
    """Articles from paths (a folder = its *.txt files), reporting and skipping bad ones."""
    from ..articles import read_articles

    return read_articles(list(paths), on_error=lambda p, e: report_error(command, p, e, errors), encoding=encoding)
