-- Each gauge's certified calibration (IATF 16949 7.1.5.2): whether it may measure, and until when.
ALTER TABLE readmodel.gauge
    ADD COLUMN status           VARCHAR(16) NOT NULL DEFAULT 'NOT_CALIBRATED',
    ADD COLUMN certification_id VARCHAR(64),
    ADD COLUMN due_at           TIMESTAMPTZ;
