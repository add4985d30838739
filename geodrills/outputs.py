"""Writing result rows as JSON Lines, CSV, GeoJSON, GeoPackage or GeoParquet — streamed and atomic.

One writer for every command: :func:`open_rows` takes the target, the format
(or infers it from the target's extension) and the column list from
:mod:`geodrills.schema`, and returns a sink whose ``write(rows)`` can be
called any number of times, so a million-article run never holds its output.
The serialising itself is an :class:`Encoder` (``sink.encoder``), a picklable
value that ``--jobs`` workers run on their own rows; the writing process
only appends what they return (``sink.write_encoded``), in input order.

* Files are written atomically (:mod:`geodrills.atomic`): the target holds
  the previous file or the complete new one.
* Output is deterministic: the same rows give the same bytes (JSON Lines,
  CSV, GeoJSON, Parquet; a GeoPackage is SQLite and carries timestamps).
* Points come from the ``lat``/``lon`` columns, in EPSG:4326.
* CSV is spreadsheet-safe: a text cell that begins with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return gets a leading ``'`` (the OWASP advice
  against CSV injection), so Excel and LibreOffice show it as text instead
  of running it as a formula.  Numbers are written as numbers.

Examples
--------
>>> import io
>>> buf = io.StringIO()
>>> with open_rows(None, "csv", ["article", "km"], stdout=buf) as sink:
...     sink.write([{"article": "=HYPERLINK(1)", "km": -3.5}])
>>> buf.getvalue()
"article,km\\r\\n'=HYPERLINK(1),-3.5\\r\\n"
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .atomic import atomic_path, atomic_write, check_writable
from .errors import InputError
from .schema import column_type

__all__ = ["FORMATS", "EXTENSIONS", "infer_format", "check_output", "open_rows", "render", "csv_safe", "Encoder",
           "Encoded"]

#: Every output format, by its ``--format`` name.
FORMATS = ("jsonl", "csv", "geojson", "gpkg", "parquet")

#: Target extension -> format, for ``-o`` without ``--format``.
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".geojson": "geojson",
              ".gpkg": "gpkg", ".parquet": "parquet", ".geoparquet": "parquet"}

#: Formats that need a file (they cannot be streamed to standard output).
FILE_ONLY = ("gpkg", "parquet")

#: Rows buffered before a Parquet row group or a GeoPackage append.  The Parquet writer keeps each
#: group's metadata for the footer (≈ 17 KB a group, measured): 8,192-row groups held ≈ 23 MB of it
#: at 10M rows, growing with the output; 65,536-row groups hold ≈ 3 MB, for a ≈ 13 MB group buffer.
BATCH_ROWS = 65_536

#: Rows the Parquet writer encodes at a time (its ``write_batch_size``: Arrow's default, pinned here).  A
#: group waits as contiguous pieces of this many rows, cut at the same offsets from the group's start
#: however the rows arrived, so the writer meets the same batches and writes the same bytes as for one
#: contiguous table (its data pages end on batch boundaries), without the group copied whole at each
#: flush: those 13 MB copies left Arrow's memory pool (mimalloc) ≈ 50 MB larger after 100k articles than
#: after 10k (``benchmarks/README.md``, "Memory at scale").
WRITE_BATCH_ROWS = 1024

#: The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_GEOJSON_HEAD = '{"type": "FeatureCollection", "features": [\n'
_GEOJSON_TAIL = ']}\n'


def infer_format(output: str | None, fmt: str | None) -> str:
    """The format to write: ``fmt`` if given, else from ``output``'s extension, else JSON Lines
    (standard output, or a device or pipe without an extension).

    Raises
    ------
    InputError
        An unknown format or extension, or a file-only format to standard output.

    Examples
    --------
    >>> infer_format("places.gpkg", None), infer_format(None, None), infer_format("x.txt", "csv")
    ('gpkg', 'jsonl', 'csv')
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
    elif output in (None, "-"):
        fmt = "jsonl"
    elif _is_stream(output):
        fmt = "jsonl"  # /dev/null, a named pipe: there is no extension to go by
    else:
        suffix = Path(output).suffix.lower()
        fmt = EXTENSIONS.get(suffix)
        if fmt is None:
            known = ", ".join(sorted(EXTENSIONS))
            raise InputError(f"{output}: cannot tell the format from the extension {suffix or '(none)'!r}; "
                             f"use one of {known}, or give --format")
    if fmt in FILE_ONLY and output in (None, "-"):
        raise InputError(f"--format {fmt} needs an output file (-o FILE.{'gpkg' if fmt == 'gpkg' else 'parquet'})")
    return fmt


