"""Features of the claims of one short document, for the fact-rule tests (pure, no warehouse)."""
import datetime as dt

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.facts import Features, document_features
from claimhouse.flows.claims.model import Document


def features(text: str, published: str, title: str = "", uri: str | None = None) -> dict[str, Features]:
    """quote -> features of each claim of one document."""
    doc = Document(uri=uri or f"https://example.org/{abs(hash((text, title)))}", text=text, title=title,
                   fetched_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
                   published_at=dt.date.fromisoformat(published))
    claims = extract_claims(text, doc.published_at)
    return {c.quote: f for c, f in zip(claims, document_features(doc, claims), strict=True)}


def one(text: str, published: str, title: str = "", uri: str | None = None) -> Features:
    """The features of the first claim of a one-claim sentence."""
    return next(iter(features(text, published, title, uri).values()))
