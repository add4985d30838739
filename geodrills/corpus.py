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

__all__ = ["Columns", "RowError", "iter_articles", "TABLE_SUFFIXES", "describe_columns"]

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
        self.source, self.row, self.reason = source, row, reason
        where = f"{source}: {unit} {row}" if row is not None else source
        super().__init__(f"{where}: {reason}")


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
    reader = _Reader(columns, encoding, max_bytes, report, on_columns)
    yield from reader.source(source)


def describe_columns(source: str, used: dict[str, str | None]) -> str:
    """One line saying which columns a table gave.

    >>> describe_columns("x.csv", {"text": "body", "id": "url", "date": None, "title": None})
    "x.csv: text from 'body', id from 'url', no date column, no title column"
    """
    parts = [f"{k} from {v!r}" if v else f"no {k} column" for k, v in used.items()]
    return f"{source}: " + ", ".join(parts)


class _Reader:
    def __init__(self, columns: Columns, encoding: str | None, max_bytes: int, report: OnError,
                 on_columns: Callable[[str, dict[str, str | None]], None] | None) -> None:
        self.columns, self.encoding, self.max_bytes = columns, encoding, max_bytes
        self.report, self.on_columns = report, on_columns

    # -- dispatch -----------------------------------------------------------------------------
    def source(self, source: Any) -> Iterator[Article]:
        if isinstance(source, Article):
            yield source
        elif isinstance(source, PathLike):
            yield from self.path(Path(source))
        elif isinstance(source, str):
            if source == "-":
                yield from self._guarded(self.jsonl(sys.stdin.buffer, "<stdin>"))
            elif looks_like_text(source) or not (_exists(source) or _table_name(source)):
                yield self._text_article(source)
            else:
                yield from self.path(Path(source))
        elif _is_pandas(source):
            yield from self._guarded(self.frame(source))
        elif isinstance(source, Iterable) and not isinstance(source, (bytes, dict)):
            for item in source:
                yield from self.source(item)
        else:
            self.report(InputError(f"expected articles, paths, a folder, a table file or a DataFrame, "
                                   f"not {type(source).__name__}"))

    def _guarded(self, articles: Iterator[Article]) -> Iterator[Article]:
        try:
            yield from articles
        except GeodrillsError as exc:
            self.report(exc)

    def _text_article(self, text: str) -> Article:
        return as_article(text)

    def path(self, p: Path) -> Iterator[Article]:
        kind = TABLE_SUFFIXES.get(p.suffix.lower())
        if kind is None:
            try:
                files = list(iter_article_paths([p]))
            except GeodrillsError as exc:
                self.report(exc)
                return
            for f in files:
                try:
                    yield read_article(f, encoding=self.encoding, max_bytes=self.max_bytes)
                except GeodrillsError as exc:
                    self.report(exc)
            return
        yield from self._guarded(getattr(self, f"_{kind}_file")(p))

    # -- tables -----------------------------------------------------------------------------
    def _jsonl_file(self, p: Path) -> Iterator[Article]:
        fd = open_regular(p)
        with open(fd, "rb") as fh:
            yield from self.jsonl(fh, str(p))

    def jsonl(self, fh: Any, name: str) -> Iterator[Article]:
        table = _Table(name, self, unit="line")
        for lineno, raw in enumerate(_capped_lines(fh, self.max_bytes * 2), 1):
            if raw is None:
                self.report(RowError(name, lineno, f"line longer than {self.max_bytes * 2:,} bytes", "line"))
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode(self.encoding or "utf-8"))
            except UnicodeDecodeError as exc:
                self.report(RowError(name, lineno, f"not valid {self.encoding or 'UTF-8'} at byte {exc.start}",
                                     "line"))
                continue
            except ValueError as exc:
                self.report(RowError(name, lineno, f"not JSON ({exc.args[0].split(':')[0]})", "line"))
                continue
            if not isinstance(obj, dict):
                self.report(RowError(name, lineno, f"a JSON {type(obj).__name__}, not an object", "line"))
                continue
            art = table.article(obj, lineno)
            if art is not None:
                yield art

    def _csv_file(self, p: Path) -> Iterator[Article]:
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
                    return
                except UnicodeDecodeError as exc:
                    raise InputError(f"{p}: row {row}: not valid {self.encoding or 'UTF-8'} "
                                     f"(byte {exc.start} of a block); convert it or pass --encoding") from None
                except csv.Error as exc:
                    self.report(RowError(str(p), row, f"malformed CSV ({exc})"))
                    continue
                art = table.article(rec, row)
                if art is not None:
                    yield art

    def _parquet_file(self, p: Path) -> Iterator[Article]:
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
            wanted = [c for c in table.used.values() if c]
            row = 0
            try:
                for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
                    for rec in batch.to_pylist():
                        row += 1
                        art = table.article(rec, row)
                        if art is not None:
                            yield art
            except GeodrillsError:
                raise
            except Exception as exc:
                raise InputError(f"{p}: Parquet data unreadable after row {row} ({_first_line(exc)})") from None

    # -- pandas -----------------------------------------------------------------------------
    def frame(self, obj: Any) -> Iterator[Article]:
        import pandas as pd

        if isinstance(obj, pd.Series):
            obj = pd.DataFrame({self.columns.text: obj.values, self.columns.id: [str(i) for i in obj.index]})
        name = "<DataFrame>"
        table = _Table(name, self, unit="row", header=[str(c) for c in obj.columns])
        wanted = [c for c in table.used.values() if c]
        for row, rec in enumerate(obj[wanted].itertuples(index=False, name=None), 1):
            art = table.article(dict(zip(wanted, rec)), row)
            if art is not None:
                yield art


