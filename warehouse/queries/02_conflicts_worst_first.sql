-- Conflicts, worst first.
select quote_a, title_a, quote_b, title_b, reason, severity from conflicts order by severity desc
