-- Since when the platform has lost its connection to the machine; null while connected (or never connected).
ALTER TABLE readmodel.machine_status
    ADD COLUMN connection_lost_since  TIMESTAMPTZ,
    ADD COLUMN connection_lost_reason VARCHAR(512);
