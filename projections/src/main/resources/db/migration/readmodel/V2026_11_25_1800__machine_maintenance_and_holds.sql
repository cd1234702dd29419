-- The work order a machine is in maintenance for, and the nonconformances it is on quality hold under.
ALTER TABLE readmodel.machine_status
    ADD COLUMN maintenance_work_order VARCHAR(64),
    ADD COLUMN held_under             TEXT[] NOT NULL DEFAULT '{}';