def _is_stream(output: str) -> bool:
    p = Path(output)
    try:
        return not p.suffix and p.exists() and not p.is_file() and not p.is_dir()
    except OSError:
        return False


def check_output(output: str | None, fmt: str | None = None) -> str:
    """Check ``-o`` and the format before any work is done; return the format.

    Raises
    ------
    InputError
        As :func:`infer_format`, or the target cannot be written (it names the target).
    """
    if output not in (None, "-"):
        check_writable(output)
    return infer_format(output, fmt)


def csv_safe(value: Any) -> Any:
    """A cell value that a spreadsheet will not run as a formula.

    >>> csv_safe("=1+1"), csv_safe("-12 km"), csv_safe(-12.5), csv_safe("Kars")
    ("'=1+1", "'-12 km", -12.5, 'Kars')
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _point(row: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = _clean(row.get("lat")), _clean(row.get("lon"))
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and math.isfinite(lat) and math.isfinite(lon):
        return float(lon), float(lat)
    return None


# -- encoding: rows -> the bytes of a format (runs in any worker) ---------------------------------------
@dataclass(frozen=True, slots=True)
class Encoded:
    """Rows already serialised for one format: made where the rows are computed (a worker), so the
    writing process only appends them.

    ``data`` is the text of the rows for ``jsonl``/``csv``/``geojson`` (GeoJSON: the features
    joined by ``",\\n"``), and a ``pyarrow.Table`` (typed columns and WKB points) for ``parquet``/``gpkg``.
    """

    fmt: str
    rows: int
    data: Any


@dataclass(frozen=True, slots=True)
class Encoder:
    """Serialises rows for one format and column list; picklable, so it can be sent to workers.

    >>> Encoder("jsonl", ("article", "km"))([{"article": "a", "km": 1.5}]).data
    '{"article": "a", "km": 1.5}\\n'
    """

    fmt: str
    columns: tuple[str, ...]

    def __call__(self, rows: Sequence[dict[str, Any]]) -> Encoded:
        cols = [c for c in self.columns if c != "geometry"]
        if self.fmt == "jsonl":
            data: Any = "".join(_json_line(row, cols) for row in rows)
        elif self.fmt == "csv":
            buf = io.StringIO()
            csv.writer(buf).writerows([_csv_cell(_clean(row.get(c))) for c in cols] for row in rows)
            data = buf.getvalue()
        elif self.fmt == "geojson":
            data = ",\n".join(_feature(row, cols) for row in rows)
        else:
            data = _arrow_table(rows, tuple(cols))
        return Encoded(self.fmt, len(rows), data)


def _json_line(row: dict[str, Any], columns: list[str]) -> str:
    return json.dumps({c: _clean(row.get(c)) for c in columns}, ensure_ascii=False) + "\n"


def _feature(row: dict[str, Any], columns: list[str]) -> str:
    pt = _point(row)
    geom = {"type": "Point", "coordinates": list(pt)} if pt else None
    feat = {"type": "Feature", "geometry": geom, "properties": {c: _clean(row.get(c)) for c in columns}}
    return json.dumps(feat, ensure_ascii=False)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return csv_safe(json.dumps(value, ensure_ascii=False))
    return csv_safe(value)


def _typed(value: Any, kind: str) -> Any:
    value = _clean(value)
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return bool(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_ARROW_TYPES = {"str": "string", "int": "int64", "float": "float64", "bool": "bool_", "json": "string"}


@functools.lru_cache(maxsize=16)
def _arrow_schema(columns: tuple[str, ...]) -> Any:
    """The typed columns of :mod:`geodrills.schema`, a WKB ``geometry``, and GeoParquet 1.0 ``geo`` metadata."""
    import pyarrow as pa

    fields = [pa.field(c, getattr(pa, _ARROW_TYPES[column_type(c)])()) for c in columns]
    fields.append(pa.field("geometry", pa.binary()))
    return pa.schema(fields, metadata={b"geo": _geo_metadata()})


def _arrow_table(rows: Sequence[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    """The rows as an Arrow table of :func:`_arrow_schema`, a column at a time through Arrow's converters."""
    import pyarrow as pa

    schema = _arrow_schema(columns)
    data = {c: _arrow_column([r.get(c) for r in rows], schema.field(c).type, column_type(c)) for c in columns}
    data["geometry"] = pa.array(_wkb_points(rows), type=pa.binary())
    return pa.table(data, schema=schema)


