"""--dask-address: extraction batches on an existing Dask cluster (a LocalCluster of two worker
processes on 127.0.0.1, started here) give the warehouse the default path gives."""
import pytest

from benchmarks.bench_pipeline import write_corpus
from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = [pytest.mark.flow, pytest.mark.slow]

distributed = pytest.importorskip("distributed")
pytest.importorskip("prefect_dask")

TABLES = ("document_versions", "claim_rows", "claim_groups", "rejected")
CLAIMS = "select claim_id, document_id, version, quote, value, low, high, unit, qualifier from claim_rows order by all"
LINKS = "select claim_id_a, claim_id_b, relation from claim_links order by all"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local_cluster:
        yield local_cluster


def test_a_dask_cluster_gives_the_warehouse_of_the_default_path(tmp_path, rows, cluster):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 130, seed=5, n_facts=10, popular_share=0.2)
    default = run_pipeline(sources=[str(corpus)], db_path=tmp_path / "default.duckdb", workers=1)
    dask = run_pipeline(sources=[str(corpus)], db_path=tmp_path / "dask.duckdb",
                        dask_address=cluster.scheduler_address)
    one, other = tmp_path / "default.duckdb", tmp_path / "dask.duckdb"
    assert [rows(other, f"select count(*) from {t}") for t in TABLES] == \
           [rows(one, f"select count(*) from {t}") for t in TABLES]
    assert (rows(other, CLAIMS), rows(other, LINKS)) == (rows(one, CLAIMS), rows(one, LINKS))
    assert dask["claims_added"] == default["claims_added"] > 0
