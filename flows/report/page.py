"""The report's HTML: one page, inline CSS (report.css) and SVG, no script, nothing fetched."""
from __future__ import annotations

from importlib.resources import files
from urllib.parse import urlsplit

from claimhouse.flows.report.chart import chart
from claimhouse.flows.report.gather import Report
from claimhouse.flows.report.markup import highlighted, link, safe_url, sentence_span, text

# Nothing may load: no script, no fetch, styles and images only from the page itself.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
SUMMARY = (("documents", "documents"), ("claims", "claims"), ("conflicts", "conflicts"),
           ("decisions", "review decisions"), ("docs_new", "new documents, last run"),
           ("docs_changed", "changed documents, last run"), ("conflicts_new", "new conflicts, last run"))


def _css() -> str:
    return files("claimhouse.flows.report").joinpath("report.css").read_text(encoding="utf-8")


def _outlet(uri: str, source: str | None) -> str:
    return urlsplit(uri).hostname or source or ""


def render(report: Report) -> str:
    scope = {"all": "all conflicts and updates",
             "last-run": "conflicts and updates found by the latest completed run"}.get(
        report.scope, f"conflicts and updates found {report.scope}")
    if report.fact_id:
        scope += f", fact {report.fact_id}"
    body = [_summary(report), _conflicts(report), _updates(report), _facts(report), _checks(report)]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>claimhouse report</title>"
        f"<style>{_css()}</style></head><body>"
        f"<header><h1>claimhouse report</h1><p class=\"meta\">{text(scope)} · generated "
        f"{text(report.generated_at.strftime('%Y-%m-%d %H:%M UTC'))}</p></header><main>"
        + "".join(body)
        + "</main><footer>Written by claimhouse from the warehouse's views. Quotes and titles are the documents' "
          "own words; links go to the documents.</footer></body></html>\n"
    )


def _summary(report: Report) -> str:
    run = report.run
    items = "".join(f"<li><b>{text(run.get(key) if run.get(key) is not None else '–')}</b>{text(label)}</li>"
                    for key, label in SUMMARY)
    if run.get("run_id"):
        when = run["started_at"].strftime("%Y-%m-%d %H:%M UTC") if run.get("started_at") else ""
        line = f"Latest run {text(run['run_id'])} ({text(run['status'])}, started {text(when)})."
    else:
        line = "No run recorded yet."
    return f'<section id="summary"><h2>Run summary</h2><p class="muted">{line}</p><ul class="summary">{items}</ul></section>'


def _side(c: dict, s: str, label: str = "") -> str:
    start, end = sentence_span(c[f"sentence_{s}"], c[f"quote_{s}"])
    date = c[f"published_{s}"]
    value = f"{c[f'value_{s}']:,.15g} {c[f'unit_{s}'] or ''}" if c[f"value_{s}"] is not None else ""
    sentence = c[f"sentence_{s}"]
    return (
        f'<div class="side {s}">' + (f'<p class="label">{text(label)}</p>' if label else "")
        + f'<h3>{link(c[f"uri_{s}"], c[f"title_{s}"] or c[f"uri_{s}"])}</h3>'
        f'<p class="meta">{text(_outlet(c[f"uri_{s}"], c[f"source_{s}"]))} · '
        f'{text(date.isoformat() if date else "undated")}</p>'
        f'<p class="value">{text(value)}</p>'
        + (f'<blockquote class="sentence">{highlighted(sentence, start, end)}</blockquote>' if sentence else "")
        + f'<p class="paragraph">{highlighted(c[f"paragraph_{s}"], c[f"para_start_{s}"], c[f"para_end_{s}"])}</p>'
        "</div>"
    )


# (section id, heading, card class, side labels, what an empty section says)
CONFLICTS_SECTION = ("conflicts", "Conflicts", "conflict", ("", ""), "No conflicts in this scope.")
UPDATES_SECTION = ("updates", "Updates", "update", ("earlier figure", "later figure"),
                   "No updates in this scope: no evolving count (a toll, a tally) was reported higher later.")


def _pairs(links: list[dict], section: tuple) -> str:
    """Side-by-side cards, one per link: both documents, both quotes marked, the reason."""
    anchor, heading, card, labels, empty = section
    if not links:
        return f'<section id="{anchor}"><h2>{heading}</h2><p class="muted">{text(empty)}</p></section>'
    cards = []
    for c in links:
        fact = f' · <a href="#fact-{text(c["fact_id"])}">fact {text(c["fact_id"])}</a>' if c["fact_id"] else ""
        cards.append(
            f'<article class="{card}"><div class="pair">{_side(c, "a", labels[0])}{_side(c, "b", labels[1])}</div>'
            f'<p class="reason">{text(c["reason"])} · severity {c["severity"]:.2f}{fact}</p></article>')
    return f'<section id="{anchor}"><h2>{heading} ({len(links)})</h2>{"".join(cards)}</section>'


def _conflicts(report: Report) -> str:
    return _pairs(report.conflicts, CONFLICTS_SECTION)


def _updates(report: Report) -> str:
    return _pairs(report.updates, UPDATES_SECTION)


LEGEND = ("● exact · ●| about (the whisker is the rounding) · ▲ at least · ▼ at most · ▮ a range · "
          "dashed line: the reference figure · ring: a reviewed verdict (T true, F false, M misleading, U unproven) · "
          "red / green: contradicted / supported by the reference")


def _facts(report: Report) -> str:
    if not report.facts:
        return '<section id="facts"><h2>Facts</h2><p class="muted">No fact stated by two documents.</p></section>'
    blocks = []
    for f in report.facts:
        where = " · ".join(text(v) for v in (f["place"], _period(f)) if v)
        blocks.append(
            f'<section class="fact" id="fact-{text(f["fact_id"])}"><h3>{text(f["subject"] or f["fact_key"])}'
            f' <span class="muted">{text(f["unit"] or "")}</span></h3>'
            f'<p class="meta">{where} · {f["n_documents"]} documents, {f["n_claims"]} claims, '
            f'{f["n_conflicts"]} conflicts · fact {text(f["fact_id"])}</p>{chart(f)}</section>')
    return (f'<section id="facts"><h2>Facts over time</h2><p class="legend">{text(LEGEND)}</p>'
            f'{"".join(blocks)}</section>')


def _period(f: dict) -> str:
    start, end = f["period_start"], f["period_end"]
    if start is None:
        return ""
    return start.isoformat() if end is None or end == start else f"{start.isoformat()} – {end.isoformat()}"


def _checks(report: Report) -> str:
    if not report.checks:
        return '<section id="checks"><h2>Reference checks</h2><p class="muted">No claim met a reference figure.</p></section>'
    rows = "".join(
        f'<tr><td class="verdict-{text(c["verdict"])}">{text(c["verdict"])}</td><td>{text(c["quote"])}</td>'
        f'<td>{link(c["uri"], c["title"] or c["uri"])}</td><td>{link(c["source_url"], c["publisher"])} '
        f'({text(c["reference_period"])})</td><td>{text(c["reason"])}</td></tr>'
        for c in report.checks)
    return ('<section id="checks"><h2>Reference checks</h2><table><thead><tr><th>verdict</th><th>claim</th>'
            f'<th>document</th><th>reference</th><th>why</th></tr></thead><tbody>{rows}</tbody></table></section>')


__all__ = ["render", "safe_url"]
