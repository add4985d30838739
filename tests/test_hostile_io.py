"""Issue 14, items 2, 6, 7, 9, 10: hostile files, names and options at the input/output edges."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geodrills.articles import Article, as_article, looks_like_text, read_article
from geodrills.cli import main
from geodrills.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
ALL = ["geocode", "distances", "claims", "events"]


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "geodrills", *args], cwd=cwd or ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def _articles_in(path: Path) -> set[str]:
    return {json.loads(line)["article"] for line in path.read_text(encoding="utf-8").splitlines()}


# -- item 6: only regular files, reads capped by bytes read ----------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_geocode_fifo_and_seeds_writes_the_seeds_and_exits_2(tmp_path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    out = tmp_path / "o.jsonl"
    proc = run_cli("geocode", str(fifo), "seeds", "-o", str(out), timeout=60)  # used to hang forever
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{fifo}: is a named pipe, not a regular file" in proc.stderr
    assert _articles_in(out) == {p.name for p in SEED_FILES}


def test_dev_zero_is_refused_at_once():
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="is a device, not a regular file"):
        read_article("/dev/zero")  # used to grow to 24 GB
    assert time.perf_counter() - t0 < 1.0


def test_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        try:
            s.bind(str(path))
        except OSError:
            pytest.skip("cannot bind a unix socket here")
        with pytest.raises(InputError, match="socket"):
            read_article(path)


def test_cap_is_on_bytes_read(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"Drills in Kars. " * 100)
    with pytest.raises(InputError, match="1,600 bytes is larger than the 1,000-byte limit"):
        read_article(p, max_bytes=1000)
    assert read_article(p, max_bytes=1600).text.startswith("Drills")


# -- item 7: paths and texts ------------------------------------------------------------------------------

def test_a_300_byte_file_name_is_reported_and_the_seeds_written(tmp_path):
    long_name = "a" * 296 + ".txt"
    out = tmp_path / "o.jsonl"
    proc = run_cli("geocode", long_name, "seeds", "-o", str(out))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "file name too long" in proc.stderr
    assert _articles_in(out) == {p.name for p in SEED_FILES}


@pytest.mark.parametrize("command", ALL + ["map"])
def test_every_command_survives_an_over_long_name(tmp_path, command, capsys):
    out = tmp_path / ("m.html" if command == "map" else "o.jsonl")
    args = [command, str(tmp_path / ("b" * 300)), str(SEED_FILES[0]), "-o", str(out)]
    assert main(args) == 2
    assert "file name too long" in capsys.readouterr().err
    assert out.exists()


def test_str_rules_for_paths_and_texts(tmp_path):
    long_text = "Troops gathered in Kars. " * 20  # > 255 characters, no newline
    assert as_article(long_text).text == long_text  # text, not an OSError
    assert looks_like_text("x" * 300) and looks_like_text("a\nb") and not looks_like_text("seeds/a.txt")
    assert as_article("no_such_file.txt").text == "no_such_file.txt"  # a short str naming nothing is text
    p = tmp_path / "a.txt"
    p.write_text("Drills in Baku.", encoding="utf-8")
    assert as_article(str(p)).name == "a.txt" and as_article(p).name == "a.txt"
    with pytest.raises(InputError, match="no such file"):
        as_article(tmp_path / "missing.txt")  # a Path is always a path


def test_geoparse_frame_and_check_claims_take_long_text():
    from geodrills.claims import check_claims
    from geodrills.mentions import geoparse_frame

    text = "Turkish troops held drills in Kars, near the Armenian border. " * 10
    assert len(text) > 255
    assert "Kars" in set(geoparse_frame(text)["name"])
    assert len(check_claims(text)) >= 1


# -- item 2: -o checked before the work, errors name the target ------------------------------------------

@pytest.mark.parametrize("command", ALL + ["map"])
def test_output_checked_before_any_work(tmp_path, command, capsys):
    target = tmp_path / "no" / "such" / ("m.html" if command == "map" else "o.jsonl")
    t0 = time.perf_counter()
    assert main([command, str(SEED_FILES[0]), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "does not exist" in err and ".tmp" not in err
    assert "article" not in err  # refused before reading anything
    assert time.perf_counter() - t0 < 5


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder_names_the_target(tmp_path, capsys):  # pragma: no cover - CI runs as a user
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    assert main(["geocode", str(SEED_FILES[0]), "-o", str(folder / "o.jsonl")]) == 2
    assert f"{folder / 'o.jsonl'}" in capsys.readouterr().err


# -- item 9: one failure policy ---------------------------------------------------------------------------

@pytest.mark.parametrize("command", ALL + ["map"])
def test_every_command_writes_the_good_output_and_exits_2(tmp_path, command, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / ("m.html" if command == "map" else "o.jsonl")
    assert main([command, str(empty), str(SEEDS), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"skipping: {empty}: file is empty" in err and "5 articles, 1 bad input" in err
    assert out.stat().st_size > 0


@pytest.mark.parametrize("command", ALL + ["map"])
def test_every_command_has_encoding(tmp_path, command, capsys):
    p = tmp_path / "latin.txt"
    p.write_bytes("Les troupes sont arrivées à Kars, près de la frontière arménienne.".encode("cp1252"))
    out = tmp_path / ("m.html" if command == "map" else "o.jsonl")
    main([command, str(p), "-o", str(out)])
    assert "not valid UTF-8" in capsys.readouterr().err
    code = main([command, str(p), "--encoding", "cp1252", "-o", str(out)])
    assert "not valid" not in capsys.readouterr().err and code in (0, 1)


@pytest.mark.parametrize("name", ["NaN", "inf", "-Infinity", "1e5", "Kars\nBaku", "Kars\x00", "\x1b[31mKars"])
def test_place_refuses_numbers_and_control_characters(name, capsys):
    assert main(["distances", f"--place={name}", "--place", "Kars", "--within", "5"]) == 2
    captured = capsys.readouterr()
    assert "skipping: --place" in captured.err
    places = [json.loads(line)["place"] for line in captured.out.splitlines()]
    assert places == ["Kars"]  # never Nan, Thailand or Karsbach


def test_place_says_when_a_name_was_matched_fuzzily(capsys):
    assert main(["distances", "--place", "Zengezur", "--within", "50"]) == 0
    captured = capsys.readouterr()
    assert "no place is spelt 'Zengezur'; matched Zangezur" in captured.err
    assert all("fuzzy match" in json.loads(line)["reason"] for line in captured.out.splitlines())


# -- progress and summary ---------------------------------------------------------------------------------

def test_nothing_but_the_summary_when_piped():
    proc = run_cli("geocode", str(SEED_FILES[0]))
    assert proc.returncode == 0
    assert proc.stderr == "geodrills geocode: 1 article, " + proc.stderr.split(", ", 1)[1]
    assert "\r" not in proc.stderr and "places" in proc.stderr and len(proc.stderr.splitlines()) == 1


def test_progress_bar_on_a_terminal():
    pty = pytest.importorskip("pty")
    import select

    env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm")
    code = ("import geodrills._progress as p; p.DELAY_S = 0\n"
            "from geodrills.cli import main; main(['geocode', 'seeds', '-o', '/dev/null', '--jobs', '1'])")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert "geodrills geocode" in err and "articles" in err and "\r" in err  # a redrawn bar
    assert "5 articles" in err


def test_article_type_is_unchanged_for_text():
    assert isinstance(as_article("Drills in Kars."), Article)
