"""The report in a real headless browser (Debian's chromium driven by playwright, no browser
download): what a person sees, and that no script from a document ran."""
import os
import shutil

import pytest

from claimhouse.flows.report import write_report
from claimhouse.flows.review import review_claim

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENSHOT = "/tmp/claimhouse-report.png"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="no chromium: apt-get install -y chromium (.ci/run does)"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def opened(browser, with_update, tmp_path):
    from claimhouse.warehouse.db import connect

    desk_file = with_update
    con = connect(desk_file)
    (claim_id,) = con.execute("select claim_id from claims where quote like '%520,000%'").fetchone()
    review_claim(con, claim_id, "ana", decision="true")
    con.close()
    out = tmp_path / "report.html"
    write_report(desk_file, out)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    dialogs, requests = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    import duckdb

    con = duckdb.connect(str(desk_file), read_only=True)
    page.qualifiers = dict(con.execute(
        "select qualifier, count(*) from claims where fact_key = (select fact_key from facts "
        "order by n_conflicts desc, n_documents desc, fact_id limit 1) group by qualifier").fetchall())
    con.close()
    yield page, dialogs, requests, out
    page.close()


def test_the_conflict_shows_both_quotes_highlighted(opened):
    page, *_ = opened
    conflict = (page.locator("article.conflict").filter(has_text="Wire report on the Darién Gap")
                .filter(has_text="Darién crossings, a blog estimate"))
    marks = conflict.locator(".sentence mark").all_inner_texts()
    assert sorted(marks) == ["More than 520,000 migrants", "as many as 400,000 migrants"]


def test_the_update_shows_the_earlier_and_the_later_figure_side_by_side(opened):
    page, *_ = opened
    card = page.locator("section#updates article.update")
    seen = (card.count(), card.locator(".label").all_inner_texts(), card.locator(".sentence mark").all_inner_texts())
    assert seen == (1, ["EARLIER FIGURE", "LATER FIGURE"], ["3,419", "5,894"])
    assert card.locator(".side.a").bounding_box()["x"] < card.locator(".side.b").bounding_box()["x"]


def test_the_chart_has_a_mark_per_claim_the_reference_line_and_the_verdict(opened):
    page, *_ = opened
    chart = page.locator("section.fact svg.chart").first
    counts = (chart.locator("g.mark").count(), chart.locator("g.mark.exact").count(),
              chart.locator("g.mark.lower_bound").count(),
              chart.locator("g.mark.upper_bound").count(), chart.locator("g.reference-line").count(),
              chart.locator("g.verdict.rating-true").count())
    q = page.qualifiers
    assert counts == (sum(q.values()), q.get("exact", 0), q.get("lower_bound", 0), q.get("upper_bound", 0), 1, 1)
    assert chart.bounding_box()["height"] > 100


def test_no_script_from_a_document_ran_and_nothing_was_fetched(opened):
    page, dialogs, requests, out = opened
    state = page.evaluate("() => [typeof window.pwned, document.title, document.scripts.length]")
    assert (state, dialogs, requests) == (["undefined", "claimhouse report", 0], [], [out.as_uri()])


def test_the_hostile_title_is_shown_as_text(opened):
    page, *_ = opened
    titles = page.locator("article.conflict h3").all_inner_texts()
    assert any(t.startswith("<script>document.title='pwned'</script>\\x1b]52;c;") for t in titles)


def test_screenshot(opened):
    page, *_ = opened
    page.screenshot(path=SCREENSHOT, full_page=True)
    assert os.path.getsize(SCREENSHOT) > 10_000
