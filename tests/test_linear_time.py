"""Every stage is linear in the size of its input, for inputs shaped to break it (issue 14).

The generators and stages are those of ``benchmarks/bench_linear.py``; this
slow test runs them at 50 KB and 200 KB, each in a fresh process, and fails when time grows
much faster than size, or when a hostile shape costs far more per MB than real
news (the seed articles) does in the same run.  The benchmark prints the full
table at larger sizes, against the issue's tighter bars.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_linear", ROOT / "benchmarks" / "bench_linear.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

SMALL_KB, LARGE_KB = 50, 200
#: 4x the size may cost at most this many times the time: linear is 4, quadratic 16; the rest is the
#: noise of a shared 2-core machine (CI runs other tests' processes beside this one)
MAX_GROWTH = 6.5
#: per-MB cost at LARGE_KB against the seeds' in the same run: a guard against pathological constants.
#: The issue's bar (3x) is reported by benchmarks/bench_linear.py, where pages made of nothing but
#: names miss it (every word is a candidate).
MAX_VS_SEEDS = 10.0
#: below this many seconds a case is too fast to say anything about growth
NOISE_S = 0.15
#: a case slower than this is superlinear beyond doubt
LIMIT_S = 60


def _seconds(stage: str, generator: str, kb: int) -> float:
    # each case in a fresh process (bench_linear.run_isolated): a long test session's heap and caches
    # would otherwise make the garbage collector, not the code under test, set the growth
    seconds = bench.run_isolated(stage, generator, kb, timeout=LIMIT_S)
    assert seconds is not None, f"{stage} on {kb} KB of {generator!r} took more than {LIMIT_S} s"
    return seconds


@pytest.fixture(scope="module")
def seeds_per_mb() -> dict[str, float]:
    return {stage: _seconds(stage, "seeds", LARGE_KB) / (LARGE_KB / 1000)
            for stage in ("geoparse", "claims", "events")}


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["geoparse", "claims", "events"])
@pytest.mark.parametrize("generator", [g for g in bench.GENERATORS if g != "seeds"])
def test_time_grows_linearly(stage: str, generator: str, seeds_per_mb: dict[str, float]) -> None:
    small = _seconds(stage, generator, SMALL_KB)
    large = _seconds(stage, generator, LARGE_KB)
    if large > NOISE_S:
        growth = large / max(small, 1e-3)
        assert growth <= MAX_GROWTH, (f"{stage} on {generator!r}: {SMALL_KB} KB {small:.3f} s, "
                                      f"{LARGE_KB} KB {large:.3f} s ({growth:.1f}x for 4x the text)")
        per_mb = large / (LARGE_KB / 1000)
        assert per_mb <= MAX_VS_SEEDS * seeds_per_mb[stage], (
            f"{stage} on {generator!r}: {per_mb:.2f} s/MB against {seeds_per_mb[stage]:.2f} s/MB for news")


def test_generators_make_the_size_asked() -> None:
    for name, gen in bench.GENERATORS.items():
        assert len(gen(1234)) == 1234, name
