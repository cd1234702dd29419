package io.cncvision.vision.code;

import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part a camera sees is the last one its machine completed, if that was recently enough: each camera is
 * configured to watch one machine's outfeed, and the caller feeds {@link #cycleCompleted} (from the machine's
 * CycleCompleted events). A part older than {@code maximumAge} at capture is not guessed at.
 */
public final class LastCycleSerialFallback implements SerialFallback {

    private final Map<GaugeId, MachineId> machineOfCamera;
    private final Duration maximumAge;
    private final Map<MachineId, Completed> lastCompleted = new ConcurrentHashMap<>();

    public LastCycleSerialFallback(Map<GaugeId, MachineId> machineOfCamera, Duration maximumAge) {
        this.machineOfCamera = Map.copyOf(machineOfCamera);
        this.maximumAge = maximumAge;
    }

    /** The machine completed a cycle that made {@code serial}. */
    public void cycleCompleted(MachineId machine, Serial serial, Instant at) {
        if (serial == null) {
            return;
        }
        lastCompleted.merge(machine, new Completed(serial, at), (old, now) -> now.at.isBefore(old.at) ? old : now);
    }

    @Override
    public Optional<Serial> serialFor(GaugeId camera, Instant capturedAt) {
        MachineId machine = machineOfCamera.get(camera);
        Completed completed = machine == null ? null : lastCompleted.get(machine);
        if (completed == null || completed.at.isAfter(capturedAt)
                || Duration.between(completed.at, capturedAt).compareTo(maximumAge) > 0) {
            return Optional.empty();
        }
        return Optional.of(completed.serial);
    }

    private record Completed(Serial serial, Instant at) {
    }
}
