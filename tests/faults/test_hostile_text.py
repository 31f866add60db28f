"""Hostile text at the loaders and the extractor, without Prefect: pages nested deeper than libxml2
reads, text nodes over its 10 MB limit, and one endless sentence full of numbers."""
from __future__ import annotations

import pytest

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.html_text import ParseTimeExceeded, html_to_text, unwrap_deep_elements
from tests.timing import assert_linear

CLAIM = "Some 120 ferries crossed the lake in 2024."


def nested(depth: int, inner: str, tag: str = "div") -> str:
    return (f"<html><head><title>Deep</title></head><body><p>Before: 3 boats.</p>{f'<{tag}>' * depth}{inner}"
            f"{f'</{tag}>' * depth}<p>After: 7 ships.</p></body></html>")


@pytest.mark.parametrize("depth", [300, pytest.param(2500, marks=pytest.mark.slow), pytest.param(5000, marks=pytest.mark.slow)])
def test_a_deeply_nested_page_keeps_all_its_text(depth):
    # libxml2 stops at 256 levels (2048 with huge_tree) and keeps what it read so far, silently
    assert html_to_text(nested(depth, f"<p>{CLAIM}</p>")).text == f"Before: 3 boats.\n{CLAIM}\nAfter: 7 ships."


@pytest.mark.slow
def test_scripts_and_ads_nested_too_deep_are_still_dropped():
    inner = (f"<script>alert('SCRIPT-999')</script><div class='ad'>Buy 3 get 1 free</div><nav>Home 1</nav>"
             f"<p>{CLAIM}</p><style>p {{width: 13579px}}</style>")
    assert html_to_text(nested(5000, inner, "section")).text == f"Before: 3 boats.\n{CLAIM}\nAfter: 7 ships."


@pytest.mark.slow
def test_a_text_node_over_10_mb_is_read_whole():
    # libxml2 refuses text nodes over 10 MB without huge_tree; the fetch layer caps pages at max_bytes
    words = "word " * 2_400_000
    page = f"<html><body><p>{CLAIM} {words}77 boats sank.</p><p>After: 7 ships.</p></body></html>"
    text = html_to_text(page).text
    assert (text.startswith(CLAIM), text.endswith("77 boats sank.\nAfter: 7 ships."), len(text) > 12_000_000) == (
        True, True, True)


RUN_ON = "the harbour handled 4.2 million tonnes in 2024, officials said; "  # no sentence ever ends


@pytest.mark.slow
def test_an_endless_sentence_of_numbers_is_extracted_in_linear_time():
    # 6,250 then 100,000 characters: sixteen times the text may take at most 64 times as long
    # (quadratic work: 256), best CPU times compared (tests/timing.py)
    assert_linear(lambda size: extract_claims((RUN_ON * (size // len(RUN_ON) + 1))[:size]), 6_250)


def stray_end_tags(n: int) -> str:
    """n unclosed <b>, a paragraph, n end tags of elements never opened."""
    return "<b>" * n + f"<p>{CLAIM}</p>" + "</i>" * n


@pytest.mark.slow
def test_unwrapping_stray_end_tags_takes_linear_time():
    # 1,000 then 16,000 of each tag: at most 64 times as long (each stray end tag once looked
    # through every open element: quadratic, 256x), best CPU times compared (tests/timing.py)
    assert_linear(lambda n: unwrap_deep_elements(stray_end_tags(n)), 1_000)


@pytest.mark.slow
def test_the_one_megabyte_page_of_stray_end_tags_keeps_its_paragraph():
    assert html_to_text(stray_end_tags(150_000)).text == CLAIM


def test_reading_a_page_stops_at_its_parse_time_limit():
    with pytest.raises(ParseTimeExceeded, match="max_parse_s=0.01"):
        html_to_text(stray_end_tags(150_000), max_parse_s=0.01)


def test_a_page_over_its_parse_time_limit_is_a_failed_fetch_naming_it(tmp_path):
    page = tmp_path / "tags.html"
    page.write_text(stray_end_tags(150_000))
    (pair,) = fetch_source(str(page), FetchSettings(max_parse_s=0.01))
    assert pair[0] is None and "max_parse_s=0.01" in pair[1].error and "tags.html" in pair[1].error
