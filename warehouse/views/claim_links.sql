-- claim_links: links between two current claims about the same fact: every pair of claims from
-- different documents whose value groups the pair rule relates (`link_candidates`), among the
-- claims a link step has grouped (`claim_groups`), and the pairs a person said state the same fact
-- (`decided_links`). Computed when read, from one stored row per
-- claim (migration 0009): read it for one claim (`where claim_id_a = ? or claim_id_b = ?`) or for
-- small facts; `group_links`, `conflicts` and `facts` count and show big facts without their pairs.
-- Links touching a claim of a superseded document version are left out, and so are links a
-- person took apart (see `dismissed_links`: rejected, different facts, a wrong extraction).
--
-- link_id     stable id of the link (md5 of the two claims' claim_keys, low 64 bits): the same across
--             runs and across new versions of a document that restate the claim
-- claim_id_a  the lower claim_id of the pair
-- claim_id_b  the higher claim_id of the pair
-- relation    agrees | conflicts | updates (a later, higher figure of an evolving count)
-- reason      why the two claims are the same fact (measure, scope and period, each with where
--             it was read: the sentence, the sentence before, the headline, the lead, the
--             publication date) and how their values compare (the intervals); for a pair a person
--             said is the same fact (`link_decisions`), who decided it, when and why
-- severity    0 for agreement; grows with the size of a conflict
-- copy        the two claims are the same sentence in both documents, or their documents are near-same
--             (link_candidates: half the MinHash sketch equal): a copy, not an
--             independent source
-- created_at  when the link was first found: when the later of its two claims was first grouped
--             (kept when a new version restates a claim)
-- run_id      the run that first found the link

create or replace view claim_links as

with

worded as (
    select * from worded_links
    where shown_by = 'pair'
),

final as (
    select link_id, claim_id_a, claim_id_b, relation, reason, severity, copy, created_at, run_id
    from worded
)

select * from final
