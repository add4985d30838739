"""Reading articles (geodrills.articles): seeds as they are, and every kind of bad file."""

from __future__ import annotations

import codecs
import datetime as dt
import warnings
from pathlib import Path

import pytest

from geodrills.articles import MAX_BYTES, Article, as_article, iter_article_paths, read_article, read_articles
from geodrills.errors import GeodrillsError, InputError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))

# What the seed files hold (read from the files themselves: the date header
# line, the first non-chrome line where it stands alone as a headline).
SEED_FACTS = {
    "000_5878fdfec2038733.txt": (dt.date(2021, 2, 1), None, []),
    "001_5949b38c653093e8.txt": (dt.date(2021, 1, 18),
                                 "Why are Azerbaijan and Turkey holding joint military exercises on the Armenian border?",
                                 ["ENGLISH arrow icon"]),
    "002_191b564eae45596c.txt": (None, "Azerbaijan and Turkey have launched second joint military exercises", []),
    "003_38ec04bb87a6dde7.txt": (None, None, []),
    "004_9d362df76a7192ff.txt": (None, "Amid Iran's growing threats, Azerbaijan and Turkey holding joint military drills",
                                 ["Logo", "news content", "User", "Categories", "News"]),
}


def test_the_five_seeds_are_there():
    assert SEED_NAMES == sorted(SEED_FACTS)


@pytest.mark.parametrize("name", sorted(SEED_FACTS))
def test_seed_read_as_it_is(name):
    path = SEEDS / name
    a = read_article(path)
    date, title, chrome = SEED_FACTS[name]
    assert a.name == name
    assert a.path == path
    assert a.text == path.read_bytes().decode("utf-8")  # the whole file, nothing stripped
    assert len(a) == len(a.text)
    assert a.date == date
    assert a.title == title
    assert [a.text[s:e] for s, e in a.boilerplate] == chrome
    if date is not None:
        assert a.text[:a.body_start] == f" date {date.isoformat()} "
    else:
        assert a.body_start == 0


def test_seed_004_keeps_its_no_break_space():
    # shared/eval/seeds/README.md: 004 contains U+00A0; offsets depend on keeping it.
    assert "\u00a0" in read_article(SEEDS / "004_9d362df76a7192ff.txt").text


def test_read_articles_of_a_directory_is_sorted():
    arts = read_articles(SEEDS)
    assert [a.name for a in arts] == SEED_NAMES
    assert [a.name for a in read_articles(str(SEEDS))] == SEED_NAMES
    assert [a.name for a in read_articles([SEEDS / SEED_NAMES[1], SEEDS / SEED_NAMES[0]])] == SEED_NAMES[1::-1]


