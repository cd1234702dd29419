-- The hash chain over the event store: what lets an auditor tell the trail is the one the platform wrote,
-- even after a superuser switched off the append-only triggers (README "Auditing the trail").

-- Proof that the platform wrote an event: HMAC-SHA256 of its canonical encoding, with a key kept in
-- <data-dir>/audit and never in the database, inserted in the transaction that inserts the event.
CREATE TABLE eventstore.event_proof (
    event_identifier VARCHAR(255) PRIMARY KEY,
    mac              BYTEA        NOT NULL
);

-- The chain in global order: chain_hash = SHA-256(previous chain_hash || canonical encoding || mac).
-- A global index with no row here and no event is a sequence value a rolled-back transaction took.
CREATE TABLE eventstore.event_chain (
    global_index     BIGINT       PRIMARY KEY,
    event_identifier VARCHAR(255) NOT NULL,
    chain_hash       BYTEA        NOT NULL
);

-- Heads of the chain signed with the instance's Ed25519 audit key: signature of (global_index as 8 bytes
-- big-endian || chain_hash).
CREATE TABLE eventstore.chain_checkpoint (
    global_index BIGINT      PRIMARY KEY,
    chain_hash   BYTEA       NOT NULL,
    signature    BYTEA       NOT NULL,
    signed_at    TIMESTAMPTZ NOT NULL
);

-- Append-only, as eventstore.events is.
CREATE FUNCTION eventstore.refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'The audit chain is extended, never changed.';
END;
$$;

CREATE TRIGGER event_proof_append_only_rows BEFORE UPDATE OR DELETE ON eventstore.event_proof
    FOR EACH ROW EXECUTE FUNCTION eventstore.refuse_audit_change();
CREATE TRIGGER event_proof_append_only_truncate BEFORE TRUNCATE ON eventstore.event_proof
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.refuse_audit_change();
CREATE TRIGGER event_chain_append_only_rows BEFORE UPDATE OR DELETE ON eventstore.event_chain
    FOR EACH ROW EXECUTE FUNCTION eventstore.refuse_audit_change();
CREATE TRIGGER event_chain_append_only_truncate BEFORE TRUNCATE ON eventstore.event_chain
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.refuse_audit_change();
CREATE TRIGGER chain_checkpoint_append_only_rows BEFORE UPDATE OR DELETE ON eventstore.chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION eventstore.refuse_audit_change();
CREATE TRIGGER chain_checkpoint_append_only_truncate BEFORE TRUNCATE ON eventstore.chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION eventstore.refuse_audit_change();
