-- Data-quality findings: every rule violation found before a load (blocking errors), after a load, or by 'cchc dq'.
-- Findings are data: a later evaluation of the same scope supersedes them (superseded_by_run) instead of deleting.

CREATE TABLE etl.dq_finding (
    finding_id        BIGINT PRIMARY KEY,
    run_id            BIGINT NOT NULL,
    file_id           BIGINT,                 -- the file the offending values came from, when known
    stage             VARCHAR NOT NULL,       -- pre-load | post-load | dq
    rule_name         VARCHAR NOT NULL,
    severity          VARCHAR NOT NULL,       -- error (blocks a load) | warning (recorded)
    subject           VARCHAR NOT NULL,       -- index_score | remediation_plan | catalogue
    index_code        VARCHAR,
    province_key      INTEGER,
    year              INTEGER,                -- the index year (for plans: the result year)
    plan_year         INTEGER,
    criterion_code    VARCHAR,
    offending_values  VARCHAR,
    message           VARCHAR NOT NULL,
    file_name         VARCHAR,
    sheet             VARCHAR,
    row_number        INTEGER,
    column_name       VARCHAR,
    superseded_by_run BIGINT,                 -- NULL = current
    created_at        TIMESTAMP NOT NULL
);
