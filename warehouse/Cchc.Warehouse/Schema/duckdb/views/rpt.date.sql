-- Calendar for Power BI (mark as date table on column date).
CREATE OR REPLACE VIEW rpt.date AS
SELECT date, year, quarter, month, month_start, day_of_month, iso_day_of_week, is_weekend, month_name_vi
FROM dw.dim_date;
