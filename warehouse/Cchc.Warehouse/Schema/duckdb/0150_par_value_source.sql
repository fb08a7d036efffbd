-- PAR Index: the provenance of every real value inside a PAR workbook that is otherwise synthetic (known facts from
-- the seed plan and press/provincial reports). fact_index_score.is_synthetic describes a score; this table also
-- says when a published rank, or the appraisal part of a field, is real, and cites the source. Replaced per year
-- together with the scores of the file that carried it.
CREATE TABLE dw.par_value_source (
    year            INTEGER NOT NULL,
    province_key    INTEGER NOT NULL,
    criterion_code  VARCHAR NOT NULL,        -- 'TOTAL', field '4', criterion '4.1', sub-criterion '4.1.2'
    value_kind      VARCHAR NOT NULL,        -- score | rank | appraisal_score
    value           DOUBLE NOT NULL,
    source          VARCHAR NOT NULL,        -- citation as given in the reference facts
    note            VARCHAR,
    file_id         BIGINT NOT NULL,
    run_id          BIGINT NOT NULL,
    PRIMARY KEY (year, province_key, criterion_code, value_kind)
);
