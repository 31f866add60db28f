-- reasons: a link's reason in words, written once for the three views that word links
-- (`claim_links`: every pair; `worded_links` and `conflicts`: one pair per pair of value groups).
-- Each of those views joins the link to its two claims (`claims`, titled from `documents`) and to
-- a person's same-fact decision on the pair (`link_decisions`) itself, so that reading one of them
-- never plans the other's links (DuckDB binds every view a query reads, once per reference).

-- link_fact: the fact two linked claims state: measure, scope and period (as of a day for an evolving count)
create or replace macro link_fact(measure, scope, when_start, when_end, evolving) as
    coalesce(measure, 'the same measure')
    || case when scope is null then '' else ' in ' || scope end
    || case
        when when_start is null then ''
        when evolving and when_start = when_end then ' as of ' || strftime(when_start, '%Y-%m-%d')
        when when_start = when_end then ' on ' || strftime(when_start, '%Y-%m-%d')
        else ' for ' || strftime(when_start, '%Y-%m-%d') || '..' || strftime(when_end, '%Y-%m-%d')
    end;

-- interval_text: an asserted interval as [low, high], an open bound as -inf or inf
create or replace macro interval_text(lo, hi) as
    '[' || coalesce(cast(lo as varchar), '-inf') || ', ' || coalesce(cast(hi as varchar), 'inf') || ']';

-- link_reason: why the two claims are the same fact and how their values compare; a pair a person
-- said is the same fact (decision not null) ends with who decided, when and why
create or replace macro link_reason(relation, quote_a, title_a, quote_b, title_b, fact, evidence_a, evidence_b,
                                    lo_a, hi_a, lo_b, hi_b, copy, decision, reviewer, reviewed_at, note) as
    case relation
        when 'agrees' then format('"{}" ({}) agrees with "{}" ({})', quote_a, title_a, quote_b, title_b)
        when 'updates' then format('"{}" ({}) and "{}" ({}): the later figure updates the earlier one',
                                   quote_a, title_a, quote_b, title_b)
        else format('"{}" ({}) is {} "{}" ({})', quote_a, title_a,
                    coalesce(case when hi_a < lo_b then 'below' else 'above' end, 'apart from'), quote_b, title_b)
    end
    || format(' for {}', fact)
    || format('. Same fact: a: {}; b: {}', coalesce(evidence_a, 'no evidence'), coalesce(evidence_b, 'no evidence'))
    || format('. Values: {} and {} {}', interval_text(lo_a, hi_a), interval_text(lo_b, hi_b),
              case when relation = 'agrees' then 'overlap' else 'do not overlap' end)
    || case when copy then '; the same sentence in both documents, or near-same documents: a copy, not an independent source' else '' end
    || case when decision is null then ''
            else format('. A person decided they are the same fact: {} by {} on {}{}', decision, reviewer,
                        strftime(reviewed_at at time zone 'UTC', '%Y-%m-%d %H:%M UTC'), coalesce(' (' || note || ')', ''))
       end;
