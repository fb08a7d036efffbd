-- T-SQL twin of duckdb/views/rpt.date.sql.
CREATE OR ALTER VIEW rpt.[date] AS
SELECT [date], year, quarter, month, month_start, day_of_month, iso_day_of_week, is_weekend, month_name_vi
FROM dw.dim_date;

GO
