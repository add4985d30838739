"""Reading a corpus: article files and folders, JSON Lines, CSV, Parquet, stdin, pandas.

Every command and every API function that takes "articles" reads them
through :func:`iter_articles`, one at a time, so a corpus of a million rows
is never held in memory.  Sources:

=====================  =============================================================
``a.txt``              one article (the file name is its id)
a folder               every ``*.txt`` in it, sorted by name
``x.jsonl``/``.ndjson``  one JSON object per line
``x.csv``              a header row, then one article per row
``x.parquet``          one article per row, read a batch at a time
``-``                  JSON Lines on standard input
DataFrame / Series     a frame with a text column, or a Series of texts (index = id)
Article, text          as :func:`geodrills.articles.as_article`
=====================  =============================================================

Table columns are named by :class:`Columns` (defaults ``text``, ``id``,
``date``, ``title``).  The text column must exist; the others are used when
present (or must exist when named explicitly).  Without an id column an
article is called ``<file>:<row>``.

A bad row (empty or missing text, a line that is not JSON, a date that does
not parse, text over the byte cap) is reported with its file and row through
``on_error`` and the rest of the corpus is read; a bad file (corrupt Parquet,
missing text column, a pipe) is reported the same way and skipped.

Examples
--------
>>> import pandas as pd
>>> [a.name for a in iter_articles(pd.Series(["Drills in Kars.", "Troops in Baku."], index=["a", "b"]))]
['a', 'b']
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from os import PathLike
from pathlib import Path
from typing import Any

from .articles import MAX_BYTES, Article, as_article, iter_article_paths, looks_like_text, open_regular, \
    read_article
from .errors import GeodrillsError, InputError

__all__ = ["Batch", "Columns", "RowError", "iter_articles", "iter_batches", "TABLE_SUFFIXES",
           "describe_columns"]

#: File suffixes read as tables (one article per row), and the reader of each.
TABLE_SUFFIXES: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

#: Rows read from a Parquet file at a time (bounded memory for any file size).
PARQUET_BATCH_ROWS = 1024


@dataclass(frozen=True, slots=True)
class Columns:
    """Which table columns hold an article's text, id, date and title.

    ``explicit`` names the ones the user chose; those must exist in every
    table, the others are used only when present.
    """

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    explicit: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *, text: str | None = None, id: str | None = None, date: str | None = None,
           title: str | None = None) -> Columns:
        """Columns from options where ``None`` means "the default".

        >>> Columns.of(text="body").text, sorted(Columns.of(text="body").explicit)
        ('body', ['text'])
        """
        given = {"text": text, "id": id, "date": date, "title": title}
        chosen = {k: v for k, v in given.items() if v is not None}
        return cls(**chosen, explicit=frozenset(chosen))


class RowError(InputError):
    """One bad row of a table: the message names the file and the row."""

    def __init__(self, source: str, row: int | None, reason: str, unit: str = "row") -> None:
        self.source, self.row, self.reason, self.unit = source, row, reason, unit
        where = f"{source}: {unit} {row}" if row is not None else source
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:  # it travels back from worker processes
        return (RowError, (self.source, self.row, self.reason, self.unit))


OnError = Callable[[GeodrillsError], None]


def _raise(exc: GeodrillsError) -> None:
    raise exc


def _on_error_callable(on_error: str | OnError) -> OnError:
    if callable(on_error):
        return on_error
    if on_error == "raise":
        return _raise
    if on_error == "warn":
        return lambda exc: warnings.warn(str(exc), stacklevel=4)
    if on_error == "skip":
        return lambda exc: None
    raise InputError(f"on_error must be 'raise', 'warn', 'skip' or a callable, not {on_error!r}")


def iter_articles(source: Any, *, columns: Columns = Columns(), encoding: str | None = None,
                  max_bytes: int = MAX_BYTES, on_error: str | OnError = "raise",
                  on_columns: Callable[[str, dict[str, str | None]], None] | None = None) -> Iterator[Article]:
    """Yield the articles of ``source``, one at a time, in order.

    Parameters
    ----------
    source : path, str, Article, DataFrame, Series, or an iterable of them
        See the module docstring.  A ``pathlib.Path`` is always a path; a
        ``str`` is a path unless it can only be text
        (:func:`geodrills.articles.looks_like_text`) or names nothing that exists
        (a missing ``x.parquet``/``.jsonl``/``.csv`` is still a path, reported as missing).
    columns : Columns
        Table column names.
    encoding : str, optional
        For ``.txt``, ``.jsonl`` and ``.csv`` files (default UTF-8).
    max_bytes : int
        Byte cap of one article's text.
    on_error : {"raise", "warn", "skip"} or callable
        Called with each :class:`~geodrills.errors.InputError` (a bad file or
        a :class:`RowError`); reading goes on unless it raises.
    on_columns : callable, optional
        Called once per table with its name and which column gave each field
        (``None`` for a field the table lacks), so a CLI can say what it used.

    Yields
    ------
    Article
        ``name`` is the id; ``date`` and ``title`` come from their columns when present.
    """
    report = _on_error_callable(on_error)
    for batch in iter_batches(source, columns=columns, encoding=encoding, max_bytes=max_bytes,
                              on_columns=on_columns):
        yield from batch.articles(report)


def iter_batches(source: Any, *, columns: Columns = Columns(), encoding: str | None = None,
                 max_bytes: int = MAX_BYTES, size: int | None = None,
                 on_columns: Callable[[str, dict[str, str | None]], None] | None = None) -> Iterator[Batch]:
    """The corpus as :class:`Batch` es of up to ``size`` articles, in order, not yet read into Articles.

    This is what a process pool or a cluster is handed: a table's rows arrive as
    plain column values and ``.txt`` files as paths, so the reading process only
    cuts the corpus into batches and each worker makes the Articles
    (:meth:`Batch.articles`).  Bad files travel in the stream as batches that
    report them, so every problem is reported in input order wherever the
    batches are turned into articles.  Parameters as :func:`iter_articles`; ``size``
    defaults to :data:`geodrills.parallel.CHUNK_ITEMS`.

    Examples
    --------
    >>> import pandas as pd
    >>> [len(b) for b in iter_batches(pd.Series(["Drills in Kars."] * 5), size=2)]
    [2, 2, 1]
    """
    if size is None:
        from .parallel import CHUNK_ITEMS as size
    reader = _Reader(columns, encoding, max_bytes, size, on_columns)
    yield from _coalesced(reader.source(source), size)


def describe_columns(source: str, used: dict[str, str | None]) -> str:
    """One line saying which columns a table gave.

    >>> describe_columns("x.csv", {"text": "body", "id": "url", "date": None, "title": None})
    "x.csv: text from 'body', id from 'url', no date column, no title column"
    """
    parts = [f"{k} from {v!r}" if v else f"no {k} column" for k, v in used.items()]
    return f"{source}: " + ", ".join(parts)


# -- batches: what a worker is sent ------------------------------------------------------------------
class Batch:
    """A few articles in a form that is cheap to send to another process; :meth:`articles` reads them."""

    __slots__ = ()

    def articles(self, report: OnError) -> Iterator[Article]:  # pragma: no cover - overridden
        """The batch's articles, in order; each bad row or file goes to ``report``."""
        raise NotImplementedError

    def __len__(self) -> int:
        return 0


