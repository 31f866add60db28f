"""`claimhouse export VIEW`: one documented view to a CSV, JSON or Parquet file with DuckDB's COPY.

The rules of `claimhouse query` hold: the warehouse is opened read-only, with file access off
except for the one file being written (DuckDB's allowed_paths), one statement runs, and only the
views listed in warehouse/db.py (documented in the README) can be named. CSV text cells show the
characters a terminal would act on as backslash escapes, as `query --format csv` does; JSON
escapes control characters the JSON way; Parquet keeps values exactly."""
from __future__ import annotations

from pathlib import Path

import duckdb

from claimhouse.flows.output import shown
from claimhouse.warehouse.db import VIEWS, WarehouseError, load_sql

EXPORT_FORMATS = ("csv", "json", "parquet")
STATEMENTS = {"json": "export_json", "parquet": "export_parquet"}  # warehouse/statements/; CSV: csv_statement
PUBLIC_VIEWS = VIEWS


class ExportError(ValueError):
    """An export that cannot run as asked; the message says what to give instead."""


def export_connection(db_path: str | Path, out: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that may write `out` (and the temporary file COPY renames) only."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise WarehouseError(f"no warehouse at {db_path}", hint="run the pipeline once to create it, or check --db")
    out = out.absolute()
    try:
        con = duckdb.connect(str(db_path), read_only=True,
                             config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        con.execute("set allowed_paths = $paths", {"paths": [str(out), str(out.with_name("tmp_" + out.name))]})
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except duckdb.Error as exc:
        raise WarehouseError.from_duckdb(exc, f"opening {db_path} for an export") from exc
    return con


def export_view(db_path: str | Path, view: str, fmt: str, out: str | Path) -> int:
    """Write `view` to `out` in `fmt`; returns the number of rows written."""
    if view not in PUBLIC_VIEWS:
        raise ExportError(f"no view {view!r} to export: one of {', '.join(PUBLIC_VIEWS)}")
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
    out = Path(out).absolute()
    if out.is_dir():
        raise ExportError(f"{out} is a folder: give a file name")
    con = export_connection(db_path, out)
    try:
        statement = csv_statement(con, view) if fmt == "csv" else load_sql("statements", STATEMENTS[fmt])
        if fmt == "csv":
            con.create_function("shown", shown, ["VARCHAR"], "VARCHAR")
        (rows,) = con.execute(statement, {"view": view, "out": str(out)}).fetchone()
        return int(rows)
    except duckdb.Error as exc:
        raise WarehouseError.from_duckdb(exc, f"exporting {view} to {out}") from exc
    finally:
        con.close()


def csv_statement(con, view: str) -> str:
    """COPY of the view with its text columns passed through `shown` (escaping terminal controls).
    Column names come from DuckDB's own description of the view, quoted as identifiers."""
    names = [name for (name,) in con.execute(load_sql("reads", "text_columns"), {"view": view}).fetchall()]
    shown = ", ".join(f"shown({_ident(n)}) as {_ident(n)}" for n in names)
    select = f"select * replace ({shown})" if names else "select *"
    return f"copy ({select} from query_table($view)) to $out (format csv, header)"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
