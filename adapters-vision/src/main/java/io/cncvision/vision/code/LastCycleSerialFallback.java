package io.cncvision.vision.code;

import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part a camera sees is the last one its machine completed, if that was recently enough: each camera is
 * configured to watch one machine's outfeed, and the caller feeds {@link #cycleCompleted} (from the machine's
 * CycleCompleted events). A part older than {@code maximumAge} at capture is not guessed at.
 */
public final class LastCycleSerialFallback implements SerialFallback {

    private static final int MAXIMUM_SERIAL = 64;

    /** A camera watches {@code machine}'s outfeed; a part it sees was completed at most {@code maximumAge} before. */
    public record Watch(MachineId machine, Duration maximumAge) {
    }

    private final Map<GaugeId, Watch> watchOfCamera;
    private final Map<MachineId, Completed> lastCompleted = new ConcurrentHashMap<>();

    public LastCycleSerialFallback(Map<GaugeId, Watch> watchOfCamera) {
        this.watchOfCamera = Map.copyOf(watchOfCamera);
    }

    /** Every camera's parts were completed at most {@code maximumAge} before it sees them. */
    public LastCycleSerialFallback(Map<GaugeId, MachineId> machineOfCamera, Duration maximumAge) {
        this(watches(machineOfCamera, maximumAge));
    }

    private static Map<GaugeId, Watch> watches(Map<GaugeId, MachineId> machineOfCamera, Duration maximumAge) {
        Map<GaugeId, Watch> watches = new HashMap<>();
        machineOfCamera.forEach((camera, machine) -> watches.put(camera, new Watch(machine, maximumAge)));
        return watches;
    }

    /**
     * The machine completed a cycle: the part it made is the one the machine named, or else, for a machine that
     * does not know its parts' serials, {@code <machine>.<cycle count>} (lathe-1.417), which names the same part
     * however often the cycle is heard.
     */
    public void cycleCompleted(CycleCompleted cycle) {
        Serial serial = cycle.partSerial();
        if (serial == null) {
            String derived = cycle.machineId().value() + "." + cycle.cycleCount();
            if (derived.length() > MAXIMUM_SERIAL) {
                return;
            }
            serial = Serial.of(derived);
        }
        cycleCompleted(cycle.machineId(), serial, cycle.observedAt());
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
        Watch watch = watchOfCamera.get(camera);
        Completed completed = watch == null ? null : lastCompleted.get(watch.machine());
        if (completed == null || completed.at.isAfter(capturedAt)
                || Duration.between(completed.at, capturedAt).compareTo(watch.maximumAge()) > 0) {
            return Optional.empty();
        }
        return Optional.of(completed.serial);
    }

    private record Completed(Serial serial, Instant at) {
    }
}
