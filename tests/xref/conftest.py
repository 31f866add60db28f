"""Multi-document fixtures loaded into a temporary warehouse without Prefect: extract,
store, link (the same functions the flow's tasks call)."""
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Document
from claimhouse.flows.frames import claims_frame, documents_frame
from claimhouse.flows.linking import link_claims
from claimhouse.schemas.quarantine import empty_rejected
from claimhouse.warehouse import store

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))


def load(con, docs: list[Document], run_id: str = "test") -> dict:
    frames = [claims_frame(d, 1, extract_claims(d.text, d.published_at)) for d in docs]
    claims = pd.concat(frames, ignore_index=True).drop(columns=["text_length"])
    store.store_batch(con, documents_frame(docs), claims, empty_rejected(), run_id)
    return link_claims(con, run_id)


def documents(case: dict) -> list[Document]:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    return [Document(uri=f"https://example.org/{case['rule'][:20]}/{d['title']}", text=d["text"], fetched_at=now,
                     title=d["title"], published_at=dt.date.fromisoformat(d["published"])) for d in case["docs"]]


@pytest.fixture
def warehouse(tmp_path, migrated_warehouse):
    con = migrated_warehouse(tmp_path / "xref.duckdb")
    yield con
    con.close()
