"""Hostile text at the loaders and the extractor, without Prefect: pages nested deeper than libxml2
reads, text nodes over its 10 MB limit, and one endless sentence full of numbers."""
from __future__ import annotations

import pytest

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.ingest.html_text import html_to_text
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
