-- 0009_claim_groups: links are no longer stored pair by pair. Claims whose pair-rule columns
-- are the same (block_key, scope, period, interval, qualifier, evolving; for an evolving count
-- also the publication time and "rose to" cue: views/claim_signatures.sql) are interchangeable
-- for the pair rule, so the rule is decided once per pair of such *value groups*
-- (views/group_candidates.sql) and the link step stores one row per claim: its group and when
-- it was first linked. A fact stated by a thousand documents costs a thousand rows, not half a
-- million. `claim_links` (every pair, as before), `group_links`, `conflicts` and `facts` are
-- derived from claim_groups when read.
--
-- claim_id    the claim (a current claim when it was linked)
-- claim_key   its stable key across runs and document versions (claim_rows.claim_key)
-- group_id    its value group: md5 (low 64 bits) of the pair-rule columns
-- run_id      the run that first linked this claim_key in this group (kept when a new
--             version of the document restates the claim), so its links keep their age
-- created_at  when that was
--
-- link_rows (one row per pair) is dropped: the first link step after this migration groups
-- every current claim again, and finds their links (and conflicts) anew, once.
create table claim_groups (
    claim_id text not null,
    claim_key text,
    group_id ubigint not null,
    run_id text,
    created_at timestamptz
);
drop table link_rows;
