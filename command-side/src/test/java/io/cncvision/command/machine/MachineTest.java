package io.cncvision.command.machine;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.machine.AlarmCleared;
import io.cncvision.api.machine.AlarmRaised;
import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.machine.MachineConnectionLost;
import io.cncvision.api.machine.MachineConnectionRestored;
import io.cncvision.api.machine.MachineDataGapDetected;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.RegisterMachine;
import io.cncvision.api.machine.ReportConnectionLost;
import io.cncvision.api.machine.ReportDataGap;
import io.cncvision.api.machine.ReportConnectionRestored;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MachineTest {

    static final MachineId MILL = MachineId.of("mill-01");
    static final Instant T0 = Instant.parse("2025-03-03T07:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final SourceMessageId MSG_1 = SourceMessageId.of("opcua:ns=2;s=Execution@2025-03-03T07:00:00Z");
    static final SourceMessageId MSG_2 = SourceMessageId.of("opcua:ns=2;s=Execution@2025-03-03T07:01:00Z");
    static final MachineRegistered REGISTERED =
            new MachineRegistered(MILL, "DMG Mori NHX 5000", Protocol.OPCUA, "opc.tcp://mill-01:4840");

    private FixtureConfiguration<Machine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Machine.class);
    }

    @Test
    void registeringAMachineRecordsItsRegistration() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMachine(MILL, "DMG Mori NHX 5000", Protocol.OPCUA, "opc.tcp://mill-01:4840"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void aNewMachineIsOfflineUntilItReportsAnotherState() {
        fixture.given(REGISTERED)
                .when(new ReportMachineState(MILL, MachineState.IDLE, T0, MSG_1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MachineStateChanged(MILL, MachineState.OFFLINE, MachineState.IDLE, T0, MSG_1));
    }

    @Test
    void aStateChangeRecordsWhereTheMachineCameFrom() {
        fixture.given(REGISTERED, new MachineStateChanged(MILL, MachineState.OFFLINE, MachineState.IDLE, T0, MSG_1))
                .when(new ReportMachineState(MILL, MachineState.RUNNING, T1, MSG_2))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MachineStateChanged(MILL, MachineState.IDLE, MachineState.RUNNING, T1, MSG_2));
    }

    @Test
    void reportingTheCurrentStateRecordsNothing() {
        fixture.given(REGISTERED, new MachineStateChanged(MILL, MachineState.OFFLINE, MachineState.IDLE, T0, MSG_1))
                .when(new ReportMachineState(MILL, MachineState.IDLE, T1, MSG_2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void repeatedSourceMessageIdRecordsNothing() {
        // The repeat carries another state, so only the id tells it apart from a real change.
        fixture.given(REGISTERED, new MachineStateChanged(MILL, MachineState.OFFLINE, MachineState.IDLE, T0, MSG_1))
                .when(new ReportMachineState(MILL, MachineState.RUNNING, T1, MSG_1))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void stateReportsTypedByPeopleAreNeverDuplicates() {
        fixture.given(REGISTERED, new MachineStateChanged(MILL, MachineState.OFFLINE, MachineState.IDLE, T0, null))
                .when(new ReportMachineState(MILL, MachineState.MAINTENANCE, T1, null))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MachineStateChanged(MILL, MachineState.IDLE, MachineState.MAINTENANCE, T1, null));
    }

    @Test
    void raisingAnAlarmRecordsIt() {
        fixture.given(REGISTERED)
                .when(new RaiseAlarm(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1));
    }

    @Test
    void raisingAnAlreadyActiveAlarmRecordsNothing() {
        fixture.given(REGISTERED, new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1))
                .when(new RaiseAlarm(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T1, MSG_2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void anotherAlarmCodeIsRaisedBesideAnActiveOne() {
        fixture.given(REGISTERED, new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1))
                .when(new RaiseAlarm(MILL, "2001", AlarmSeverity.WARNING, "coolant low", T1, MSG_2))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new AlarmRaised(MILL, "2001", AlarmSeverity.WARNING, "coolant low", T1, MSG_2));
    }

    @Test
    void raisingAnAlarmAgainAfterItClearedRecordsIt() {
        SourceMessageId third = SourceMessageId.of("opcua:alarm-1010#3");
        fixture.given(REGISTERED,
                        new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1),
                        new AlarmCleared(MILL, "1010", T0.plusSeconds(30), MSG_2))
                .when(new RaiseAlarm(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T1, third))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T1, third));
    }

    @Test
    void repeatedAlarmMessageRecordsNothingEvenAfterTheAlarmCleared() {
        fixture.given(REGISTERED,
                        new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1),
                        new AlarmCleared(MILL, "1010", T0.plusSeconds(30), MSG_2))
                .when(new RaiseAlarm(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void clearingAnActiveAlarmRecordsIt() {
        fixture.given(REGISTERED, new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1))
                .when(new ClearAlarm(MILL, "1010", T1, MSG_2))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new AlarmCleared(MILL, "1010", T1, MSG_2));
    }

    @Test
    void clearingAnAlarmThatIsNotActiveRecordsNothing() {
        fixture.given(REGISTERED, new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1))
                .when(new ClearAlarm(MILL, "2001", T1, MSG_2))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void repeatedClearMessageRecordsNothing() {
        SourceMessageId third = SourceMessageId.of("opcua:alarm-1010#3");
        fixture.given(REGISTERED,
                        new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1),
                        new AlarmCleared(MILL, "1010", T0.plusSeconds(30), MSG_2),
                        new AlarmRaised(MILL, "1010", AlarmSeverity.FAULT, "spindle overload", T1, third))
                .when(new ClearAlarm(MILL, "1010", T0.plusSeconds(30), MSG_2))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void theFirstCycleOfAMachineIsCycleOne() {
        fixture.given(REGISTERED)
                .when(new CompleteCycle(MILL, "O1234", Serial.of("S-1"), T0, MSG_1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new CycleCompleted(MILL, "O1234", Serial.of("S-1"), 1, T0, MSG_1));
    }

    @Test
    void completedCyclesCountOnFromTheLastOne() {
        fixture.given(REGISTERED,
                        new CycleCompleted(MILL, "O1234", Serial.of("S-1"), 1, T0, MSG_1),
                        new CycleCompleted(MILL, "O1234", Serial.of("S-2"), 2, T1, MSG_2))
                .when(new CompleteCycle(MILL, "O1234", null, T1.plusSeconds(60), SourceMessageId.of("cycle#3")))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new CycleCompleted(MILL, "O1234", null, 3, T1.plusSeconds(60),
                        SourceMessageId.of("cycle#3")));
    }

    @Test
    void repeatedCycleMessageCountsNoCycle() {
        fixture.given(REGISTERED, new CycleCompleted(MILL, "O1234", Serial.of("S-1"), 1, T0, MSG_1))
                .when(new CompleteCycle(MILL, "O1234", Serial.of("S-1"), T0, MSG_1))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void cyclesReportedWithoutSourceIdAreAllCounted() {
        fixture.given(REGISTERED, new CycleCompleted(MILL, null, null, 1, T0, null))
                .when(new CompleteCycle(MILL, null, null, T0, null))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new CycleCompleted(MILL, null, null, 2, T0, null));
    }

    @Test
    void aLostConnectionIsRecordedOnceAndItsRestorationNamesWhenItWasLost() {
        fixture.given(REGISTERED)
                .when(new ReportConnectionLost(MILL, "connection refused", T0))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MachineConnectionLost(MILL, "connection refused", T0));
        fixture.given(REGISTERED, new MachineConnectionLost(MILL, "connection refused", T0))
                .when(new ReportConnectionLost(MILL, "still refused", T1))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
        fixture.given(REGISTERED, new MachineConnectionLost(MILL, "connection refused", T0))
                .when(new ReportConnectionRestored(MILL, T1))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MachineConnectionRestored(MILL, T0, T1));
    }

    @Test
    void aMachineThatWasNotLostIsNotRestored() {
        fixture.given(REGISTERED)
                .when(new ReportConnectionRestored(MILL, T1))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void aDataGapIsRecordedOnceForItsSourceMessage() {
        SourceMessageId gap = SourceMessageId.of("mtconnect:1700000000:gap:1042");
        fixture.given(REGISTERED)
                .when(new ReportDataGap(MILL, "sequences 1042 to 1180 missed", T0, gap))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MachineDataGapDetected(MILL, "sequences 1042 to 1180 missed", T0, gap));
        fixture.given(REGISTERED, new MachineDataGapDetected(MILL, "sequences 1042 to 1180 missed", T0, gap))
                .when(new ReportDataGap(MILL, "sequences 1042 to 1180 missed", T0, gap))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }
}
