"""Proximity claims: extraction, verdicts, the dev set, the CLI (geodrills.claims)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geodrills.articles import Article
from geodrills.claims import CLAIM_COLUMNS, check_claims, extract_claims
from geodrills.cli import main
from geodrills.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds" / "claims.jsonl"


def _one(text: str, **kw):
    df = check_claims(Article.from_text(text), **kw)
    assert len(df) == 1, df[["text", "claim"]].values.tolist()
    return df.iloc[0]


def test_near_supported_with_distance():
    row = _one("Drills began in Kars, near the Armenian border, on Monday.")
    assert (row["claim"], row["border_country"], row["border"], row["verdict"]) == ("near", "AM", "AM-TR", "supported")
    assert row["text"] == "in Kars, near the Armenian border"
    assert row["km_measured"] == pytest.approx(40.97, abs=0.05)


def test_near_the_border_with_iran_is_doubtful_for_kars():
    row = _one("The drills were held in Kars, near the border with Iran.")
    assert row["border_country"] == "IR" and row["verdict"] == "doubtful"
    assert row["km_measured"] == pytest.approx(155.46, abs=0.2)
    assert "155" in row["reason"]


def test_on_the_border_is_stricter_than_near():
    row = _one("Troops were deployed in Kars, on the Armenian border.")
    assert row["claim"] == "on" and row["verdict"] == "doubtful"
    assert "not on it" in row["reason"]
    # the threshold is a parameter
    assert _one("Troops were deployed in Kars, on the Armenian border.", on_km=45)["verdict"] == "supported"


def test_province_borders_on_armenia():
    row = _one("Kars province borders on Armenia.")
    assert row["claim"] == "borders" and row["verdict"] == "supported"
    assert row["km_measured"] == 0.0


def test_province_borders_measured_on_its_outline():
    row = _one("Kars province borders on Iran.")
    assert row["verdict"] == "doubtful" and 75 < row["km_measured"] < 100
    assert "outline" in row["reason"]
    # the outline's tolerance is a parameter
    assert _one("Kars province borders on Iran.", touch_km=90)["verdict"] == "supported"


def test_km_claim():
    good = _one("Astara lies 2 km from the Iranian border.")
    assert good["claim"] == "km" and good["km_claimed"] == 2 and good["verdict"] == "supported"
    bad = _one("Kars lies 300 km from the Armenian border.")
    assert bad["verdict"] == "doubtful"


def test_countries_that_share_no_border():
    row = _one("Armenian troops were seen near the Iraqi border.")
    assert row["border_country"] == "IQ"
    assert row["verdict"] in ("doubtful", "unverifiable")


def test_unverifiable_without_place_or_country():
    df = check_claims(Article.from_text("Soldiers stood near the border for hours."))
    assert len(df) == 1 and df.iloc[0]["verdict"] == "unverifiable"


def test_border_guards_are_not_a_claim():
    assert extract_claims("Border guards and cross-border trade were discussed at the border crossing.") == []


def test_empty_result_has_columns_and_bad_threshold():
    df = check_claims(Article.from_text("Nothing here."))
    assert df.empty and list(df.columns) == CLAIM_COLUMNS
    with pytest.raises(InputError, match="near_km"):
        check_claims(Article.from_text("x"), near_km=-1)


def test_seed_claims_found_on_every_seed():
    df = check_claims(SEEDS)
    assert list(df.columns) == CLAIM_COLUMNS
    for r in df.itertuples():
        text = (SEEDS / r.article).read_text(encoding="utf-8")
        assert text[r.start:r.end] == r.text
    assert (df["verdict"].isin(["supported", "doubtful", "unverifiable"])).all()
    # deterministic
    assert df.equals(check_claims(SEEDS))


def _score(df, gold):
    found = agree = 0
    for g in gold:
        hit = df[(df["article"] == g["article"]) & (df["start"] < g["end"]) & (df["end"] > g["start"])]
        if len(hit):
            found += 1
            want = "supported" if g["your_verdict"] == "plausible" else g["your_verdict"]
            agree += int(hit.iloc[0]["verdict"] == want and hit.iloc[0]["border_country"] == g["border_country"])
    return found, agree


def test_dev_set_score():
    if not GOLD.exists():
        pytest.skip(f"{GOLD} not found (../shared is only present in the dev checkout)")
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    df = check_claims(SEEDS)
    found, agree = _score(df, gold)
    # measured 9/9 found, 9/9 verdict + border country, 0 extra claims (dev set, tuned on it)
    assert found >= 8 and agree >= 7, (found, agree)
    assert len(df) <= len(gold) + 2


def test_cli_claims_jsonl_and_csv(capsys, tmp_path):
    assert main(["claims", str(SEEDS / "000_5878fdfec2038733.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = json.loads(lines[0])
    for key in ("article", "start", "end", "text", "place", "border_country", "claim", "km_claimed",
                "km_measured", "verdict", "reason"):
        assert key in first
    out = tmp_path / "c.csv"
    assert main(["claims", str(SEEDS), "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("article,start,end,text,place")


def test_cli_claims_nothing_found_and_bad_file(capsys, tmp_path):
    empty = tmp_path / "a.txt"
    empty.write_text("A quiet day in Kars.", encoding="utf-8")
    assert main(["claims", str(empty)]) == 1
    assert main(["claims", str(tmp_path / "missing.txt")]) == 2


def test_cli_distances(capsys, tmp_path):
    assert main(["distances", "--place", "Kars", "--within", "70", "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["border"] for r in rows] == ["AM-TR", "GE-TR", "AM-GE"]
    assert rows[0]["km"] == pytest.approx(40.967, abs=0.01) and rows[0]["neighbour"] == "AM"
    for key in ("place", "country", "lat", "lon", "border", "neighbour", "km", "border_lat", "border_lon"):
        assert key in rows[0]
    assert main(["distances", "--place", "Qqqqxxxjjj"]) == 1
    assert "not in the gazetteer" in capsys.readouterr().err
    assert main(["distances"]) == 2
    out = tmp_path / "d.csv"
    assert main(["distances", str(SEEDS / "004_9d362df76a7192ff.txt"), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("article,place,place_id,kind,country,lat,lon,border,neighbour,km")
    assert "Astara" in text


def test_cli_distances_bad_within():
    with pytest.raises(SystemExit):
        main(["distances", "--place", "Kars", "--within", "-3"])


_HOSTILE = ("A-", "A ", "a'", "1.", "1 ", "near ", "by the ", "Azerbaijani ", "Kars, ", "km ", "-")


def _patterns():
    import re

    import geodrills.claims as mod

    return {name: v for name, v in vars(mod).items() if isinstance(v, re.Pattern)}


@pytest.mark.slow
@pytest.mark.parametrize("unit", _HOSTILE)
def test_claim_regexes_are_linear(unit):
    """Issue 14: '"A-" x 20,000' took 9.8 s in _POSTS; every pattern must cost O(n) on runs of one unit."""
    import time

    def cost(n: int) -> float:
        text = unit * n
        t = time.perf_counter()
        for pat in _patterns().values():
            for _ in pat.finditer(text):
                pass
        return time.perf_counter() - t

    small, big = cost(5_000), cost(40_000)
    assert big < 8 * 5 * max(small, 1e-3), (unit, small, big)
