-- The event store: the platform's audit trail. Axon's JDBC storage engine writes here; nothing else does.
CREATE SCHEMA IF NOT EXISTS eventstore;

-- global_index is a BIGSERIAL: the event table owns its sequence and shares it with nothing
-- (a sequence shared with read models leaves gaps that tracking processors wait on; Axon issue 2231).
-- Payload and metadata are UTF-8 JSON in BYTEA, never large-object OIDs (Axon issue 1351).
CREATE TABLE eventstore.events (
    global_index         BIGSERIAL    PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    event_type           VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT events_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

COMMENT ON TABLE eventstore.events IS
    'Append-only audit trail of cncvision. Read it as JSON through the view eventstore.event_log.';

-- Append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused for every role,
-- superusers included (a superuser who disables the trigger is caught by the hash chain).
CREATE FUNCTION eventstore.refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'eventstore.events is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'Events are never changed or removed; record a correction as a new event.';
END;
$$;

CREATE TRIGGER events_append_only_rows
    BEFORE UPDATE OR DELETE ON eventstore.events
    FOR EACH ROW EXECUTE FUNCTION eventstore.refuse_event_change();

CREATE TRIGGER events_append_only_truncate
    BEFORE TRUNCATE ON eventstore.events
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.refuse_event_change();

-- Snapshots are a cache of aggregate state, rebuilt from events at will: replaced, not guarded.
CREATE TABLE eventstore.snapshots (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    aggregate_type       VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    event_type           VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- The events as a person reads them in psql: SELECT * FROM eventstore.event_log WHERE aggregate_id = 'mill-01';
CREATE VIEW eventstore.event_log AS
SELECT global_index,
       aggregate_type,
       aggregate_identifier                                AS aggregate_id,
       sequence_number                                     AS sequence,
       regexp_replace(event_type, '^.*\.', '')             AS type,
       payload_revision                                    AS revision,
       time_stamp::timestamptz                             AS recorded_at,
       convert_from(payload, 'UTF8')::jsonb                AS payload,
       convert_from(meta_data, 'UTF8')::jsonb              AS metadata,
       event_identifier                                    AS event_id
FROM eventstore.events;

-- Axon's bookkeeping: tracking tokens of the event processors and saga state.
CREATE SCHEMA IF NOT EXISTS axon;

CREATE TABLE axon.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE axon.saga_entry (
    saga_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA
);

CREATE TABLE axon.association_value_entry (
    id                BIGSERIAL PRIMARY KEY,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255)
);

CREATE INDEX association_value_lookup ON axon.association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_saga ON axon.association_value_entry (saga_id, saga_type);
