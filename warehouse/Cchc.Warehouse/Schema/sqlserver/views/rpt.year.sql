-- Year dimension for Power BI: one row per calendar year 2000–2040. T-SQL twin of duckdb/views/rpt.year.sql.
CREATE OR ALTER VIEW rpt.year AS
WITH digits AS (SELECT n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d(n)),
years AS (SELECT 2000 + tens.n * 10 + ones.n AS y FROM digits tens CROSS JOIN digits ones WHERE tens.n * 10 + ones.n <= 40)
SELECT y                            AS year,
       DATEFROMPARTS(y, 1, 1)       AS year_start,
       DATEFROMPARTS(y, 12, 31)     AS year_end,
       CAST(y AS NVARCHAR(4))       AS year_label
FROM years;
GO
