-- 0005_fact_matching: the features fact matching decides on (flows/claims/facts.py), and
-- links with a stable id and the relation `updates`.
--
-- measure      what the claim counts (deaths, injured, job_cuts, arrivals, inflation, ...)
-- scope        where or whose, from the whole to the part: 'TR', 'TR+SY', 'SY/opposition-held',
--              'org:amazon/twitch'
-- when_start   the period the claim covers; for an evolving count (a toll) the day it is "as of"
-- when_end
-- evolving     true for counts that grow while a story develops (tolls, the missing)
-- update_cue   the number follows "rose to", "revised", "climbed to", ...
-- block_key    coarse key the linker blocks on: unit family | measure | kind | forecast | country
-- claim_key    stable id of the claim across runs and document versions (document, sentence, quote)
-- copy_key     the sentence's words: equal in two documents = a copied sentence
-- evidence     where each feature was read (sentence, previous sentence, headline, lead, publication date)
alter table claim_rows add column measure text;
alter table claim_rows add column scope text;
alter table claim_rows add column when_start date;
alter table claim_rows add column when_end date;
alter table claim_rows add column evolving boolean;
alter table claim_rows add column update_cue boolean;
alter table claim_rows add column block_key text;
alter table claim_rows add column claim_key text;
alter table claim_rows add column copy_key text;
alter table claim_rows add column evidence text;

-- link_id: the low 64 bits of the md5 of the two claims' claim_keys (in order; an integer,
-- cheap to store for millions of links), so a link keeps its id when a new
-- version of a document restates the same claim; `copy`: the two claims are one sentence
-- copied between documents (a repost), not two independent sources.
create table link_rows_new (
    link_id ubigint,
    claim_id_a text not null,
    claim_id_b text not null,
    relation text not null
        check (relation in ('agrees', 'conflicts', 'updates')),
    severity double,
    copy boolean,
    run_id text,
    created_at timestamptz,
    check (claim_id_a < claim_id_b)
);
insert into link_rows_new (claim_id_a, claim_id_b, relation, severity, run_id, created_at)
select claim_id_a, claim_id_b, relation, severity, run_id, created_at from link_rows;
drop table link_rows;
alter table link_rows_new rename to link_rows;
