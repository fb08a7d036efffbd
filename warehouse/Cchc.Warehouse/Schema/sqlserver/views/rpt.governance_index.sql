-- Index dimension for Power BI (PAR, PCI, PAPI). T-SQL twin of duckdb/views/rpt.governance_index.sql.
CREATE OR ALTER VIEW rpt.governance_index AS
SELECT index_code, name_vi AS index_name, name_en AS index_name_en, publisher, scale_note
FROM dw.dim_index;
GO