class _Table:
    """The column mapping of one table and the making of an Article from a record."""

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

    def _error(self, row: int, reason: str) -> None:
        self.reader.report(RowError(self.name, row, reason, self.unit))

    def article(self, rec: dict[str, Any], row: int) -> Article | None:
        if not self.announced:  # JSON Lines: columns known from the first record
            self.announced = True
            cols = self.reader.columns
            missing = [f for f in ("id", "date", "title") if getattr(cols, f) not in rec]
            for f in missing:
                if f in cols.explicit:
                    raise InputError(f"{self.name}: no field {getattr(cols, f)!r} in line {row}")
                self.used[f] = None
            if self.reader.on_columns:
                self.reader.on_columns(self.name, dict(self.used))
        text = rec.get(self.used["text"]) if self.used["text"] else None
        if _missing(text) or (isinstance(text, str) and not text.strip()):
            self._error(row, f"empty or missing text (column {self.used['text']!r})")
            return None
        if not isinstance(text, str):
            self._error(row, f"text is a {type(text).__name__}, not a string")
            return None
        if len(text) * 4 > self.reader.max_bytes and len(text.encode("utf-8")) > self.reader.max_bytes:
            self._error(row, f"text larger than the {self.reader.max_bytes:,}-byte limit for one article")
            return None
        ident = rec.get(self.used["id"]) if self.used["id"] else None
        name = f"{Path(self.name).name}:{row}" if _missing(ident) else _as_id(ident)
        try:
            art = Article.from_text(text, name)
        except GeodrillsError as exc:
            self._error(row, str(exc))
            return None
        changes: dict[str, Any] = {}
        title = rec.get(self.used["title"]) if self.used["title"] else None
        if not _missing(title):
            changes["title"] = str(title).strip() or None
        raw_date = rec.get(self.used["date"]) if self.used["date"] else None
        if not _missing(raw_date):
            date = parse_date(raw_date)
            if date is None:
                self._error(row, f"date {str(raw_date)[:40]!r} does not parse (want YYYY-MM-DD); "
                                 "the article is read without a date")
            changes["date"] = date
        return replace(art, **changes) if changes else art


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

