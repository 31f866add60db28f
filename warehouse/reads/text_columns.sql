-- The text columns of a view, in order (flows/exports.py escapes them for CSV).
select column_name
from (describe select * from query_table($view))
where column_type = 'VARCHAR'
