"""A person's review decisions, recorded as rows of `review_rows` (never updated).

Each decision names its target by what survives a re-run and a new version of the document:
a claim's `review_key` (views/review_keys.sql), a link's two keys, a fact's fact_key. The views
obey the decisions in force: `claim_links` and the linker drop dismissed pairs, `claims` shows a
corrected field with the extracted one beside it, `fact_reviews` holds verdicts."""
from __future__ import annotations

import datetime as dt
import getpass
import os
import re
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from claimhouse.schemas.vocab import (
    CORRECT,
    CORRECTED_FIELDS,
    FACT_VERDICTS,
    LINK_DECISIONS,
    WRONG_EXTRACTION,
)
from claimhouse.warehouse.db import load_sql, transaction

DESK = "desk"
YEAR = re.compile(r"^\d{4}$")
MONTH = re.compile(r"^\d{4}-\d{2}$")


class ReviewError(ValueError):
    """A decision that cannot be recorded; the message says what to give instead."""


@dataclass(frozen=True)
class ClaimTarget:
    claim_id: str
    uri: str
    quote: str
    review_key: str
    fields: dict


def default_reviewer() -> str:
    """$USER, else the login name, else 'unknown'."""
    user = os.environ.get("USER")
    if user:
        return user
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def claim_target(con, claim_id: str) -> ClaimTarget:
    row = con.execute(load_sql("queries", "review_claim"), {"claim_id": claim_id}).fetchone()
    if row is None:
        raise ReviewError(f"no current claim {claim_id!r}: take a claim_id from the `claims`, `conflicts` "
                          "or `review_queue` view")
    claim_id, uri, quote, key, value, unit, subject, start, end = row
    period = None if start is None else f"{start.isoformat()}/{end.isoformat() if end else ''}"
    return ClaimTarget(claim_id, uri, quote, key,
                       {"value": value, "unit": unit, "subject": subject, "period": period})


def fact_target(con, fact_id: str) -> tuple[str, str]:
    """(fact_id, fact_key) of the one fact whose id starts with `fact_id`."""
    if not fact_id:
        raise ReviewError("give a fact_id (or a unique prefix of one) from the `facts` view")
    found = con.execute(load_sql("queries", "review_fact"), {"fact_id": fact_id}).fetchall()
    if not found:
        raise ReviewError(f"no fact {fact_id!r}: take a fact_id from the `facts` view")
    if len(found) > 1:
        raise ReviewError(f"{fact_id!r} names {len(found)}{'+' if len(found) > 20 else ''} facts "
                          f"({', '.join(f for f, _, _ in found[:20])}): give more of the id")
    return found[0][0], found[0][1]


def parse_period(text: str) -> str:
    """'2023' / '2023-04' / '2023-01-01/2023-06-30' -> 'start/end' as ISO dates."""
    text = text.strip()
    if YEAR.match(text):
        return f"{text}-01-01/{text}-12-31"
    if MONTH.match(text):
        first = dt.date.fromisoformat(f"{text}-01")
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return f"{first.isoformat()}/{(following - dt.timedelta(days=1)).isoformat()}"
    start, _, end = text.partition("/")
    try:
        first = dt.date.fromisoformat(start)
        last = dt.date.fromisoformat(end) if end else first
    except ValueError:
        raise ReviewError(f"not a period: {text!r} (give 2023, 2023-04 or 2023-01-01/2023-06-30)") from None
    if last < first:
        raise ReviewError(f"the period {text!r} ends before it starts")
    return f"{first.isoformat()}/{last.isoformat()}"


def corrected_text(field: str, given: str) -> str:
    """The correction as stored: a number, a period as start/end, or the words given."""
    if field not in CORRECTED_FIELDS:
        raise ReviewError(f"a correction is to one of {', '.join(CORRECTED_FIELDS)}, not {field!r}")
    given = given.strip()
    if not given:
        raise ReviewError(f"the corrected {field} is empty")
    if field == "value":
        try:
            number = float(given.replace(",", ""))
        except ValueError:
            raise ReviewError(f"not a number: {given!r} (give e.g. 520000 or 520,000)") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise ReviewError(f"not a finite number: {given!r}")
        return repr(number)
    if field == "period":
        return parse_period(given)
    return given


