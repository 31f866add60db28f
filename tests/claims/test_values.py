"""Unit tests for the value rules of issue 13 (numbers, units, qualifiers, not-claims, sentence
filters). Sentences made up here: they pin each rule, they are no measure of quality."""
import pytest

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.not_claims import furniture_reason


def one(text: str):
    claims = extract_claims(text)
    assert len(claims) == 1, [c.quote for c in claims]
    return claims[0]


# ---- sentence filters -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The survey, sponsored by a housing charity, found 38% of renters had moved twice.",
    "Advertisement revenue at the broadcaster fell 12% to £310 million.",
    "Its earnings per share this year were 41 cents, the company said.",
    "The bestseller has sold 2 million copies since March.",
])
def test_reporting_sentences_with_ad_words_are_kept(text):
    assert furniture_reason(text) is None
    assert extract_claims(text)


@pytest.mark.parametrize("text, reason", [
    ("Sponsored: 5 tips to lower your heating bill", "ad: sponsored"),
    ("7 ways to save on flights (sponsored)", "ad: sponsored"),
    ("Join 2 million readers and sign up for our morning briefing", "ad: sign up for our"),
    ("Click here to claim 3 free issues", "ad: click here"),
    ("Tel: 020 7946 0000", "furniture: tel:"),
    ("Share this article 12", "furniture: share this"),
    ("© 2025 Example Media Ltd", "notice: ©"),
])
def test_furniture_is_dropped_with_its_reason(text, reason):
    assert furniture_reason(text) == reason
    assert extract_claims(text) == []
