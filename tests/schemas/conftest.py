"""Good frames for the schema tests, built from the pure core's dataclasses.

Tests get rows through the factory fixtures (`document_row`, `claim_row`,
`link_row`) and change one field to make a bad row.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from claimhouse.flows.claims.model import Claim, Document

TEXT = "About 40 percent of voters stayed home. Turnout fell by 3 points to 61 percent."
URI = "https://example.org/a"
FETCHED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)


def _document_row(text: str = TEXT, uri: str = URI, **changes) -> dict:
    published = dt.date(2024, 4, 30)
    doc = Document(uri=uri, text=text, fetched_at=FETCHED_AT, title="A", published_at=published)
    row = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
    row |= {"document_id": doc.document_id, "version": 1, "content_sha256": doc.content_sha256}
    return row | changes


def _claim_row(quote: str = "40 percent", text: str = TEXT, **changes) -> dict:
    start = text.index(quote)
    claim = Claim(
        span_start=start,
        span_end=start + len(quote),
        quote=quote,
        sentence=text.split(". ")[0],
        value=40.0,
        low=None,
        high=None,
        unit="percent",
        qualifier="approximate",
        subject="share of voters who stayed home",
        checkworthiness=0.7,
    )
    row = dataclasses.asdict(claim)
    row.pop("sentence_start")
    document_id = Document(uri=URI, text=text, fetched_at=FETCHED_AT).document_id
    row |= {
        "claim_id": f"{document_id}:1:{start}",
        "document_id": document_id,
        "version": 1,
        "text_length": len(text),
        "interval_low": 40.0,
        "interval_high": 40.0,
        "unit_family": "percent",
        "subject_key": "voters stayed home",
        "fact_key": None,
        "measure": None,
        "scope": None,
        "when_start": None,
        "when_end": None,
        "evolving": False,
        "update_cue": False,
        "block_key": None,
        "claim_key": None,
        "copy_key": None,
        "doc_sketch": None,
        "evidence": None,
    }
    return row | changes


def _link_row(**changes) -> dict:
    row = {
        "claim_id_a": "a1",
        "claim_id_b": "b2",
        "relation": "conflicts",
        "reason": "40 vs 61 percent",
        "severity": 0.5,
    }
    return row | changes


@pytest.fixture
def document_row():
    return _document_row


@pytest.fixture
def claim_row():
    return _claim_row


@pytest.fixture
def link_row():
    return _link_row


@pytest.fixture
def documents() -> pd.DataFrame:
    other = _document_row("Other text, 12 km.", "https://example.org/b")
    return pd.DataFrame([_document_row(), other])


@pytest.fixture
def claims() -> pd.DataFrame:
    return pd.DataFrame([_claim_row(), _claim_row("61 percent", value=61.0, qualifier="exact")])


@pytest.fixture
def links() -> pd.DataFrame:
    return pd.DataFrame([_link_row(), _link_row(claim_id_a="a2", relation="agrees", severity=0.0)])


def check_names(rejected: pd.DataFrame) -> list[str]:
    """Check names without pandera's arguments: "isin(('a', 'b'))" -> "isin"."""
    return [check.split("(")[0] for check in rejected["check"]]


@pytest.fixture
def checks_of():
    return check_names
