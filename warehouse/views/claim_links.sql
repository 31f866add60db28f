-- claim_links: links between two current claims about the same fact.
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
--             publication date) and how their values compare (the intervals)
-- severity    0 for agreement; grows with the size of a conflict
-- copy        the two claims are the same sentence in both documents, or their documents are near-same
--             (link_candidates: half the MinHash sketch equal): a copy, not an
--             independent source
-- created_at  when the link was first stored (kept when a new version restates it)
-- run_id      the run that first found the link

create or replace view claim_links as

with

links as (
    select * from link_rows
    anti join dismissed_links using (claim_id_a, claim_id_b)
    where claim_id_a not in (select claim_id_a from dismissed_links where claim_id_b is null)
        and claim_id_b not in (select claim_id_a from dismissed_links where claim_id_b is null)
),

titled_claims as (
    select c.claim_id, c.quote, c.measure, c.scope, c.when_start, c.when_end, c.evolving, c.interval_low,
           c.interval_high, c.evidence, coalesce(d.title, d.uri) as title
    from claims as c
    inner join documents as d using (document_id, version)
),

paired as (
    select
        links.*,
        a.quote as quote_a,
        b.quote as quote_b,
        a.title as title_a,
        b.title as title_b,
        a.measure,
        a.scope,
        a.when_start,
        a.when_end,
        a.evolving,
        a.evidence as evidence_a,
        b.evidence as evidence_b,
        a.interval_low as lo_a,
        a.interval_high as hi_a,
        b.interval_low as lo_b,
        b.interval_high as hi_b,
        case
            when links.relation = 'agrees' then null
            when a.interval_high < b.interval_low then 'below'
            else 'above'
        end as side
    from links
    inner join titled_claims as a on a.claim_id = links.claim_id_a
    inner join titled_claims as b on b.claim_id = links.claim_id_b
),

worded as (
    select
        *,
        coalesce(measure, 'the same measure')
            || case when scope is null then '' else ' in ' || scope end
            || case
                when when_start is null then ''
                when evolving and when_start = when_end then ' as of ' || strftime(when_start, '%Y-%m-%d')
                when when_start = when_end then ' on ' || strftime(when_start, '%Y-%m-%d')
                else ' for ' || strftime(when_start, '%Y-%m-%d') || '..' || strftime(when_end, '%Y-%m-%d')
            end as fact,
        '[' || coalesce(cast(lo_a as varchar), '-inf') || ', ' || coalesce(cast(hi_a as varchar), 'inf') || ']' as interval_a,
        '[' || coalesce(cast(lo_b as varchar), '-inf') || ', ' || coalesce(cast(hi_b as varchar), 'inf') || ']' as interval_b
    from paired
),

final as (
    select
        link_id,
        claim_id_a,
        claim_id_b,
        relation,
        case relation
            when 'agrees' then format('"{}" ({}) agrees with "{}" ({})', quote_a, title_a, quote_b, title_b)
            when 'updates' then format('"{}" ({}) and "{}" ({}): the later figure updates the earlier one',
                                       quote_a, title_a, quote_b, title_b)
            else format('"{}" ({}) is {} "{}" ({})', quote_a, title_a, coalesce(side, 'apart from'), quote_b, title_b)
        end
        || format(' for {}', fact)
        || format('. Same fact: a: {}; b: {}', coalesce(evidence_a, 'no evidence'), coalesce(evidence_b, 'no evidence'))
        || format('. Values: {} and {} {}', interval_a, interval_b,
                  case when relation = 'agrees' then 'overlap' else 'do not overlap' end)
        || case when copy then '; the same sentence in both documents, or near-same documents: a copy, not an independent source' else '' end
            as reason,
        severity,
        copy,
        created_at,
        run_id
    from worded
)

select * from final
