-- A camera's inspection names the image, calibration and model it used, and what it measured and found.
ALTER TABLE readmodel.part_inspection
    ADD COLUMN image_sha256   CHAR(64),
    ADD COLUMN calibration_id VARCHAR(64),
    ADD COLUMN model_sha256   CHAR(64);

CREATE TABLE readmodel.part_inspection_measurement (
    serial          VARCHAR(64)      NOT NULL,
    sequence_number BIGINT           NOT NULL,
    ordinal         INT              NOT NULL,
    feature         VARCHAR(64)      NOT NULL,
    value           DOUBLE PRECISION NOT NULL,
    unit            VARCHAR(16)      NOT NULL,
    PRIMARY KEY (serial, sequence_number, ordinal)
);

CREATE TABLE readmodel.part_inspection_defect (
    serial          VARCHAR(64)      NOT NULL,
    sequence_number BIGINT           NOT NULL,
    ordinal         INT              NOT NULL,
    defect_class    VARCHAR(64)      NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    box_x           INT,
    box_y           INT,
    box_width       INT,
    box_height      INT,
    PRIMARY KEY (serial, sequence_number, ordinal)
);
