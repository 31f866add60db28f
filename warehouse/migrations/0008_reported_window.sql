-- 0008_reported_window: a claim whose period only says when its figure was reported (flows/claims/facts.py,
-- _reported_window: job cuts, headcounts, damage and costs with no period of their own) carries the
-- window before that day, and link_candidates lets such a window meet any period it overlaps.
-- (Other branches of this round also add 0008/0009: renumber on merge, versions count up from one.)
--
-- when_loose   when_start..when_end is the reporting window, not a period the figure counts;
--              null for rows written before this migration (read as false)

alter table claim_rows add column when_loose boolean;
