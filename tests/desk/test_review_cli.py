"""`claimhouse review ...` on a warehouse file: decisions recorded, shown in the log and the queue."""
import duckdb
from click.testing import CliRunner

from claimhouse.flows.cli import main


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def conflict_ids(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select claim_id_a, claim_id_b from conflicts order by severity desc").fetchall()
    finally:
        con.close()


def test_review_link_reject_takes_the_conflict_out_of_the_views(desk_file):
    a, b = conflict_ids(desk_file)[0]
    before = len(conflict_ids(desk_file))
    result = run("review", "link", a, b, "reject", "--note", "two routes", "--db", desk_file, env={"USER": "ana"})
    assert (result.exit_code, len(conflict_ids(desk_file))) == (0, before - 1), result.output


def test_the_reviewer_defaults_to_user_and_the_log_shows_the_decision(desk_file):
    a, b = conflict_ids(desk_file)[0]
    run("review", "link", a, b, "confirm", "--db", desk_file, env={"USER": "ben"})
    log = run("review", "log", "--db", desk_file, "--format", "json")
    assert '"reviewer": "ben"' in log.output and '"decision": "confirm"' in log.output


def test_review_claim_needs_a_decision_or_a_correction(desk_file):
    a, _ = conflict_ids(desk_file)[0]
    result = run("review", "claim", a, "--db", desk_file)
    assert result.exit_code == 2 and "wrong-extraction" in result.output


def test_an_unknown_claim_is_named_with_where_to_find_ids(desk_file):
    result = run("review", "claim", "nope", "--value", "5", "--db", desk_file)
    assert result.exit_code == 1 and "no current claim 'nope'" in result.output


def test_the_queue_starts_with_a_conflict(desk_file):
    result = run("review", "queue", "--db", desk_file, "--format", "csv")
    assert result.output.splitlines()[1].startswith("1,conflict,")


def test_review_link_same_fact_says_which_run_links_the_pair(desk_file):
    a, b = conflict_ids(desk_file)[0]
    result = run("review", "link", a, b, "same-fact", "--db", desk_file, env={"USER": "ana"})
    assert result.exit_code == 0 and "the next `claimhouse run`" in result.output, result.output


def test_the_queue_orders_conflicts_then_contradicted_checks_then_checkworthy_most_repeated_first(desk_file):
    con = duckdb.connect(str(desk_file), read_only=True)
    try:
        rows = con.execute("select item, is_new, repeated from review_queue order by priority").fetchall()
    finally:
        con.close()
    order = {"conflict": 0, "contradicted": 1, "checkworthy": 2}
    assert {item for item, _, _ in rows} == set(order)  # the desk file has one of each, at least
    keys = [(order[item], not is_new, -repeated) for item, is_new, repeated in rows]
    assert keys == sorted(keys)
