-- Index dimension for Power BI (PAR, PCI, PAPI): rpt.index_score[index_code] relates to it.
CREATE OR REPLACE VIEW rpt.governance_index AS
SELECT index_code, name_vi AS index_name, name_en AS index_name_en, publisher, scale_note
FROM dw.dim_index;