@dataclass(frozen=True, slots=True)
class _TableSpec:
    """How one table's values become Articles: its name, what a row is called, which fields it has."""

    name: str
    unit: str
    columns: tuple[tuple[str, str], ...]  # (field, column) for each field the table has
    max_bytes: int

    def article(self, values: dict[str, list[Any]], i: int, row: int, report: OnError) -> Article | None:
        text = values["text"][i]
        if _missing(text) or (isinstance(text, str) and not text.strip()):
            report(RowError(self.name, row, f"empty or missing text (column {dict(self.columns)['text']!r})",
                            self.unit))
            return None
        if not isinstance(text, str):
            report(RowError(self.name, row, f"text is a {type(text).__name__}, not a string", self.unit))
            return None
        if len(text) * 4 > self.max_bytes and len(text.encode("utf-8")) > self.max_bytes:
            report(RowError(self.name, row, f"text larger than the {self.max_bytes:,}-byte limit for one article",
                            self.unit))
            return None
        ident = values["id"][i] if "id" in values else None
        name = f"{Path(self.name).name}:{row}" if _missing(ident) else _as_id(ident)
        try:
            art = Article.from_text(text, name)
        except GeodrillsError as exc:
            report(RowError(self.name, row, str(exc), self.unit))
            return None
        changes: dict[str, Any] = {}
        title = values["title"][i] if "title" in values else None
        if not _missing(title):
            changes["title"] = str(title).strip() or None
        raw_date = values["date"][i] if "date" in values else None
        if not _missing(raw_date):
            date = parse_date(raw_date)
            if date is None:
                report(RowError(self.name, row, f"date {str(raw_date)[:40]!r} does not parse (want YYYY-MM-DD); "
                                                "the article is read without a date", self.unit))
            changes["date"] = date
        return replace(art, **changes) if changes else art


