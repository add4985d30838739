"""Atomic output files: the target holds the old bytes or the new ones, never half of either.

Every file geodrills writes (maps, tables, GeoPackages, Parquet) goes
through :func:`atomic_write`:

1. the bytes go to a temporary file **in the target's folder** (so the final
   rename never crosses file systems); on Linux it is an unnamed
   ``O_TMPFILE``, which the kernel frees if the process dies — even by
   ``kill -9`` — so no stray temp file is ever left behind;
2. the file is flushed and ``fsync``-ed;
3. it is renamed over the target in one step (``os.replace``).

Any exception (a full disk, ``KeyboardInterrupt``) removes the temporary
file and leaves the previous target untouched.  Errors name the *target*,
never the temporary file.

A target that exists and is not a regular file (``/dev/null``, a named pipe,
``/dev/stdout``) is written through instead: renaming over it would replace
a device with a file.

Examples
--------
>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with atomic_write(target) as fh:
...     _ = fh.write("hello")
>>> target.read_text()
'hello'
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError

__all__ = ["atomic_write", "atomic_path", "check_writable"]


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Refuse an unusable output path before any work is done; return it as a Path.

    Raises
    ------
    InputError
        The path is a folder, its folder does not exist or cannot be written, or the name is too long.
    """
    p = Path(path)
    if len(os.fsencode(p.name)) > 255:
        raise InputError(f"{p}: file name longer than 255 bytes")
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a folder; give a file name")
        parent = p.parent
        if not parent.is_dir():
            raise InputError(f"{p}: folder {parent} does not exist")
        if p.exists() and not p.is_file():
            return p  # a device or pipe: written through
        if not os.access(parent, os.W_OK | os.X_OK):
            raise InputError(f"{p}: cannot write in folder {parent} (permission denied)")
    except OSError as exc:  # ENAMETOOLONG for the whole path, EACCES on a parent
        raise InputError(f"{p}: cannot write here ({exc.strerror or exc})") from None
    return p


_AT_FDCWD = -100
_AT_SYMLINK_FOLLOW = 0x400


def _linkat_follow(src: str, dst: Path) -> None:
    # os.link() calls link(2), which does not follow /proc/self/fd/N to the open file; linkat(2)
    # with AT_SYMLINK_FOLLOW does, for any user (open(2), "O_TMPFILE").
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.linkat(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), _AT_SYMLINK_FOLLOW) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), str(dst))


def _link_into_place(fd: int, target: Path) -> None:
    # an O_TMPFILE has no name: give it one beside the target, then rename that over the target
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    _linkat_follow(f"/proc/self/fd/{fd}", tmp)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _open_unnamed(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o666)
    except OSError:  # a file system without O_TMPFILE support
        return None


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", *, encoding: str = "utf-8",
                 newline: str | None = "") -> Iterator[IO[Any]]:
    """Open ``path`` for writing so that it is replaced in one step when the block ends without error.

    Parameters
    ----------
    path : path-like
        The target.  A symbolic link is followed (the file it points to is replaced, the link kept).
    mode : {"w", "wb"}
        Text or binary.
    encoding, newline
        For text mode, as :func:`open`; the default ``newline=""`` writes ``\\n`` as it is.

    Raises
    ------
    InputError
        The target cannot be written (see :func:`check_writable`), or writing failed (disk full):
        the message names the target and the previous file is intact.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    target = check_writable(path)
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_file():  # a device or pipe: write through
        with open(target, mode, **({} if "b" in mode else {"encoding": encoding, "newline": newline})) as fh:
            yield fh
        return
    fd = _open_unnamed(target.parent)
    named: Path | None = None
    if fd is None:
        named = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(named, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as exc:
            raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    raw = os.fdopen(fd, "wb", closefd=False)
    fh: IO[Any] = raw if mode == "wb" else io.TextIOWrapper(raw, encoding=encoding, newline=newline,
                                                            write_through=True)
    try:
        try:
            yield fh
            fh.flush()
            raw.flush()
            os.fsync(fd)
            if named is None:
                _link_into_place(fd, target)
            else:
                os.replace(named, target)
                named = None
        except OSError as exc:
            raise InputError(f"{target}: writing failed ({exc.strerror or exc}); the previous file is "
                             "unchanged") from None
    finally:
        with contextlib.suppress(Exception):
            fh.close() if fh is not raw else None
        with contextlib.suppress(Exception):
            raw.close()
        os.close(fd)
        if named is not None:
            named.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, suffix: str = "") -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that needs a file name (GeoPackage's SQLite).

    When the block ends without error the file is ``fsync``-ed and renamed over
    ``path``; on any error (or ``KeyboardInterrupt``) it is removed and the
    previous target is untouched.  ``suffix`` keeps the extension a library
    may check (``".gpkg"``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.bin"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_bytes(b"x")
    >>> target.read_bytes(), [p.name for p in target.parent.iterdir()]
    (b'x', ['out.bin'])
    """
    target = check_writable(path)
    if target.is_symlink():
        target = target.resolve()
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp{suffix}")
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(f"{target}: writing failed ({exc.strerror or exc}); the previous file is "
                         "unchanged") from None
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal"), tmp.with_name(tmp.name + "-wal"),
                         tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)
