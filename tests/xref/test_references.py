"""The sample corpus checked against the shipped reference table: the verdicts a careful
checker reaches (../shared/reference/README.md) -- including the ones that must stay
'no reference' rather than invent a contradiction."""
import shutil
from importlib import resources

import pytest

from claimhouse.flows.bundled import default_sources
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.linking import load_references
from claimhouse.warehouse.db import connect
from tests.xref.conftest import load

SHIPPED = resources.files("claimhouse.flows").joinpath("corpus", "reference_figures.csv")


def _load_sample_corpus_and_references(con) -> None:
    docs = [d for src in default_sources() for d, _ in fetch_source(src) if d is not None]
    load(con, docs)
    result = load_references(con, str(SHIPPED))
    assert (result["loaded"], result["errors"]) == (16, [])


@pytest.fixture(scope="module")
def checked_warehouse(tmp_path_factory, _migrated_template):
    """The sample corpus and the shipped references in one warehouse, shared by the read-only tests."""
    path = tmp_path_factory.mktemp("checked") / "xref.duckdb"
    shutil.copyfile(_migrated_template, path)
    con = connect(path)
    _load_sample_corpus_and_references(con)
    yield con
    con.close()


@pytest.fixture(scope="module")
def checked(checked_warehouse):
    return {q: (v, m) for q, v, m in
            checked_warehouse.execute("select quote, verdict, match from reference_checks").fetchall()}


@pytest.mark.parametrize("quote, verdict", [
    ("as many as 400,000 migrants", "contradicted"),
    ("over 20,000 Chinese citizens", "supported"),
    ("about 40,000 Chinese citizens", "supported"),
    ("over 200,000 Chinese residents", "supported"),
    ("an estimated 1.5 million Chinese people", "no reference"),
    ("one million people of Chinese descent", "no reference"),
    ("an almost 80 percent", "no reference"),
])
def test_sample_corpus_verdicts(checked, quote, verdict):
    assert checked[quote][0] == verdict


def test_every_current_claim_gets_exactly_one_verdict(checked_warehouse):
    assert checked_warehouse.execute("""
        select (select count(*) from claims), count(*), count(distinct claim_id) from reference_checks""").fetchone() \
        == (15, 15, 15)


def test_shipped_reference_rows_cite_their_source(checked_warehouse):
    rows = checked_warehouse.execute("select source_url, publisher from reference_figures").fetchall()
    assert rows and all(url.startswith("http") and publisher for url, publisher in rows)


def test_reloading_a_reference_file_replaces_its_rows(warehouse):
    _load_sample_corpus_and_references(warehouse)
    load_references(warehouse, str(SHIPPED))
    assert warehouse.execute("select count(*) from reference_figures").fetchone() == (16,)


def test_a_bad_reference_row_is_named_and_the_rest_load(warehouse, tmp_path):
    f = tmp_path / "refs.csv"
    f.write_text("measure,subject,place,period,value,unit,qualifier,publisher,source_url\n"
                 "crossings,migrants crossing the Darien Gap,Darien Gap (PA/CO),2023,520085,person,exact,SNM,https://x.org\n"
                 "crossings,migrants crossing the Darien Gap,Darien Gap (PA/CO),sometime,1,person,exact,SNM,https://x.org\n"
                 "crossings,migrants crossing the Darien Gap,Darien Gap (PA/CO),2022,lots,person,exact,SNM,https://x.org\n")
    result = load_references(warehouse, str(f))
    assert result["loaded"] == 1 and [e.split(":")[0] for e in result["errors"]] == ["refs.csv line 3", "refs.csv line 4"]


def test_a_reference_file_without_the_required_columns_is_refused(warehouse, tmp_path):
    from claimhouse.flows.ingest.reference import ReferenceError
    f = tmp_path / "bad.csv"
    f.write_text("subject,value\nx,1\n")
    with pytest.raises(ReferenceError, match="bad.csv: missing column"):
        load_references(warehouse, str(f))
