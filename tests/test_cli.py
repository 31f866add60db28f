"""The CLI commands that need no Prefect server: extract, query, conflicts, score, --help."""
import json
import shutil

import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import main
from claimhouse.warehouse.db import connect


def _invoke(*args, stdin=None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_extract_jsonl_writes_one_line_per_quantity_with_offsets():
    text = "Over 20,000 Chinese citizens entered the US, up 5% from 2022."
    result = _invoke("extract", "--jsonl", stdin=json.dumps({"id": "x1", "text": text}) + "\n")
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(d["id"], d["quote"], text[d["start"]:d["end"]], d["value"], d["unit"], d["qualifier"])
            for d in lines] == [
        ("x1", "Over 20,000 Chinese citizens", "Over 20,000 Chinese citizens", 20000.0, "person", "lower_bound"),
        ("x1", "5%", "5%", 5.0, "percent", "exact"),
    ]


def test_extract_jsonl_names_a_bad_line_and_goes_on():
    result = _invoke("extract", "--jsonl", stdin='not json\n{"id": 2, "text": "It cost $5m."}\n')
    assert result.exit_code == 3 and "stdin line 1" in result.stderr and '"id": 2' in result.stdout


def test_extract_reads_files(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: T\npublished: 2024-05-01\n---\nAbout 300 people attended last year.\n")
    lines = [json.loads(line) for line in _invoke("extract", str(f)).output.splitlines()]
    assert [(d["quote"], d["period_start"]) for d in lines] == [("About 300 people", "2023-01-01")]


@pytest.fixture
def warehouse(tmp_path, migrated_file):
    return migrated_file(tmp_path / "w.duckdb")


@pytest.mark.slow
def test_query_formats_json(warehouse):
    result = _invoke("query", "select 1 as one, 'a' as letter", "--db", str(warehouse), "--format", "json")
    assert json.loads(result.output) == [{"one": 1, "letter": "a"}]


@pytest.mark.parametrize("sql", [
    "delete from claim_rows",
    "create table t (x int)",
    "attach '/tmp/other.duckdb' as other",
    "copy (select 1) to '/tmp/claimhouse-out.csv'",
    "install httpfs",
    "select * from read_csv('/etc/passwd')",
])
def test_query_is_read_only(warehouse, sql):
    result = _invoke("query", sql, "--db", str(warehouse))
    assert result.exit_code == 1 and "read-only" in result.output


def test_query_on_a_missing_warehouse_says_what_to_do(tmp_path):
    result = _invoke("query", "select 1", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1 and "run the pipeline once" in result.output


def test_conflicts_on_an_empty_warehouse_prints_an_empty_table(warehouse):
    result = _invoke("conflicts", "--db", str(warehouse))
    assert result.exit_code == 0 and "(0 rows)" in result.output


def test_help_lists_the_commands():
    out = _invoke("--help").output
    assert all(cmd in out for cmd in ("run", "extract", "query", "conflicts", "score"))


@pytest.fixture(scope="module")
def _loaded_template(tmp_path_factory, _migrated_template):
    """A warehouse holding the bundled corpus and its reference table, built without Prefect,
    once per module; `loaded` gives each test its own copy."""
    from claimhouse.flows.bundled import default_references, default_sources
    from claimhouse.flows.ingest.dispatch import fetch_source
    from tests.xref.conftest import load

    path = tmp_path_factory.mktemp("loaded") / "w.duckdb"
    shutil.copyfile(_migrated_template, path)
    con = connect(path)
    load(con, [d for src in default_sources() for d, _ in fetch_source(src) if d is not None])
    con.close()
    result = _invoke("reference", "load", default_references()[0], "--db", str(path))
    assert result.exit_code == 0 and "16 figures loaded" in result.output
    return path


@pytest.fixture
def loaded(tmp_path, _loaded_template):
    path = tmp_path / "w.duckdb"
    shutil.copyfile(_loaded_template, path)
    return path


@pytest.mark.slow
def test_fact_lists_the_claims_of_a_fact_with_their_verdict(loaded):
    con = connect(loaded, read_only=True)
    (fact_id,) = con.execute("""select f.fact_id from facts f, unnest(f.claim_ids) as u(claim_id)
                                join claims c on c.claim_id = u.claim_id
                                where c.quote = 'as many as 400,000 migrants'""").fetchone()
    con.close()
    rows = json.loads(_invoke("fact", fact_id[:8], "--db", str(loaded), "--format", "json").output)
    assert [(r["quote"], r["verdict"]) for r in rows] == [("as many as 400,000 migrants", "contradicted")]


@pytest.mark.slow
def test_reference_load_names_a_bad_file_and_exits_non_zero(loaded, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("subject,value\nx,1\n")
    result = _invoke("reference", "load", str(bad), "--db", str(loaded))
    assert result.exit_code == 3 and "bad.csv: missing column" in result.stderr


@pytest.mark.parametrize("prefix", ["", "  "], ids=["empty", "blank"])
def test_fact_refuses_an_empty_prefix(loaded, prefix):
    result = _invoke("fact", prefix, "--db", str(loaded))
    assert (result.exit_code, "give a fact id, or a unique prefix of one" in result.output) == (1, True)


@pytest.mark.slow
def test_fact_refuses_an_ambiguous_prefix_and_lists_the_candidates(loaded):
    con = connect(loaded, read_only=True)
    prefix, ids = con.execute("select left(fact_id, 1) as p, list(fact_id order by fact_id) from facts "
                              "group by p order by count(*) desc, p limit 1").fetchone()
    con.close()
    result = _invoke("fact", prefix, "--db", str(loaded))
    listed = [line.split()[0] for line in result.output.splitlines() if line.startswith("  ")]
    assert (result.exit_code, f"{prefix!r} matches {len(ids)} facts" in result.output, listed) == (1, True, ids[:20])


def test_fact_names_a_prefix_that_matches_nothing(loaded):
    result = _invoke("fact", "zzzz", "--db", str(loaded))
    assert (result.exit_code, "no fact id starts with 'zzzz'" in result.output) == (1, True)
