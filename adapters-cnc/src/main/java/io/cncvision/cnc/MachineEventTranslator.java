package io.cncvision.cnc;

import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.ReportConnectionLost;
import io.cncvision.api.machine.ReportConnectionRestored;
import io.cncvision.api.machine.ReportDataGap;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
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
    private final Map<MachineId, Heard> heard = new ConcurrentHashMap<>();
    private final AtomicLong unknownStates = new AtomicLong();

    public MachineEventTranslator(Consumer<Object> commands, TelemetrySink telemetry) {
        this.commands = commands;
        this.telemetry = telemetry;
    }

    /** What was last heard from one machine. */
    private static final class Heard {
        MachineState state;
        Long partCount;
        String program;
        final Map<String, AlarmLevel> alarms = new HashMap<>();
    }

    @Override
    public void observed(MachineId machine, Observation observation) {
        if (observation.signal().isTelemetry()) {
            telemetry.sample(machine, observation);
            return;
        }
        Heard last = heard.computeIfAbsent(machine, id -> new Heard());
        synchronized (last) {
            switch (observation.signal()) {
                case EXECUTION -> execution(machine, observation, last);
                case PROGRAM -> last.program = observation.value().toString();
                case PART_COUNT -> partCount(machine, observation, last);
                case ALARM -> alarm(machine, observation, last);
                default -> telemetry.sample(machine, observation);
            }
        }
    }

    @Override
    public void connectionLost(MachineId machine, String reason, Instant at) {
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
        last.partCount = count;
        if (previous == null) {
            return;
        }
        if (count < previous) {
            log.info("machine {}: part counter went back from {} to {}; counting from there", machine, previous, count);
            return;
        }
        for (long part = previous + 1; part <= count; part++) {
            commands.accept(new CompleteCycle(machine, last.program, null, observation.sourceTime(),
                    id(observation, "part-" + part)));
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
