"""Reading news articles: text, optional date header, title, web boilerplate.

Offsets everywhere in geodrills index into :attr:`Article.text`, which is the
whole file exactly as read (UTF-8), so ``article.text[start:end]`` is always
the mentioned string.

Examples
--------
>>> a = Article.from_text(" date 2021-02-01 Today, troops arrived in Kars.")
>>> a.date.isoformat(), a.body_start
('2021-02-01', 17)
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from .errors import GeodrillsError, InputError

#: Largest article read by default; a larger file is refused, not truncated.
MAX_BYTES = 5_000_000

# " date 2021-02-01" as the seeds' scraper wrote it (note the leading space).
_DATE_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*")

# Lines a web page's chrome leaves in scraped text.  They are matched whole
# (case-insensitively) and only where they stand alone on a line.
_BOILERPLATE_LINES = frozenset(
    s.casefold()
    for s in (
        "Logo", "news content", "User", "Categories", "News", "Menu", "Search", "Home",
        "ENGLISH arrow icon", "arrow icon", "Share", "Subscribe", "Sign in", "Log in",
        "Advertisement", "Skip to content", "Read more", "Related", "Latest news",
    )
)
_LONGEST_BOILERPLATE_LINE = max(map(len, _BOILERPLATE_LINES))
_BOILERPLATE_RUN = re.compile(r"(?i)\b(?:ENGLISH\s+arrow\s+icon|arrow\s+icon)\b")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article.

    Attributes
    ----------
    name : str
        Identifier used in outputs: the file's base name (``000_....txt``).
    text : str
        The whole file as read; every offset indexes into it.
    title : str or None
        The headline, where the text has one on a line of its own.
    date : datetime.date or None
        From the optional first-line header ``" date YYYY-MM-DD"``.
    path : pathlib.Path or None
        Where it was read from.
    body_start : int
        Offset just after the date header (0 without one).
    boilerplate : tuple of (start, end)
        Spans of web-page chrome ("Logo", "ENGLISH arrow icon") that must not
        yield places.
    """

    name: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    path: Path | None = None
    body_start: int = 0
    boilerplate: tuple[Span, ...] = field(default=(), repr=False)

    @classmethod
    def from_text(cls, text: str, name: str = "<text>", *, path: Path | None = None) -> Article:
        """Make an article from text, finding its date header, title and boilerplate.

        Examples
        --------
        >>> Article.from_text("Drills begin\\n\\nTroops gathered in Baku.").title
        'Drills begin'
        """
        if not isinstance(text, str):
            raise InputError(f"{name}: article text must be str, not {type(text).__name__}")
        date, body_start = _parse_date_header(text, name)
        boilerplate = tuple(_boilerplate_spans(text, body_start))
        title = _find_title(text, body_start, boilerplate)
        return cls(name=name, text=text, title=title, date=date, path=path,
                   body_start=body_start, boilerplate=boilerplate)

    def __len__(self) -> int:
        return len(self.text)


def _parse_date_header(text: str, name: str) -> tuple[dt.date | None, int]:
    m = _DATE_HEADER.match(text)
    if not m:
        return None, 0
    try:
        date = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        warnings.warn(f"{name}: ignoring impossible date header {m[0].strip()!r}", stacklevel=3)
        return None, m.end()
    return date, m.end()


def _lines(text: str, start: int) -> Iterator[tuple[int, int, str]]:
    pos = start
    for line in text[start:].splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        yield pos, pos + len(stripped), stripped
        pos += len(line)


def _boilerplate_spans(text: str, start: int) -> Iterator[Span]:
    # (casefold never shortens a string, so a line longer than every chrome line is none of them; and a
    # line holds "arrow" only if the text does: most texts are searched once, most lines never folded)
    arrows = "arrow" in text.casefold()
    for line_start, line_end, line in _lines(text, start):
        core = line.strip()
        if core and len(core) <= _LONGEST_BOILERPLATE_LINE and core.casefold() in _BOILERPLATE_LINES:
            lead = len(line) - len(line.lstrip())
            yield line_start + lead, line_start + lead + len(core)
            continue
        if not arrows or "arrow" not in line.casefold():  # the regex scan is slow on long lines; most lack the word
            continue
        for m in _BOILERPLATE_RUN.finditer(line):
            # Only chrome that fills the rest of its line ("... ENGLISH arrow icon").
            if not line[m.end():].strip():
                yield line_start + m.start(), line_start + m.end()


