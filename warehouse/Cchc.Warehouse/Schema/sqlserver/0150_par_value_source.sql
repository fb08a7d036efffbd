-- PAR Index: the provenance of every real value inside a PAR workbook that is otherwise synthetic (known facts from
-- the seed plan and press/provincial reports). fact_index_score.is_synthetic describes a score; this table also
-- says when a published rank, or the appraisal part of a field, is real, and cites the source. Replaced per year
-- together with the scores of the file that carried it.
CREATE TABLE dw.par_value_source (
    year            INT            NOT NULL,
    province_key    INT            NOT NULL,
    criterion_code  NVARCHAR(20)   NOT NULL,
    value_kind      NVARCHAR(20)   NOT NULL,
    value           FLOAT          NOT NULL,
    source          NVARCHAR(400)  NOT NULL,
    note            NVARCHAR(400)  NULL,
    file_id         BIGINT         NOT NULL,
    run_id          BIGINT         NOT NULL,
    CONSTRAINT pk_par_value_source PRIMARY KEY (year, province_key, criterion_code, value_kind)
);
GO
