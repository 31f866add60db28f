"""split_valid on a large extracted batch: every row ends up valid or rejected (never both, never
lost), each planted corruption is rejected by the check that guards against it, and no clean row
is rejected. The corpus and the corruptions are seeded, so a failure names the same rows each run."""
from __future__ import annotations

import datetime as dt
import math
import random

import pandas as pd
import pytest

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Document
from claimhouse.flows.frames import claims_frame
from claimhouse.schemas.claims import ClaimsModel
from claimhouse.schemas.quarantine import split_valid

pytestmark = pytest.mark.slow  # a 300-document batch extracted and validated

SEED = 20240501
DOCUMENTS = 300
CORRUPT_SHARE = 0.05
FETCHED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)

PLACES = ("Kenya", "Mexico", "China", "Germany", "Brazil", "the United States", "Panama", "India")
NOUNS = ("migrants", "workers", "students", "residents", "asylum seekers", "tourists", "nurses")
ORGS = ("the ministry", "the statistics office", "UNHCR", "the central bank", "officials")
MONTHS = ("January", "March", "June", "September", "November")
SENTENCES = (
    "{place} recorded {cue}{n:,} {noun} in {year}, up {pct}% from a year earlier.",
    "The share of {noun} who stayed rose to {pct}% in {month} {year}.",
    "Between {a} and {b} {noun} were turned back at the border, according to {org}.",
    "The project will cost about ${x}bn, {org} said.",
    "Unemployment fell by {pts} percentage points to {pct2} percent.",
    "Some {n:,} {noun} a day arrive in {place}.",
    "Prices have doubled since {year}, while wages grew {pct}%.",
    "As many as {n:,} {noun} could lose their jobs by {year2}.",
    "The river is {km} km long and its delta covers {n:,} hectares.",
    "More than {n:,} {noun} applied last year, {org} said.",
    "Inflation stood at {pct2} percent in {month}, down from {pct} percent.",
    "Nearly two-thirds of the {n:,} {noun} surveyed were women.",
)
CUES = ("", "about ", "nearly ", "more than ", "an estimated ", "up to ")


def news_text(rng: random.Random) -> str:
    def sentence() -> str:
        a = rng.randint(2, 900)
        return rng.choice(SENTENCES).format(
            place=rng.choice(PLACES), cue=rng.choice(CUES), n=rng.randint(2, 3_000_000),
            noun=rng.choice(NOUNS), year=rng.randint(1990, 2024), year2=rng.randint(2025, 2040),
            pct=rng.randint(1, 95), pct2=round(rng.uniform(0.5, 20), 1), month=rng.choice(MONTHS),
            a=a, b=a + rng.randint(1, 500), org=rng.choice(ORGS), x=round(rng.uniform(0.1, 90), 1),
            pts=round(rng.uniform(0.1, 4), 1), km=rng.randint(2, 6000),
        )
    paragraphs = [" ".join(sentence() for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 4))]
    return "\n".join(paragraphs)


def extracted_batch(rng: random.Random) -> pd.DataFrame:
    frames = []
    for i in range(DOCUMENTS):
        doc = Document(uri=f"https://example.org/news/{i}", text=news_text(rng), fetched_at=FETCHED_AT,
                       published_at=dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 365)))
        frames.append(claims_frame(doc, 1, extract_claims(doc.text, doc.published_at)))
    return pd.concat([f for f in frames if not f.empty], ignore_index=True)


# Each corruption: (name, change to one row, (check, column) that must reject it, rows it applies to).
def _value_inf(row: pd.Series) -> None:
    row["value"] = math.inf


def _value_nan(row: pd.Series) -> None:
    row["value"] = math.nan


def _span_past_text(row: pd.Series) -> None:
    shift = row["text_length"] - row["span_start"] + 1  # the quote keeps its length
    row["span_start"] += shift
    row["span_end"] += shift


def _unknown_qualifier(row: pd.Series) -> None:
    row["qualifier"] = "roughly"