def _find_title(text: str, start: int, boilerplate: tuple[Span, ...]) -> str | None:
    """The first non-chrome line, if it reads as a headline (short, on its own)."""
    for line_start, line_end, _ in _lines(text, start):
        pieces, pos = [], line_start
        for a, b in boilerplate:
            if line_start <= a and b <= line_end:
                pieces.append(text[pos:a])
                pos = b
        pieces.append(text[pos:line_end])
        kept = "".join(pieces).strip()
        if not kept:
            continue
        if len(kept) <= 160 and not kept.endswith((".", ",", ";", ":")):
            return kept
        return None
    return None


def read_article(path: str | PathLike[str], *, encoding: str | None = None,
                 max_bytes: int = MAX_BYTES) -> Article:
    """Read one article file.

    Only a regular file is read: a named pipe, a device (``/dev/zero``) or a
    socket is refused at once, and the read stops after ``max_bytes + 1``
    bytes whatever the file system says its size is.

    Parameters
    ----------
    path : path-like
        A UTF-8 text file (a UTF-16 file with a byte-order mark is accepted).
    encoding : str, optional
        Force an encoding (e.g. ``"cp1252"``) for a file that is not UTF-8.
    max_bytes : int
        Refuse larger files rather than spend minutes on them.

    Raises
    ------
    InputError
        Missing, not a regular file, empty, binary, too large, not decodable,
        or a name too long for the file system; the message names the file and
        says what to do.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "w", encoding="utf-8").write(" date 2022-12-05 Drills in Astara.")
    >>> read_article(p).date
    datetime.date(2022, 12, 5)
    """
    p = Path(path)
    data = read_capped(p, max_bytes, what="article", hint="split it, or pass max_bytes")
    text = _decode(data, p, encoding)
    if not text.strip():
        raise InputError(f"{p}: file is empty")
    return Article.from_text(text, p.name, path=p)