@dataclass(frozen=True, slots=True)
class _Records(Batch):
    """Rows of a table: for each field, the values of consecutive rows; ``rows`` their numbers."""

    table: _TableSpec
    rows: tuple[int, ...]
    values: dict[str, list[Any]]

    def articles(self, report: OnError) -> Iterator[Article]:
        for i, row in enumerate(self.rows):
            art = self.table.article(self.values, i, row, report)
            if art is not None:
                yield art

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class _Paths(Batch):
    """Article files, read where the batch is turned into articles."""

    paths: tuple[Path, ...]
    encoding: str | None
    max_bytes: int

    def articles(self, report: OnError) -> Iterator[Article]:
        for f in self.paths:
            try:
                yield read_article(f, encoding=self.encoding, max_bytes=self.max_bytes)
            except GeodrillsError as exc:
                report(exc)

    def __len__(self) -> int:
        return len(self.paths)


@dataclass(frozen=True, slots=True)
class _Ready(Batch):
    """Articles made already (texts and Articles given in Python)."""

    items: tuple[Article, ...]

    def articles(self, report: OnError) -> Iterator[Article]:
        yield from self.items

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True, slots=True)
class _Failed(Batch):
    """A bad file or line met while cutting the corpus, reported in its place in the stream."""

    error: GeodrillsError

    def articles(self, report: OnError) -> Iterator[Article]:
        report(self.error)
        return iter(())


def _coalesced(batches: Iterator[Batch], size: int) -> Iterator[Batch]:
    """Consecutive small batches of files or ready Articles joined up to ``size`` (one file per argument
    would otherwise be one batch each)."""
    held: Batch | None = None
    for b in batches:
        if isinstance(held, _Paths) and isinstance(b, _Paths) and (held.encoding, held.max_bytes) == \
                (b.encoding, b.max_bytes) and len(held) + len(b) <= size:
            held = _Paths(held.paths + b.paths, b.encoding, b.max_bytes)
            continue
        if isinstance(held, _Ready) and isinstance(b, _Ready) and len(held) + len(b) <= size:
            held = _Ready(held.items + b.items)
            continue
        if held is not None:
            yield held
        held = b
    if held is not None:
        yield held


