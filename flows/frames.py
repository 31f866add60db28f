"""Records -> DataFrames shaped like the warehouse tables (one place for the mapping).

Pure apart from pandas: no Prefect, no DuckDB."""
from __future__ import annotations

from dataclasses import fields
from typing import Iterable

import pandas as pd

from claimhouse.flows.claims.facts import document_features
from claimhouse.flows.claims.link import fact_keys
from claimhouse.flows.claims.model import Claim, Document, FetchRecord, sha256_hex

DOCUMENT_COLUMNS = ("document_id", "version", "uri", "title", "published_at", "fetched_at", "content_sha256",
                    "text", "content_type", "source", "tags")
CLAIM_COLUMNS = ("claim_id", "document_id", "version", "span_start", "span_end", "quote", "sentence", "value",
                 "low", "high", "unit", "qualifier", "direction", "kind", "subject", "place", "period_start",
                 "period_end", "period_partial", "modality", "attribution", "checkworthiness", "interval_low",
                 "interval_high", "unit_family", "subject_key", "fact_key", "measure", "scope", "when_start", "when_end",
                 "when_loose", "evolving", "update_cue", "block_key", "claim_key", "copy_key", "doc_sketch", "evidence")
FETCH_COLUMNS = ("source", "uri", "fetched_at", "ok", "http_status", "bytes", "duration_s", "not_modified",
                 "etag", "last_modified", "error", "mtime_ns")
CLAIM_FIELDS = tuple(f.name for f in fields(Claim) if f.name != "sentence_start")  # a Claim's own columns


def claim_id(document_id: str, version: int, content_sha256: str, claim: Claim) -> str:
    """Stable for the same claim in the same text; new when the text changes."""
    return sha256_hex(f"{document_id}:{version}:{content_sha256}:{claim.span_start}:{claim.span_end}")[:24]


def documents_frame(docs: Iterable[Document], versions: dict[str, int] | None = None) -> pd.DataFrame:
    rows = []
    for d in docs:
        rows.append({
            "document_id": d.document_id,
            "version": (versions or {}).get(d.document_id, 1),
            "uri": d.uri,
            "title": d.title,
            "published_at": d.published_at,
            "fetched_at": pd.Timestamp(d.fetched_at),
            "content_sha256": d.content_sha256,
            "text": d.text,
            "content_type": d.content_type,
            "source": d.source,
            "tags": list(d.tags),
        })
    frame = pd.DataFrame(rows, columns=list(DOCUMENT_COLUMNS))
    frame["version"] = frame["version"].astype("int64")
    frame["fetched_at"] = pd.to_datetime(frame["fetched_at"], utc=True)
    return frame


def claim_rows(doc: Document, version: int, claims: Iterable[Claim]) -> list[dict]:
    """The rows of claims_frame for one document version (before typing): a batch's documents
    are put in one frame, typed once (pandas costs per frame, not per row)."""
    sha = doc.content_sha256
    rows = []
    claims = list(claims)
    for c, f in zip(claims, document_features(doc, claims), strict=True):
        keys = fact_keys(c)
        row = {name: getattr(c, name) for name in CLAIM_FIELDS}
        row.update(
            claim_id=claim_id(doc.document_id, version, sha, c),
            document_id=doc.document_id,
            version=version,
            unit_family=keys.unit_family,
            subject_key=keys.subject_key,
            fact_key=f.fact_key,
            interval_low=f.interval_low,
            interval_high=f.interval_high,
            measure=f.measure,
            scope=f.scope,
            when_start=f.when_start,
            when_end=f.when_end,
            when_loose=f.when_loose,
            evolving=f.evolving,
            update_cue=f.update_cue,
            block_key=f.block_key,
            claim_key=f.claim_key,
            copy_key=f.copy_key,
            doc_sketch=f.doc_sketch or None,
            evidence=f.evidence_text(),
            text_length=len(doc.text),
        )
        rows.append(row)
    return rows


def claims_frame(doc: Document, version: int, claims: Iterable[Claim]) -> pd.DataFrame:
    """The claims of one document version, with the keys the linker blocks on and the
    asserted interval in the unit family's base unit. Carries `text_length` so the
    schema can check spans; the store drops it."""
    return rows_frame(claim_rows(doc, version, claims))


def rows_frame(rows: list[dict]) -> pd.DataFrame:
    """claim_rows of one or many documents -> one typed claims frame."""
    return typed_claims(pd.DataFrame(rows, columns=[*CLAIM_COLUMNS, "text_length"]))


def typed_claims(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for col in ("value", "low", "high", "checkworthiness", "interval_low", "interval_high"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    for col in ("span_start", "span_end", "version", "text_length"):
        frame[col] = frame[col].astype("int64")
    for col in ("period_partial", "when_loose", "evolving", "update_cue"):
        frame[col] = frame[col].astype(bool)
    for col in ("period_start", "period_end", "when_start", "when_end"):
        frame[col] = frame[col].astype(object)
    for col in frame.columns:
        if pd.api.types.is_string_dtype(frame[col].dtype) and frame[col].dtype != object:
            # text columns are plain objects whatever their rows hold: pandas infers a string dtype for a column with
            # a value and object for one that is all None, and a batch's frame must not depend on which it met
            frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame


def fetch_frame(records: Iterable[FetchRecord]) -> pd.DataFrame:
    rows = [{k: getattr(r, k) for k in FETCH_COLUMNS} for r in records]
    frame = pd.DataFrame(rows, columns=list(FETCH_COLUMNS))
    frame["fetched_at"] = pd.to_datetime(frame["fetched_at"], utc=True)
    return frame
