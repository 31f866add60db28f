-- count_pending: how many claims new_groups.sql staged.
select count(*) from pending_groups
