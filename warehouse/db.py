"""Open the DuckDB warehouse, migrate it, and say what a DuckDB error means.

DDL and views are `.sql` package data (`warehouse/migrations/NNNN_name.sql`,
`warehouse/views/<view>.sql`) loaded by file name.
"""
from __future__ import annotations

import datetime as dt
import errno
import functools
import hashlib
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Literal

import duckdb

from claimhouse.warehouse.limits import READ_LIMITS, TEMP_SUFFIX, WRITE_LIMITS, ReadLimits, WriteLimits

SQL_KINDS = ("migrations", "macros", "views", "queries", "links", "reads", "statements")
MIGRATION_NAME = re.compile(r"^(?P<version>\d{4})_\w+\.sql$")

# Macros (warehouse/macros/<name>.sql): scalar SQL functions the views share, created before them.
MACROS = ("intervals", "reasons", "run_pairs")

# Views in dependency order: a view may select from the views before it.
VIEWS = (
    "documents",
    "document_texts",
    "claim_versions",
    "claims_history",
    "current_claims",
    "review_keys",
    "reviews",
    "claim_decisions",
    "link_decisions",
    "dismissed_links",
    "claim_reviews",
    "claims",
    "claim_signatures",
    "grouped_claims",
    "group_candidates",
    "decided_links",
    "link_candidates",
    "group_links",
    "claim_links",
    "worded_links",
    "conflicts",
    "rejected_rows",
    "runs",
    "last_run",
    "fetch_log",
    "facts",
    "reference_checks",
    "reference_figures",
    "fact_reviews",
    "claim_verdicts",
    "review_queue",
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


# DuckDB hands an OS error on as text only, inside an IOException (or a TransactionException when
# a COMMIT cannot write), in the words of strerror(3); and a checksum failure is a bare duckdb.Error.
# These causes have no type of their own, so they are read from the message, before the type rules.
OS_ERROR_RULES: tuple[tuple[int, ErrorKind, str], ...] = (
    (errno.ENOSPC, "fatal",
     "the disk holding the warehouse is full: free space (DuckDB also writes FILE.wal and temporary "
     "files beside it), then run again; nothing from the failed transaction was kept"),
    (errno.EDQUOT, "fatal", "your disk quota is used up: free space, then run again"),
    (errno.EROFS, "fatal",
     "the warehouse is on a read-only file system: use a --db on a writable disk (`claimhouse query` "
     "can still read it)"),
    (errno.EACCES, "fatal",
     "permission denied: give your user read access to the warehouse file (and write access to it and "
     "its folder, for runs: DuckDB writes FILE.wal beside it), or use another --db"),
)
CORRUPT_MESSAGE = "Corrupt database file"
CORRUPT_HINT = ("a block of the warehouse file does not match its checksum (a disk fault, or a copy taken "
                "while a run was writing): restore it from a backup, or rebuild it with `claimhouse run` "
                "into a new --db")


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


def message_cause(exc: BaseException) -> tuple[ErrorKind, str] | None:
    """(kind, hint) for a cause DuckDB gives as text only (an OS error, a corrupt block); else None."""
    if not isinstance(exc, duckdb.Error):
        return None
    message = str(exc)
    for code, kind, hint in OS_ERROR_RULES:
        if os.strerror(code) in message:
            return kind, hint
    if CORRUPT_MESSAGE in message:
        return "fatal", CORRUPT_HINT
    return None


def _rule(exc: BaseException) -> tuple[ErrorKind, str]:
    cause = message_cause(exc)
    if cause is not None:
        return cause
    for error_type, kind, hint in ERROR_RULES:
        if isinstance(exc, error_type):
            return kind, hint
    return "fatal", ""


def connect(path: str | Path, read_only: bool = False,
            limits: ReadLimits = READ_LIMITS, write_limits: WriteLimits = WRITE_LIMITS) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at `path`.

    Read-only connections also lose file and network access, so a user query
    cannot read local files (`read_csv('/etc/passwd')`) or ATTACH databases, and
    run within `limits` (memory, temporary files, threads; `read_rows` adds the
    timeout and the row cap). Writable ones run within `write_limits` (memory, and
    temporary files in `temp_dir(path)`).
    """
    if str(path) == ":memory:":
        return duckdb.connect(":memory:", read_only=read_only, config=dict(NO_EXTENSION_DOWNLOADS))
    path = Path(path)
    if read_only:
        if not path.exists():
            raise WarehouseError(
                f"no warehouse at {path}", hint="run the pipeline once to create it, or check --db"
            )
        _refuse_other_files(path)
        config = {**dict(NO_EXTENSION_DOWNLOADS), "enable_external_access": False,
                  "memory_limit": limits.memory_limit, "threads": limits.threads,
                  "max_temp_directory_size": limits.max_temp_directory_size, "lock_configuration": True}
        return _open(path, read_only=True, config=config)
    _refuse_other_files(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, path) from None
    config = {**dict(NO_EXTENSION_DOWNLOADS), "memory_limit": write_limits.memory_limit,
              "temp_directory": str(temp_dir(path)),
              "max_temp_directory_size": write_limits.max_temp_directory_size}
    return _open(path, read_only=False, config=config)


def temp_dir(path: str | Path) -> Path:
    """Where a writer of the warehouse at `path` spills what does not fit its memory_limit."""
    path = Path(path)
    return path.with_name(path.name + TEMP_SUFFIX)


# Every connection: DuckDB must never fetch or load an extension by itself (opening an SQLite
# file as the warehouse made it try to download sqlite_scanner).
NO_EXTENSION_DOWNLOADS = (("autoinstall_known_extensions", False), ("autoload_known_extensions", False))

# Bytes 8..12 of every DuckDB database file; an SQLite file starts with its own header.
DUCKDB_MAGIC = (8, b"DUCK")
SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_other_files(path: Path) -> None:
    """An existing file that is not a DuckDB database is refused before DuckDB opens it."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise WarehouseError(f"{path} is a folder, not a DuckDB warehouse",
                             hint="give --db a file path (it is created if missing)") from None
    except OSError as exc:
        raise WarehouseError(f"cannot read {path}: {exc.strerror}", hint=_os_hint(exc.errno, path)) from None
    offset, magic = DUCKDB_MAGIC
    if not head or head[offset:offset + len(magic)] == magic:
        return
    what = ("an SQLite database" if head.startswith(SQLITE_HEADER)
            else f"not a DuckDB database (it starts {head[:8]!r})")
    raise WarehouseError(f"{path} is {what}, not a claimhouse warehouse",
                         hint="check --db: give it a DuckDB file, or a new path to create one there")