def _arrow_column(values: list[Any], typ: Any, kind: str) -> Any:
    import pyarrow as pa

    if kind == "json":
        values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
    try:
        return pa.array(values, type=typ, from_pandas=True)  # from_pandas: NaN is null
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        return pa.array([_typed(v, kind) for v in values], type=typ)


def _wkb_points(rows: Sequence[dict[str, Any]]) -> list[bytes | None]:
    """WKB of each row's point (None where it has none), built in one vectorised call."""
    import numpy as np
    import shapely

    lat = np.array([_number(r.get("lat")) for r in rows], dtype=float)
    lon = np.array([_number(r.get("lon")) for r in rows], dtype=float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    geoms = np.full(len(rows), None, dtype=object)
    if ok.any():
        geoms[ok] = shapely.points(lon[ok], lat[ok])
    return list(shapely.to_wkb(geoms, output_dimension=2)) if len(rows) else []


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else math.nan


def _geo_metadata() -> bytes:
    from pyproj import CRS

    meta = {"version": "1.0.0", "primary_column": "geometry",
            "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"],
                                     "crs": CRS.from_epsg(4326).to_json_dict()}}}
    return json.dumps(meta, sort_keys=True).encode("utf-8")


# -- sinks: append encoded rows to the target ---------------------------------------------------------
class _Sink:
    """Appends :class:`Encoded` rows (``write_encoded``) or plain rows (``write``) to one target."""

    def __init__(self, fmt: str, columns: Sequence[str]) -> None:
        self.columns = [c for c in columns if c != "geometry"]
        self.encoder = Encoder(fmt, tuple(self.columns))
        self.count = 0

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        """Encode and append ``rows``."""
        self.write_encoded(self.encoder(list(rows)))

    def write_encoded(self, encoded: Encoded) -> None:
        """Append rows encoded by :attr:`encoder` (here or in a worker)."""
        if encoded.fmt != self.encoder.fmt:
            raise ValueError(f"rows encoded as {encoded.fmt}, not {self.encoder.fmt}")
        if encoded.rows:
            self._append(encoded)
            self.count += encoded.rows

    def _append(self, encoded: Encoded) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:
        """Finish the file (footers, last batch)."""


class _TextSink(_Sink):
    """JSON Lines, CSV (a header row first) and GeoJSON (a FeatureCollection, a feature per line)."""

    def __init__(self, fh: IO[str], fmt: str, columns: Sequence[str]) -> None:
        super().__init__(fmt, columns)
        self.fh = fh
        if fmt == "csv":
            csv.writer(fh).writerow([csv_safe(c) for c in self.columns])
        elif fmt == "geojson":
            fh.write(_GEOJSON_HEAD)

    def _append(self, encoded: Encoded) -> None:
        if encoded.fmt == "geojson" and self.count:
            self.fh.write(",\n")
        self.fh.write(encoded.data)

    def close(self) -> None:
        if self.encoder.fmt == "geojson":
            self.fh.write(("\n" if self.count else "") + _GEOJSON_TAIL)


