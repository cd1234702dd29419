package io.cncvision.cnc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.ReportConnectionLost;
import io.cncvision.api.machine.ReportConnectionRestored;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineEventTranslatorTest {

    static final MachineId LATHE = MachineId.of("lathe-1");
    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    final List<Object> commands = new ArrayList<>();
    final List<Observation> telemetry = new ArrayList<>();
    final MachineEventTranslator translator = new MachineEventTranslator(commands::add, (machine, o) -> telemetry.add(o));

    static Observation heard(MachineSignal signal, String key, Object value, int second) {
        return new Observation(signal, key, value, T0.plusSeconds(second), "src-" + signal + "-" + key + "-" + second);
    }

    @Test
    void anExecutionStateIsReportedOnlyWhenItChanges() {
        translator.observed(LATHE, heard(MachineSignal.EXECUTION, null, "READY", 1));
        translator.observed(LATHE, heard(MachineSignal.EXECUTION, null, "WAIT", 2));
        translator.observed(LATHE, heard(MachineSignal.EXECUTION, null, "ACTIVE", 3));
        translator.observed(LATHE, heard(MachineSignal.EXECUTION, null, "ACTIVE", 4));
        translator.observed(LATHE, heard(MachineSignal.EXECUTION, null, "FEED_HOLD", 5));

        assertThat(commands).containsExactly(
                new ReportMachineState(LATHE, MachineState.IDLE, T0.plusSeconds(1), SourceMessageId.of("src-EXECUTION-null-1")),
                new ReportMachineState(LATHE, MachineState.RUNNING, T0.plusSeconds(3), SourceMessageId.of("src-EXECUTION-null-3")),
                new ReportMachineState(LATHE, MachineState.STOPPED, T0.plusSeconds(5), SourceMessageId.of("src-EXECUTION-null-5")));
    }

    @Test
    void anUnknownExecutionStateIsCountedAndRecordsNothing() {
        translator.observed(LATHE, heard(MachineSignal.EXECUTION, null, "DANCING", 1));

        assertThat(commands).isEmpty();
        assertThat(translator.unknownStates()).isEqualTo(1);
    }

    @Test
    void aGrowingPartCounterCompletesOneCycleForEachPartWithTheProgramHeardLast() {
        translator.observed(LATHE, heard(MachineSignal.PROGRAM, null, "O1234", 1));
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 41L, 2));
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 3));
        // three parts made while nobody listened: each one is a cycle, at the time the counter was read
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 45.0, 4));

        assertThat(commands).hasSize(4).allSatisfy(command -> {
            assertThat(command).isInstanceOf(CompleteCycle.class);
            assertThat(((CompleteCycle) command).program()).isEqualTo("O1234");
        });
        assertThat(commands).extracting(command -> ((CompleteCycle) command).sourceMessageId().value())
                .containsExactly("src-PART_COUNT-null-3#part-42", "src-PART_COUNT-null-4#part-43",
                        "src-PART_COUNT-null-4#part-44", "src-PART_COUNT-null-4#part-45");
    }

    @Test
    void aCounterThatGoesBackWasResetAndCountsOnFromThere() {
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 120L, 1));
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 0L, 2));
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 1L, 3));

        assertThat(commands).singleElement().isInstanceOf(CompleteCycle.class);
    }

    @Test
    void alarmsAreRaisedWhenTheirLevelChangesAndClearedWhenNormal() {
        translator.observed(LATHE, heard(MachineSignal.ALARM, "COOLANT_LOW", new Observation.AlarmReport(AlarmLevel.NORMAL, null), 1));
        translator.observed(LATHE, heard(MachineSignal.ALARM, "COOLANT_LOW",
                new Observation.AlarmReport(AlarmLevel.WARNING, "Coolant level low"), 2));
        translator.observed(LATHE, heard(MachineSignal.ALARM, "COOLANT_LOW",
                new Observation.AlarmReport(AlarmLevel.WARNING, "Coolant level low"), 3));
        translator.observed(LATHE, heard(MachineSignal.ALARM, "COOLANT_LOW",
                new Observation.AlarmReport(AlarmLevel.FAULT, "Coolant empty"), 4));
        translator.observed(LATHE, heard(MachineSignal.ALARM, "COOLANT_LOW", new Observation.AlarmReport(AlarmLevel.NORMAL, null), 5));

        assertThat(commands).containsExactly(
                new RaiseAlarm(LATHE, "COOLANT_LOW", AlarmSeverity.WARNING, "Coolant level low", T0.plusSeconds(2),
                        SourceMessageId.of("src-ALARM-COOLANT_LOW-2")),
                new RaiseAlarm(LATHE, "COOLANT_LOW", AlarmSeverity.FAULT, "Coolant empty", T0.plusSeconds(4),
                        SourceMessageId.of("src-ALARM-COOLANT_LOW-4")),
                new ClearAlarm(LATHE, "COOLANT_LOW", T0.plusSeconds(5), SourceMessageId.of("src-ALARM-COOLANT_LOW-5")));
    }

    @Test
    void telemetryGoesToItsSinkAndNeverBecomesACommand() {
        translator.observed(LATHE, heard(MachineSignal.SPINDLE_LOAD, null, 41.5, 1));
        translator.observed(LATHE, heard(MachineSignal.AXIS_POSITION, "X", 12.0, 1));
        translator.observed(LATHE, heard(MachineSignal.TOOL_OFFSET, "T1.wear.x", -0.01, 1));

        assertThat(commands).isEmpty();
        assertThat(telemetry).extracting(Observation::signal)
                .containsExactly(MachineSignal.SPINDLE_LOAD, MachineSignal.AXIS_POSITION, MachineSignal.TOOL_OFFSET);
    }

    @Test
    void machinesAreTrackedApart() {
        MachineId other = MachineId.of("lathe-2");
        translator.observed(LATHE, heard(MachineSignal.EXECUTION, null, "ACTIVE", 1));
        translator.observed(other, heard(MachineSignal.EXECUTION, null, "ACTIVE", 1));

        assertThat(commands).hasSize(2);
    }

    @Test
    void connectionLossAndRestorationAreReported() {
        translator.connectionLost(LATHE, "connection refused", T0);
        translator.connectionRestored(LATHE, T0.plusSeconds(9));

        assertThat(commands).containsExactly(new ReportConnectionLost(LATHE, "connection refused", T0),
                new ReportConnectionRestored(LATHE, T0.plusSeconds(9)));
    }
}