def _os_hint(code: int | None, path: Path) -> str:
    for rule_code, _, hint in OS_ERROR_RULES:
        if code == rule_code:
            return hint
    return f"check that {path} and its folder exist and are yours to use"


def os_error(exc: OSError, db_path: str | Path) -> WarehouseError:
    """An OSError met beside the warehouse (its lock file, its folder) named for its cause."""
    db_path = Path(db_path)
    where = exc.filename or db_path
    if exc.errno == errno.EACCES and not os.access(db_path.parent, os.W_OK):
        return _read_only_folder(db_path)
    return WarehouseError(f"{where}: {exc.strerror or exc}", hint=_os_hint(exc.errno, db_path))


def _read_only_folder(path: Path) -> WarehouseError:
    return WarehouseError(
        f"opening {path} failed: the folder {path.parent} is read-only for you",
        hint="DuckDB creates the warehouse and its FILE.wal there (and claimhouse its .lock file): use a "
             "--db in a folder you can write, or read this one with `claimhouse query`")


def _open_error(path: Path, exc: duckdb.Error, read_only: bool) -> WarehouseError:
    """What went wrong opening `path`, named for its cause: a read-only folder is told apart from
    a file you may not read."""
    if os.strerror(errno.EACCES) in str(exc) and not read_only and not os.access(path.parent, os.W_OK):
        return _read_only_folder(path)
    return WarehouseError.from_duckdb(exc, f"opening {path}")


