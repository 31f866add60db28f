"""Open the DuckDB warehouse, migrate it, and say what a DuckDB error means.

DDL and views are `.sql` package data (`warehouse/migrations/NNNN_name.sql`,
`warehouse/views/<view>.sql`) loaded by file name.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Literal

import duckdb

SQL_KINDS = ("migrations", "views", "queries", "links", "reads", "statements")
MIGRATION_NAME = re.compile(r"^(?P<version>\d{4})_\w+\.sql$")

# Views in dependency order: a view may select from the views before it.
VIEWS = (
    "documents",
    "document_texts",
    "claims_history",
    "current_claims",
    "claims",
    "claim_links",
    "conflicts",
    "rejected_rows",
    "runs",
    "fetch_log",
    "link_candidates",
    "facts",
    "reference_checks",
    "reference_figures",
)

MIGRATIONS_TABLE = (
    "create table if not exists _migrations (version integer, name text, applied_at timestamp)"
)
# The digest of the view definitions last created: views are re-created only when it changes
# (or a view is missing), so opening an up-to-date warehouse costs no DDL.
VIEWS_TABLE = "create table if not exists _views (digest text)"

ErrorKind = Literal["retry", "fatal"]

# (DuckDB exception type, kind, what to do next). First match wins, so
# subclasses (HTTPException < IOException) come before their parents.
ERROR_RULES: tuple[tuple[type[Exception], ErrorKind, str], ...] = (
    (duckdb.HTTPException, "retry", "a remote read failed; retry later"),
    (duckdb.IOException, "retry",
     "the database file is locked or unreadable; wait for the other writer to finish "
     "(or close it) and retry"),
    (duckdb.TransactionException, "retry",
     "another transaction changed the same rows; retry the batch"),
    (duckdb.InterruptException, "retry", "the query was interrupted; run it again"),
    (duckdb.CatalogException, "fatal",
     "a table or view is missing; run apply_migrations(con) (or `claimhouse run` once)"),
    (duckdb.ConstraintException, "fatal",
     "a row breaks a table constraint; validate the batch with claimhouse.schemas.quarantine.split_valid "
     "first and check the vocab in schemas/vocab.py"),
    (duckdb.ParserException, "fatal", "the SQL does not parse; fix the statement"),
    (duckdb.BinderException, "fatal",
     "the SQL names a column or function that does not exist; check the view's documented columns"),
    (duckdb.ConversionException, "fatal",
     "a value has the wrong type for its column; check the frame's dtypes"),
    (duckdb.PermissionException, "fatal",
     "the connection is read-only without file access; open it writable for this"),
    (duckdb.Error, "fatal", "see the DuckDB message above"),
)


class WarehouseError(RuntimeError):
    """A warehouse operation failed; the message ends with what to do next."""

    def __init__(self, message: str, kind: ErrorKind = "fatal", hint: str = "") -> None:
        self.kind = kind
        self.hint = hint
        super().__init__(f"{message}\n-> {hint}" if hint else message)

    @classmethod
    def from_duckdb(cls, exc: Exception, doing: str) -> WarehouseError:
        kind, hint = _rule(exc)
        return cls(f"{doing} failed: {type(exc).__name__}: {exc}", kind, hint)


def classify_error(exc: BaseException) -> ErrorKind:
    """'retry' for lock, IO and write-conflict errors; 'fatal' for everything else."""
    return _rule(exc)[0]


def _rule(exc: BaseException) -> tuple[ErrorKind, str]:
    for error_type, kind, hint in ERROR_RULES:
        if isinstance(exc, error_type):
            return kind, hint
    return "fatal", ""


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at `path`.

    Read-only connections also lose file and network access, so a user query
    cannot read local files (`read_csv('/etc/passwd')`) or ATTACH databases.
    """
    if str(path) == ":memory:":
        return duckdb.connect(":memory:", read_only=read_only)
    path = Path(path)
    if read_only:
        if not path.exists():
            raise WarehouseError(
                f"no warehouse at {path}", hint="run the pipeline once to create it, or check --db"
            )
        config = {"enable_external_access": False, "lock_configuration": True}
        return _open(path, read_only=True, config=config)
    path.parent.mkdir(parents=True, exist_ok=True)
    return _open(path, read_only=False, config={})


