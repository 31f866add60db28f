import subprocess
import sys
import threading

import duckdb
import pytest

from claimhouse.warehouse import db
from claimhouse.warehouse.db import WarehouseError, classify_error, connect, transaction

# Opens the file for writing, says so, and holds it until its stdin closes.
HOLD_LOCK = (
    "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
    "print('ready', flush=True); sys.stdin.read()"
)

RETRY = [
    duckdb.IOException("Could not set lock on file"),
    duckdb.HTTPException("503"),
    duckdb.TransactionException("Conflict on update"),
]
FATAL = [
    duckdb.CatalogException("Table does not exist"),
    duckdb.ConstraintException("Duplicate key"),
    duckdb.ParserException("syntax error"),
    duckdb.BinderException("column not found"),
    duckdb.ConversionException("could not convert"),
    ValueError("not a DuckDB error"),
]


@pytest.mark.parametrize("exc", RETRY, ids=lambda e: type(e).__name__)
def test_lock_io_and_conflicts_are_retried(exc):
    assert classify_error(exc) == "retry"


@pytest.mark.parametrize("exc", FATAL, ids=lambda e: type(e).__name__)
def test_everything_else_is_fatal(exc):
    assert classify_error(exc) == "fatal"


def test_classification_follows_the_type_not_the_message():
    assert classify_error(duckdb.ParserException("Could not set lock on file")) == "fatal"


@pytest.mark.parametrize(
    ("sql", "kind"),
    [
        ("selec 1", duckdb.ParserException),
        ("select * from no_such_table", duckdb.CatalogException),
        ("select no_such_column from run_rows", duckdb.BinderException),
    ],
)
def test_real_errors_have_the_expected_types(con, sql, kind):
    with pytest.raises(kind):
        con.execute(sql)


def test_transaction_error_says_what_to_do_next(con):
    with pytest.raises(WarehouseError, match="apply_migrations") as caught:
        with transaction(con, "reading"):
            con.execute("select * from no_such_table")
    assert caught.value.kind == "fatal"


def test_failed_transaction_leaves_nothing_behind(con, count):
    with pytest.raises(WarehouseError):
        with transaction(con, "two inserts"):
            con.execute("insert into run_rows (run_id) values ('r1')")
            con.execute("insert into run_rows (run_id) values ('r1')")
    assert count("run_rows") == 0


def _hold(db_path, read_only: bool = False) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK.replace("duckdb.connect(sys.argv[1])",
                                                 f"duckdb.connect(sys.argv[1], read_only={read_only})"), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ready"
    return holder


@pytest.mark.slow
def test_a_file_held_by_another_process_past_the_wait_is_a_retry_error(db_path, con, monkeypatch):
    monkeypatch.setattr(db, "OPEN_WAIT_S", 0.3)
    con.close()
    holder = _hold(db_path)
    try:
        with pytest.raises(WarehouseError) as caught:
            connect(db_path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert caught.value.kind == "retry"


@pytest.mark.slow
def test_a_writer_waits_for_a_reader_that_is_finishing(db_path, con):
    """A run that gets the writer lock while the previous run's process still reads the
    file (its printed summary) opens it a moment later instead of failing."""
    con.close()
    reader = _hold(db_path, read_only=True)
    timer = threading.Timer(0.5, reader.stdin.close)
    timer.start()
    try:
        writer = connect(db_path)
        writer.execute("create table written_after_the_reader (x integer)")
        writer.execute("insert into written_after_the_reader values (1)")
        assert writer.execute("select x from written_after_the_reader").fetchall() == [(1,)]
        writer.close()
    finally:
        timer.cancel()
        if not reader.stdin.closed:
            reader.stdin.close()
        reader.wait(timeout=10)
