"""Each way a warehouse file can be wrong gets its own message and hint, from `claimhouse.warehouse.db`
(one place) and through the CLI, never a traceback: an SQLite or text file given as --db, a file
you may not read, a read-only folder, a corrupt block, a full disk. And no connection ever makes
DuckDB download or load an extension by itself."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import main
from claimhouse.warehouse.db import WarehouseError, apply_migrations, classify_error, connect, transaction

NOBODY = 65534


def _cli(*args):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
def test_no_connection_installs_or_loads_extensions_by_itself(tmp_path, read_only):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    con = connect(path, read_only=read_only)
    settings = con.execute("select name, value from duckdb_settings() where name in "
                           "('autoinstall_known_extensions', 'autoload_known_extensions') order by name").fetchall()
    con.close()
    assert settings == [("autoinstall_known_extensions", "false"), ("autoload_known_extensions", "false")]


@pytest.fixture
def sqlite_file(tmp_path):
    path = tmp_path / "notes.db"
    con = sqlite3.connect(path)
    con.execute("create table notes (x)")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("command", [["query", "select 1"], ["conflicts"]])
def test_an_sqlite_file_as_db_is_named_and_nothing_is_downloaded(sqlite_file, command):
    result = _cli(*command, "--db", str(sqlite_file))
    assert (result.exit_code, "is an SQLite database, not a claimhouse warehouse" in result.output,
            "download" in result.output.lower()) == (1, True, False)


@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
def test_an_sqlite_file_is_refused_by_every_connection(sqlite_file, read_only):
    with pytest.raises(WarehouseError, match="is an SQLite database") as caught:
        connect(sqlite_file, read_only=read_only)
    assert "download" not in str(caught.value).lower()


@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
def test_a_text_file_as_db_is_named_with_a_hint(tmp_path, read_only):
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list\n")
    with pytest.raises(WarehouseError, match=r"notes.txt is not a DuckDB database \(it starts b'my shopp'\)") as caught:
        connect(path, read_only=read_only)
    assert caught.value.hint == "check --db: give it a DuckDB file, or a new path to create one there"


@pytest.fixture
def corrupt_warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    apply_migrations(con)
    con.execute("create table filler as select range as x, md5(range::varchar) as y from range(200000)")
    con.close()
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size // 2)
        f.write(b"\xff" * 8192)
    return path


@pytest.mark.slow
def test_a_corrupt_block_is_named_as_such_by_query(corrupt_warehouse):
    result = _cli("query", "select sum(x), count(distinct y) from filler", "--db", str(corrupt_warehouse))
    assert (result.exit_code, "does not match its checksum" in result.output, "Traceback" in result.output) == (
        1, True, False)


def test_a_full_disk_is_named_as_such_not_as_a_write_conflict():
    exc = duckdb.TransactionException(
        'TransactionContext Error: Failed to commit: Could not write file "/x/w.duckdb": No space left on device')
    error = WarehouseError.from_duckdb(exc, "publishing run r1")
    assert ("disk holding the warehouse is full" in error.hint, classify_error(exc)) == (True, "fatal")


@pytest.fixture
def tiny_disk():
    """A 600 KB tmpfs, where one can be mounted (root in a container); else skipped."""
    mount_point = Path(tempfile.mkdtemp(prefix="claimhouse-tiny-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount_point)],
                          capture_output=True)
    if done.returncode != 0:
        mount_point.rmdir()
        pytest.skip("cannot mount a small tmpfs here")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)
    mount_point.rmdir()


def test_a_full_disk_during_a_transaction_says_the_disk_is_full(tiny_disk):
    con = connect(tiny_disk / "w.duckdb")
    try:
        with pytest.raises(WarehouseError, match="disk holding the warehouse is full"):
            with transaction(con, "filling the disk"):
                con.execute("create table t as select range as x, md5(range::varchar) as y from range(300000)")
    finally:
        con.close()


# ---- permissions: as another user (root ignores file modes), or as yourself with modes removed --------

def _as_other_user(*cli_args: str) -> subprocess.CompletedProcess:
    """`claimhouse CLI_ARGS` with everything imported first, then, when root, as user nobody."""
    code = ("import os, sys, duckdb\n"
            "import claimhouse.warehouse.db, claimhouse.flows.output, claimhouse.flows.linking, claimhouse.flows.lock\n"
            "import claimhouse.flows.ingest.reference\n"
            "from claimhouse.flows.cli import main\n"
            f"if os.geteuid() == 0:\n    os.setgid({NOBODY}); os.setuid({NOBODY})\n"
            "main(sys.argv[1:])\n")
    return subprocess.run([sys.executable, "-c", code, *cli_args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def shared_dir():
    path = Path(tempfile.mkdtemp(prefix="claimhouse-perm-"))
    path.chmod(0o755)
    yield path
    for p in sorted(path.rglob("*"), reverse=True):
        p.chmod(0o700)
        p.unlink() if p.is_file() else p.rmdir()
    path.rmdir()


@pytest.mark.slow  # end to end: the whole CLI in a subprocess, as another user
def test_a_warehouse_you_may_not_write_says_permission_denied(shared_dir):
    shared_dir.chmod(0o777)  # the folder is writable, the file not
    path = shared_dir / "w.duckdb"
    connect(path).close()
    path.chmod(0o444)
    done = _as_other_user("reference", "load", os.devnull, "--db", str(path))
    assert (done.returncode, "Permission denied" in done.stderr, "give your user read access" in done.stderr,
            "Traceback" in done.stderr) == (1, True, True, False)


def test_a_warehouse_you_may_not_read_is_named_before_duckdb_opens_it(shared_dir):
    path = shared_dir / "w.duckdb"
    connect(path).close()
    path.chmod(0o000)
    code = ("import os, sys\nfrom claimhouse.warehouse.db import WarehouseError, connect\n"
            f"if os.geteuid() == 0:\n    os.setgid({NOBODY}); os.setuid({NOBODY})\n"
            "try:\n    connect(sys.argv[1], read_only=True)\nexcept WarehouseError as exc:\n    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines()[0] == f"cannot read {path}: Permission denied"


@pytest.mark.slow  # end to end: the whole CLI in a subprocess, as another user
def test_a_read_only_folder_is_named_as_such(shared_dir):
    folder = shared_dir / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    done = _as_other_user("reference", "load", os.devnull, "--db", str(folder / "w.duckdb"))
    assert (done.returncode, f"the folder {folder} is read-only for you" in done.stderr,
            "Traceback" in done.stderr) == (1, True, False)
