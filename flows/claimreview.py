"""schema.org ClaimReview JSON-LD out of the warehouse, and published ClaimReviews into it.

Export (`claimhouse export claimreview`): one ClaimReview per reviewed claim: the verdicts given
at this desk on a fact (each of its claims) or on a claim, and, unless reviewed_only, each
reference check with a verdict, marked as an automated check against the named publisher's
figure. Each carries the fields Google's Fact Check tools require and recommend: claimReviewed,
reviewRating (ratingValue, bestRating, worstRating, alternateName), url, author, datePublished,
and itemReviewed as a Claim with appearance, author and datePublished.

The claim's own words (the quote) go in itemReviewed.name, the sentence in claimReviewed.

Import (`claimhouse import claimreview FILE`): each ClaimReview whose appearance is a document of
the warehouse and whose claimReviewed holds one of its claims' sentences becomes a verdict on that
claim (on the claim whose quote is itemReviewed.name, when given; else on each claim of the sentence) (review_rows, source 'claimreview', reviewer = the review's author), shown in
`claim_verdicts`."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlsplit

from claimhouse.flows.review import review_claim
from claimhouse.schemas.vocab import FACT_VERDICTS
from claimhouse.warehouse.db import connect, load_sql

DEFAULT_AUTHOR = "claimhouse"
CONTEXT = "https://schema.org"
BEST, WORST = 5, 1
SOURCE = "claimreview"
# Our verdict -> (ratingValue on the 1..5 scale, alternateName).
RATINGS = {
    "false": (1, "False"),
    "misleading": (2, "Misleading"),
    "unproven": (3, "Unproven"),
    "true": (5, "True"),
}
# A reference check's verdict -> our verdict, for the automated items.
CHECK_RATINGS = {"contradicted": "false", "supported": "true"}
# Words of a published alternateName -> our verdict, first match wins ("Mostly false" -> false).
NAMED_RATINGS = (
    ("misleading", "misleading"), ("out of context", "misleading"), ("exaggerat", "misleading"),
    ("half true", "misleading"), ("mixture", "misleading"), ("partly", "misleading"),
    ("unproven", "unproven"), ("unverified", "unproven"), ("no evidence", "unproven"),
    ("false", "false"), ("incorrect", "false"), ("wrong", "false"), ("fake", "false"), ("pants on fire", "false"),
    ("contradicted", "false"),
    ("true", "true"), ("correct", "true"), ("accurate", "true"), ("supported", "true"),
)


class ClaimReviewError(ValueError):
    """A ClaimReview file that cannot be read; the message says what is wrong."""


def _date(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _http(url) -> str | None:
    return url if isinstance(url, str) and urlsplit(url).scheme.lower() in ("http", "https") else None


def _claim_author(attribution: str | None, uri: str, source: str | None) -> dict:
    if attribution:
        return {"@type": "Organization", "name": attribution}
    return {"@type": "Organization", "name": urlsplit(uri).hostname or source or uri}


def _item(row: dict, author: str, rating: str, url: str, date_published: str, explanation: str | None,
          automated: dict | None = None) -> dict:
    value, name = RATINGS[rating]
    review = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "datePublished": date_published,
        "author": {"@type": "Organization", "name": author},
        "claimReviewed": row["sentence"] or row["quote"],
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": BEST, "worstRating": WORST,
                         "alternateName": name},
        "itemReviewed": {
            "@type": "Claim",
            "name": row["quote"],
            "author": _claim_author(row["attribution"], row["uri"], row["source"]),
            "datePublished": _date(row["published_at"]),
            "appearance": [{"@type": "CreativeWork", "url": row["uri"], "headline": row["title"],
                            "datePublished": _date(row["published_at"])}],
        },
    }
    if explanation:
        review["reviewRating"]["ratingExplanation"] = explanation
    if automated:
        review["name"] = automated["name"]
        review["reviewRating"]["alternateName"] = automated["alternate_name"]
        review["isBasedOn"] = {"@type": "Dataset", "url": automated["url"],
                               "publisher": {"@type": "Organization", "name": automated["publisher"]}}
    if review["itemReviewed"]["datePublished"] is None:
        del review["itemReviewed"]["datePublished"]
        del review["itemReviewed"]["appearance"][0]["datePublished"]
    return review


def claimreview_items(con, author: str = DEFAULT_AUTHOR, reviewed_only: bool = False,
                      today: dt.date | None = None) -> list[dict]:
    """The ClaimReview objects for the warehouse open on `con`: desk verdicts, then (unless
    reviewed_only) the automated reference checks."""
    today = today or dt.datetime.now(dt.timezone.utc).date()
    rows = _dicts(con, load_sql("queries", "claimreview_items"), {"with_checks": not reviewed_only})
    return [_check_item(row, author, today) if row["automated"] else _verdict_item(row, author)
            for row in rows]


def _verdict_item(row: dict, author: str) -> dict:
    url = _http(row["evidence_url"]) or row["uri"]
    return _item(row, author, row["rating"], url, _date(row["reviewed_at"]), row["note"])


def _check_item(row: dict, author: str, today: dt.date) -> dict:
    rating = CHECK_RATINGS[row["verdict"]]
    figure = f"{row['reference_value']:,g} {row['reference_unit'] or ''}".strip()
    automated = {
        "name": f"Automated check against {row['publisher']}'s figure",
        "alternate_name": f"{row['verdict'].capitalize()} by {row['publisher']}'s figure ({figure}, "
                          f"{row['reference_period']})",
        "publisher": row["publisher"],
        "url": _http(row["source_url"]) or row["uri"],
    }
    return _item(row, author, rating, _http(row["source_url"]) or row["uri"], today.isoformat(),
                 f"Automated check, not reviewed by a person: {row['reason']}", automated)


def export_claimreviews(db_path: str | Path, out: str | Path, author: str = DEFAULT_AUTHOR,
                        reviewed_only: bool = False) -> int:
    """Write the ClaimReview JSON-LD array to `out`; returns the number of items."""
    con = connect(db_path, read_only=True)
    try:
        items = claimreview_items(con, author, reviewed_only)
    finally:
        con.close()
    Path(out).write_text(inert_json(items) + "\n", encoding="utf-8")
    return len(items)


def inert_json(value) -> str:
    """JSON in which every control and non-ASCII character, and < > &, is a \\u escape: the same
    values, inert in a terminal and safe inside an HTML <script type="application/ld+json">."""
    text = json.dumps(value, ensure_ascii=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _dicts(con, sql: str, params: dict | None = None) -> list[dict]:
    cur = con.execute(sql, params or {})
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# ---- import ---------------------------------------------------------------------------
def read_reviews(path: str | Path) -> list[dict]:
    """The ClaimReview objects of a JSON-LD file: an array, one object, or an @graph."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ClaimReviewError(f"{path}: not a JSON-LD file ({exc})") from None
    if isinstance(data, dict):
        data = data.get("@graph", [data])
    if not isinstance(data, list):
        raise ClaimReviewError(f"{path}: expected a ClaimReview object or an array of them")
    return [item for item in data if isinstance(item, dict) and _is_type(item, "ClaimReview")]


