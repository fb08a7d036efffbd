-- Date dimension for Power BI ("Mark as date table" on [date]): every day 2000-01-01 … 2040-12-31, contiguous.
-- Daily facts relate their date columns to rpt.calendar[date]; rpt.calendar[year] relates to rpt.year[year].
-- Sort month_name and month_name_vi by month. day_of_week is ISO (1 = Monday … 7 = Sunday).
CREATE OR REPLACE VIEW rpt.calendar AS
SELECT
    CAST(d AS DATE)                                      AS date,
    CAST(year(d) AS INTEGER)                             AS year,
    CAST(quarter(d) AS INTEGER)                          AS quarter,
    CAST(month(d) AS INTEGER)                            AS month,
    CAST(day(d) AS INTEGER)                              AS day_of_month,
    CAST(date_trunc('month', d) AS DATE)                 AS month_start,
    ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
     'December'][CAST(month(d) AS INTEGER)]              AS month_name,
    'Tháng ' || CAST(month(d) AS VARCHAR)                AS month_name_vi,
    strftime(d, '%Y-%m')                                 AS year_month,
    CAST(year(d) AS VARCHAR) || ' Q' || CAST(quarter(d) AS VARCHAR) AS year_quarter,
    CAST(isodow(d) AS INTEGER)                           AS day_of_week,
    isodow(d) >= 6                                       AS is_weekend
FROM range(TIMESTAMP '2000-01-01', TIMESTAMP '2041-01-01', INTERVAL 1 DAY) AS t(d);