class _TableSink(_Sink):
    """Arrow tables gathered and written :data:`BATCH_ROWS` rows at a time (the same row groups for any
    cut of the same rows into encoded pieces).

    The rows of the next group wait as contiguous pieces of :data:`WRITE_BATCH_ROWS` rows (``group``),
    each cut as soon as its rows have arrived (``loose``: fewer rows than the next piece), so the sink
    holds about one group, once.
    """

    def __init__(self, fmt: str, columns: Sequence[str]) -> None:
        super().__init__(fmt, columns)
        self.group: list[Any] = []
        self.group_rows = 0
        self.loose: list[Any] = []
        self.loose_rows = 0
        self.batches = 0

    @property
    def pending_rows(self) -> int:
        """Rows appended and not yet written."""
        return self.group_rows + self.loose_rows

    def _append(self, encoded: Encoded) -> None:
        self.loose.append(encoded.data)
        self.loose_rows += encoded.rows
        while self.loose_rows >= self._next_piece():
            self._cut(self._next_piece())
            if self.group_rows >= BATCH_ROWS:
                self._flush()

    def _next_piece(self) -> int:
        return min(WRITE_BATCH_ROWS, BATCH_ROWS - self.group_rows)

    def _cut(self, n: int) -> None:
        """Move the first ``n`` loose rows into the group as one contiguous piece."""
        import pyarrow as pa

        table = self.loose[0] if len(self.loose) == 1 else pa.concat_tables(self.loose)
        rest = table.slice(n)
        self.group.append(table.slice(0, n).combine_chunks())
        self.group_rows += n
        self.loose = [rest] if rest.num_rows else []
        self.loose_rows = rest.num_rows

    def _flush(self) -> None:
        import pyarrow as pa

        if self.group:
            table = pa.concat_tables(self.group)
        else:
            table = _arrow_schema(tuple(self.columns)).empty_table()
        self.group, self.group_rows = [], 0
        self._write_table(table)
        self.batches += 1

    def _write_table(self, table: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def close(self) -> None:
        if self.loose_rows:
            self._cut(self.loose_rows)
        if self.group_rows or self.batches == 0:
            self._flush()


class _ParquetSink(_TableSink):
    """GeoParquet 1.0: a WKB ``geometry`` column and the ``geo`` metadata (EPSG:4326 as PROJJSON)."""

    def __init__(self, fh: IO[bytes], columns: Sequence[str]) -> None:
        super().__init__("parquet", columns)
        import pyarrow.parquet as pq

        self.writer = pq.ParquetWriter(fh, _arrow_schema(tuple(self.columns)), compression="zstd",
                                         write_batch_size=WRITE_BATCH_ROWS)

    def _write_table(self, table: Any) -> None:
        self.writer.write_table(table)

    def close(self) -> None:
        super().close()
        self.writer.close()


class _GpkgSink(_TableSink):
    def __init__(self, path: Path, columns: Sequence[str], layer: str) -> None:
        super().__init__("gpkg", columns)
        self.path, self.layer = path, layer

    def _write_table(self, table: Any) -> None:
        import geopandas
        import pandas as pd
        import pyarrow as pa
        import pyogrio

        nullable = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
        frame = table.drop_columns(["geometry"]).to_pandas(types_mapper=nullable.get)
        geometry = geopandas.GeoSeries.from_wkb(table.column("geometry").to_pylist(), crs="EPSG:4326")
        gdf = geopandas.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
        pyogrio.write_dataframe(gdf, self.path, layer=self.layer, driver="GPKG", geometry_type="Point",
                                append=self.batches > 0, promote_to_multi=False)


@contextlib.contextmanager
def open_rows(output: str | None, fmt: str | None, columns: Sequence[str], *, layer: str = "rows",
              stdout: IO[str] | None = None) -> Iterator[_Sink]:
    """A sink for rows in ``fmt`` written to ``output`` (``None``/``"-"``: standard output).

    Parameters
    ----------
    output : str or None
        Target file; its extension gives the format when ``fmt`` is None.
    fmt : str or None
        One of :data:`FORMATS`.
    columns : list of str
        Column order (from :mod:`geodrills.schema`); a ``geometry`` entry is ignored, the point
        comes from ``lat``/``lon``.
    layer : str
        GeoPackage layer name.

    Raises
    ------
    InputError
        Unknown format or extension, or the target cannot be written; nothing is
        replaced when the block raises.
    """
    fmt = check_output(output, fmt)
    if fmt in ("jsonl", "csv", "geojson"):
        if output in (None, "-"):
            sink = _TextSink(stdout or sys.stdout, fmt, columns)
            yield sink
            sink.close()
            (stdout or sys.stdout).flush()
            return
        with atomic_write(output, "w") as fh:
            sink = _TextSink(fh, fmt, columns)
            yield sink
            sink.close()
        return
    if fmt == "parquet":
        with atomic_write(output, "wb") as fh:
            psink = _ParquetSink(fh, columns)
            yield psink
            psink.close()
        return
    with atomic_path(output, suffix=".gpkg") as tmp:
        gsink = _GpkgSink(tmp, columns, layer)
        yield gsink
        gsink.close()


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    """Rows as text in a text format ("jsonl", "csv" or "geojson"); deterministic.

    Examples
    --------
    >>> render([{"a": 1, "b": None}], "csv")
    'a,b\\r\\n1,\\r\\n'
    """
    if fmt not in ("jsonl", "csv", "geojson"):
        raise InputError(f"unknown text output format {fmt!r}; use jsonl, csv or geojson")
    buf = io.StringIO()
    with open_rows(None, fmt, list(columns or (rows[0].keys() if rows else [])), stdout=buf) as sink:
        sink.write(rows)
    return buf.getvalue()
