-- The people who use cncvision, apart from the audit trail. Events name a person by a pseudonymous user id
-- (u-...) only; the name behind the id lives here, and here alone, so that erasing it (GDPR Art. 17) never
-- touches an event or the hash chain over them.
CREATE SCHEMA IF NOT EXISTS people;

CREATE TABLE people.person (
    -- Assigned on first sight of an (issuer, subject) and never reused: what events carry.
    user_id      VARCHAR(40)              PRIMARY KEY,
    -- SHA-256 of issuer, a line feed and the token's subject: finds the id without keeping the subject in
    -- clear. NULL once erased, so the same subject signing in again gets a new id.
    subject_key  BYTEA                    UNIQUE,
    -- The token's name, else preferred_username, else subject. NULL once erased.
    display_name VARCHAR(400),
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When and by whom (a user id, or 'command line') the name was erased; the row stays to say so.
    erased_at    TIMESTAMP WITH TIME ZONE,
    erased_by    VARCHAR(40),
    CONSTRAINT person_erased_or_named CHECK (
        (erased_at IS NULL AND subject_key IS NOT NULL AND display_name IS NOT NULL AND erased_by IS NULL)
        OR (erased_at IS NOT NULL AND subject_key IS NULL AND display_name IS NULL AND erased_by IS NOT NULL))
);

COMMENT ON TABLE people.person IS
    'Who is behind a pseudonymous user id of the audit trail. Erasure clears the name and subject; events are untouched.';
