package io.cncvision.cnc.mtconnect;

import static io.cncvision.cnc.RecordingSink.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.ClearAlarm;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.part.ProducePart;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.Serial;
import io.cncvision.cnc.ConnectionState;
import io.cncvision.cnc.MachineConnection.SignalMapping;
import io.cncvision.cnc.MachineConnection;
import io.cncvision.cnc.MachineConnectors;
import io.cncvision.cnc.MachineEventTranslator;
import io.cncvision.cnc.MachineSignal;
import io.cncvision.cnc.Observation;
import io.cncvision.cnc.PartNumbers;
import io.cncvision.cnc.RecordingSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShdrConnectorTest {

    private static final MachineId MACHINE = new MachineId("okuma-1");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> OKUMA_CONDITIONS = List.of("system", "CoolantSystem1_cond", "ElectricSystem1_cond",
            "HydraulicSystem1_cond", "LubricationSystem1_cond", "PneumaticSystem1_cond", "LoaderSystem1_cond",
            "WasteDisposalSystem1_cond", "ToolingDeliverySystem1_cond", "BarFeederSystem1_cond");

    private final List<Object> commands = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink(new MachineEventTranslator(commands::add, (machine, o) -> { },
            Map.of(MACHINE, new PartNumbers("PN-1234", Map.of()))));
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    private ShdrConnector connect(String endpoint, List<SignalMapping> signals, Map<String, String> options) {
        MachineConnection connection = new MachineConnection(MACHINE, "Okuma MULTUS U3000", Protocol.MTCONNECT, endpoint,
                options, signals, Duration.ofMillis(20), Duration.ofMillis(200));
        ShdrConnector connector = (ShdrConnector) MachineConnectors.create(connection);
        closing.add(0, connector);
        connector.start(sink);
        return connector;
    }

    private static SignalMapping map(MachineSignal signal, String key, String address) {
        return new SignalMapping(signal, key, address, false, null);
    }

    private static List<SignalMapping> okumaSignals() {
        List<SignalMapping> signals = new ArrayList<>(List.of(map(MachineSignal.EXECUTION, null, "pexecution"),
                map(MachineSignal.PROGRAM, null, "pprogram"),
                map(MachineSignal.PART_COUNT, null, "ppartcount"),
                map(MachineSignal.SPINDLE_SPEED, null, "S1speed"),
                map(MachineSignal.SPINDLE_LOAD, null, "S1load"),
                map(MachineSignal.FEED_OVERRIDE, null, "pFovr"),
                map(MachineSignal.ACTIVE_TOOL, null, "p1CurrentTool"),
                map(MachineSignal.AXIS_POSITION, "X", "X1actw"),
                map(MachineSignal.AXIS_POSITION, "Z", "Z1actw")));
        OKUMA_CONDITIONS.forEach(key -> signals.add(map(MachineSignal.ALARM, null, key)));
        return signals;
    }

    /** What the capture says, read independently of the connector: a plain scan of its lines. */
    private record Expected(List<MachineState> states, List<String> cyclePrograms, int raised, int cleared, int lines) {

        static Expected scan(String capture) {
            List<MachineState> states = new ArrayList<>();
            List<String> cyclePrograms = new ArrayList<>();
            Map<String, String> conditionLevels = new HashMap<>();
            int raised = 0;
            int cleared = 0;
            String program = null;
            Long count = null;
            String multilineEnd = null;
            String[] lines = capture.split("\n", -1);
            for (String line : lines) {
                if (multilineEnd != null) {
                    multilineEnd = line.equals(multilineEnd) ? null : multilineEnd;
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (line.startsWith("*") || f.length < 3) {
                    continue;
                }
                if (f[1].startsWith("@")) {
                    multilineEnd = f[f.length - 1].startsWith("--multiline--") ? f[f.length - 1] : null;
                    continue;
                }
                if (OKUMA_CONDITIONS.contains(f[1])) {
                    String before = conditionLevels.getOrDefault(f[1], "NORMAL");
                    if (!f[2].equals(before) && (f[2].equals("WARNING") || f[2].equals("FAULT"))) {
                        raised++;
                    } else if (f[2].equals("NORMAL") && !before.equals("NORMAL")) {
                        cleared++;
                    }
                    conditionLevels.put(f[1], f[2]);
                    continue;
                }
                for (int i = 1; i + 1 < f.length; i += 2) {
                    switch (f[i]) {
                        case "pexecution" -> {
                            MachineState state = switch (f[i + 1]) {
                                case "ACTIVE" -> MachineState.RUNNING;
                                case "READY", "PROGRAM_COMPLETED" -> MachineState.IDLE;
                                default -> MachineState.STOPPED;
                            };
                            if (states.isEmpty() || states.get(states.size() - 1) != state) {
                                states.add(state);
                            }
                        }
                        case "pprogram" -> program = f[i + 1];
                        case "ppartcount" -> {
                            long now = Long.parseLong(f[i + 1]);
                            for (long part = count == null ? now : count; part < now; part++) {
                                cyclePrograms.add(program);
                            }
                            count = now;
                        }
                        default -> { }
                    }
                }
            }
            return new Expected(states, cyclePrograms, raised, cleared, lines.length - 1);
        }
    }

    @Test
    void replayingTheRealOkumaCaptureYieldsItsStateChangesPartsAndAlarms() throws Exception {
        byte[] capture = Files.readAllBytes(MtConnectData.path("shdr/okuma.txt"));
        Expected expected = Expected.scan(new String(capture, StandardCharsets.UTF_8));
        ShdrAdapter adapter = new ShdrAdapter(capture, 10_000);
        closing.add(adapter);
        ShdrConnector connector = connect(adapter.endpoint(), okumaSignals(), Map.of());
        await("the whole capture", WAIT, () -> connector.linesReceived() >= expected.lines());

        List<MachineState> states = commands.stream().filter(ReportMachineState.class::isInstance)
                .map(c -> ((ReportMachineState) c).state()).toList();
        List<String> cyclePrograms = commands.stream().filter(CompleteCycle.class::isInstance)
                .map(c -> ((CompleteCycle) c).program()).toList();
        assertThat(states).isEqualTo(expected.states());
        assertThat(cyclePrograms).isEqualTo(expected.cyclePrograms());
        assertThat(commands.stream().filter(RaiseAlarm.class::isInstance).count()).isEqualTo(expected.raised());
        assertThat(commands.stream().filter(ClearAlarm.class::isInstance).count()).isEqualTo(expected.cleared());
        // the figures, as read by hand from the capture: four sessions of one program each
        assertThat(states).hasSize(9);
        assertThat(cyclePrograms).hasSize(5);
        assertThat(connector.assetsIgnored()).isEqualTo(152);
        assertThat(sink.values(MachineSignal.ALARM)).isNotEmpty()
                .allSatisfy(report -> assertThat(((Observation.AlarmReport) report).level()).isEqualTo(io.cncvision.cnc.AlarmLevel.NORMAL));
        Observation firstCount = sink.observations.stream().filter(o -> o.signal() == MachineSignal.PART_COUNT).findFirst().orElseThrow();
        assertThat(firstCount.sourceTime()).isEqualTo(Instant.parse("2022-08-08T13:51:34.7167146Z"));
        assertThat(firstCount.sourceId()).isEqualTo("shdr:ppartcount:2022-08-08T13:51:34.7167146Z");
        assertThat(adapter.pings()).isPositive();
        assertThat(sink.lost).isEmpty();
        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void conditionsRaiseAndClearAlarmsAndKeepTheFieldsAfterThemInStep() throws Exception {
        String lines = """
                2026-01-05T06:00:00Z|exec|READY|pc|10
                2026-01-05T06:00:01Z|coolant|FAULT|C01|2|LOW|Coolant level low|exec|STOPPED
                2026-01-05T06:00:02Z|coolant|WARNING|C02||HIGH|Coolant warm
                2026-01-05T06:00:03Z|coolant|UNAVAILABLE|||||pc|11
                2026-01-05T06:00:04Z|coolant|NORMAL|C01|||
                2026-01-05T06:00:05Z|coolant|NORMAL||||
                2026-01-05T06:00:06Z|other_cond|FAULT|X|1||Unmapped|exec|ACTIVE
                """;
        ShdrAdapter adapter = new ShdrAdapter(lines.getBytes(StandardCharsets.UTF_8), 10_000);
        closing.add(adapter);
        ShdrConnector connector = connect(adapter.endpoint(), List.of(map(MachineSignal.EXECUTION, null, "exec"),
                map(MachineSignal.PART_COUNT, null, "pc"), map(MachineSignal.ALARM, null, "coolant")),
                Map.of("conditions", "other_cond"));
        await("the lines", WAIT, () -> connector.linesReceived() >= 7);
        assertThat(commands).filteredOn(RaiseAlarm.class::isInstance).map(c -> (RaiseAlarm) c)
                .extracting(RaiseAlarm::alarmCode, RaiseAlarm::severity, RaiseAlarm::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C01", AlarmSeverity.FAULT, "Coolant level low"),
                        org.assertj.core.groups.Tuple.tuple("C02", AlarmSeverity.WARNING, "Coolant warm"));
        assertThat(commands).filteredOn(ClearAlarm.class::isInstance).extracting(c -> ((ClearAlarm) c).alarmCode())
                .containsExactly("C01", "C02");
        assertThat(commands).filteredOn(ReportMachineState.class::isInstance).extracting(c -> ((ReportMachineState) c).state())
                .containsExactly(MachineState.IDLE, MachineState.STOPPED, MachineState.RUNNING);
        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).hasSize(1);
    }

    @Test
    void anObservationThePlatformRefusesIsLoggedAndTheConnectorKeepsFollowing() throws Exception {
        String tooLong = "E".repeat(100); // alarm codes are at most 64 characters
        String lines = "2026-01-05T06:00:00Z|exec|READY\n"
                + "2026-01-05T06:00:01Z|coolant|FAULT|" + tooLong + "|1||Odd controller code\n"
                + "2026-01-05T06:00:02Z|exec|ACTIVE\n";
        ShdrAdapter adapter = new ShdrAdapter(lines.getBytes(StandardCharsets.UTF_8), 10_000);
        closing.add(adapter);
        ShdrConnector connector = connect(adapter.endpoint(), List.of(map(MachineSignal.EXECUTION, null, "exec"),
                map(MachineSignal.ALARM, null, "coolant")), Map.of());
        await("the lines", WAIT, () -> connector.linesReceived() >= 3);
        await("the last state", WAIT, () -> commands.stream().filter(ReportMachineState.class::isInstance).count() == 2);
        assertThat(commands).noneMatch(RaiseAlarm.class::isInstance);
        assertThat(sink.lost).isEmpty();
        assertThat(connector.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aDroppedAdapterIsLostOnceReconnectedAndItsRepeatedValuesRecordNothing() throws Exception {
        ShdrAdapter adapter = new ShdrAdapter("2026-01-05T06:00:00Z|exec|READY\n".getBytes(StandardCharsets.UTF_8), 100);
        closing.add(adapter);
        ShdrConnector connector = connect(adapter.endpoint(), List.of(map(MachineSignal.EXECUTION, null, "exec")),
                Map.of("heartbeatMillis", "50"));
        await("connected", WAIT, () -> connector.state() == ConnectionState.CONNECTED && connector.linesReceived() >= 1);
        adapter.drop();
        await("reconnected", WAIT, () -> adapter.connections() >= 2 && connector.state() == ConnectionState.CONNECTED
                && !sink.restored.isEmpty());
        assertThat(sink.lost).hasSize(1);
        // the adapter sent its current values again: a repeat that changes nothing
        assertThat(commands).filteredOn(ReportMachineState.class::isInstance).hasSize(1);
    }

    @Test
    void aSilentAdapterTimesOutAfterTwiceItsHeartbeat() throws Exception {
        ShdrAdapter adapter = new ShdrAdapter("2026-01-05T06:00:00Z|exec|READY\n".getBytes(StandardCharsets.UTF_8), 0);
        closing.add(adapter);
        ShdrConnector connector = connect(adapter.endpoint(), List.of(map(MachineSignal.EXECUTION, null, "exec")),
                Map.of("heartbeatMillis", "50", "legacyTimeoutMillis", "200"));
        await("the loss", WAIT, () -> !sink.lost.isEmpty());
        assertThat(sink.lost.get(0)).contains("silent");
        assertThat(connector.linesReceived()).isPositive();
    }

    @Test
    void theSimpleScenarioOfRelativeTimesIsHeardAtTheTimeItArrives() throws Exception {
        byte[] capture = Files.readAllBytes(MtConnectData.path("shdr/simple_scenario_1.txt"));
        ShdrAdapter adapter = new ShdrAdapter(capture, 10_000);
        closing.add(adapter);
        Instant before = Instant.now();
        ShdrConnector connector = connect(adapter.endpoint(), List.of(map(MachineSignal.EXECUTION, null, "execution"),
                map(MachineSignal.PROGRAM, null, "program"), map(MachineSignal.ACTIVE_TOOL, null, "tool_id")), Map.of());
        await("the lines", WAIT, () -> connector.linesReceived() >= 12);
        assertThat(sink.values(MachineSignal.EXECUTION)).startsWith("INTERRUPTED", "ACTIVE", "READY");
        assertThat(sink.values(MachineSignal.ACTIVE_TOOL)).containsExactly(1L, 2L, 3L, 2L);
        assertThat(sink.observations).allSatisfy(o -> assertThat(o.sourceTime()).isAfterOrEqualTo(before));
        assertThat(connector.assetsIgnored()).isZero();
    }

    @Test
    void aPartIdNamesTheCycleCountedWithItWhicheverComesFirst() throws Exception {
        String lines = """
                2026-01-05T06:00:00Z|prog|O1234|pc|10|pid|SN-10
                2026-01-05T06:00:24Z|pc|11|pid|SN-11
                2026-01-05T06:00:48Z|pid|SN-12
                2026-01-05T06:00:48Z|pc|12
                """;
        ShdrAdapter adapter = new ShdrAdapter(lines.getBytes(StandardCharsets.UTF_8), 10_000);
        closing.add(adapter);
        ShdrConnector connector = connect(adapter.endpoint(), List.of(map(MachineSignal.PROGRAM, null, "prog"),
                map(MachineSignal.PART_COUNT, null, "pc"), map(MachineSignal.PART_ID, null, "pid")), Map.of());
        await("the lines", WAIT, () -> connector.linesReceived() >= 4
                && commands.stream().filter(ProducePart.class::isInstance).count() == 2);

        assertThat(sink.values(MachineSignal.PART_ID)).containsExactly("SN-10", "SN-11", "SN-12");
        // SN-10 was made before the platform listened: it names no cycle
        assertThat(commands).filteredOn(CompleteCycle.class::isInstance).map(c -> ((CompleteCycle) c).partSerial())
                .containsExactly(Serial.of("SN-11"), Serial.of("SN-12"));
        assertThat(commands).filteredOn(ProducePart.class::isInstance).map(c -> ((ProducePart) c).serial().value())
                .containsExactly("SN-11", "SN-12");
    }
}
