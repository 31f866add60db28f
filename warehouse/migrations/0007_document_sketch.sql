-- 0006_document_sketch: each claim row carries its document's MinHash sketch (flows/claims/facts.py,
-- document_sketch): 16 'position:hex' tokens over the document's word 5-grams. link_candidates marks
-- a pair `copy` when the two documents share half the positions or more (a repost, lightly edited),
-- as well as when the claim's sentence is the same in both.
--
-- doc_sketch   the document's sketch; null for rows written before this migration

alter table claim_rows add column doc_sketch text;
