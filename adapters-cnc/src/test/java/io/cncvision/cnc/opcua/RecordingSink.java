package io.cncvision.cnc.opcua;

import io.cncvision.api.value.MachineId;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.ObservationSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a connector reports, for tests to wait on. */
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

    final List<String> gaps = new CopyOnWriteArrayList<>();

    @Override
    public void dataGap(MachineId machine, String description, Instant at, String sourceId) {
        gaps.add(description);
    }

    List<Observation> of(MachineSignal signal) {
        return observations.stream().filter(o -> o.signal() == signal).toList();
    }

    boolean heard(MachineSignal signal, Object value) {
        return observations.stream().anyMatch(o -> o.signal() == signal && o.value().equals(value));
    }
}
