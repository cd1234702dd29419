-- Deadlines of sagas (a calibration due in six months, a work order due tomorrow), kept by db-scheduler for
-- Axon's DbSchedulerDeadlineManager so that they survive a restart. The columns are db-scheduler's own
-- (its postgresql_tables.sql); the table sits with Axon's other bookkeeping in the axon schema.
CREATE TABLE axon.scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON axon.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON axon.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON axon.scheduled_tasks (priority DESC, execution_time ASC);
