package io.cncvision.api.maintenance;

import io.cncvision.api.value.MachineId;

/**
 * The event stream id of a machine's maintenance plan. Not the bare machine id: the event store numbers events per
 * aggregate identifier, whatever the aggregate's type, so the plan and the Machine must not share one.
 */
public final class MaintenancePlanIdentity {

    private static final String PREFIX = "maintenance-plan-";

    private MaintenancePlanIdentity() {
    }

    public static String of(MachineId machineId) {
        return PREFIX + machineId.value();
    }
}
