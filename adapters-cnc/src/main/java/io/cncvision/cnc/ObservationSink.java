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

    /**
     * Some of what the machine reported was missed ({@code description} says what) and the connector
     * resynchronised from the machine's current values; {@code sourceId} identifies the gap, so it is
     * recorded once. Connectors whose protocol cannot tell a gap (polled registers) never call it.
     */
    default void dataGap(MachineId machine, String description, Instant at, String sourceId) {
    }

    /**
     * Everything one poll, notification or document brought from {@code machine} has been told: values
     * that belong together (a part counter and the serial of the part it counted) arrive within one batch,
     * in either order. Connectors call it after each batch they deliver.
     */
    default void endOfBatch(MachineId machine) {
    }
}
