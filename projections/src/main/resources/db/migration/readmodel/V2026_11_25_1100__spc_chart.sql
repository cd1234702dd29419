-- The SPC chart read model: one row per completed subgroup of a characteristic.
CREATE TABLE readmodel.spc_point (
    characteristic_id  VARCHAR(64)        NOT NULL,
    subgroup           BIGINT             NOT NULL,
    mean               DOUBLE PRECISION   NOT NULL,
    range              DOUBLE PRECISION   NOT NULL,
    standard_deviation DOUBLE PRECISION   NOT NULL,
    measured_values    DOUBLE PRECISION[] NOT NULL,
    observed_at        TIMESTAMPTZ        NOT NULL,
    PRIMARY KEY (characteristic_id, subgroup)
);
