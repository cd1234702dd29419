package io.cncvision.cnc;

import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.ReportConnectionLost;
import io.cncvision.api.machine.ReportConnectionRestored;
import io.cncvision.api.machine.ReportDataGap;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what connectors hear into the platform's commands:
 * <ul>
 *   <li>an execution state becomes {@link ReportMachineState} when it differs from the last one heard;</li>
 *   <li>a part counter that grows by n completes n cycles ({@link CompleteCycle}, with the program
 *       heard last); the first count heard is the baseline, and a counter that goes back was reset;</li>
 *   <li>the last of those cycles carries the serial the machine named ({@link MachineSignal#PART_ID}), and
 *       when the machine's {@link PartNumbers} name the program's part number, the part is recorded as
 *       produced ({@link ProducePart}) right after its cycle;</li>
 *   <li>an alarm raised or changed in level becomes {@link RaiseAlarm}, one back to NORMAL {@link ClearAlarm};</li>
 *   <li>a lost or restored connection becomes {@link ReportConnectionLost} / {@link ReportConnectionRestored},
 *       and data a connector knows it missed {@link ReportDataGap};</li>
 *   <li>telemetry signals go to the {@link TelemetrySink}, not to events.</li>
 * </ul>
 * Every command carries the observation's source id as its source message id, so a repeat records
 * nothing. Thread-safe: connectors call it from their own threads, one machine's observations in order.
 */
public final class MachineEventTranslator implements ObservationSink {

    private static final Logger log = LoggerFactory.getLogger(MachineEventTranslator.class);

    private final Consumer<Object> commands;
    private final TelemetrySink telemetry;
    private final Map<MachineId, PartNumbers> partNumbers;
    private final Map<MachineId, Heard> heard = new ConcurrentHashMap<>();
    private final AtomicLong unknownStates = new AtomicLong();

    /** A translator for machines whose parts are not recorded as produced: cycles only. */
    public MachineEventTranslator(Consumer<Object> commands, TelemetrySink telemetry) {
        this(commands, telemetry, Map.of());
    }

    /** {@code partNumbers}: each machine's part numbers; a machine not in it records cycles only. */
    public MachineEventTranslator(Consumer<Object> commands, TelemetrySink telemetry,
                                  Map<MachineId, PartNumbers> partNumbers) {
        this.commands = commands;
        this.telemetry = telemetry;
        this.partNumbers = Map.copyOf(partNumbers);
    }

    /** What was last heard from one machine. */
    private static final class Heard {
        MachineState state;
        Long partCount;
        String program;
        Long activeTool;
        final Map<String, AlarmLevel> alarms = new HashMap<>();
        // The serial heard last, and whether it may still name a part: not yet taken by a cycle, and not the
        // serial of a part already counted (the one a controller shows when a connector (re)connects).
        boolean serialsHeard;
        String serial;
        boolean serialFresh;
        String lastCycleSerial;
        // A cycle whose serial may still come later in the same batch, and whether the batch brought a count
        // that completed nothing (the first heard, or a reset): a serial after it is the counted part's.
        Cycle pending;
        boolean baselineInBatch;
    }

    /** A cycle heard, waiting for its serial until its batch ends. */
    private record Cycle(String program, Long activeTool, Instant at, SourceMessageId sourceMessageId) {
    }

    @Override
    public void observed(MachineId machine, Observation observation) {
        if (observation.signal().isTelemetry()) {
            if (observation.signal() == MachineSignal.ACTIVE_TOOL && observation.value() instanceof Number tool) {
                Heard last = heard.computeIfAbsent(machine, id -> new Heard());
                synchronized (last) {
                    last.activeTool = tool.longValue();
                }
            }
            telemetry.sample(machine, observation);
            return;
        }
        Heard last = heard.computeIfAbsent(machine, id -> new Heard());
        synchronized (last) {
            switch (observation.signal()) {
                case EXECUTION -> execution(machine, observation, last);
                case PROGRAM -> last.program = observation.value().toString();
                case PART_COUNT -> partCount(machine, observation, last);
                case PART_ID -> partId(machine, observation, last);
                case ALARM -> alarm(machine, observation, last);
                default -> telemetry.sample(machine, observation);
            }
        }
    }

    /** A cycle still waiting for its serial goes without one: what belonged to it has been heard. */
    @Override
    public void endOfBatch(MachineId machine) {
        Heard last = heard.get(machine);
        if (last == null) {
            return;
        }
        synchronized (last) {
            if (last.pending != null) {
                complete(machine, last, last.pending, null);
            }
            last.baselineInBatch = false;
        }
    }

    @Override
    public void connectionLost(MachineId machine, String reason, Instant at) {
        endOfBatch(machine);
        commands.accept(new ReportConnectionLost(machine, reason.length() > 512 ? reason.substring(0, 512) : reason, at));
    }

    @Override
    public void connectionRestored(MachineId machine, Instant at) {
        commands.accept(new ReportConnectionRestored(machine, at));
    }

    @Override
    public void dataGap(MachineId machine, String description, Instant at, String sourceId) {
        commands.accept(new ReportDataGap(machine, description.length() > 512 ? description.substring(0, 512)
                : description, at, SourceMessageId.of(sourceId.length() > 256 ? sourceId.substring(0, 256) : sourceId)));
    }

    /** Execution states heard that map to no machine state. */
    public long unknownStates() {
        return unknownStates.get();
    }

    private void execution(MachineId machine, Observation observation, Heard last) {
        MachineState state = machineState(observation.value().toString());
        if (state == null) {
            unknownStates.incrementAndGet();
            log.warn("machine {}: execution state '{}' maps to no machine state; ignored", machine, observation.value());
            return;
        }
        if (state != last.state) {
            last.state = state;
            commands.accept(new ReportMachineState(machine, state, observation.sourceTime(), id(observation, null)));
        }
    }

    private void partCount(MachineId machine, Observation observation, Heard last) {
        if (!(observation.value() instanceof Number number)) {
            log.warn("machine {}: part count '{}' is not a number; ignored", machine, observation.value());
            return;
        }
        long count = number.longValue();
        Long previous = last.partCount;
        if (last.pending != null && (previous == null || count != previous)) {
            // a second count in one batch: the first one's serial did not come with it
            complete(machine, last, last.pending, null);
        }
        last.partCount = count;
        if (previous == null || count < previous) {
            if (previous != null) {
                log.info("machine {}: part counter went back from {} to {}; counting from there", machine, previous,
                        count);
            }
            // the serial shown now is the last counted part's, not the next one's
            last.serialFresh = false;
            last.baselineInBatch = true;
            return;
        }
        if (count == previous) {
            return;
        }
        // a count that completes a part ends what the first count or a reset may still claim
        last.baselineInBatch = false;
        // a controller holds the serial of the last part made only: parts counted in one step before it go unnamed
        for (long part = previous + 1; part < count; part++) {
            complete(machine, last, cycle(observation, last, part), null);
        }
        Cycle cycle = cycle(observation, last, count);
        if (last.serialFresh) {
            complete(machine, last, cycle, last.serial);
        } else if (last.serialsHeard) {
            last.pending = cycle;
        } else {
            // a machine that names no parts: nothing to wait for
            complete(machine, last, cycle, null);
        }
    }

    /**
     * The serial of the part just made. It names the cycle counted in the same batch whichever came first: the
     * cycle waiting for it, else the next one counted. A serial the previous cycle already carried names
     * nothing (a controller that does not know the new part's serial still shows the old one), and neither does
     * one heard with the first count (the part it names was counted before the platform listened).
     */
    private void partId(MachineId machine, Observation observation, Heard last) {
        last.serialsHeard = true;
        String serial = observation.value().toString().trim();
        if (serial.isEmpty()) {
            last.serial = null;
            last.serialFresh = false;
            return;
        }
        last.serial = serial;
        last.serialFresh = !serial.equals(last.lastCycleSerial);
        if (!last.serialFresh) {
            return;
        }
        if (last.pending != null) {
            complete(machine, last, last.pending, serial);
        } else if (last.baselineInBatch) {
            // heard with the first count or a reset of the counter: it names a part already counted
            last.serialFresh = false;
        }
    }

    private static Cycle cycle(Observation observation, Heard last, long part) {
        return new Cycle(last.program, last.activeTool, observation.sourceTime(), id(observation, "part-" + part));
    }

    // Records a cycle, and the part it made when its serial and part number are known.
    private void complete(MachineId machine, Heard last, Cycle cycle, String serial) {
        if (cycle == last.pending) {
            last.pending = null;
        }
        Serial partSerial = null;
        if (serial != null) {
            last.serialFresh = false;
            last.lastCycleSerial = serial;
            try {
                partSerial = Serial.of(serial);
            } catch (IllegalArgumentException e) {
                log.warn("machine {}: part serial '{}' cannot name a part ({}); the cycle is recorded without it",
                        machine, serial, e.getMessage());
            }
        }
        commands.accept(new CompleteCycle(machine, cycle.program(), partSerial, cycle.at(), cycle.sourceMessageId()));
        String partNumber = partNumbers.getOrDefault(machine, PartNumbers.NONE).forProgram(cycle.program());
        if (partSerial != null && partNumber != null) {
            commands.accept(new ProducePart(partSerial, partNumber, machine, cycle.program(),
                    cycle.activeTool() == null ? null : "T" + cycle.activeTool(), null, cycle.at(),
                    derived(cycle.sourceMessageId(), "produced")));
        }
    }

    private void alarm(MachineId machine, Observation observation, Heard last) {
        if (!(observation.value() instanceof Observation.AlarmReport report)) {
            log.warn("machine {}: alarm '{}' is not an alarm report; ignored", machine, observation.value());
            return;
        }
        String code = observation.key() == null ? "ALARM" : observation.key();
        AlarmLevel before = last.alarms.getOrDefault(code, AlarmLevel.NORMAL);
        if (report.level() == before) {
            return;
        }
        if (report.level() == AlarmLevel.NORMAL) {
            last.alarms.remove(code);
            commands.accept(new ClearAlarm(machine, code, observation.sourceTime(), id(observation, null)));
        } else {
            last.alarms.put(code, report.level());
            String text = report.text() == null || report.text().length() <= 512 ? report.text() : report.text().substring(0, 512);
            commands.accept(new RaiseAlarm(machine, code, report.level() == AlarmLevel.FAULT ? AlarmSeverity.FAULT
                    : AlarmSeverity.WARNING, text, observation.sourceTime(), id(observation, null)));
        }
    }

    private static SourceMessageId id(Observation observation, String suffix) {
        String id = suffix == null ? observation.sourceId() : observation.sourceId() + "#" + suffix;
        return SourceMessageId.of(id.length() > 256 ? id.substring(id.length() - 256) : id);
    }

    private static SourceMessageId derived(SourceMessageId cycle, String suffix) {
        String id = cycle.value() + "#" + suffix;
        return SourceMessageId.of(id.length() > 256 ? id.substring(id.length() - 256) : id);
    }

    /**
     * The machine state an execution value names: MTConnect's Execution values (ACTIVE is RUNNING;
     * READY, WAIT and PROGRAM_COMPLETED are IDLE; stops, holds and interruptions are STOPPED;
     * UNAVAILABLE is OFFLINE) or the platform's own names; null for anything else.
     */
    static MachineState machineState(String execution) {
        String value = execution.trim().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "ACTIVE", "RUNNING" -> MachineState.RUNNING;
            case "READY", "WAIT", "PROGRAM_COMPLETED", "IDLE" -> MachineState.IDLE;
            case "STOPPED", "OPTIONAL_STOP", "PROGRAM_STOPPED", "FEED_HOLD", "INTERRUPTED" -> MachineState.STOPPED;
            case "UNAVAILABLE", "OFFLINE" -> MachineState.OFFLINE;
            case "ALARM" -> MachineState.ALARM;
            case "MAINTENANCE" -> MachineState.MAINTENANCE;
            default -> null;
        };
    }
}
