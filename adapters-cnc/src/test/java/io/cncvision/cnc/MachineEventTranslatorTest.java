package io.cncvision.cnc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.ReportConnectionLost;
import io.cncvision.api.machine.ReportConnectionRestored;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    // ---- parts named by the machine

    final MachineEventTranslator naming = new MachineEventTranslator(commands::add, (machine, o) -> telemetry.add(o),
            Map.of(LATHE, new PartNumbers("PN-1234", Map.of("O5678", "PN-5678"))));

    /** The machine as it was when the platform connected: program, tool, 41 parts counted, the 41st's serial. */
    private void connected(MachineEventTranslator translator) {
        translator.observed(LATHE, heard(MachineSignal.PROGRAM, null, "O1234", 0));
        translator.observed(LATHE, heard(MachineSignal.ACTIVE_TOOL, null, 3L, 0));
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 41L, 0));
        translator.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0041", 0));
        translator.endOfBatch(LATHE);
    }

    private static CompleteCycle cycle(String program, String serial, int second, long part) {
        return new CompleteCycle(LATHE, program, serial == null ? null : Serial.of(serial), T0.plusSeconds(second),
                SourceMessageId.of("src-PART_COUNT-null-" + second + "#part-" + part));
    }

    private static ProducePart produced(String serial, String partNumber, String program, int second, long part) {
        return new ProducePart(Serial.of(serial), partNumber, LATHE, program, "T3", null, T0.plusSeconds(second),
                SourceMessageId.of("src-PART_COUNT-null-" + second + "#part-" + part + "#produced"));
    }

    @Test
    void aSerialHeardBeforeTheCounterNamesTheCycleAndThePartIsProducedRightAfterIt() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 5));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));

        assertThat(commands).containsExactly(cycle("O1234", "SN-0042", 5, 42),
                produced("SN-0042", "PN-1234", "O1234", 5, 42));
    }

    @Test
    void aSerialHeardAfterTheCounterInTheSameBatchNamesTheCycle() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        assertThat(commands).as("the cycle waits for its batch's serial").isEmpty();
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 5));
        naming.endOfBatch(LATHE);

        assertThat(commands).containsExactly(cycle("O1234", "SN-0042", 5, 42),
                produced("SN-0042", "PN-1234", "O1234", 5, 42));
    }

    @Test
    void aSerialHeardAloneNamesTheNextCycleCounted() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 4));
        naming.endOfBatch(LATHE);
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        naming.endOfBatch(LATHE);

        assertThat(commands).containsExactly(cycle("O1234", "SN-0042", 5, 42),
                produced("SN-0042", "PN-1234", "O1234", 5, 42));
    }

    @Test
    void aCycleWhoseSerialDoesNotComeInItsBatchIsRecordedWithoutOneAndNoPartIsProduced() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        naming.endOfBatch(LATHE);

        assertThat(commands).containsExactly(cycle("O1234", null, 5, 42));
    }

    @Test
    void aBatchOfSeveralCyclesNamesEachWithItsOwnSerialInEitherOrder() {
        connected(naming);
        // serial first, as a document in sequence order from a controller that sets it before counting
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 5));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0043", 6));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 43L, 6));
        // count first
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 44L, 7));
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0044", 7));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 45L, 8));
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0045", 8));
        naming.endOfBatch(LATHE);

        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).map(c -> ((CompleteCycle) c).partSerial())
                .containsExactly(Serial.of("SN-0042"), Serial.of("SN-0043"), Serial.of("SN-0044"), Serial.of("SN-0045"));
    }

    @Test
    void theSerialTheLastCycleCarriedNamesNoOther() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 5));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        naming.endOfBatch(LATHE);
        // the controller did not learn the next part's serial: it still shows the last one
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 9));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 43L, 9));
        naming.endOfBatch(LATHE);

        assertThat(commands).containsExactly(cycle("O1234", "SN-0042", 5, 42),
                produced("SN-0042", "PN-1234", "O1234", 5, 42), cycle("O1234", null, 9, 43));
    }

    @Test
    void theSerialShownOnConnectingIsOfAPartAlreadyCountedInEitherOrder() {
        MachineEventTranslator serialFirst = new MachineEventTranslator(commands::add, (machine, o) -> { },
                Map.of(LATHE, new PartNumbers("PN-1234", Map.of())));
        serialFirst.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0041", 0));
        serialFirst.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 41L, 0));
        serialFirst.endOfBatch(LATHE);
        serialFirst.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        serialFirst.endOfBatch(LATHE);
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        naming.endOfBatch(LATHE);

        assertThat(commands).containsExactly(new CompleteCycle(LATHE, null, null, T0.plusSeconds(5),
                SourceMessageId.of("src-PART_COUNT-null-5#part-42")), cycle("O1234", null, 5, 42));
    }

    @Test
    void partsCountedInOneStepAreCyclesAndOnlyTheLastIsNamed() {
        connected(naming);
        // back after an outage: three parts made, the controller holds the last one's serial
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 44L, 7));
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0044", 7));
        naming.endOfBatch(LATHE);

        assertThat(commands).containsExactly(cycle("O1234", null, 7, 42), cycle("O1234", null, 7, 43),
                cycle("O1234", "SN-0044", 7, 44), produced("SN-0044", "PN-1234", "O1234", 7, 44));
    }

    @Test
    void thePartNumberIsTheProgramsWhereConfiguredElseTheMachinesDefault() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PROGRAM, null, "O5678", 1));
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 5));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        naming.endOfBatch(LATHE);
        naming.observed(LATHE, heard(MachineSignal.PROGRAM, null, "O9999", 6));
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0043", 8));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 43L, 8));

        assertThat(commands).filteredOn(ProducePart.class::isInstance).map(c -> (ProducePart) c)
                .containsExactly(produced("SN-0042", "PN-5678", "O5678", 5, 42),
                        produced("SN-0043", "PN-1234", "O9999", 8, 43));
    }

    @Test
    void aMachineWithoutAPartNumberRecordsTheNamedCycleOnly() {
        MachineEventTranslator unnumbered = new MachineEventTranslator(commands::add, (machine, o) -> { },
                Map.of(LATHE, new PartNumbers(null, Map.of("O5678", "PN-5678"))));
        connected(unnumbered);
        unnumbered.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 5));
        unnumbered.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        translator.observed(LATHE, heard(MachineSignal.PROGRAM, null, "O1234", 0));
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 1L, 0));
        translator.endOfBatch(LATHE);
        // a translator without part numbers names cycles all the same
        translator.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0002", 5));
        translator.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 2L, 5));

        assertThat(commands).containsExactly(cycle("O1234", "SN-0042", 5, 42),
                new CompleteCycle(LATHE, "O1234", Serial.of("SN-0002"), T0.plusSeconds(5),
                        SourceMessageId.of("src-PART_COUNT-null-5#part-2")));
    }

    @Test
    void aSerialThatCannotNameAPartLeavesTheCycleUnnamed() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN 42/A", 5));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));

        assertThat(commands).containsExactly(cycle("O1234", null, 5, 42));
    }

    @Test
    void aRepeatedBatchSendsTheSameSourceIdsSoThePlatformRecordsItOnce() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 5));
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        naming.endOfBatch(LATHE);
        List<Object> first = List.copyOf(commands);
        commands.clear();
        // a translator that starts again (the platform restarted) and hears the machine from before that part
        MachineEventTranslator again = new MachineEventTranslator(commands::add, (machine, o) -> { },
                Map.of(LATHE, new PartNumbers("PN-1234", Map.of())));
        connected(again);
        again.observed(LATHE, heard(MachineSignal.PART_ID, null, "SN-0042", 5));
        again.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));

        assertThat(commands).isEqualTo(first);
    }

    @Test
    void aCycleWaitingForItsSerialIsRecordedWhenTheConnectionIsLost() {
        connected(naming);
        naming.observed(LATHE, heard(MachineSignal.PART_COUNT, null, 42L, 5));
        naming.connectionLost(LATHE, "reset by peer", T0.plusSeconds(6));

        assertThat(commands).containsExactly(cycle("O1234", null, 5, 42),
                new ReportConnectionLost(LATHE, "reset by peer", T0.plusSeconds(6)));
    }

    @Test
    void partNumbersRefuseBlankOrOverlongValuesNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PartNumbers(" ", Map.of()))
                .hasMessageContaining("part-number must not be blank");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PartNumbers(null, Map.of("O1", "x".repeat(65))))
                .hasMessageContaining("part-numbers.O1").hasMessageContaining("64");
        assertThat(new PartNumbers(null, Map.of()).forProgram("O1")).isNull();
    }
}
