-- Read models: plain tables that the projections write and the query side reads.
-- Each row carries the sequence number of the last event of its aggregate that it applied
-- (last_sequence), so a redelivered or replayed event changes nothing. The projections' reset
-- handlers truncate their group's tables before a replay.
CREATE SCHEMA IF NOT EXISTS readmodel;

-- Processing group "machine-status"
CREATE TABLE readmodel.machine_status (
    machine_id     VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(128) NOT NULL,
    protocol       VARCHAR(16)  NOT NULL,
    endpoint       VARCHAR(512),
    state          VARCHAR(16)  NOT NULL,
    state_since    TIMESTAMPTZ  NOT NULL,
    -- alarm codes in the order they were raised
    active_alarms  TEXT[]       NOT NULL DEFAULT '{}',
    cycle_count    BIGINT       NOT NULL DEFAULT 0,
    last_cycle_at  TIMESTAMPTZ,
    registered_at  TIMESTAMPTZ  NOT NULL,
    last_sequence  BIGINT       NOT NULL
);

-- Processing group "characteristics"
CREATE TABLE readmodel.characteristic (
    characteristic_id          VARCHAR(64)      PRIMARY KEY,
    part_number                VARCHAR(64)      NOT NULL,
    name                       VARCHAR(128)     NOT NULL,
    unit                       VARCHAR(16)      NOT NULL,
    nominal                    DOUBLE PRECISION NOT NULL,
    lsl                        DOUBLE PRECISION,
    usl                        DOUBLE PRECISION,
    subgroup_size              INTEGER          NOT NULL,
    chart                      VARCHAR(16)      NOT NULL,
    measurement_count          BIGINT           NOT NULL DEFAULT 0,
    out_of_specification_count BIGINT           NOT NULL DEFAULT 0,
    last_value                 DOUBLE PRECISION,
    last_observed_at           TIMESTAMPTZ,
    last_sequence              BIGINT           NOT NULL
);

-- Processing group "part-genealogy"

-- The group's own copy of each characteristic's current specification: it gives a part's
-- measurement its unit and verdict as they stood when it was recorded, whatever the progress
-- of the "characteristics" group.
CREATE TABLE readmodel.part_genealogy_specification (
    characteristic_id VARCHAR(64)      PRIMARY KEY,
    unit              VARCHAR(16)      NOT NULL,
    nominal           DOUBLE PRECISION NOT NULL,
    lsl               DOUBLE PRECISION,
    usl               DOUBLE PRECISION,
    last_sequence     BIGINT           NOT NULL
);

-- One row per serial the Part aggregate knows; production fields stay null until PartProduced.
CREATE TABLE readmodel.part (
    serial        VARCHAR(64)  PRIMARY KEY,
    part_number   VARCHAR(64),
    machine_id    VARCHAR(64),
    program       VARCHAR(128),
    tool_id       VARCHAR(64),
    lot           VARCHAR(64),
    produced_at   TIMESTAMPTZ,
    disposition   VARCHAR(32)  NOT NULL,
    last_sequence BIGINT       NOT NULL
);

-- Measurements of serialised parts, keyed by the characteristic's event: they may arrive
-- before the part's production is reported, so they do not reference readmodel.part.
CREATE TABLE readmodel.part_measurement (
    characteristic_id    VARCHAR(64)      NOT NULL,
    sequence_number      BIGINT           NOT NULL,
    serial               VARCHAR(64)      NOT NULL,
    value                DOUBLE PRECISION NOT NULL,
    unit                 VARCHAR(16),
    gauge_id             VARCHAR(64),
    observed_at          TIMESTAMPTZ      NOT NULL,
    source_message_id    VARCHAR(256),
    out_of_specification BOOLEAN          NOT NULL,
    PRIMARY KEY (characteristic_id, sequence_number)
);
CREATE INDEX part_measurement_by_serial ON readmodel.part_measurement (serial, observed_at);

-- Inspections of a part, keyed by the Part aggregate's event.
CREATE TABLE readmodel.part_inspection (
    serial            VARCHAR(64)  NOT NULL,
    sequence_number   BIGINT       NOT NULL,
    characteristic_id VARCHAR(64),
    result            VARCHAR(8)   NOT NULL,
    gauge_id          VARCHAR(64),
    note              VARCHAR(512),
    observed_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (serial, sequence_number)
);
