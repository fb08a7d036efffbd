-- Date dimension for Power BI: every day 2000-01-01 … 2040-12-31. T-SQL twin of duckdb/views/rpt.calendar.sql.
-- Days come from a digits cross join (a view cannot carry OPTION (MAXRECURSION)); names never depend on the
-- session's language or DATEFIRST: month names are spelled out, the ISO weekday counts from Monday 1900-01-01.
CREATE OR ALTER VIEW rpt.calendar AS
WITH digits AS (SELECT n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d(n)),
numbers AS (
    SELECT d1.n + 10 * d2.n + 100 * d3.n + 1000 * d4.n + 10000 * d5.n AS n
    FROM digits d1 CROSS JOIN digits d2 CROSS JOIN digits d3 CROSS JOIN digits d4 CROSS JOIN digits d5
),
days AS (
    SELECT DATEADD(DAY, n, DATEFROMPARTS(2000, 1, 1)) AS d
    FROM numbers
    WHERE n < DATEDIFF(DAY, DATEFROMPARTS(2000, 1, 1), DATEFROMPARTS(2041, 1, 1))
)
SELECT
    d                                                    AS date,
    YEAR(d)                                              AS year,
    DATEPART(QUARTER, d)                                 AS quarter,
    MONTH(d)                                             AS month,
    DAY(d)                                               AS day_of_month,
    DATEFROMPARTS(YEAR(d), MONTH(d), 1)                  AS month_start,
    CHOOSE(MONTH(d), N'January', N'February', N'March', N'April', N'May', N'June', N'July', N'August', N'September',
           N'October', N'November', N'December')       AS month_name,
    CONCAT(N'Tháng ', MONTH(d))                          AS month_name_vi,
    CONCAT(YEAR(d), N'-', RIGHT(CONCAT(N'0', MONTH(d)), 2)) AS year_month,
    CONCAT(YEAR(d), N' Q', DATEPART(QUARTER, d))         AS year_quarter,
    DATEDIFF(DAY, DATEFROMPARTS(1900, 1, 1), d) % 7 + 1  AS day_of_week,
    CAST(CASE WHEN DATEDIFF(DAY, DATEFROMPARTS(1900, 1, 1), d) % 7 >= 5 THEN 1 ELSE 0 END AS BIT) AS is_weekend
FROM days;
GO
