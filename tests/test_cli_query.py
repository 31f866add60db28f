"""`claimhouse query` limits and input: one statement only, a clear message for no SQL, a statement
timeout and a row cap (settings), memory, temp-directory and thread limits on the read-only
connection, and SQL pasted from the README with its `-- comment` first line (argument, stdin, file)."""
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import main
from claimhouse.warehouse.db import READ_LIMITS, ReadLimits, connect

README = Path(__file__).resolve().parents[1] / "README.md"
SLOW_SQL = "select sum(hash(a.range * b.range)) from range(1000000) a, range(1000000) b"


def _query(*args, stdin=None):
    return CliRunner().invoke(main, ["query", *args], input=stdin)


@pytest.fixture
def warehouse(tmp_path, migrated_file):
    return str(migrated_file(tmp_path / "w.duckdb"))


def readme_examples() -> list[str]:
    """Each numbered example of the README's example queries, with its `-- N.` comment line."""
    text = README.read_text(encoding="utf-8")
    block = text.split("### Example queries", 1)[1].split("```sql", 1)[1].split("```", 1)[0]
    return [m.strip() for m in re.split(r"\n(?=-- \d\.)", block) if m.strip()]


def test_the_readme_has_five_examples_each_starting_with_a_comment():
    assert [e.split("\n", 1)[0][:5] for e in readme_examples()] == ["-- 1.", "-- 2.", "-- 3.", "-- 4.", "-- 5."]


@pytest.mark.parametrize("example", readme_examples(), ids=lambda e: e.split("\n", 1)[0])
@pytest.mark.slow
def test_a_readme_example_pasted_as_the_argument_runs(warehouse, example):
    result = _query(example, "--db", warehouse)
    assert (result.exit_code, result.output.splitlines()[-1]) == (0, "(0 rows)")


@pytest.mark.parametrize("example", readme_examples(), ids=lambda e: e.split("\n", 1)[0])
def test_a_readme_example_from_stdin_runs(warehouse, example):
    result = _query("-", "--db", warehouse, stdin=example + "\n")
    assert (result.exit_code, result.output.splitlines()[-1]) == (0, "(0 rows)")


def test_sql_from_a_file_runs(warehouse, tmp_path):
    sql = tmp_path / "q.sql"
    sql.write_text(readme_examples()[0] + "\n")
    result = _query("--file", str(sql), "--db", warehouse)
    assert (result.exit_code, result.output.splitlines()[-1]) == (0, "(0 rows)")


def test_more_than_one_statement_is_refused(warehouse):
    result = _query("select 1; select 2", "--db", warehouse)
    assert (result.exit_code, "one SQL statement at a time, not 2" in result.output) == (1, True)


def test_a_trailing_semicolon_is_one_statement(warehouse):
    result = _query("select 1 as one;", "--db", warehouse, "--format", "json")
    assert json.loads(result.output) == [{"one": 1}]


@pytest.mark.parametrize("sql", ["", "   ", "-- only a comment"], ids=["empty", "blank", "comment"])
def test_no_sql_is_a_clear_message(warehouse, sql):
    result = _query(sql, "--db", warehouse)
    assert (result.exit_code, "no SQL statement given" in result.output, result.exception is None
            or isinstance(result.exception, SystemExit)) == (1, True, True)


@pytest.mark.slow
def test_a_query_over_the_timeout_is_stopped(warehouse):
    result = _query(SLOW_SQL, "--db", warehouse, "--timeout", "0.5")
    assert (result.exit_code, "ran over --timeout 0.5 s" in result.output) == (1, True)


def test_rows_past_max_rows_are_cut_and_the_cut_is_said(warehouse):
    result = _query("select range as n from range(1000)", "--db", warehouse, "--max-rows", "10", "--format", "json")
    assert ([r["n"] for r in json.loads(result.stdout)], "first 10 rows (--max-rows 10)" in result.stderr) == (
        list(range(10)), True)


def test_the_reader_runs_with_memory_temp_and_thread_limits(warehouse):
    limits = ReadLimits(memory_limit="300MB", threads=1, max_temp_directory_size="200MB")
    con = connect(warehouse, read_only=True, limits=limits)
    settings = dict(con.execute("select name, value from duckdb_settings() where name in "
                                "('memory_limit', 'threads', 'max_temp_directory_size')").fetchall())
    con.close()
    assert settings == {"memory_limit": "286.1 MiB", "threads": "1", "max_temp_directory_size": "190.7 MiB"}


def test_the_default_reader_limits_are_applied(warehouse):
    con = connect(warehouse, read_only=True)
    threads = con.execute("select current_setting('threads')").fetchone()[0]
    con.close()
    assert threads == READ_LIMITS.threads


def test_the_limits_are_documented_in_help():
    out = CliRunner().invoke(main, ["query", "--help"]).output
    assert all(opt in out for opt in ("--timeout", "--max-rows", "--memory-limit", "--threads", "--max-temp-size",
                                      "--file"))


@pytest.mark.parametrize("timeout", ["nan", "inf", "0", "-1"])
def test_a_timeout_that_is_no_number_of_seconds_is_refused(warehouse, timeout):
    result = _query("select 1", "--db", warehouse, "--timeout", timeout)
    assert (result.exit_code, "Invalid value for '--timeout'" in result.output) == (2, True)
