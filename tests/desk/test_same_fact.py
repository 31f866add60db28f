"""A person's same-fact decision links two claims the pair rule kept apart: the next run groups a
claim the rule does not compare, the pair is one more link (never a regroup of its value groups),
its relation judged from the two intervals, its reason saying who decided and when, and it holds
across re-runs and new versions of the documents until a later different-fact takes it apart."""
import dataclasses

import pytest

from claimhouse.flows.review import review_link
from tests.desk.conftest import document, store_documents

# No measure word the rule knows ("people made the trek"), so no block: never linked by the rule.
TREK = ("Aid groups say that in 2023 some 600,000 people made the trek through the jungle between "
        "Colombia and Panama.")
PAST = "As many as 300,000 migrants crossed the Darién Gap in 2022, officials said."


@pytest.fixture
def trek():
    return document("https://example.org/aid/jungle", TREK, "Aid groups on the jungle trek", "2024-02-20")


@pytest.fixture
def three(desk, blog, wire, trek):
    """The desk with the trek's claim stored too; returns the claim ids of the blog, wire and trek figures."""
    store_documents(desk, [blog, wire, trek], "run-2")
    return ids(desk)


def ids(con):
    return tuple(con.execute("select claim_id from claims where quote like ?", [f"%{n}%"]).fetchone()[0]
                 for n in ("400,000", "520,000", "600,000"))


def links_of(con, claim_id):
    return con.execute("select relation, reason from claim_links where ? in (claim_id_a, claim_id_b)",
                       [claim_id]).fetchall()


def test_the_rule_alone_does_not_link_the_trek(desk, three):
    assert links_of(desk, three[2]) == []


@pytest.mark.slow
def test_a_same_fact_pair_is_linked_by_the_next_run_as_its_intervals_say(desk, three, blog, wire, trek):
    blog_id, wire_id, trek_id = three
    review_link(desk, blog_id, trek_id, "same-fact", "ana", note="the trek is the Darién crossing")
    review_link(desk, wire_id, trek_id, "same-fact", "ben")
    counts = store_documents(desk, [blog, wire, trek], "run-3")
    assert counts["links_found"] == 2
    reasons = dict(links_of(desk, trek_id))
    assert set(reasons) == {"conflicts", "agrees"}  # at most 400,000 vs some 600,000; more than 520,000 meets it
    reason = reasons["conflicts"]
    assert "A person decided they are the same fact: same-fact by ana on " in reason
    assert "(the trek is the Darién crossing)" in reason


@pytest.mark.slow
def test_the_decided_conflict_shows_in_conflicts_and_group_links(desk, three, blog, wire, trek):
    blog_id, _, trek_id = three
    review_link(desk, blog_id, trek_id, "same-fact", "ana")
    store_documents(desk, [blog, wire, trek], "run-3")
    shown = desk.execute("select quote_a, quote_b, n_claims_a, n_claims_b from conflicts "
                         "where ? in (claim_id_a, claim_id_b)", [trek_id]).fetchall()
    assert [(*sorted(s[:2]), *s[2:]) for s in shown] == [("as many as 400,000 migrants", "some 600,000 people", 1, 1)]
    assert desk.execute("select count(*) from group_links where relation = 'conflicts'").fetchone() == (2,)