def open_regular(path: Path) -> int:
    """Open ``path`` for reading if it is a regular file; return the descriptor.

    ``O_NONBLOCK`` keeps a named pipe without a writer from blocking the open;
    ``fstat`` on the open descriptor (not the name) then decides, so the file
    cannot be swapped between the check and the read.

    Raises
    ------
    InputError
        Missing, a folder, a pipe, device or socket, unreadable, or a name too long.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory (use read_articles for a folder of .txt files)") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise InputError(f"{_short(path)}: file name too long for the file system") from None
        raise InputError(f"{_short(path)}: cannot read: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if stat.S_ISREG(mode):
        return fd
    os.close(fd)
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory (use read_articles for a folder of .txt files)")
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    raise InputError(f"{path}: is {kind}, not a regular file; only regular files are read")


def read_capped(path: Path, max_bytes: int, *, what: str = "file", hint: str = "") -> bytes:
    """The bytes of a regular file, refusing it once more than ``max_bytes`` have been read."""
    fd = open_regular(path)
    try:
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)  # the cap is on bytes read, whatever st_size says
        size = max(len(data), os.fstat(fd).st_size)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputError(f"{path}: {size:,} bytes is larger than the {max_bytes:,}-byte limit for one {what}"
                         + (f" ({hint})" if hint else ""))
    return data


def _short(path: Path | str, limit: int = 80) -> str:
    """A path shortened for a message (a 300-byte file name is not worth printing whole)."""
    s = str(path)
    return s if len(s) <= limit else f"{s[:limit // 2]}…{s[-limit // 2:]}"


def _decode(data: bytes, path: Path, encoding: str | None) -> str:
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise InputError(f"{path}: unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {encoding} at byte {exc.start}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: starts with a UTF-16 byte-order mark but is not valid UTF-16 "
                             f"(at byte {exc.start}); convert it to UTF-8") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 or pass encoding= (on the command line: --encoding)"
        ) from exc


def iter_article_paths(paths: Iterable[str | PathLike[str]]) -> Iterator[Path]:
    """Expand paths: a directory stands for every ``*.txt`` in it, sorted by name.

    Raises
    ------
    InputError
        A directory with no ``.txt`` file.
    """
    for path in paths:
        p = Path(path)
        if _is_dir(p):
            found = sorted(q for q in p.glob("*.txt") if q.is_file())
            if not found:
                raise InputError(f"{p}: directory has no .txt files")
            yield from found
        else:
            yield p


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except OSError:  # ENAMETOOLONG: not a folder; reading it reports the name
        return False


def _is_file(p: Path) -> bool:
    try:
        return p.is_file()
    except OSError:
        return False


OnError = str | Callable[[Path, GeodrillsError], None]


def read_articles(paths: Iterable[str | PathLike[str]] | str | PathLike[str], *,
                  on_error: OnError = "raise", encoding: str | None = None) -> list[Article]:
    """Read many articles; a directory means every ``*.txt`` in it.

    Parameters
    ----------
    paths : path or iterable of paths
    on_error : {"raise", "warn", "skip"} or callable
        What to do with a file that cannot be read: raise at once, warn and go
        on, go on silently, or call ``on_error(path, error)`` and go on, so one
        bad file never loses the rest of the run.

    Examples
    --------
    >>> [a.name for a in read_articles("seeds")][:2]  # doctest: +SKIP
    ['000_5878fdfec2038733.txt', '001_5949b38c653093e8.txt']
    """
    if not callable(on_error) and on_error not in ("raise", "warn", "skip"):
        raise InputError(f"on_error must be 'raise', 'warn', 'skip' or a callable, not {on_error!r}")
    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    articles = []
    for group in paths:
        try:
            expanded = list(iter_article_paths([group]))
        except GeodrillsError as exc:
            _handle(on_error, Path(group), exc)
            continue
        for p in expanded:
            try:
                articles.append(read_article(p, encoding=encoding))
            except GeodrillsError as exc:
                _handle(on_error, p, exc)
    return articles


def _handle(on_error: OnError, path: Path, exc: GeodrillsError) -> None:
    if callable(on_error):
        on_error(path, exc)
    elif on_error == "raise":
        raise exc
    elif on_error == "warn":
        warnings.warn(str(exc), stacklevel=3)
    elif on_error != "skip":
        raise InputError(f"on_error must be 'raise', 'warn', 'skip' or a callable, not {on_error!r}")


#: Longest path the API takes a ``str`` for; a longer ``str`` is text.
PATH_MAX = 4096


def looks_like_text(obj: str) -> bool:
    """True when a ``str`` can only be article text, never a path.

    A newline, a NUL, more characters than a path can have, or a file-name
    part over 255 bytes: no file system has such a name.

    Examples
    --------
    >>> looks_like_text("Troops in Kars.\\nMore."), looks_like_text("seeds/a.txt")
    (True, False)
    """
    if "\n" in obj or "\x00" in obj or len(obj) >= PATH_MAX:
        return True
    return any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in obj.split("/"))


def as_article(obj: Article | str | PathLike[str]) -> Article:
    """An :class:`Article` from an article, a path, or raw text.

    A :class:`pathlib.Path` (any ``os.PathLike``) is always a path.  A ``str``
    is text when it contains a newline or is longer than a path can be
    (:func:`looks_like_text`); a shorter one-line ``str`` is a path only if it
    names an existing ``.txt`` file, and text otherwise.

    Examples
    --------
    >>> as_article("Drills near Kars.").text
    'Drills near Kars.'
    """
    if isinstance(obj, Article):
        return obj
    if isinstance(obj, PathLike):
        return read_article(obj)
    if isinstance(obj, str):
        if not looks_like_text(obj) and obj.endswith(".txt") and _is_file(Path(obj)):
            return read_article(obj)
        return Article.from_text(obj)
    raise InputError(f"expected an Article, a path or text, not {type(obj).__name__}")
