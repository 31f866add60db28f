"""html_to_text and its fallback: pure, str in."""
from __future__ import annotations

from claimhouse.flows.ingest.html_text import _parse, fallback_text, html_to_text


def test_the_fallback_drops_boilerplate_and_keeps_one_line_per_block():
    html = ("<html><body><nav>Menu</nav><div class='ad-box'>Buy now</div><p>Rates rose\n to 4 %.</p>"
            "<script>var s = 1;</script><div>Second <b>line</b></div><footer>(c)</footer></body></html>")
    assert fallback_text(_parse(html)) == "Rates rose to 4 %.\nSecond line"


def test_a_tiny_page_still_gives_its_text_and_title():
    page = html_to_text("<html><head><title> Notice </title></head><body><p>Fares rise 5 percent.</p>"
                        "<script>var x = 1;</script></body></html>")
    assert (page.text, page.title) == ("Fares rise 5 percent.", "Notice")


def test_no_markup_is_no_text():
    assert html_to_text("  <!-- nothing -->  ").text == ""


def test_an_xml_declaration_is_accepted():
    html = "<?xml version='1.0' encoding='utf-8'?><html><body><p>Two apples.</p></body></html>"
    assert html_to_text(html).text == "Two apples."
