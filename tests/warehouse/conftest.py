"""A migrated DuckDB file under tmp_path, and builders for the frames the store takes."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pandas as pd
import pytest

from claimhouse.flows.claims.model import Claim, Document
from claimhouse.schemas.quarantine import empty_rejected

URI = "https://example.org/turnout"
TEXT = "About 40 percent of voters stayed home. Turnout fell to 61 percent."
FETCHED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)


class Make:
    """Frames shaped like the validated batches the pipeline hands to the store."""

    def document(self, text: str = TEXT, uri: str = URI, title: str = "Turnout") -> pd.DataFrame:
        doc = Document(uri=uri, text=text, fetched_at=FETCHED_AT, title=title, tags=("politics",))
        row = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
        row |= {"document_id": doc.document_id, "version": 1, "content_sha256": doc.content_sha256}
        return pd.DataFrame([row])

    def claims(self, docs: pd.DataFrame, *quotes: str, version: int = 1, **changes) -> pd.DataFrame:
        """One claim per quote found in each document's text; ids depend on the version."""
        rows = []
        for doc in docs.itertuples(index=False):
            for quote in quotes:
                start = doc.text.index(quote)
                claim = Claim(
                    span_start=start,
                    span_end=start + len(quote),
                    quote=quote,
                    sentence=doc.text,
                    value=float(re.search(r"\d+", quote)[0]),
                    low=None,
                    high=None,
                    unit="percent",
                    qualifier="exact",
                    subject="turnout",
                )
                row = dataclasses.asdict(claim)
                row.pop("sentence_start")
                row |= {
                    "claim_id": f"{doc.document_id}:{version}:{start}",
                    "document_id": doc.document_id,
                    "version": version,
                    "text_length": len(doc.text),
                    "interval_low": claim.value,
                    "interval_high": claim.value,
                    "unit_family": "percent",
                    "subject_key": "turnout",
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
                rows.append(row | changes)
        return pd.DataFrame(rows)

    def no_rejects(self) -> pd.DataFrame:
        return empty_rejected()


@pytest.fixture
def make() -> Make:
    return Make()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "warehouse" / "claimhouse.duckdb"


@pytest.fixture
def con(db_path, migrated_warehouse):
    connection = migrated_warehouse(db_path)
    yield connection
    connection.close()


@pytest.fixture
def count(con):
    """count("table") -> number of rows."""

    def rows(table: str) -> int:
        return con.table(table).aggregate("count(*)").fetchall()[0][0]

    return rows
