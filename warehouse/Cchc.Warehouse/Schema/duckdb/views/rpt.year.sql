-- Year dimension for Power BI: one row per calendar year 2000–2040. rpt.index_score[year] and rpt.calendar[year]
-- relate to rpt.year[year], so one year slicer filters yearly index scores and daily facts alike.
CREATE OR REPLACE VIEW rpt.year AS
SELECT CAST(y AS INTEGER)                     AS year,
       make_date(CAST(y AS INTEGER), 1, 1)    AS year_start,
       make_date(CAST(y AS INTEGER), 12, 31)  AS year_end,
       CAST(y AS VARCHAR)                     AS year_label
FROM range(2000, 2041) AS t(y);
