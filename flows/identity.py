"""A document belongs to the source it came from: a feed entry whose own content claims another
source's document (its guid is that document's URI) is refused and recorded, not applied.
Prefect-free and warehouse-free: the owners come in as a dict."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimhouse.flows.claims.model import Document, FetchRecord


def refuse_foreign_entries(fetched: Iterable[tuple[list[Document], list[FetchRecord]]],
                           owners: Mapping[str, str | None]) -> tuple[list[Document], list[FetchRecord]]:
    """(documents to apply, one failed record per refused entry), over each source's
    (documents, records) in run order. `owners` maps a stored document_id to its source. An
    inline feed entry (its text came from the feed, not from its URI) is refused when its
    document belongs to another source, stored or fetched earlier in this run. The same
    document fetched from its own URI by two sources is kept once, as before."""
    kept: dict[str, Document] = {}
    owner_of = dict(owners)
    refused: list[FetchRecord] = []
    for documents, records in fetched:
        inline = {r.uri for r in records if r.ok and r.feed_uri is not None}
        for doc in documents:
            owner = owner_of.get(doc.document_id)
            if doc.uri in inline and owner is not None and owner != doc.source:
                refused.append(_refusal(doc, owner))
                continue
            owner_of.setdefault(doc.document_id, doc.source)
            kept[doc.document_id] = doc
    return list(kept.values()), refused


def _refusal(doc: Document, owner: str) -> FetchRecord:
    return FetchRecord(
        source=doc.source or "", uri=doc.uri, fetched_at=doc.fetched_at, ok=False,
        error=f"feed entry {doc.uri} names a document of source {owner!r}: not applied "
              "(a feed entry may not replace another source's document)")