def _low_above_high(row: pd.Series) -> None:
    row["low"], row["high"] = 50.0, 30.0


def _share_over_100(row: pd.Series) -> None:
    row["unit"], row["kind"], row["subject"] = "percent", "level", "share of voters"
    row["value"], row["low"], row["high"] = 140.0, None, None


def _any_row(row: pd.Series) -> bool:
    return True


def _has_value(row: pd.Series) -> bool:
    return not pd.isna(row["value"])  # NaN in a range's null value changes nothing


CORRUPTIONS = (
    ("value_inf", _value_inf, ("finite", "value"), _has_value),
    ("value_nan", _value_nan, ("value_present", None), _has_value),  # NaN is no value in pandas
    ("span_past_text", _span_past_text, ("span_within_text", None), _any_row),
    ("unknown_qualifier", _unknown_qualifier, ("isin", "qualifier"), _any_row),
    ("low_above_high", _low_above_high, ("low_le_high", None), _any_row),
    ("share_over_100", _share_over_100, ("percent_share_at_most_100", None), _any_row),
)


@pytest.fixture(scope="module")
def batch() -> pd.DataFrame:
    return extracted_batch(random.Random(SEED))


@pytest.fixture(scope="module")
def corrupted(batch):
    """(frame with ~5% of rows corrupted, {claim_id: corruption name})."""
    rng = random.Random(SEED + 1)
    frame = batch.copy()
    wanted = max(len(CORRUPTIONS), round(len(frame) * CORRUPT_SHARE))
    candidates = rng.sample(range(len(frame)), len(frame))
    planted = {}
    for k in range(wanted):
        name, change, _, applies = CORRUPTIONS[k % len(CORRUPTIONS)]
        index = next(i for i in candidates if applies(frame.loc[i]))
        candidates.remove(index)
        row = frame.loc[index].copy()
        change(row)
        frame.loc[index] = row
        planted[row["claim_id"]] = name
    return frame, planted


def rejections(rejected: pd.DataFrame) -> dict[str, set[tuple[str, str | None]]]:
    """claim_id -> {(check name without arguments, column)}."""
    out: dict[str, set] = {}
    for claim, check, column in zip(rejected["claim_id"], rejected["check"], rejected["column"], strict=True):
        out.setdefault(claim, set()).add((check.split("(")[0], column))
    return out


def test_the_batch_is_large_and_its_claim_ids_are_unique(batch):
    assert len(batch) >= 1000 and batch["claim_id"].is_unique


def test_the_clean_batch_passes_whole(batch):
    valid, rejected = split_valid(batch, ClaimsModel, "claims")
    assert (len(valid), rejected["claim_id"].tolist()) == (len(batch), [])


def test_every_row_is_either_valid_or_rejected(corrupted):
    frame, _ = corrupted
    valid, rejected = split_valid(frame, ClaimsModel, "claims")
    assert len(valid) + rejected["claim_id"].nunique() == len(frame)
    assert set(valid["claim_id"]).isdisjoint(rejected["claim_id"])


def test_only_the_corrupted_rows_are_rejected(corrupted):
    frame, planted = corrupted
    _, rejected = split_valid(frame, ClaimsModel, "claims")
    missed = {claim: name for claim, name in planted.items() if claim not in set(rejected["claim_id"])}
    clean_rejected = set(rejected["claim_id"]) - set(planted)
    assert (missed, clean_rejected) == ({}, set())


@pytest.mark.parametrize(("name", "expected"), [(name, expected) for name, _, expected, _ in CORRUPTIONS],
                         ids=[name for name, *_ in CORRUPTIONS])
def test_each_corruption_is_rejected_by_its_check(corrupted, name, expected):
    frame, planted = corrupted
    _, rejected = split_valid(frame, ClaimsModel, "claims")
    found = rejections(rejected)
    rows = [claim for claim, kind in planted.items() if kind == name]
    assert rows and [claim for claim in rows if expected not in found.get(claim, set())] == []
