package io.cncvision.cnc.mtconnect;

import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.ObservationSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Keeps what a connector reports, and optionally passes it on (to a translator). */
final class RecordingSink implements ObservationSink {

    final List<Observation> observations = new CopyOnWriteArrayList<>();
    final List<String> lost = new CopyOnWriteArrayList<>();
    final List<Instant> restored = new CopyOnWriteArrayList<>();
    private final ObservationSink next;

    RecordingSink() {
        this(null);
    }

    RecordingSink(ObservationSink next) {
        this.next = next;
    }

    @Override
    public void observed(MachineId machine, Observation observation) {
        observations.add(observation);
        if (next != null) {
            next.observed(machine, observation);
        }
    }

    @Override
    public void connectionLost(MachineId machine, String reason, Instant at) {
        lost.add(reason);
        if (next != null) {
            next.connectionLost(machine, reason, at);
        }
    }

    @Override
    public void connectionRestored(MachineId machine, Instant at) {
        restored.add(at);
        if (next != null) {
            next.connectionRestored(machine, at);
        }
    }

    @Override
    public void dataGap(MachineId machine, String description, Instant at, String sourceId) {
        if (next != null) {
            next.dataGap(machine, description, at, sourceId);
        }
    }

    List<Object> values(MachineSignal signal) {
        return observations.stream().filter(o -> o.signal() == signal).map(Observation::value).toList();
    }

    /** Waits up to {@code timeout} for {@code condition}; fails the test with {@code what} if it never holds. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
