"""Atomic writes (geodrills.atomic): the old file or the new one, never half, never a stray temp file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geodrills.atomic import atomic_write, check_writable
from geodrills.errors import InputError


def test_replaces_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("old")
    with atomic_write(target) as fh:
        fh.write("new")
        assert target.read_text() == "old"  # not visible until the block ends
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["map.html"]


def test_failure_keeps_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(target, "wb") as fh:
            fh.write(b"half")
            raise RuntimeError("disk gone")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["map.html"]


def test_symlink_target_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_write(link) as fh:
        fh.write("new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("bad, why", [("{d}", "is a folder"), ("{d}/nope/x.csv", "does not exist"),
                                      ("{d}/" + "x" * 300, "longer than 255 bytes")])
def test_unusable_targets_are_named(tmp_path: Path, bad: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        check_writable(bad.format(d=tmp_path))


def test_kill_9_while_writing_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("old map")
    code = ("import sys, time; from geodrills.atomic import atomic_write\n"
            "with atomic_write(sys.argv[1]) as fh:\n"
            "    fh.write('x' * 100000); print('writing', flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(0.1)
    assert target.read_text() == "old map"
    assert os.listdir(tmp_path) == ["map.html"]
