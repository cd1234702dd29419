-- A point as its chart plots it once limits are in force (the mean, the EWMA or upper CUSUM, the
-- fraction, rate or count of an attribute sample), with the limits it was judged against and its
-- secondary-chart point; null before limits. Attribute samples keep their count and size and have
-- no measured values, range or standard deviation.
ALTER TABLE readmodel.spc_point
    ALTER COLUMN range DROP NOT NULL,
    ALTER COLUMN standard_deviation DROP NOT NULL,
    ALTER COLUMN measured_values DROP NOT NULL,
    ADD COLUMN sample_count    BIGINT,
    ADD COLUMN sample_size     BIGINT,
    ADD COLUMN plotted         DOUBLE PRECISION,
    ADD COLUMN plotted_lcl     DOUBLE PRECISION,
    ADD COLUMN plotted_ucl     DOUBLE PRECISION,
    ADD COLUMN plotted_secondary DOUBLE PRECISION;

-- The parameters of time-weighted charts (EWMA lambda and L, CUSUM k, h and mean), as a JSON object.
ALTER TABLE readmodel.spc_limits ADD COLUMN parameters JSONB NOT NULL DEFAULT '{}';
