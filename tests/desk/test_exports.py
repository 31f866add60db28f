"""`claimhouse export VIEW`: any documented view to CSV, JSON lines or Parquet through a
read-only connection that can write only the file asked for; hostile text stays inert."""
import csv
import json

import duckdb
import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import main
from claimhouse.flows.exports import ExportError, export_view
from claimhouse.warehouse.db import VIEWS


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_every_row_of_the_view_is_exported(desk_file, tmp_path, fmt):
    out = tmp_path / f"claims.{fmt}"
    result = run("export", "claims", "--format", fmt, "--out", out, "--db", desk_file)
    assert result.exit_code == 0, result.output
    (expected,) = duckdb.connect(str(desk_file), read_only=True).execute("select count(*) from claims").fetchone()
    reader = {"csv": "read_csv", "json": "read_json", "parquet": "read_parquet"}[fmt]
    (written,) = duckdb.connect().execute(f"select count(*) from {reader}(?)", [str(out)]).fetchone()
    assert (written, f"{expected} rows of claims") == (expected, result.output.split(" ->")[0])


def test_a_name_that_is_not_a_documented_view_is_refused(desk_file, tmp_path):
    with pytest.raises(ExportError, match="no view 'review_rows'"):
        export_view(desk_file, "review_rows", "csv", tmp_path / "x.csv")


def test_sql_in_the_view_name_is_refused(desk_file, tmp_path):
    result = run("export", "claims; drop table claim_rows", "--format", "csv", "--out", tmp_path / "x.csv",
                 "--db", desk_file)
    assert result.exit_code != 0 and "no view" in result.output


@pytest.mark.slow
def test_every_view_can_be_exported(desk_file, tmp_path):
    written = [export_view(desk_file, view, "parquet", tmp_path / f"{view}.parquet") >= 0 for view in VIEWS]
    assert all(written)


def test_terminal_escapes_in_csv_are_shown_as_backslash_escapes(desk_file, tmp_path):
    out = tmp_path / "documents.csv"
    export_view(desk_file, "documents", "csv", out)
    text = out.read_text(encoding="utf-8")
    titles = [row["title"] for row in csv.DictReader(text.splitlines())]
    assert ("\x1b" not in text, "\x07" not in text, any("\\x1b]52" in t for t in titles)) == (True, True, True)


def test_json_keeps_hostile_text_exactly_with_controls_escaped(desk_file, tmp_path):
    out = tmp_path / "claims.json"
    export_view(desk_file, "claims", "json", out)
    raw = out.read_text(encoding="utf-8")
    sentences = [json.loads(line)["sentence"] for line in raw.splitlines()]
    assert "\x1b" not in raw and any("\x1b[31m" in s and "<script>" in s for s in sentences)


def test_the_export_connection_writes_no_other_file(desk_file, tmp_path):
    from claimhouse.flows.exports import export_connection

    con = export_connection(desk_file, tmp_path / "allowed.csv")
    with pytest.raises(duckdb.Error):
        con.execute("copy (select 1) to $p (format csv)", {"p": str(tmp_path / "other.csv")})
    assert not (tmp_path / "other.csv").exists()
