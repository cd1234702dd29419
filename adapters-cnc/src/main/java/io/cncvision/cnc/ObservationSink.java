package io.cncvision.cnc;

import io.cncvision.api.value.MachineId;
import java.time.Instant;

/** Where a connector reports what it heard and how its connection fares. Called from connector threads. */
public interface ObservationSink {

    void observed(MachineId machine, Observation observation);

    /** The connection was lost; {@code reason} says why, as an integrator would need to fix it. */
    void connectionLost(MachineId machine, String reason, Instant at);

    /** Connected (again); the connector then reports the machine's current values, resynchronising. */
    void connectionRestored(MachineId machine, Instant at);
}
