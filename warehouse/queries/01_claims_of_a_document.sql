-- The claims of one document, in reading order.
select quote, value, unit, qualifier, subject, place, period_start
from claims where uri like '%beyond-america%' order by span_start
