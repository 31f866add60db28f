-- table_columns: the columns of table $table, in order, with their type and nullability.
select column_name, data_type, is_nullable from duckdb_columns() where database_name = current_database() and table_name = $table order by column_index