def _is_type(item: dict, name: str) -> bool:
    kind = item.get("@type")
    return name in kind if isinstance(kind, list) else kind == name


def verdict_of(rating: dict) -> str | None:
    """Our verdict for a published reviewRating: its alternateName's words, else its value's
    place between worstRating and bestRating."""
    if not isinstance(rating, dict):
        return None
    name = str(rating.get("alternateName") or "").lower()
    for words, verdict in NAMED_RATINGS:
        if words in name:
            return verdict
    try:
        value, best, worst = (float(rating.get(k, d)) for k, d in
                              (("ratingValue", None), ("bestRating", BEST), ("worstRating", WORST)))
    except (TypeError, ValueError):
        return None
    if best == worst:
        return None
    share = (value - worst) / (best - worst)
    return "false" if share < 0.25 else "misleading" if share < 0.5 else "unproven" if share < 0.75 else "true"


def _appearance_urls(item: dict) -> list[str]:
    claim = item.get("itemReviewed") if isinstance(item.get("itemReviewed"), dict) else {}
    found = []
    for key in ("appearance", "firstAppearance"):
        value = claim.get(key)
        for entry in value if isinstance(value, list) else [value]:
            url = entry.get("url") if isinstance(entry, dict) else entry
            if isinstance(url, str) and _http(url):
                found.append(url)
    return list(dict.fromkeys(found))


def _author_name(item: dict) -> str:
    author = item.get("author")
    if isinstance(author, list) and author:
        author = author[0]
    name = author.get("name") if isinstance(author, dict) else author
    return str(name) if name else "unknown publisher"


def import_claimreviews(con, path: str | Path) -> dict:
    """Load the file's ClaimReviews as verdicts on the claims they match; returns counts and
    the reasons items were skipped."""
    result = {"matched": 0, "unmatched": 0, "skipped": []}
    for n, item in enumerate(read_reviews(path), start=1):
        verdict = verdict_of(item.get("reviewRating"))
        reviewed = item.get("claimReviewed")
        urls = _appearance_urls(item)
        if verdict not in FACT_VERDICTS or not isinstance(reviewed, str) or not urls:
            result["unmatched"] += 1
            result["skipped"].append(f"item {n}: no rating we read, no claimReviewed or no http(s) appearance")
            continue
        candidates = _dicts(con, load_sql("queries", "claimreview_match"), {"uris": urls})
        named = (item.get("itemReviewed") or {}).get("name")
        matches = [c for c in candidates if (c["sentence"] or c["quote"]) in reviewed
                   and (c["quote"] == named if isinstance(named, str) else c["quote"] in reviewed)]
        if not matches:
            result["unmatched"] += 1
            result["skipped"].append(f"item {n}: no claim of {urls[0]} in {reviewed[:80]!r}")
            continue
        note = (item.get("reviewRating") or {}).get("alternateName")
        for claim in matches:
            review_claim(con, claim["claim_id"], _author_name(item), decision=verdict, source=SOURCE,
                         note=str(note) if note else None, evidence_url=_http(item.get("url")))
            result["matched"] += 1
    return result
