"""event_records: the events of extract_events as plain records, without a frame."""

from __future__ import annotations

import math

from geodrills.articles import Article
from geodrills.events import event_records, events_to_records, extract_events


def _articles() -> list[Article]:
    texts = {
        "a.txt": " date 2022-05-02\nGunners drill near Narva\nEstonian and Latvian gunners began the Spring Anvil "
                 "2022 exercise near Narva on Monday. The drills will last for six days.\n",
        "b.txt": "Sappers of the Finnish army trained on the ice. Exercises will follow, officials in Oulu said.\n",
        "c.txt": " date 2022-05-03\nAnvil\nThe Spring Anvil 2022 exercise near Narva drew Lithuanian observers.\n",
        "d.txt": "A fire drill emptied the library in Tartu.\n",  # no exercise at all
    }
    return [Article.from_text(text, name) for name, text in texts.items()]


def _plain(value):
    return None if isinstance(value, float) and math.isnan(value) else value


def test_records_are_the_frame_records():
    framed = events_to_records(extract_events(_articles()))
    plain = event_records(_articles())
    assert len(plain) == len(framed) >= 2
    assert [{k: _plain(v) for k, v in r.items()} for r in framed] == plain
    assert any(r["status"] is None or r["label"] is None or r["name"] is None for r in plain)  # missing values


def test_records_need_no_pandas():
    import subprocess
    import sys

    code = ("import sys; from geodrills.articles import Article; from geodrills.events import event_records; "
            "event_records([Article.from_text('Polish troops began drills near Suwalki.', 'x.txt')]); "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
