-- One-stop results reports (báo cáo tình hình, kết quả giải quyết TTHC, the Government Office's forms 06a/06b/06c):
-- counts per period × province × level × field or agency, as an agency or province reports them. Its own grain, apart
-- from the dossier-level dw.fact_dossier. Only the lowest-grain rows of a report are facts; the report's group and
-- total rows ("I. Cấp tỉnh", "Tổng cộng") are kept in dw.onestop_report_subtotal so that the data-quality rules can
-- compare them with their rows. A report owns its scope (province, period, levels): a corrected report replaces it.

CREATE TABLE dw.fact_onestop_report (
    file_id                   BIGINT NOT NULL,
    source_sheet              VARCHAR NOT NULL,
    source_row                INTEGER NOT NULL,   -- 1-based row in the sheet (CSV: line)
    period_start              DATE NOT NULL,
    period_end                DATE NOT NULL,
    period_kind               VARCHAR NOT NULL,   -- month | quarter | half_year | nine_months | year | custom
    period_label              VARCHAR NOT NULL,   -- as the report names it, e.g. 'Quý II năm 2019'
    province_key              INTEGER NOT NULL,   -- the province entity valid on period_end
    level_code                VARCHAR NOT NULL,   -- province | district | commune
    field_name                VARCHAR,            -- lĩnh vực (per-field reports, and the rows under an agency)
    agency_name               VARCHAR,            -- cơ quan, đơn vị (per-agency reports)
    received_total            INTEGER NOT NULL,   -- số hồ sơ nhận giải quyết: tổng số
    carried_over              INTEGER,            -- kỳ trước chuyển qua
    received_new              INTEGER,            -- mới tiếp nhận trong kỳ (online + in person/postal when split)
    received_online           INTEGER,            -- trực tuyến
    received_in_person_postal INTEGER,            -- trực tiếp, dịch vụ bưu chính
    resolved_total            INTEGER NOT NULL,   -- số hồ sơ đã giải quyết: tổng số
    resolved_early            INTEGER,            -- trả trước hạn (NULL where the form counts it in on time)
    resolved_on_time          INTEGER,            -- đúng thời hạn
    resolved_late             INTEGER,            -- quá hạn
    pending_total             INTEGER NOT NULL,   -- số hồ sơ đang giải quyết: tổng số
    pending_not_due           INTEGER,            -- chưa đến hạn / trong hạn
    pending_overdue           INTEGER,            -- quá hạn
    note                      VARCHAR,            -- ghi chú
    form_code                 VARCHAR,            -- e.g. 'II.06a/VPCP/KSTT', when the report names it
    is_synthetic              BOOLEAN NOT NULL,
    run_id                    BIGINT NOT NULL,
    PRIMARY KEY (file_id, source_sheet, source_row)
);

CREATE TABLE dw.onestop_report_subtotal (
    file_id                   BIGINT NOT NULL,
    source_sheet              VARCHAR NOT NULL,
    source_row                INTEGER NOT NULL,
    subtotal_kind             VARCHAR NOT NULL,   -- grand_total ('Tổng cộng') | level ('I. Cấp tỉnh') | agency (an agency above its fields)
    period_start              DATE NOT NULL,
    period_end                DATE NOT NULL,
    province_key              INTEGER NOT NULL,
    level_code                VARCHAR,            -- NULL for the grand total
    agency_name               VARCHAR,            -- for subtotal_kind 'agency'
    label                     VARCHAR NOT NULL,   -- the row's name as written
    received_total            INTEGER,
    carried_over              INTEGER,
    received_new              INTEGER,
    received_online           INTEGER,
    received_in_person_postal INTEGER,
    resolved_total            INTEGER,
    resolved_early            INTEGER,
    resolved_on_time          INTEGER,
    resolved_late             INTEGER,
    pending_total             INTEGER,
    pending_not_due           INTEGER,
    pending_overdue           INTEGER,
    is_synthetic              BOOLEAN NOT NULL,
    run_id                    BIGINT NOT NULL,
    PRIMARY KEY (file_id, source_sheet, source_row)
);
