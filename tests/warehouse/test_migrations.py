from importlib.resources import files

import duckdb
import pytest

from claimhouse.warehouse.db import (
    MIGRATION_NAME,
    VIEWS,
    WarehouseError,
    apply_migrations,
    connect,
    load_sql,
    migration_names,
    pending,
)


def test_fresh_database_has_every_migration_pending(tmp_path):
    assert pending(connect(tmp_path / "fresh.duckdb")) == migration_names()


def test_apply_twice_is_a_no_op(con):
    assert apply_migrations(con) == []


def test_each_migration_is_recorded_once(con):
    apply_migrations(con)
    assert con.execute("select name from _migrations order by version").fetchall() == [
        (name,) for name in migration_names()
    ]


def test_nothing_pending_after_apply(con):
    assert pending(con) == []


def test_connect_creates_the_parent_directory(db_path, con):
    assert db_path.parent.is_dir()


def test_migration_versions_count_up_from_one():
    versions = [int(MIGRATION_NAME.match(name)["version"]) for name in migration_names()]
    assert versions == list(range(1, len(versions) + 1))


def test_every_view_file_is_created_in_order():
    entries = files("claimhouse.warehouse").joinpath("views").iterdir()
    view_files = {entry.name for entry in entries if entry.name.endswith(".sql")}
    assert view_files == {f"{view}.sql" for view in VIEWS}


def test_load_sql_takes_a_name_with_or_without_suffix():
    assert load_sql("views", "claims") == load_sql("views", "claims.sql")


def test_load_sql_refuses_unknown_kinds():
    with pytest.raises(ValueError, match="kind"):
        load_sql("tables", "claims")


class TestReadOnly:
    @pytest.fixture
    def reader(self, con, db_path):
        con.close()
        reader = connect(db_path, read_only=True)
        yield reader
        reader.close()

    def test_pending_works_read_only(self, reader):
        assert pending(reader) == []

    def test_views_are_readable(self, reader):
        assert reader.execute("select count(*) from claims").fetchone() == (0,)

    def test_writes_are_refused(self, reader):
        with pytest.raises(duckdb.Error):
            reader.execute("insert into run_rows (run_id) values ('r1')")

    def test_local_files_are_unreadable(self, reader):
        with pytest.raises(duckdb.PermissionException):
            reader.execute("select * from read_csv('/etc/passwd')")

    def test_attach_is_refused(self, reader, tmp_path):
        with pytest.raises(duckdb.PermissionException):
            reader.execute("attach ? as other", [str(tmp_path / "other.duckdb")])

    def test_external_access_cannot_be_turned_back_on(self, reader):
        with pytest.raises(duckdb.Error):
            reader.execute("set enable_external_access = true")


def test_read_only_needs_an_existing_file(tmp_path):
    with pytest.raises(WarehouseError, match="run the pipeline"):
        connect(tmp_path / "missing.duckdb", read_only=True)


def test_links_stored_with_a_reason_keep_everything_else_after_0004(tmp_path):
    con = connect(tmp_path / "old.duckdb")
    for name in migration_names()[:3]:
        con.execute(load_sql("migrations", name))
    con.execute("insert into link_rows values ('a', 'b', 'conflicts', 'old words', 0.5, 'r1', now())")
    con.execute(load_sql("migrations", "0004_link_rows_without_reason"))
    kept = con.execute("select * exclude (created_at) from link_rows").fetchall()
    assert kept == [("a", "b", "conflicts", 0.5, "r1")]
