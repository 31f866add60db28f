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

-- each view this one reads, read once (DuckDB binds a view once per reference, a CTE once); the
-- pairs of value groups (`group_links`) are not read: `worded_links` and `conflicts` word those
dismissed as (
    select * from dismissed_links
),

grouped as (
    select claim_id, run_id, created_at from claim_groups
),

pair_links as (
    select
        c.link_id,
        c.claim_id_a,
        c.claim_id_b,
        c.relation,
        c.severity,
        c.copy,
        case when a.created_at >= b.created_at then a.created_at else b.created_at end as created_at,
        case when a.created_at >= b.created_at then a.run_id else b.run_id end as run_id
    from link_candidates as c
    inner join grouped as a on a.claim_id = c.claim_id_a
    inner join grouped as b on b.claim_id = c.claim_id_b
    anti join dismissed as d on d.claim_id_a = c.claim_id_a and d.claim_id_b = c.claim_id_b
    where c.claim_id_a not in (select claim_id_a from dismissed where claim_id_b is null)
        and c.claim_id_b not in (select claim_id_a from dismissed where claim_id_b is null)
),

decisions as (
    select claim_id_a, claim_id_b, decision, reviewer, reviewed_at, note from link_decisions
    where same_fact
),

titled_claims as (
    select c.claim_id, c.quote, c.measure, c.scope, c.when_start, c.when_end, c.evolving, c.interval_low,
           c.interval_high, c.evidence, coalesce(d.title, d.uri) as title
    from claims as c
    inner join documents as d using (document_id, version)
),

final as (
    select
        links.link_id,
        links.claim_id_a,
        links.claim_id_b,
        links.relation,
        link_reason(links.relation, a.quote, a.title, b.quote, b.title,
                    link_fact(a.measure, a.scope, a.when_start, a.when_end, a.evolving),
                    a.evidence, b.evidence, a.interval_low, a.interval_high, b.interval_low, b.interval_high,
                    links.copy, decisions.decision, decisions.reviewer, decisions.reviewed_at, decisions.note)
            as reason,
        links.severity,
        links.copy,
        links.created_at,
        links.run_id
    from pair_links as links
    left join decisions using (claim_id_a, claim_id_b)
    inner join titled_claims as a on a.claim_id = links.claim_id_a
    inner join titled_claims as b on b.claim_id = links.claim_id_b
)

select * from final
