"""The planted cases of a new user's flood pages (../shared/devset/flood_pages, bodies in
flood_pages.json): regions within a country, the whole and its part, missing vs rescued vs
assisted, homes and cars counted, the city vs its metropolitan area."""
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from claimhouse.flows.claims.model import Document
from claimhouse.warehouse.db import connect
from tests.xref.conftest import load

PAGES = json.loads((Path(__file__).parent / "flood_pages.json").read_text(encoding="utf-8"))["pages"]


@pytest.fixture(scope="module")
def links(tmp_path_factory, _migrated_template):
    """The links among the pages, loaded once for the module (the tests only read them)."""
    path = tmp_path_factory.mktemp("flood") / "xref.duckdb"
    shutil.copyfile(_migrated_template, path)
    docs = [Document(uri=p["uri"], text=p["text"], title=p["title"], published_at=dt.date.fromisoformat(p["published"]),
                     fetched_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)) for p in PAGES]
    con = connect(path)
    try:
        load(con, docs)
        return {frozenset((qa, qb)): rel for qa, qb, rel in con.execute("""
            select a.quote, b.quote, l.relation from claim_links l
            join claims a on a.claim_id = l.claim_id_a join claims b on b.claim_id = l.claim_id_b""").fetchall()}
    finally:
        con.close()


def _linked(links, word):
    return {pair: rel for pair, rel in links.items() if any(word in q for q in pair)}


@pytest.mark.slow
def test_one_death_in_andalusia_meets_no_valencia_toll(links):
    assert _linked(links, "one person") == {}


def test_the_toll_across_spain_is_not_the_valencia_toll(links):
    assert _linked(links, "230") == {}


@pytest.mark.parametrize("count", ["4,000", "15,000", "1,900", "2,000"])
def test_missing_rescued_and_assisted_are_different_counts(links, count):
    others = {q for pair in _linked(links, count) for q in pair} - {q for q in {
        q for pair in _linked(links, count) for q in pair} if count in q}
    assert not any(w in q for q in others for w in ("4,000", "15,000", "1,900", "2,000"))


def test_homes_are_compared_with_homes(links):
    # The Daily Splash's "Some 80,000 homes" is placed in Spain (its headline: "... sweep Spain"), so
    # it is not compared with the Valencia counts: a miss, not a wrong link.
    homes = {tuple(sorted(pair)): rel for pair, rel in _linked(links, "homes").items()}
    assert homes == {("Around 80,000 homes", "Some 60,000 homes"): "conflicts"}


def test_cars_and_vehicles_are_one_count(links):
    assert set(_linked(links, "cars").values()) == {"agrees"} and len(_linked(links, "cars")) == 1


def test_the_city_is_not_its_metropolitan_area(links):
    assert not any("800,000" in q or "790,000" in q for pair in _linked(links, "1.6") for q in pair)
