-- Claims per reference verdict, when any reference figure is loaded (the run summary).
select verdict, count(*) as claims
from reference_checks
where exists (select 1 from reference_figures)
group by verdict
order by case verdict when 'contradicted' then 0 when 'supported' then 1 else 2 end