def test_iter_article_paths_ignores_other_files(tmp_path):
    (tmp_path / "b.txt").write_text("Kars", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Baku", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Baku", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    assert [p.name for p in iter_article_paths([tmp_path])] == ["a.txt", "b.txt"]


# -- from text ------------------------------------------------------------------------------

def test_from_text_date_title_and_offsets():
    a = Article.from_text(" date 2021-02-01 Today, troops arrived in Kars.", name="x.txt")
    assert (a.name, a.date, a.body_start, a.path) == ("x.txt", dt.date(2021, 2, 1), 17, None)
    assert a.text[a.body_start:].startswith("Today")
    b = Article.from_text("Drills begin\n\nTroops gathered in Baku.")
    assert (b.name, b.title, b.date) == ("<text>", "Drills begin", None)


def test_from_text_date_header_needs_to_be_first():
    a = Article.from_text("Troops left.\n date 2021-02-01 more")
    assert a.date is None and a.body_start == 0


def test_from_text_refuses_non_text():
    with pytest.raises(InputError, match="str"):
        Article.from_text(b"Kars")


def test_impossible_date_is_none_with_a_warning(tmp_path):
    p = tmp_path / "bad_date.txt"
    p.write_text(" date 2021-02-30 Drills in Kars.", encoding="utf-8")
    with pytest.warns(UserWarning, match="2021-02-30"):
        a = read_article(p)
    assert a.date is None
    assert a.text[a.body_start:] == "Drills in Kars."


def test_as_article():
    a = Article.from_text("Kars")
    assert as_article(a) is a
    assert as_article(str(SEEDS / SEED_NAMES[0])).name == SEED_NAMES[0]
    assert as_article(SEEDS / SEED_NAMES[0]).name == SEED_NAMES[0]
    assert as_article("Troops in Kars.txt").text == "Troops in Kars.txt"  # no such file: it is text
    with pytest.raises(InputError):
        as_article(42)


# -- bad files ------------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("data", [b"", b"   \n\n\t "], ids=["empty", "whitespace"])
def test_empty_file(tmp_path, data):
    p = _write(tmp_path, "empty.txt", data)
    with pytest.raises(InputError, match="empty") as exc:
        read_article(p)
    assert str(p) in str(exc.value)


def test_binary_file(tmp_path):
    p = _write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary") as exc:
        read_article(p)
    assert str(p) in str(exc.value)


def test_non_utf8_file(tmp_path):
    p = _write(tmp_path, "latin1.txt", "Café near Kars, Göle".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8") as exc:
        read_article(p)
    msg = str(exc.value)
    assert str(p) in msg
    assert "0xe9" in msg and "offset 3" in msg  # where, precisely
    assert read_article(p, encoding="latin-1").text == "Café near Kars, Göle"


def test_wrong_forced_encoding(tmp_path):
    p = _write(tmp_path, "a.txt", "Kars".encode())
    with pytest.raises(InputError, match="unknown encoding"):
        read_article(p, encoding="no-such-codec")
    q = _write(tmp_path, "b.txt", b"\xff\xfeK")
    with pytest.raises(InputError, match="ascii"):
        read_article(q, encoding="ascii")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text = " date 2022-12-05 Drills in Astara and Naxçıvan."
    p = _write(tmp_path, "u16.txt", bom + text.encode(codec))
    a = read_article(p)
    assert a.text == text
    assert a.date == dt.date(2022, 12, 5)


@pytest.mark.parametrize("data", [b"\xff\xfe\x00\x00binary\x00", b"\xff\xfeK\x00\x00\xd8"], ids=["odd", "surrogate"])
def test_bad_utf16_is_an_input_error(tmp_path, data):
    p = _write(tmp_path, "u16bad.txt", data)
    with pytest.raises(InputError) as exc:
        read_article(p)
    assert str(p) in str(exc.value)


def test_utf8_bom_is_kept_so_offsets_match_the_file(tmp_path):
    text = " date 2022-12-05 Drills in Kars."
    p = _write(tmp_path, "bom.txt", codecs.BOM_UTF8 + text.encode())
    a = read_article(p)
    assert a.text == p.read_bytes().decode("utf-8")
    assert a.date == dt.date(2022, 12, 5)


def test_too_large_file(tmp_path):
    p = _write(tmp_path, "big.txt", b"Drills in Kars. " * 100)
    with pytest.raises(InputError, match="limit") as exc:
        read_article(p, max_bytes=1000)
    assert str(p) in str(exc.value) and "1,600" in str(exc.value)
    assert read_article(p, max_bytes=1600).text.startswith("Drills")
    assert MAX_BYTES >= 1_000_000


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file") as exc:
        read_article(tmp_path / "nope.txt")
    assert "nope.txt" in str(exc.value)


def test_directory_given_to_read_article(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)


def test_directory_without_txt(tmp_path):
    (tmp_path / "notes.md").write_text("Kars", encoding="utf-8")
    with pytest.raises(InputError, match="no .txt") as exc:
        read_articles(tmp_path)
    assert str(tmp_path) in str(exc.value)


# -- one bad file never loses the others -------------------------------------------------------

@pytest.fixture()
def mixed(tmp_path) -> Path:
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "a.txt").write_text("Drills in Kars.", encoding="utf-8")
    (d / "b.txt").write_bytes(b"ab\xffcd")
    (d / "c.txt").write_bytes(b"")
    (d / "d.txt").write_text("Troops in Baku.", encoding="utf-8")
    return d


def test_on_error_raise_is_the_default(mixed):
    with pytest.raises(InputError, match="b.txt"):
        read_articles(mixed)


def test_on_error_skip(mixed, tmp_path):
    arts = read_articles([mixed, tmp_path / "missing.txt"], on_error="skip")
    assert [a.name for a in arts] == ["a.txt", "d.txt"]


def test_on_error_warn(mixed):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        arts = read_articles(mixed, on_error="warn")
    assert [a.name for a in arts] == ["a.txt", "d.txt"]
    messages = [str(w.message) for w in caught]
    assert any("b.txt" in m and "UTF-8" in m for m in messages)
    assert any("c.txt" in m and "empty" in m for m in messages)


def test_on_error_callable(mixed, tmp_path):
    seen: list[tuple[Path, GeodrillsError]] = []
    empty_dir = tmp_path / "none"
    empty_dir.mkdir()
    arts = read_articles([mixed, empty_dir], on_error=lambda p, e: seen.append((p, e)))
    assert [a.name for a in arts] == ["a.txt", "d.txt"]
    assert [p.name for p, _ in seen] == ["b.txt", "c.txt", "none"]
    assert all(isinstance(e, InputError) for _, e in seen)


def test_bad_on_error_value(mixed):
    with pytest.raises(InputError, match="on_error"):
        read_articles(mixed, on_error="ignore")


def test_bad_on_error_value_is_refused_up_front():
    with pytest.raises(InputError, match="on_error"):
        read_articles(SEEDS, on_error="ignore")
