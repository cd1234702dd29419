package io.cncvision.cnc.mtconnect;

import static io.cncvision.cnc.RecordingSink.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.ReportDataGap;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Serial;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnectors;
import io.cncvision.cnc.MachineEventTranslator;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.PartNumbers;
import io.cncvision.cnc.RecordingSink;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class MtConnectAgentConnectorTest {

    private static final MachineId MACHINE = new MachineId("lathe-1");
    private static final Duration WAIT = Duration.ofSeconds(10);

    // Seed 271 raises an alarm and clears it within its first three parts; seed 3 runs clear for longer.
    private static final long ALARMING_SEED = 271;
    private SimulatedLathe lathe;
    // A buffer smaller than the connector's default count (1000): it must ask for no more than the agent holds.
    private final MtConnectAgentServer agent = new MtConnectAgentServer(900);
    private final List<Object> commands = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink(new MachineEventTranslator(commands::add, (machine, o) -> { },
            Map.of(MACHINE, new PartNumbers("PN-1234", Map.of()))));
    private MtConnectAgentConnector connector;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        lathe = new SimulatedLathe(test.getTags().contains("alarms") ? ALARMING_SEED : 3, Instant.parse("2026-01-05T06:00:00Z"));
        agent.start(lathe, 0);
        MachineConnection connection = MtConnectAgentServer.connection(MACHINE, agent.endpoint());
        Map<String, String> options = new HashMap<>(connection.options());
        options.put("interval", "10");
        options.remove("count");
        options.put("heartbeat", "200");
        connection = new MachineConnection(MACHINE, connection.name(), connection.protocol(), connection.endpoint(),
                options, connection.signals(), Duration.ofMillis(20), Duration.ofMillis(200));
        connector = (MtConnectAgentConnector) MachineConnectors.create(connection);
        connector.start(sink);
        await("the current values", WAIT, () -> connector.state() == ConnectionState.CONNECTED
                && !sink.values(MachineSignal.PART_COUNT).isEmpty());
    }

    @AfterEach
    void stop() {
        connector.close();
        agent.close();
    }

    // Advances the lathe a step at a time, letting the connector follow, as a real machine would.
    private void run(Duration duration) throws InterruptedException {
        for (Duration done = Duration.ZERO; done.compareTo(duration) < 0; done = done.plusSeconds(2)) {
            lathe.advance(Duration.ofSeconds(2));
            await("the connector to catch up", WAIT, () -> connector.nextSequence() == agent.nextSequence());
        }
    }

    @Test
    void reportsTheCurrentValuesOnConnecting() {
        assertThat(sink.values(MachineSignal.EXECUTION)).containsExactly("READY");
        assertThat(sink.values(MachineSignal.PART_COUNT)).containsExactly(0L);
        assertThat(sink.values(MachineSignal.PROGRAM)).containsExactly(SimulatedLathe.PROGRAM);
        assertThat(sink.observations).allSatisfy(o -> assertThat(o.sourceId()).startsWith("mtconnect:" + agent.instanceId() + ":"));
        assertThat(sink.lost).isEmpty();
    }

    @Test
    void followsCyclesAndPartsAsTheyHappen() throws Exception {
        run(Duration.ofSeconds(50)); // two parts: 4 s loading and 20 s cutting each
        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).hasSize(2);
        assertThat(commands).filteredOn(ReportMachineState.class::isInstance).extracting(c -> ((ReportMachineState) c).state())
                .startsWith(MachineState.IDLE, MachineState.RUNNING, MachineState.IDLE, MachineState.RUNNING);
        Observation count = sink.observations.stream().filter(o -> o.signal() == MachineSignal.PART_COUNT)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(count.value()).isEqualTo(2L);
        assertThat(count.sourceTime()).isEqualTo(Instant.parse("2026-01-05T06:00:48Z"));
        assertThat(sink.observations).extracting(Observation::sourceId).doesNotHaveDuplicates();
        assertThat(connector.gaps()).isZero();
    }

    @Test
    @Tag("alarms")
    void raisesAndClearsTheLathesAlarms() throws Exception {
        for (int part = 0; part < 10 && commands.stream().noneMatch(ClearAlarm.class::isInstance); part++) {
            run(Duration.ofSeconds(24));
        }
        RaiseAlarm raised = commands.stream().filter(RaiseAlarm.class::isInstance).map(RaiseAlarm.class::cast).findFirst().orElseThrow();
        assertThat(raised.alarmCode()).isIn("COOLANT_LOW", "SPINDLE_OVERLOAD");
        assertThat(commands).filteredOn(ClearAlarm.class::isInstance).extracting(c -> ((ClearAlarm) c).alarmCode()).contains(raised.alarmCode());
    }

    @Test
    void resynchronisesFromCurrentAfterABufferOverrunAndCountsTheGap() throws Exception {
        run(Duration.ofSeconds(6));
        agent.overrun(500);
        lathe.advance(Duration.ofSeconds(20)); // the lathe finishes its part while the connector cannot see it
        await("the gap to be resynchronised", WAIT, () -> connector.gaps() == 1 && connector.nextSequence() == agent.nextSequence());
        assertThat(sink.values(MachineSignal.PART_COUNT)).contains(1L);
        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).hasSize(1);
        assertThat(commands).filteredOn(ReportDataGap.class::isInstance).singleElement()
                .satisfies(gap -> assertThat(((ReportDataGap) gap).description()).contains("missed"));
        assertThat(sink.lost).isEmpty();
        run(Duration.ofSeconds(24));
        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).hasSize(2);
    }

    @Test
    void resynchronisesWhenTheAgentRestarts() throws Exception {
        run(Duration.ofSeconds(26));
        long before = agent.instanceId();
        agent.restart();
        await("the restart to be noticed", WAIT, () -> connector.gaps() == 1);
        await("the new instance to be followed", WAIT, () -> connector.nextSequence() == agent.nextSequence());
        run(Duration.ofSeconds(24));
        assertThat(agent.instanceId()).isNotEqualTo(before);
        assertThat(sink.observations.get(sink.observations.size() - 1).sourceId()).startsWith("mtconnect:" + agent.instanceId() + ":");
        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).hasSize(2);
        assertThat(commands).filteredOn(ReportDataGap.class::isInstance).singleElement()
                .satisfies(gap -> assertThat(((ReportDataGap) gap).description()).contains("restarted"));
    }

    @Test
    void reportsALostAgentOnceAndItsReturn() throws Exception {
        int port = agent.port();
        agent.close();
        await("the loss", WAIT, () -> !sink.lost.isEmpty() && connector.attempts() >= 3);
        assertThat(sink.lost).hasSize(1);
        assertThat(connector.state()).isEqualTo(ConnectionState.RECONNECTING);
        MtConnectAgentServer again = new MtConnectAgentServer(4096);
        try {
            again.start(lathe, port);
            await("the return", WAIT, () -> !sink.restored.isEmpty() && connector.state() == ConnectionState.CONNECTED);
            assertThat(sink.restored).hasSize(1);
        } finally {
            again.close();
        }
    }

    @Test
    void refusesToWriteOffsetsBecauseMtConnectIsReadOnly() {
        assertThatThrownBy(() -> connector.writeOffset(new OffsetWrite(SimulatedLathe.WEAR_OFFSET, 0.01)).get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("MTConnect is read-only: ")
                .hasMessageContaining("becomes an operator task");
    }

    @Test
    void hearsThePartIdOfEachPartMadeAndThePartIsProducedWithItsCycle() throws Exception {
        // before the first part the agent's PartId is UNAVAILABLE: nothing to hear
        assertThat(sink.values(MachineSignal.PART_ID)).isEmpty();

        run(Duration.ofSeconds(50));

        assertThat(sink.values(MachineSignal.PART_ID)).containsExactly("SIM3-000001", "SIM3-000002");
        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).map(c -> ((CompleteCycle) c).partSerial())
                .containsExactly(Serial.of("SIM3-000001"), Serial.of("SIM3-000002"));
        assertThat(commands).filteredOn(ProducePart.class::isInstance).map(c -> (ProducePart) c)
                .extracting(p -> p.serial().value(), ProducePart::partNumber, ProducePart::program, ProducePart::toolId,
                        ProducePart::producedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SIM3-000001", "PN-1234", SimulatedLathe.PROGRAM, "T1",
                                Instant.parse("2026-01-05T06:00:24Z")),
                        org.assertj.core.groups.Tuple.tuple("SIM3-000002", "PN-1234", SimulatedLathe.PROGRAM, "T1",
                                Instant.parse("2026-01-05T06:00:48Z")));
    }
}