# DuckDB lets one process write a file or several read it, never both. A reader that is
# finishing (a `claimhouse query`, the summary a run prints after it let go of the writer
# lock) holds the file for milliseconds: an open meeting its lock waits that long, not fails.
OPEN_WAIT_S = 10.0
# A run's writer waits for readers as a run waits for another run: up to the run's --lock-timeout
# (`waiting_for_readers`, 600 s by default). A `claimhouse query` stops at its own --timeout (60 s
# by default), so a reader is gone well within it (issue 12: a long query open at publish made the
# run throw its work away). Other writers wait OPEN_WAIT_S.
_writer_waits: list[float] = []


@contextmanager
def waiting_for_readers(seconds: float) -> Iterator[None]:
    """Within: a writable connection waits up to `seconds` for readers holding the file."""
    _writer_waits.append(seconds)
    try:
        yield
    finally:
        _writer_waits.pop()


def _open(path: Path, read_only: bool, config: dict) -> duckdb.DuckDBPyConnection:
    wait_s = _writer_waits[-1] if _writer_waits and not read_only else OPEN_WAIT_S
    deadline = time.monotonic() + wait_s
    pause = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            held = "lock" in str(exc).lower()
            if held and not read_only and time.monotonic() + pause > deadline:
                raise WarehouseError(
                    f"opening {path} failed: another process (a `claimhouse query`, or another program) held it "
                    f"for over {wait_s:g} s: {exc}", "retry",
                    "end that reader (`claimhouse query` stops at its --timeout), or raise --lock-timeout") from exc
            if not held or time.monotonic() + pause > deadline:
                raise _open_error(path, exc, read_only) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
        except duckdb.Error as exc:
            raise _open_error(path, exc, read_only) from exc


def one_statement(sql: str) -> str:
    """`sql` when it holds exactly one statement (parsed by DuckDB, so a `;` inside a string or
    a comment is no separator); else WarehouseError."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise WarehouseError.from_duckdb(exc, "reading the SQL") from None
    if not statements:
        raise WarehouseError("no SQL statement given",
                             hint='pass one, e.g. claimhouse query "select count(*) from claims", '
                                  "or read it from a file (--file q.sql) or stdin (-)")
    if len(statements) > 1:
        raise WarehouseError(f"one SQL statement at a time, not {len(statements)}",
                             hint="run each statement with its own claimhouse query")
    return sql


def read_rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None,
              limits: ReadLimits = READ_LIMITS) -> tuple[list[str], list[tuple], bool]:
    """(columns, at most limits.max_rows rows, whether rows were cut), stopped after
    limits.timeout_s seconds (DuckDB's interrupt: a WarehouseError naming --timeout)."""
    timer = threading.Timer(limits.timeout_s, con.interrupt)
    timer.daemon = True
    timer.start()
    try:
        cur = con.execute(sql, params or {})
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchmany(limits.max_rows + 1) if columns else []
    except duckdb.InterruptException:
        raise WarehouseError(f"the query ran over --timeout {limits.timeout_s:g} s and was stopped",
                             hint="narrow it (a where clause, a limit), or raise --timeout") from None
    finally:
        timer.cancel()
    return columns, rows[:limits.max_rows], len(rows) > limits.max_rows


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
            for macro in MACROS:
                con.execute(load_sql("macros", macro))
            for view in VIEWS:
                con.execute(load_sql("views", view))
            con.execute("delete from _views")
            con.execute("insert into _views values (?)", [digest])
    return applied


@functools.cache
def _views_digest() -> str:
    texts = [load_sql("macros", m) for m in MACROS] + [load_sql("views", v) for v in VIEWS]
    return hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()


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
