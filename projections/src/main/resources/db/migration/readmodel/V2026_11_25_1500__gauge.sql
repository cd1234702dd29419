-- Gauges (cameras among them): whether each delivers and the calibration in force.
CREATE TABLE readmodel.gauge (
    gauge_id       VARCHAR(64)  PRIMARY KEY,
    kind           VARCHAR(32)  NOT NULL,
    name           VARCHAR(128) NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    offline_since  TIMESTAMPTZ,
    offline_reason VARCHAR(512),
    calibration_id VARCHAR(64),
    last_sequence  BIGINT       NOT NULL
);

-- Every calibration recorded, superseded ones included: the calibration register (IATF 16949 7.1.5.2).
CREATE TABLE readmodel.gauge_calibration (
    gauge_id                  VARCHAR(64)        NOT NULL,
    calibration_id            VARCHAR(64)        NOT NULL,
    camera_matrix             DOUBLE PRECISION[] NOT NULL,
    distortion_coefficients   DOUBLE PRECISION[] NOT NULL,
    mm_per_pixel              DOUBLE PRECISION   NOT NULL,
    rms_reprojection_error_px DOUBLE PRECISION   NOT NULL,
    image_count               INTEGER            NOT NULL,
    calibrated_at             TIMESTAMPTZ        NOT NULL,
    calibrated_by             VARCHAR(128)       NOT NULL,
    recorded_at               TIMESTAMPTZ        NOT NULL,
    PRIMARY KEY (gauge_id, calibration_id)
);
