package io.cncvision.cnc;

import io.cncvision.api.value.MachineId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Keeps what a connector reports, for tests to wait on and check, and optionally passes it on (to a translator). */
public final class RecordingSink implements ObservationSink {

    public final List<Observation> observations = new CopyOnWriteArrayList<>();
    public final List<String> lost = new CopyOnWriteArrayList<>();
    public final List<Instant> restored = new CopyOnWriteArrayList<>();
    public final List<String> gaps = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
    private final ObservationSink next;

    public RecordingSink() {
        this(null);
    }

    public RecordingSink(ObservationSink next) {
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
        gaps.add(description);
        if (next != null) {
            next.dataGap(machine, description, at, sourceId);
        }
    }

    @Override
    public void endOfBatch(MachineId machine) {
        batches.incrementAndGet();
        if (next != null) {
            next.endOfBatch(machine);
        }
    }

    /** Batches the connector said it delivered. */
    public int batches() {
        return batches.get();
    }

    public List<Observation> of(MachineSignal signal) {
        return observations.stream().filter(o -> o.signal() == signal).toList();
    }

    public List<Object> values(MachineSignal signal) {
        return of(signal).stream().map(Observation::value).toList();
    }

    public boolean heard(MachineSignal signal, Object value) {
        return observations.stream().anyMatch(o -> o.signal() == signal && o.value().equals(value));
    }

    /** The latest observation of {@code signal} (and {@code key}, null for any) matching {@code value}, once it comes. */
    public Observation awaitObservation(MachineSignal signal, String key, Predicate<Object> value) {
        await(() -> find(signal, key, value).isPresent(), "an observation of " + signal + " " + key + " matching;"
                + " observed: " + observations);
        return find(signal, key, value).orElseThrow();
    }

    public Optional<Observation> find(MachineSignal signal, String key, Predicate<Object> value) {
        return observations.stream()
                .filter(o -> o.signal() == signal && (key == null || key.equals(o.key())) && value.test(o.value()))
                .reduce((first, second) -> second);
    }

    /** Waits up to 10 s for {@code condition}; fails the test with {@code what} if it never holds. */
    public static void await(BooleanSupplier condition, String what) {
        await(what, Duration.ofSeconds(10), condition);
    }

    /** Waits up to {@code timeout} for {@code condition}; fails the test with {@code what} if it never holds. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
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
