"""ClaimReview JSON-LD: the export has the fields and types Google's Fact Check tools require
and recommend, and export -> import into another warehouse gives the same verdicts."""
import datetime as dt
import json
import shutil
from urllib.parse import urlsplit

import duckdb
import pytest
from click.testing import CliRunner

from claimhouse.flows.claimreview import import_claimreviews, verdict_of
from claimhouse.flows.cli import main
from claimhouse.flows.review import review_claim, review_fact
from claimhouse.warehouse.db import connect

pytestmark = pytest.mark.slow  # a warehouse linked and reviewed, shared by the module


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def is_http(url):
    return isinstance(url, str) and urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).netloc)


def is_date(text):
    try:
        dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True


def problems(review):
    """What a ClaimReview lacks of the required and recommended fields, or has of the wrong type."""
    rating = review.get("reviewRating", {})
    claim = review.get("itemReviewed", {})
    appearances = claim.get("appearance", [])
    checks = {
        "@context": review.get("@context") == "https://schema.org",
        "@type": review.get("@type") == "ClaimReview",
        "claimReviewed": isinstance(review.get("claimReviewed"), str) and review["claimReviewed"].strip() != "",
        "url": is_http(review.get("url")),
        "author": isinstance(review.get("author", {}).get("name"), str),
        "datePublished": is_date(review.get("datePublished")),
        "rating numbers": all(isinstance(rating.get(k), int) for k in ("ratingValue", "bestRating", "worstRating")),
        "rating range": rating.get("worstRating", 0) <= rating.get("ratingValue", -1) <= rating.get("bestRating", -2),
        "alternateName": isinstance(rating.get("alternateName"), str) and rating["alternateName"] != "",
        "itemReviewed": claim.get("@type") == "Claim",
        "claim author": isinstance(claim.get("author", {}).get("name"), str),
        "claim datePublished": is_date(claim.get("datePublished")),
        "appearance": bool(appearances) and all(is_http(a.get("url")) for a in appearances),
    }
    return [name for name, ok in checks.items() if not ok]


@pytest.fixture(scope="module")
def _reviewed_template(_desk_file_template, tmp_path_factory):
    """The desk file with a verdict on the Darién fact and one on a single claim, once per module."""
    desk_file = shutil.copyfile(_desk_file_template, tmp_path_factory.mktemp("reviewed") / "reviewed.duckdb")
    con = connect(desk_file)
    (fact_id,) = con.execute("select fact_id from facts where n_conflicts > 0 order by n_claims desc").fetchone()
    review_fact(con, fact_id, "misleading", "ana", note="routes mixed", evidence_url="https://example.org/check/1")
    (claim_id,) = con.execute("select claim_id from claims where quote like '%Chinese%' or quote like '%610,000%' "
                              "order by claim_id limit 1").fetchone()
    review_claim(con, claim_id, "ben", decision="false", evidence_url="https://example.org/check/2")
    con.close()
    return desk_file


@pytest.fixture
def reviewed(_reviewed_template, tmp_path):
    """A copy of the reviewed desk file for each test (some import into it)."""
    return shutil.copyfile(_reviewed_template, tmp_path / "reviewed.duckdb")


def exported(path, out, *flags):
    result = run("export", "claimreview", "--out", out, "--db", path, *flags)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def verdicts(path, source):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return sorted(con.execute("select claim_id, rating from claim_verdicts where source = ?", [source]).fetchall())
    finally:
        con.close()


def test_every_exported_review_has_the_required_fields_and_types(reviewed, tmp_path):
    items = exported(reviewed, tmp_path / "all.jsonld", "--author", "Desk Checks")
    assert len(items) > 2 and [(i, problems(r)) for i, r in enumerate(items) if problems(r)] == []


def test_reviewed_only_leaves_out_the_automated_checks(reviewed, tmp_path):
    everything = exported(reviewed, tmp_path / "all.jsonld")
    reviewed_only = exported(reviewed, tmp_path / "reviewed.jsonld", "--reviewed-only")
    automated = [r for r in everything if r.get("name", "").startswith("Automated check against")]
    assert (len(reviewed_only), len(everything) - len(automated)) == (len(verdicts(reviewed, "desk")),) * 2


def test_automated_checks_name_the_publisher_and_its_figure(reviewed, tmp_path):
    automated = [r for r in exported(reviewed, tmp_path / "all.jsonld") if "isBasedOn" in r]
    names = {r["reviewRating"]["alternateName"] for r in automated}
    assert "Contradicted by Servicio Nacional de Migracion de Panama's figure (520,085 person, 2023)" in names


def test_round_trip_gives_the_same_verdicts(reviewed, tmp_path):
    out = tmp_path / "reviews.jsonld"
    exported(reviewed, out, "--reviewed-only", "--author", "Desk Checks")
    other = tmp_path / "other.duckdb"
    shutil.copy(reviewed, other)
    con = connect(other)
    con.execute("delete from review_rows")  # the same documents and claims, no decisions
    con.close()
    result = run("import", "claimreview", out, "--db", other)
    assert result.exit_code == 0, result.output
    assert verdicts(other, "claimreview") == verdicts(reviewed, "desk")


def test_imported_reviews_are_credited_to_their_publisher(reviewed, tmp_path):
    out = tmp_path / "reviews.jsonld"
    exported(reviewed, out, "--reviewed-only", "--author", "Other Org")
    con = connect(reviewed)
    import_claimreviews(con, out)
    names = {r for (r,) in con.execute("select reviewer from reviews where source = 'claimreview'").fetchall()}
    con.close()
    assert names == {"Other Org"}


def test_hostile_text_is_escaped_in_the_json_ld(reviewed, tmp_path):
    out = tmp_path / "all.jsonld"
    items = exported(reviewed, out)
    raw = out.read_text(encoding="utf-8")
    hostile = [r for r in items if "<script>" in r["claimReviewed"]]
    assert (bool(hostile), "<" in raw, "\x1b" in raw, raw.isascii()) == (True, False, False, True)


@pytest.mark.parametrize(("rating", "verdict"), [
    ({"alternateName": "Mostly False", "ratingValue": 2}, "false"),
    ({"alternateName": "Half True"}, "misleading"),
    ({"ratingValue": 5, "bestRating": 5, "worstRating": 1}, "true"),
    ({"ratingValue": 1, "bestRating": 5, "worstRating": 1}, "false"),
    ({"ratingValue": "x"}, None),
])
def test_published_ratings_are_read_as_our_verdicts(rating, verdict):
    assert verdict_of(rating) == verdict


def test_a_file_that_is_not_json_is_refused(desk_file, tmp_path):
    bad = tmp_path / "bad.jsonld"
    bad.write_text("<html>", encoding="utf-8")
    result = run("import", "claimreview", bad, "--db", desk_file)
    assert result.exit_code == 1 and "not a JSON-LD file" in result.output