# -- cutting sources into batches ----------------------------------------------------------------------
class _Reader:
    def __init__(self, columns: Columns, encoding: str | None, max_bytes: int, size: int,
                 on_columns: Callable[[str, dict[str, str | None]], None] | None) -> None:
        self.columns, self.encoding, self.max_bytes, self.size = columns, encoding, max_bytes, size
        self.on_columns = on_columns

    # -- dispatch -----------------------------------------------------------------------------
    def source(self, source: Any) -> Iterator[Batch]:
        if isinstance(source, Article):
            yield _Ready((source,))
        elif isinstance(source, PathLike):
            yield from self.path(Path(source))
        elif isinstance(source, str):
            if source == "-":
                yield from self._guarded(self.jsonl(sys.stdin.buffer, "<stdin>"))
            elif looks_like_text(source) or not (_exists(source) or _table_name(source)):
                yield self._text_batch(source)
            else:
                yield from self.path(Path(source))
        elif _is_pandas(source):
            yield from self._guarded(self.frame(source))
        elif isinstance(source, Iterable) and not isinstance(source, (bytes, dict)):
            for item in source:
                yield from self.source(item)
        else:
            yield _Failed(InputError(f"expected articles, paths, a folder, a table file or a DataFrame, "
                                     f"not {type(source).__name__}"))

    def _guarded(self, batches: Iterator[Batch]) -> Iterator[Batch]:
        try:
            yield from batches
        except GeodrillsError as exc:
            yield _Failed(exc)

    def _text_batch(self, text: str) -> Batch:
        try:
            return _Ready((as_article(text),))
        except GeodrillsError as exc:
            return _Failed(exc)

    def path(self, p: Path) -> Iterator[Batch]:
        kind = TABLE_SUFFIXES.get(p.suffix.lower())
        if kind is None:
            try:
                files = list(iter_article_paths([p]))
            except GeodrillsError as exc:
                yield _Failed(exc)
                return
            for lo in range(0, len(files), self.size):
                yield _Paths(tuple(files[lo:lo + self.size]), self.encoding, self.max_bytes)
            return
        yield from self._guarded(getattr(self, f"_{kind}_file")(p))

    # -- tables -----------------------------------------------------------------------------
    def _jsonl_file(self, p: Path) -> Iterator[Batch]:
        fd = open_regular(p)
        with open(fd, "rb") as fh:
            yield from self.jsonl(fh, str(p))

    def jsonl(self, fh: Any, name: str) -> Iterator[Batch]:
        table = _Table(name, self, unit="line")
        for lineno, raw in enumerate(_capped_lines(fh, self.max_bytes * 2), 1):
            bad = None
            if raw is None:
                bad = RowError(name, lineno, f"line longer than {self.max_bytes * 2:,} bytes", "line")
            elif not raw.strip():
                continue
            else:
                try:
                    obj = json.loads(raw.decode(self.encoding or "utf-8"))
                except UnicodeDecodeError as exc:
                    bad = RowError(name, lineno, f"not valid {self.encoding or 'UTF-8'} at byte {exc.start}", "line")
                except ValueError as exc:
                    bad = RowError(name, lineno, f"not JSON ({exc.args[0].split(':')[0]})", "line")
                else:
                    if not isinstance(obj, dict):
                        bad = RowError(name, lineno, f"a JSON {type(obj).__name__}, not an object", "line")
            if bad is not None:
                yield from table.flush()
                yield _Failed(bad)
                continue
            yield from table.add(obj, lineno)
        yield from table.flush()

    def _csv_file(self, p: Path) -> Iterator[Batch]:
        fd = open_regular(p)
        csv.field_size_limit(max(self.max_bytes * 2, 131072))
        with open(fd, encoding=self.encoding or "utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            try:
                header = reader.fieldnames
            except (csv.Error, UnicodeDecodeError) as exc:
                raise InputError(f"{p}: cannot read the CSV header ({exc})") from None
            if not header:
                raise InputError(f"{p}: empty CSV file (no header row)")
            table = _Table(str(p), self, unit="row", header=header)
            row = 0
            while True:
                row += 1
                try:
                    rec = next(reader)
                except StopIteration:
                    break
                except UnicodeDecodeError as exc:
                    yield from table.flush()
                    raise InputError(f"{p}: row {row}: not valid {self.encoding or 'UTF-8'} "
                                     f"(byte {exc.start} of a block); convert it or pass --encoding") from None
                except csv.Error as exc:
                    yield from table.flush()
                    yield _Failed(RowError(str(p), row, f"malformed CSV ({exc})"))
                    continue
                yield from table.add(rec, row)
            yield from table.flush()

    def _parquet_file(self, p: Path) -> Iterator[Batch]:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise InputError(f"{p}: reading Parquet needs pyarrow (pip install pyarrow)") from None
        fd = open_regular(p)
        with open(fd, "rb") as fh:
            try:
                pf = pq.ParquetFile(fh)
                names = pf.schema_arrow.names
            except Exception as exc:  # pyarrow raises ArrowInvalid/OSError on corrupt files
                raise InputError(f"{p}: not a readable Parquet file ({_first_line(exc)})") from None
            table = _Table(str(p), self, unit="row", header=names)
            wanted = list(dict.fromkeys(c for c in table.used.values() if c))
            row = 0
            try:
                for batch in _row_group_batches(pf, wanted):
                    for lo in range(0, batch.num_rows, self.size):
                        piece = batch.slice(lo, self.size)
                        values = {f: piece.column(wanted.index(c)).to_pylist() for f, c in table.used.items() if c}
                        yield table.batch(tuple(range(row + 1, row + 1 + piece.num_rows)), values)
                        row += piece.num_rows
            except GeodrillsError:
                raise
            except Exception as exc:
                raise InputError(f"{p}: Parquet data unreadable after row {row} ({_first_line(exc)})") from None

    # -- pandas -----------------------------------------------------------------------------
    def frame(self, obj: Any) -> Iterator[Batch]:
        import pandas as pd

        if isinstance(obj, pd.Series):
            obj = pd.DataFrame({self.columns.text: obj.values, self.columns.id: [str(i) for i in obj.index]})
        table = _Table("<DataFrame>", self, unit="row", header=[str(c) for c in obj.columns])
        for lo in range(0, len(obj), self.size):
            piece = obj.iloc[lo:lo + self.size]
            values = {f: piece[c].tolist() for f, c in table.used.items() if c}
            yield table.batch(tuple(range(lo + 1, lo + 1 + len(piece))), values)


class _Table:
    """The column mapping of one table, checked once, and the cutting of its records into batches."""

    def __init__(self, name: str, reader: _Reader, *, unit: str, header: list[str] | None = None) -> None:
        self.name, self.reader, self.unit = name, reader, unit
        cols = reader.columns
        self.used: dict[str, str | None] = {}
        for field in ("text", "id", "date", "title"):
            col = getattr(cols, field)
            if header is not None and col not in header:
                if field == "text" or field in cols.explicit:
                    raise InputError(f"{name}: no column {col!r} (columns: {', '.join(map(repr, header[:20]))}); "
                                     f"choose one with --{field}-column")
                self.used[field] = None
            else:
                self.used[field] = col
        self.announced = header is not None
        if header is not None and reader.on_columns:
            reader.on_columns(name, dict(self.used))
        self._spec: _TableSpec | None = None
        self.rows: list[int] = []
        self.records: list[dict[str, Any]] = []

    @property
    def spec(self) -> _TableSpec:
        if self._spec is None:
            pairs = tuple((f, c) for f, c in self.used.items() if c)
            self._spec = _TableSpec(self.name, self.unit, pairs, self.reader.max_bytes)
        return self._spec

    def batch(self, rows: tuple[int, ...], values: dict[str, list[Any]]) -> _Records:
        return _Records(self.spec, rows, values)

    def add(self, rec: dict[str, Any], row: int) -> Iterator[Batch]:
        """Take one record; yield a batch when ``size`` are waiting."""
        if not self.announced:  # JSON Lines: columns known from the first record
            self._announce(rec, row)
        self.rows.append(row)
        self.records.append(rec)
        if len(self.rows) >= self.reader.size:
            yield from self.flush()

    def flush(self) -> Iterator[Batch]:
        """The records waiting, as one batch (nothing if none)."""
        if self.rows:
            values = {f: [r.get(c) for r in self.records] for f, c in self.used.items() if c}
            yield self.batch(tuple(self.rows), values)
            self.rows, self.records = [], []

    def _announce(self, rec: dict[str, Any], row: int) -> None:
        self.announced = True
        cols = self.reader.columns
        for f in ("id", "date", "title"):
            if getattr(cols, f) not in rec:
                if f in cols.explicit:
                    raise InputError(f"{self.name}: no field {getattr(cols, f)!r} in line {row}")
                self.used[f] = None
        if self.reader.on_columns:
            self.reader.on_columns(self.name, dict(self.used))


def parse_date(value: Any) -> dt.date | None:
    """A date from a corpus cell: ``datetime``/``date``, pandas ``Timestamp``, or an ISO 8601 string.

    >>> parse_date("2022-12-05T08:00:00Z"), parse_date("5 Dec"), parse_date("2022-02-30")
    (datetime.date(2022, 12, 5), None, None)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    if not isinstance(value, str):
        return None
    s = value.strip()
    if len(s) > 40:
        return None
    try:
        return dt.date.fromisoformat(s[:10]) if len(s) >= 10 and s[10:11] in ("", "T", " ") else None
    except ValueError:
        return None


def _as_id(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _exists(s: str) -> bool:
    try:
        return Path(s).exists()
    except (OSError, ValueError):
        return False


def _table_name(s: str) -> bool:
    """A one-line str ending in a table suffix is a path even when missing (it is reported, not parsed)."""
    return Path(s).suffix.lower() in TABLE_SUFFIXES


def _is_pandas(obj: Any) -> bool:
    mod = type(obj).__module__
    return (mod == "pandas" or mod.startswith("pandas.")) and type(obj).__name__ in ("DataFrame", "Series")


def _row_group_batches(pf: Any, columns: list[str]) -> Iterator[Any]:
    """``pf``'s rows, :data:`PARQUET_BATCH_ROWS` at a time, one row group after another.

    A reader over the whole file holds more the more row groups the file has (bench_scale's
    corpora, 10,000-row groups, read to 60k rows: ≈ 25 MB more RSS from a 1M-row file than from a
    100k-row one); a reader per row group holds the same for any file size.
    """
    for group in range(pf.num_row_groups):
        yield from pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=[group], columns=columns)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _capped_lines(fh: Any, cap: int) -> Iterator[bytes | None]:
    """Lines of a binary stream; ``None`` for a line over ``cap`` bytes (skipped without holding it)."""
    while True:
        line = fh.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line in bounded pieces
                more = fh.readline(cap + 1)
                if not more or more.endswith(b"\n"):
                    break
            yield None
            continue
        yield line

