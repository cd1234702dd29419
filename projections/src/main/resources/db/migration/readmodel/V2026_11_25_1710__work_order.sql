-- Maintenance work orders, from scheduled to completed, with the deadline each missed.
CREATE TABLE readmodel.work_order (
    work_order_id VARCHAR(64)   PRIMARY KEY,
    machine_id    VARCHAR(64)   NOT NULL,
    reason        VARCHAR(1024) NOT NULL,
    source        VARCHAR(16)   NOT NULL,
    component     VARCHAR(64),
    status        VARCHAR(16)   NOT NULL,
    due           TIMESTAMPTZ   NOT NULL,
    scheduled_at  TIMESTAMPTZ   NOT NULL,
    started_by    VARCHAR(128),
    started_at    TIMESTAMPTZ,
    completed_by  VARCHAR(128),
    completed_at  TIMESTAMPTZ,
    tool_changed  VARCHAR(64),
    note          VARCHAR(2048),
    overdue       VARCHAR(16),
    last_sequence BIGINT        NOT NULL
);

CREATE INDEX work_order_machine ON readmodel.work_order (machine_id, scheduled_at);
