-- Processing group "nonconformances": the NCR register (IATF 16949 8.7, 10.2).

-- One row per nonconformance: what opened it, its latest root cause, its signed disposition, its closure.
CREATE TABLE readmodel.nonconformance (
    nonconformance_id         VARCHAR(64)   PRIMARY KEY,
    source                    VARCHAR(32)   NOT NULL,
    status                    VARCHAR(16)   NOT NULL,
    description               VARCHAR(2048) NOT NULL,
    machine_id                VARCHAR(64),
    characteristic_id         VARCHAR(64),
    gauge_id                  VARCHAR(64),
    serials                   VARCHAR(64)[] NOT NULL,
    opened_at                 TIMESTAMPTZ   NOT NULL,
    root_cause                VARCHAR(4096),
    root_cause_method         VARCHAR(128),
    root_cause_recorded_by    VARCHAR(128),
    root_cause_recorded_at    TIMESTAMPTZ,
    disposition               VARCHAR(16),
    disposition_justification VARCHAR(2048),
    concession_expires_at     TIMESTAMPTZ,
    signer_id                 VARCHAR(128),
    signature_meaning         VARCHAR(256),
    signed_at                 TIMESTAMPTZ,
    authenticated_at          TIMESTAMPTZ,
    closed_at                 TIMESTAMPTZ,
    closed_by                 VARCHAR(128),
    closing_note              VARCHAR(2048),
    last_sequence             BIGINT        NOT NULL
);
CREATE INDEX nonconformance_by_opened_at ON readmodel.nonconformance (opened_at DESC);

-- Each containment applied, with the parts it newly held, keyed by the nonconformance's event.
CREATE TABLE readmodel.nonconformance_containment (
    nonconformance_id VARCHAR(64)   NOT NULL,
    sequence_number   BIGINT        NOT NULL,
    action            VARCHAR(1024) NOT NULL,
    applied_at        TIMESTAMPTZ   NOT NULL,
    serials           VARCHAR(64)[] NOT NULL,
    PRIMARY KEY (nonconformance_id, sequence_number)
);

-- Corrective actions, keyed by the nonconformance's event.
CREATE TABLE readmodel.nonconformance_action (
    nonconformance_id VARCHAR(64)   NOT NULL,
    sequence_number   BIGINT        NOT NULL,
    action            VARCHAR(2048) NOT NULL,
    owner_id          VARCHAR(128)  NOT NULL,
    due_on            DATE          NOT NULL,
    assigned_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (nonconformance_id, sequence_number)
);

-- Processing group "part-genealogy": the nonconformance a part is held under, null while it is not held.
ALTER TABLE readmodel.part ADD COLUMN quarantined_under VARCHAR(64);
ALTER TABLE readmodel.part ADD COLUMN quarantined_at    TIMESTAMPTZ;