def checked_url(url: str | None) -> str | None:
    if url is None or url == "":
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ReviewError(f"the evidence URL must be http(s)://..., not {url!r}")
    return url


def record(con, *, target: str, decision: str, reviewer: str, note: str | None = None, source: str = DESK,
           reviewed_at: dt.datetime | None = None, **columns) -> str:
    """Add one decision row; returns its review_id."""
    review_id = str(uuid.uuid4())
    params = dict.fromkeys(("review_key_a", "review_key_b", "fact_key", "claim_id_a", "claim_id_b", "fact_id",
                            "quote_a", "quote_b", "uri_a", "uri_b", "field", "previous", "corrected",
                            "evidence_url"))
    unknown = set(columns) - set(params)
    if unknown:
        raise TypeError(f"record() got unknown columns {sorted(unknown)}")
    params |= columns
    params |= {"review_id": review_id, "reviewed_at": reviewed_at or dt.datetime.now(dt.timezone.utc),
               "reviewer": reviewer, "target": target, "decision": decision, "note": note, "source": source}
    with transaction(con, f"recording review {decision}"):
        con.execute(load_sql("statements", "insert_review"), params)
    return review_id


def review_link(con, claim_id_a: str, claim_id_b: str, decision: str, reviewer: str,
                note: str | None = None) -> str:
    """confirm | reject | same-fact | different-fact on the pair of two current claims."""
    if decision not in LINK_DECISIONS:
        raise ReviewError(f"a link decision is one of {', '.join(LINK_DECISIONS)}, not {decision!r}")
    if claim_id_a == claim_id_b:
        raise ReviewError("a link joins two different claims")
    a, b = sorted((claim_target(con, claim_id_a), claim_target(con, claim_id_b)), key=lambda t: t.review_key)
    return record(con, target="link", decision=decision, reviewer=reviewer, note=note,
                  review_key_a=a.review_key, review_key_b=b.review_key, claim_id_a=a.claim_id,
                  claim_id_b=b.claim_id, quote_a=a.quote, quote_b=b.quote, uri_a=a.uri, uri_b=b.uri)


def review_claim(con, claim_id: str, reviewer: str, *, decision: str | None = None, field: str | None = None,
                 corrected: str | None = None, note: str | None = None, evidence_url: str | None = None,
                 source: str = DESK) -> str:
    """wrong-extraction, a correction of one field (value | unit | period | subject), or a verdict
    on this claim alone (true | false | misleading | unproven)."""
    target = claim_target(con, claim_id)
    common = {"review_key_a": target.review_key, "claim_id_a": target.claim_id, "quote_a": target.quote,
              "uri_a": target.uri}
    if decision in FACT_VERDICTS and field is None:
        return record(con, target="claim", decision=decision, reviewer=reviewer, note=note, source=source,
                      evidence_url=checked_url(evidence_url), **common)
    if field is not None:
        if decision not in (None, CORRECT):
            raise ReviewError("give either a decision or a corrected field, not both")
        stored = corrected_text(field, corrected or "")
        previous = target.fields[field]
        return record(con, target="claim", decision=CORRECT, reviewer=reviewer, note=note, field=field,
                      previous=None if previous is None else str(previous), corrected=stored, **common)
    if decision != WRONG_EXTRACTION:
        raise ReviewError(f"a claim decision is {WRONG_EXTRACTION}, a verdict ({', '.join(FACT_VERDICTS)}) or a "
                          f"correction (--value, --unit, --period, --subject); not {decision!r}")
    return record(con, target="claim", decision=decision, reviewer=reviewer, note=note, **common)


def review_fact(con, fact_id: str, verdict: str, reviewer: str, note: str | None = None,
                evidence_url: str | None = None, source: str = DESK) -> str:
    """A verdict (true | false | misleading | unproven) on a fact, with a note and the evidence URL."""
    if verdict not in FACT_VERDICTS:
        raise ReviewError(f"a fact verdict is one of {', '.join(FACT_VERDICTS)}, not {verdict!r}")
    found_id, fact_key = fact_target(con, fact_id)
    return record(con, target="fact", decision=verdict, reviewer=reviewer, note=note, source=source,
                  fact_key=fact_key, fact_id=found_id, evidence_url=checked_url(evidence_url))
