"""The README's example queries: each file in warehouse/queries/ runs on a warehouse
loaded with the bundled corpus, returns rows, and appears verbatim in the README."""
import re
from importlib import resources
from pathlib import Path

import pytest

from claimhouse.flows.bundled import default_sources
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.frames import claims_frame, documents_frame
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.schemas.quarantine import empty_rejected
from claimhouse.warehouse import store
from claimhouse.warehouse.db import apply_migrations, connect, load_sql

README = Path(__file__).resolve().parents[2] / "README.md"
QUERIES = sorted(p.name for p in resources.files("claimhouse.warehouse").joinpath("queries").iterdir()
                 if re.match(r"\d\d_.*\.sql$", p.name))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    path = tmp_path_factory.mktemp("w") / "w.duckdb"
    con = connect(path)
    apply_migrations(con)
    docs = [d for src in default_sources() for d, _ in fetch_source(src) if d is not None]
    claims = [claims_frame(d, 1, extract_claims(d.text, d.published_at)) for d in docs]
    import pandas as pd
    frame = pd.concat(claims, ignore_index=True).drop(columns=["text_length"])
    store.store_batch(con, documents_frame(docs), frame, empty_rejected(), "test-run")
    yield con
    con.close()


def _body(name):
    return "\n".join(line for line in load_sql("queries", name).splitlines() if not line.startswith("--")).strip()


@pytest.mark.parametrize("name", QUERIES)
def test_example_query_appears_in_the_readme(name):
    assert _body(name) in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [q for q in QUERIES if not q.startswith(("02_", "05_"))])
@pytest.mark.slow
def test_example_query_returns_rows(loaded, name):
    assert loaded.execute(load_sql("queries", name)).fetchall()


@pytest.mark.parametrize("name", ["02_conflicts_worst_first.sql", "05_why_rows_were_refused.sql"])
def test_example_query_runs_on_a_warehouse_without_conflicts_or_refusals(loaded, name):
    assert loaded.execute(load_sql("queries", name)).fetchall() == []


def test_there_are_five_example_queries():
    assert len(QUERIES) == 5
