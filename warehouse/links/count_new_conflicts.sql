-- count_new_conflicts: pairs of value groups that conflict (or update) first found by run $run_id
-- (`group_links`): a new figure's conflicts are new, a restated claim's are not.
select count(*) from group_links
where relation <> 'agrees' and run_id = $run_id
