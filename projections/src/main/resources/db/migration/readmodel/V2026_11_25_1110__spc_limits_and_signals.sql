-- Control limits of each characteristic, every establishment kept; the latest is in force.
CREATE TABLE readmodel.spc_limits (
    characteristic_id VARCHAR(64)      NOT NULL,
    sequence_number   BIGINT           NOT NULL,
    from_subgroup     BIGINT           NOT NULL,
    to_subgroup       BIGINT           NOT NULL,
    center            DOUBLE PRECISION NOT NULL,
    lcl               DOUBLE PRECISION NOT NULL,
    ucl               DOUBLE PRECISION NOT NULL,
    sigma             DOUBLE PRECISION NOT NULL,
    secondary_center  DOUBLE PRECISION NOT NULL,
    secondary_lcl     DOUBLE PRECISION NOT NULL,
    secondary_ucl     DOUBLE PRECISION NOT NULL,
    rules             VARCHAR(32)      NOT NULL,
    approved_by       VARCHAR(128)     NOT NULL,
    reason            VARCHAR(512)     NOT NULL,
    established_at    TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (characteristic_id, sequence_number)
);

-- Out-of-control signals: a rule that fired at a subgroup, and the subgroups of its pattern.
CREATE TABLE readmodel.spc_signal (
    characteristic_id VARCHAR(64)      NOT NULL,
    subgroup          BIGINT           NOT NULL,
    rule              VARCHAR(16)      NOT NULL,
    subgroups         BIGINT[]         NOT NULL,
    value             DOUBLE PRECISION NOT NULL,
    observed_at       TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (characteristic_id, subgroup, rule)
);
