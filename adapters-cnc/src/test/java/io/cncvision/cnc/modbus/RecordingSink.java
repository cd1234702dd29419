package io.cncvision.cnc.modbus;

import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.ObservationSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Keeps what a connector reports, for tests to wait on and check. */
final class RecordingSink implements ObservationSink {

    final List<Observation> observations = new CopyOnWriteArrayList<>();
    final List<String> lost = new CopyOnWriteArrayList<>();
    final List<Instant> restored = new CopyOnWriteArrayList<>();

    @Override
    public void observed(MachineId machine, Observation observation) {
        observations.add(observation);
    }

    @Override
    public void connectionLost(MachineId machine, String reason, Instant at) {
        lost.add(reason);
    }

    @Override
    public void connectionRestored(MachineId machine, Instant at) {
        restored.add(at);
    }

    /** The latest observation of {@code signal} (and {@code key}, null for any) matching {@code value}, once it comes. */
    Observation awaitObservation(MachineSignal signal, String key, Predicate<Object> value) {
        await(() -> find(signal, key, value).isPresent(), "an observation of " + signal + " " + key + " matching;"
                + " observed: " + observations);
        return find(signal, key, value).orElseThrow();
    }

    Optional<Observation> find(MachineSignal signal, String key, Predicate<Object> value) {
        return observations.stream()
                .filter(o -> o.signal() == signal && (key == null || key.equals(o.key())) && value.test(o.value()))
                .reduce((first, second) -> second);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