# DuckDB lets one process write a file or several read it, never both. A reader that is
# finishing (a `claimhouse query`, the summary a run prints after it let go of the writer
# lock) holds the file for milliseconds: an open meeting its lock waits that long, not fails.
OPEN_WAIT_S = 10.0


def _open(path: Path, read_only: bool, config: dict) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + OPEN_WAIT_S
    pause = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() + pause > deadline:
                raise WarehouseError.from_duckdb(exc, f"opening {path}") from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
        except duckdb.Error as exc:
            raise WarehouseError.from_duckdb(exc, f"opening {path}") from exc


def load_sql(kind: str, name: str) -> str:
    """The text of warehouse/<kind>/<name>.sql (`name` may include `.sql`)."""
    if kind not in SQL_KINDS:
        raise ValueError(f"kind must be one of {SQL_KINDS}, not {kind!r}")
    filename = name if name.endswith(".sql") else f"{name}.sql"
    resource = files("claimhouse.warehouse").joinpath(kind, filename)
    if not resource.is_file():
        raise FileNotFoundError(f"no warehouse/{kind}/{filename}")
    return resource.read_text(encoding="utf-8")


def migration_names() -> list[str]:
    """Migration file names, in version order."""
    names = [
        entry.name
        for entry in files("claimhouse.warehouse").joinpath("migrations").iterdir()
        if MIGRATION_NAME.match(entry.name)
    ]
    return sorted(names)


def pending(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Migrations not yet applied, in order. Reads only; works on read-only connections."""
    if not _has_migrations_table(con):
        return migration_names()
    applied = {row[0] for row in con.execute("select name from _migrations").fetchall()}
    return [name for name in migration_names() if name not in applied]


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations, each in its own transaction, then (re)create the views.

    Returns the names of the migrations applied (empty when up to date).
    """
    con.execute(MIGRATIONS_TABLE)
    applied = []
    for name in pending(con):
        version = int(MIGRATION_NAME.match(name)["version"])
        with transaction(con, f"migration {name}"):
            con.execute(load_sql("migrations", name))
            applied_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
            con.execute("insert into _migrations values (?, ?, ?)", [version, name, applied_at])
        applied.append(name)
    con.execute(VIEWS_TABLE)
    digest = _views_digest()
    if applied or not _views_current(con, digest):
        with transaction(con, "creating views"):
            for view in VIEWS:
                con.execute(load_sql("views", view))
            con.execute("delete from _views")
            con.execute("insert into _views values (?)", [digest])
    return applied


@functools.cache
def _views_digest() -> str:
    return hashlib.sha256("\x00".join(load_sql("views", v) for v in VIEWS).encode("utf-8")).hexdigest()


def _views_current(con: duckdb.DuckDBPyConnection, digest: str) -> bool:
    stored = con.execute("select digest from _views").fetchall()
    present = con.execute("select count(*) from duckdb_views() where not internal and view_name in "
                          f"({', '.join('?' * len(VIEWS))})", list(VIEWS)).fetchone()[0]
    return stored == [(digest,)] and present == len(VIEWS)


# Connections inside an outer transaction (see `transaction`): id(connection) -> what it does.
_OUTER: dict[int, str] = {}


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, doing: str) -> Iterator[None]:
    """BEGIN ... COMMIT; ROLLBACK and raise WarehouseError on a DuckDB error.

    Nested use joins the outer transaction: a run's whole publication (documents, claims,
    rejected rows, references, links) commits or rolls back as one."""
    if id(con) in _OUTER:
        yield
        return
    con.execute("begin transaction")
    _OUTER[id(con)] = doing
    try:
        yield
        con.execute("commit")
    except duckdb.Error as exc:
        _rollback(con)
        raise WarehouseError.from_duckdb(exc, doing) from exc
    except BaseException:
        _rollback(con)
        raise
    finally:
        _OUTER.pop(id(con), None)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("rollback")
    except duckdb.TransactionException:
        pass  # a failed COMMIT has already ended the transaction


def _has_migrations_table(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "select count(*) from duckdb_tables() "
        "where database_name = current_database() and schema_name = 'main' "
        "and table_name = '_migrations'"
    ).fetchone()
    return found[0] > 0
