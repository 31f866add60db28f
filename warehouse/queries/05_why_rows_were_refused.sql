-- Why rows were refused.
select table_name, check_name, count(*) as n from rejected_rows group by all order by n desc