@pytest.mark.slow
def test_a_decided_pair_is_one_link_not_its_groups(desk, blog, wire):
    """Two documents give the 2022 figure the same way (one value group), which the rule keeps apart
    from 2023's; a same-fact on the wire's figure and one of them links that pair only."""
    past = [document(f"https://example.org/{n}/past", PAST, f"{n} on 2022", "2023-01-10") for n in ("agency", "repost")]
    store_documents(desk, [blog, wire, *past], "run-2")
    (wire_id,) = desk.execute("select claim_id from claims where uri = ?", [wire.uri]).fetchone()
    past_ids = [desk.execute("select claim_id from claims where uri = ?", [d.uri]).fetchone()[0] for d in past]
    groups = desk.execute("select count(distinct group_id) from claim_groups where claim_id in (?, ?)", past_ids)
    assert (groups.fetchone(), links_of(desk, wire_id)[0][0]) == ((1,), "conflicts")  # one group; the blog's link
    review_link(desk, wire_id, past_ids[0], "same-fact", "ana")
    linked = {c for pair in desk.execute("select claim_id_a, claim_id_b from claim_links where ? in (claim_id_a, "
                                         "claim_id_b)", [wire_id]).fetchall() for c in pair}
    assert (past_ids[0] in linked, past_ids[1] in linked) == (True, False)  # the wire's links
    shown = desk.execute("select n_claims_a, n_claims_b from conflicts where ? in (claim_id_a, claim_id_b)",
                         [past_ids[0]]).fetchall()
    assert shown == [(1, 1)]  # the claims the decision linked, not the 2022 group's two


@pytest.mark.slow
def test_the_link_holds_across_a_rerun_and_a_new_version(desk, three, blog, wire, trek):
    blog_id, _, trek_id = three
    review_link(desk, blog_id, trek_id, "same-fact", "ana")
    store_documents(desk, [blog, wire, trek], "run-3")
    assert store_documents(desk, [blog, wire, trek], "run-4")["links_found"] == 0
    revised = dataclasses.replace(trek, text="Updated on Tuesday. " + trek.text)
    store_documents(desk, [blog, wire, revised], "run-5")
    new_trek = ids(desk)[2]
    assert new_trek != trek_id  # a new version: a new claim id ...
    assert [r for r, _ in links_of(desk, new_trek)] == ["conflicts"]  # ... and the decision still links it
    first_run = desk.execute("select run_id from claim_links where ? in (claim_id_a, claim_id_b)",
                             [new_trek]).fetchone()
    assert first_run == ("run-3",)  # restated, not new: found by the run after the decision


@pytest.mark.slow
def test_a_later_different_fact_takes_it_apart_again(desk, three, blog, wire, trek):
    blog_id, _, trek_id = three
    review_link(desk, blog_id, trek_id, "same-fact", "ana")
    store_documents(desk, [blog, wire, trek], "run-3")
    review_link(desk, blog_id, trek_id, "different-fact", "ben")
    assert links_of(desk, trek_id) == []
    assert desk.execute("select count(*) from conflicts").fetchone() == (1,)  # the planted one only


@pytest.mark.slow
def test_same_fact_on_a_pair_the_rule_links_stores_it_once(desk, conflict, blog, wire):
    review_link(desk, *conflict, "same-fact", "ana")
    store_documents(desk, [dataclasses.replace(blog, text="Updated. " + blog.text), wire], "run-2")
    ((reason,),) = desk.execute("select reason from claim_links").fetchall()
    assert "same-fact by ana" in reason
    assert desk.execute("select count(*) from conflicts").fetchone() == (1,)


def test_a_decided_pair_is_judged_as_the_rule_judges_it(desk, conflict):
    """decided_links judges its pairs' intervals as group_candidates does: on the planted pair,
    which the rule relates, both give the same relation and severity."""
    review_link(desk, *conflict, "confirm", "ana")
    decided = desk.execute("select relation, severity from decided_links").fetchall()
    assert decided == desk.execute("select relation, severity from group_links").fetchall() == [("conflicts", 0.2308)]


@pytest.mark.slow
def test_the_decided_conflict_is_in_the_report(desk, three, blog, wire, trek, tmp_path):
    from claimhouse.flows.report import write_report

    blog_id, _, trek_id = three
    review_link(desk, blog_id, trek_id, "same-fact", "ana", note="<b>same</b> crossing")
    store_documents(desk, [blog, wire, trek], "run-3")
    (path,) = desk.execute("select file from pragma_database_list where name = current_database()").fetchone()
    desk.close()
    write_report(path, tmp_path / "report.html")
    conflicts = (tmp_path / "report.html").read_text(encoding="utf-8").split('<section id="conflicts">')[1]
    assert "<mark>some 600,000 people</mark>" in conflicts.split("</section>")[0]
