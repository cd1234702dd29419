package io.cncvision.cnc.opcua;

import static io.cncvision.cnc.opcua.OpcUaTesting.freePort;
import static io.cncvision.cnc.opcua.OpcUaTesting.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import io.cncvision.cnc.AlarmLevel;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineEventTranslator;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.OffsetWritten;
import io.cncvision.cnc.PartNumbers;
import io.cncvision.cnc.RecordingSink;
import io.cncvision.cnc.simulator.SimulatedLathe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpcUaConnectorTest {

    static final MachineId LATHE = new MachineId("lathe-1");
    static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    @TempDir
    Path dir;

    SimulatedLathe lathe = new SimulatedLathe(7, START);
    OpcUaSimulatorServer simulator;
    OpcUaConnector connector;
    RecordingSink sink = new RecordingSink();

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    MachineConnection connection(String security, Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("security", security, "pki-dir", dir.resolve("pki").toString(),
                "publishing-interval-ms", "20", "sampling-interval-ms", "0"));
        options.putAll(extra);
        MachineConnection simulated = OpcUaSimulatorServer.connection(LATHE, simulator.endpoint(), options);
        return new MachineConnection(LATHE, null, simulated.protocol(), simulated.endpoint(), simulated.options(),
                simulated.signals(), Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    void startSimulator() throws Exception {
        simulator = new OpcUaSimulatorServer(dir.resolve("simulator"));
        simulator.start(lathe, freePort());
    }

    void connect(MachineConnection connection) {
        connector = new OpcUaConnector(connection);
        connector.start(sink);
    }

    @Test
    void hearsExecutionPartCountAndAlarmsAsObservationsStampedWithTheLathesTime() throws Exception {
        startSimulator();
        connect(connection("none", Map.of()));

        await().atMost(Duration.ofSeconds(20)).until(() -> sink.heard(MachineSignal.EXECUTION, "READY"));
        assertThat(sink.heard(MachineSignal.PROGRAM, SimulatedLathe.PROGRAM)).isTrue();
        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);

        lathe.advance(SimulatedLathe.LOAD);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.heard(MachineSignal.EXECUTION, "ACTIVE"));
        Observation active = sink.of(MachineSignal.EXECUTION).get(sink.of(MachineSignal.EXECUTION).size() - 1);
        assertThat(active.sourceTime()).isEqualTo(START.plus(SimulatedLathe.LOAD));
        assertThat(active.sourceId()).isEqualTo("ns=2;s=Lathe/Execution@" + active.sourceTime());

        lathe.advance(SimulatedLathe.CYCLE);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.heard(MachineSignal.PART_COUNT, 1L));

        // Run parts until the lathe raises an alarm: the connector hears its level, then hears it clear.
        String code = null;
        for (int part = 0; part < 400 && code == null; part++) {
            lathe.advance(SimulatedLathe.LOAD.plus(SimulatedLathe.CYCLE));
            code = lathe.state().alarms().keySet().stream().findFirst().orElse(null);
        }
        assertThat(code).as("an alarm within 400 parts").isNotNull();
        String raised = code;
        AlarmLevel level = AlarmLevel.valueOf(lathe.state().alarms().get(code).level());
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.of(MachineSignal.ALARM).stream()
                .anyMatch(o -> raised.equals(o.key()) && ((Observation.AlarmReport) o.value()).level() == level));
        for (int part = 0; part < 10 && lathe.state().alarms().containsKey(code); part++) {
            lathe.advance(SimulatedLathe.LOAD.plus(SimulatedLathe.CYCLE).plus(Duration.ofSeconds(30)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            var alarms = sink.of(MachineSignal.ALARM).stream().filter(o -> raised.equals(o.key())).toList();
            return ((Observation.AlarmReport) alarms.get(alarms.size() - 1).value()).level() == AlarmLevel.NORMAL;
        });
    }

    @Test
    void writesAnOffsetOverSignAndEncryptReadsItBackAndTheNextBoreMovesByIt() throws Exception {
        startSimulator();
        trust(dir.resolve("pki"), simulator.certificate());
        connect(connection("sign-and-encrypt", Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> connector.state() == ConnectionState.CONNECTED);

        OffsetWritten written = connector.writeOffset(new OffsetWrite(SimulatedLathe.WEAR_OFFSET, -0.05))
                .get(10, TimeUnit.SECONDS);
        assertThat(written.requested()).isEqualTo(-0.05);
        assertThat(written.confirmed()).isEqualTo(-0.05);
        assertThat(lathe.offset(SimulatedLathe.WEAR_OFFSET)).isEqualTo(-0.05);

        SimulatedLathe twin = new SimulatedLathe(7, START);
        lathe.advance(SimulatedLathe.LOAD.plus(SimulatedLathe.CYCLE));
        twin.advance(SimulatedLathe.LOAD.plus(SimulatedLathe.CYCLE));
        assertThat(lathe.state().lastBore() - twin.state().lastBore()).isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-9));

        // The geometry offset's mapping names the SetOffset method: written by a call, confirmed by a read.
        OffsetWritten called = connector.writeOffset(new OffsetWrite(SimulatedLathe.GEOMETRY_OFFSET, -12.4))
                .get(10, TimeUnit.SECONDS);
        assertThat(called.confirmed()).isEqualTo(-12.4);
        assertThat(lathe.offset(SimulatedLathe.GEOMETRY_OFFSET)).isEqualTo(-12.4);
    }

    @Test
    void signsInWithAUsernameOrAnX509UserIdentity() throws Exception {
        startSimulator();
        trust(dir.resolve("pki"), simulator.certificate());
        connect(connection("sign-and-encrypt", Map.of("username", "operator", "password", "secret")));
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.heard(MachineSignal.EXECUTION, "READY"));
        connector.close();

        ApplicationCertificate user = ApplicationCertificate.create("operator", "urn:cncvision:user:operator");
        Path certificate = dir.resolve("operator.pem");
        Path key = dir.resolve("operator.key");
        java.util.Base64.Encoder pem = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
                + pem.encodeToString(user.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + pem.encodeToString(user.keyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        sink = new RecordingSink();
        connect(connection("sign-and-encrypt", Map.of("user-certificate", certificate.toString(),
                "user-key", key.toString())));
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.heard(MachineSignal.EXECUTION, "READY"));
    }

    @Test
    void refusesAnOffsetTheConfigurationDoesNotNameAsWritable() throws Exception {
        startSimulator();
        connect(connection("none", Map.of()));

        assertThatThrownBy(() -> connector.writeOffset(new OffsetWrite("T9.wear.z", 0.01)).get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T9.wear.z").hasMessageContaining(SimulatedLathe.WEAR_OFFSET);
    }

    @Test
    void refusesAnUntrustedServerSayingWhichFileToMoveAndConnectsOnceItIsMoved() throws Exception {
        startSimulator();
        connect(connection("sign-and-encrypt", Map.of()));

        await().atMost(Duration.ofSeconds(20)).until(() -> !sink.lost.isEmpty());
        String reason = sink.lost.get(0);
        assertThat(reason).contains("not trusted").contains("rejected").contains("trusted/certs");
        assertThat(sink.observations).isEmpty();
        assertThat(connector.state()).isNotEqualTo(ConnectionState.CONNECTED);

        Path rejected = Path.of(reason.replaceAll(".*saved as '([^']+)'.*", "$1"));
        assertThat(rejected).exists();
        Files.move(rejected, dir.resolve("pki/trusted/certs").resolve(rejected.getFileName()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.heard(MachineSignal.EXECUTION, "READY"));
        assertThat(sink.restored).hasSize(1);
    }

    @Test
    void eventValuesTheServerDiscardedFromAnOverflowingQueueAreReportedAsADataGap() throws Exception {
        startSimulator();
        connect(connection("none", Map.of("publishing-interval-ms", "500")));
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.heard(MachineSignal.EXECUTION, "READY"));

        // an hour of cutting in one go: far more parts, and states, than a queue holds within one publishing interval
        lathe.advance(Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> !sink.gaps.isEmpty());
        assertThat(sink.gaps).anySatisfy(gap -> assertThat(gap).contains("Lathe/PartCount").contains("overflowed"));
        // telemetry is sampled, its latest value kept: thousands of positions in between are no gap
        assertThat(sink.gaps).noneSatisfy(gap -> assertThat(gap).contains("Lathe/X"));
        assertThat(sink.lost).isEmpty();
    }

    @Test
    void hearsTheSerialOfEachPartMadeAndThePartIsProducedWithItsCycle() throws Exception {
        startSimulator();
        List<Object> commands = new CopyOnWriteArrayList<>();
        sink = new RecordingSink(new MachineEventTranslator(commands::add, (machine, o) -> { },
                Map.of(LATHE, new PartNumbers("PN-1234", Map.of()))));
        connect(connection("none", Map.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.heard(MachineSignal.PART_COUNT, 0L));
        // no part made yet: the node holds no serial
        assertThat(sink.values(MachineSignal.PART_ID)).containsExactly("");

        for (int part = 1; part <= 2; part++) {
            lathe.advance(SimulatedLathe.LOAD.plus(SimulatedLathe.CYCLE));
            long made = part;
            await().atMost(Duration.ofSeconds(5)).until(() -> commands.stream().filter(CompleteCycle.class::isInstance)
                    .count() == made);
        }

        assertThat(sink.values(MachineSignal.PART_ID)).containsExactly("", "SIM7-000001", "SIM7-000002");
        assertThat(sink.batches()).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> commands.stream().filter(ProducePart.class::isInstance)
                .count() == 2);
        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).map(c -> ((CompleteCycle) c).partSerial())
                .containsExactly(Serial.of("SIM7-000001"), Serial.of("SIM7-000002"));
        ProducePart first = commands.stream().filter(ProducePart.class::isInstance).map(ProducePart.class::cast)
                .findFirst().orElseThrow();
        assertThat(first.serial()).isEqualTo(Serial.of("SIM7-000001"));
        assertThat(first.partNumber()).isEqualTo("PN-1234");
        assertThat(first.machineId()).isEqualTo(LATHE);
        assertThat(first.program()).isEqualTo(SimulatedLathe.PROGRAM);
        assertThat(first.toolId()).isEqualTo("T1");
        assertThat(first.producedAt()).isEqualTo(START.plus(SimulatedLathe.LOAD).plus(SimulatedLathe.CYCLE));
    }
}
