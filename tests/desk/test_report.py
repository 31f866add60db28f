"""`claimhouse report`: one self-contained HTML file; everything from a document is escaped."""
import re
import shutil

import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import main
from claimhouse.flows.report import write_report
from claimhouse.flows.report.markup import link, paragraph_around, safe_url


@pytest.fixture(scope="module")
def page(_desk_file_template, tmp_path_factory):
    """The report of a copy of the desk file, written once for the module (the tests only read it)."""
    folder = tmp_path_factory.mktemp("report")
    desk_file = shutil.copyfile(_desk_file_template, folder / "desk-file.duckdb")
    out = folder / "report.html"
    write_report(desk_file, out)
    return out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_page_loads_nothing_from_elsewhere(page):
    loads = re.findall(r"""<(?:script|link|img|iframe|object|embed)\b|<[^>]*\bsrc\s*=|url\(|@import""", page,
                       re.IGNORECASE)
    assert loads == []


@pytest.mark.slow
def test_a_script_in_a_document_is_text_not_markup(page):
    assert ("<script" in page, "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page) == (False, True)


def test_event_handlers_from_documents_never_become_attributes(page):
    assert re.findall(r"<[^>]*\bon\w+\s*=", page) == []


def test_terminal_escapes_are_shown_not_kept(page):
    assert ("\x1b" in page, "\\x1b]52;c;" in page) == (False, True)


def test_each_conflict_shows_both_quotes_highlighted(page):
    marks = re.findall(r"<mark>(.*?)</mark>", page)
    assert {"as many as 400,000 migrants", "More than 520,000 migrants"} <= set(marks)


def test_each_conflict_names_its_documents_with_outlet_date_and_link(page):
    cards = page.split('<article class="conflict">')[1:]
    card = next(c for c in cards if "Wire report on the Darién Gap" in c and "Darién crossings, a blog estimate" in c)
    seen = (re.findall(r'<h3><a href="([^"]*)"', card), re.findall(r'<p class="meta">(.*?)</p>', card)[:2])
    assert seen == (["https://example.org/wire/darien", "https://example.org/blog/darien"],
                    ["example.org · 2024-01-15", "example.org · 2024-02-01"])


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
    ("javascript:alert(1)", None),
    ("data:text/html,<b>x</b>", None),
    ("file:///etc/passwd", None),
    ("//example.org/x", None),
])
def test_only_http_urls_are_links(url, expected):
    assert safe_url(url) == expected


def test_a_link_escapes_quotes_in_its_url():
    assert link('https://example.org/"><b>x', "t") == (
        '<a href="https://example.org/&quot;&gt;&lt;b&gt;x" rel="noopener noreferrer nofollow">t</a>')


def test_the_paragraph_around_a_quote_is_its_line():
    text = "First line.\nThe middle line says 40 percent.\nLast line."
    start = text.index("40 percent")
    assert paragraph_around(text, start, start + 10) == ("The middle line says 40 percent.", 21, 31)


@pytest.mark.slow
def test_since_last_run_with_no_run_shows_no_conflicts(desk_file, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--out", str(out), "--since", "last-run", "--db", str(desk_file)])
    assert result.exit_code == 0 and "No conflicts in this scope." in out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_one_fact_only(desk_file, tmp_path):
    import duckdb

    con = duckdb.connect(str(desk_file), read_only=True)
    (fact_id,) = con.execute("select fact_id from facts where n_conflicts > 0").fetchone()
    con.close()
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--out", str(out), "--fact", fact_id[:5], "--db", str(desk_file)])
    text = out.read_text(encoding="utf-8")
    assert result.exit_code == 0 and text.count('class="fact"') == 1 and f'id="fact-{fact_id}"' in text


def test_an_unknown_fact_is_refused(desk_file, tmp_path):
    result = CliRunner().invoke(main, ["report", "--out", str(tmp_path / "r.html"), "--fact", "zzz",
                                       "--db", str(desk_file)])
    assert result.exit_code == 1 and "no fact 'zzz'" in result.output


@pytest.mark.slow
def test_an_update_is_shown_beside_the_earlier_figure(with_update, tmp_path):
    out = tmp_path / "report.html"
    write_report(with_update, out)
    updates = out.read_text(encoding="utf-8").split('<section id="updates">')[1].split("</section>")[0]
    marks = re.findall(r"<mark>(.*?)</mark>", updates)
    assert (marks[0], marks[2]) == ("3,419", "5,894")  # the earlier figure on the left, in sentence and paragraph


@pytest.mark.slow
def test_since_last_run_shows_what_the_latest_completed_run_found(with_update, tmp_path):
    from claimhouse.warehouse import store
    from claimhouse.warehouse.db import connect

    con = connect(with_update)
    for run_id, status in (("run-1", "completed"), ("run-2", "completed"), ("run-3", "failed")):
        store.start_run(con, run_id, None, f"2024-03-0{run_id[-1]} 08:00:00+00")
        store.finish_run(con, run_id, status=status)
    con.close()
    write_report(with_update, tmp_path / "r.html", since="last-run")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    # run-2 (the last completed one) stored the update; run-1's conflicts are not new
    assert ("No conflicts in this scope." in page, page.count('<article class="update">')) == (True, 1)
