package io.cncvision.command;

import static io.cncvision.spc.constants.ControlChartConstants.d2;
import static io.cncvision.spc.constants.ControlChartConstants.rangeUpperFactor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.EstablishControlLimits;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.PlottedPoint;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.characteristic.ReviseSpecification;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.machine.AlarmRaised;
import io.cncvision.api.machine.AlarmSeverity;
import io.cncvision.api.machine.CompleteCycle;
import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.machine.RaiseAlarm;
import io.cncvision.api.machine.ReportMachineState;
import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.DispositionPart;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.PartDispositioned;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.command.characteristic.Characteristic;
import io.cncvision.command.machine.Machine;
import io.cncvision.command.part.Part;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

/**
 * Aggregates survive the snapshot serialization the app configures (Jackson, field access), and a
 * restored aggregate decides exactly as the one rebuilt from its events.
 */
class SnapshotRoundTripTest {

    static final Instant T0 = Instant.parse("2025-03-03T07:00:00Z");
    static final SourceMessageId MSG_1 = SourceMessageId.of("msg-1");
    static final SourceMessageId MSG_2 = SourceMessageId.of("msg-2");

    // Mirrors the app's snapshot ObjectMapper: fields whatever their visibility, no getters.
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The aggregate as its events leave it, captured from the fixture after a command that changes nothing. */
    private static <T> T rebuilt(Class<T> type, Object command, Object... history) {
        AtomicReference<T> aggregate = new AtomicReference<>();
        new AggregateTestFixture<>(type).given(history).when(command).expectNoEvents().expectState(aggregate::set);
        return aggregate.get();
    }

    /** The aggregate serialized as a snapshot, after checking that restoring it loses nothing. */
    private String snapshotOf(Object aggregate) throws JsonProcessingException {
        String json = mapper.writeValueAsString(aggregate);
        Object restored = mapper.readValue(json, aggregate.getClass());
        assertThat(restored).usingRecursiveComparison().isEqualTo(aggregate);
        assertThat(mapper.writeValueAsString(restored)).isEqualTo(json);
        return json;
    }

    /** A fixture whose aggregate is restored from the snapshot; a fixture holds one aggregate, so one per scenario. */
    private <T> TestExecutor<T> givenRestored(String snapshot, Class<T> type) throws JsonProcessingException {
        T restored = mapper.readValue(snapshot, type);
        return new AggregateTestFixture<>(type).givenState(() -> restored);
    }

    @Test
    void aRestoredMachineKeepsItsStateAlarmsCycleCountAndRecentIds() throws Exception {
        MachineId mill = MachineId.of("mill-01");
        Machine machine = rebuilt(Machine.class, new ReportMachineState(mill, MachineState.RUNNING, T0, null),
                new MachineRegistered(mill, "DMG Mori NHX 5000", Protocol.OPCUA, "opc.tcp://mill-01:4840"),
                new MachineStateChanged(mill, MachineState.OFFLINE, MachineState.RUNNING, T0, null),
                new AlarmRaised(mill, "1010", AlarmSeverity.FAULT, "spindle overload", T0, MSG_1),
                new CycleCompleted(mill, "O1234", Serial.of("S-1"), 1, T0, MSG_2));

        String snapshot = snapshotOf(machine);

        givenRestored(snapshot, Machine.class)
                .when(new CompleteCycle(mill, "O1234", Serial.of("S-1"), T0, MSG_2))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
        givenRestored(snapshot, Machine.class)
                .when(new RaiseAlarm(mill, "1010", AlarmSeverity.FAULT, "spindle overload", T0,
                        SourceMessageId.of("msg-3")))
                .expectResultMessagePayload(CommandOutcome.UNCHANGED)
                .expectNoEvents();
        givenRestored(snapshot, Machine.class)
                .when(new CompleteCycle(mill, "O1234", Serial.of("S-2"), T0, SourceMessageId.of("msg-4")))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new CycleCompleted(mill, "O1234", Serial.of("S-2"), 2, T0, SourceMessageId.of("msg-4")));
    }

    @Test
    void aRestoredCharacteristicKeepsItsSpecificationOpenSubgroupAndRecentIds() throws Exception {
        CharacteristicId bore = CharacteristicId.of("pn1234-bore");
        GaugeId camera = GaugeId.of("cam-01");
        Specification specification = new Specification("mm", 10.0, 9.0, 11.0);
        Characteristic characteristic = rebuilt(Characteristic.class,
                new ReviseSpecification(bore, specification, "unchanged drawing"),
                new CharacteristicDefined(bore, "PN-1234", "bore diameter", specification, 2, ChartType.XBAR_S),
                new MeasurementRecorded(bore, 10.5, Serial.of("S-1"), camera, T0, MSG_1, 1));

        String snapshot = snapshotOf(characteristic);

        givenRestored(snapshot, Characteristic.class)
                .when(new RecordMeasurement(bore, 10.5, Serial.of("S-1"), camera, T0, MSG_1))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
        givenRestored(snapshot, Characteristic.class)
                .when(new RecordMeasurement(bore, 11.5, Serial.of("S-2"), camera, T0, MSG_2))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new MeasurementRecorded(bore, 11.5, Serial.of("S-2"), camera, T0, MSG_2, 1),
                        new OutOfSpecificationDetected(bore, 11.5, Serial.of("S-2"), specification, T0, MSG_2),
                        new SubgroupCompleted(bore, 1, List.of(10.5, 11.5), 11.0, 1.0, Math.sqrt(0.5), T0, null));
    }

    @Test
    void aRestoredCharacteristicKeepsItsSubgroupHistoryLimitsAndRunRuleWindow() throws Exception {
        CharacteristicId bore = CharacteristicId.of("pn1234-bore");
        GaugeId camera = GaugeId.of("cam-01");
        Specification specification = new Specification("mm", 10.0, 0.0, 100.0);
        double sigma = 0.5 / d2(2);
        ControlLimitsEstablished limits = new ControlLimitsEstablished(bore, 1, 4, "imr", 10.25,
                10.25 - 3 * sigma, 10.25 + 3 * sigma, sigma, 0.5, 0.0, rangeUpperFactor(2) * 0.5, "nelson", "q.engineer", "phase I", Map.of());
        List<Object> history = new ArrayList<>();
        history.add(new CharacteristicDefined(bore, "PN-1234", "bore diameter", specification, 1, ChartType.IMR));
        // four baseline values, the limits, then eight judged values above the centre
        double[] values = {10.0, 10.5, 10.0, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5};
        for (int i = 0; i < values.length; i++) {
            long n = i + 1;
            history.add(new MeasurementRecorded(bore, values[i], Serial.of("S-" + n), camera, T0,
                    SourceMessageId.of("msg-" + n), n));
            history.add(new SubgroupCompleted(bore, n, List.of(values[i]), values[i], 0.0, 0.0, T0, null));
            if (n == 4) {
                history.add(limits);
            }
        }
        Characteristic characteristic = rebuilt(Characteristic.class,
                new RecordMeasurement(bore, 10.5, Serial.of("S-12"), camera, T0, SourceMessageId.of("msg-12")),
                history.toArray());

        String snapshot = snapshotOf(characteristic);

        // the ninth judged value above the centre completes a Nelson 2 run that began before the snapshot
        givenRestored(snapshot, Characteristic.class)
                .when(new RecordMeasurement(bore, 10.5, Serial.of("S-13"), camera, T0, SourceMessageId.of("msg-13")))
                .expectEvents(new MeasurementRecorded(bore, 10.5, Serial.of("S-13"), camera, T0,
                                SourceMessageId.of("msg-13"), 13),
                        new SubgroupCompleted(bore, 13, List.of(10.5), 10.5, 0.0, 0.0, T0,
                                new PlottedPoint(10.5, limits.lcl(), limits.ucl(), 0.0)),
                        new OutOfControlSignalled(bore, 13, "NELSON_2", LongStream.rangeClosed(5, 13).boxed().toList(),
                                10.5, 10.25, limits.lcl(), limits.ucl(), T0));
        // and the baseline is still there to establish limits from
        givenRestored(snapshot, Characteristic.class)
                .when(new EstablishControlLimits(bore, 1, 4, "nelson", "q.engineer", "phase I", null))
                .expectEvents(new ControlLimitsEstablished(bore, 1, 4, "imr", 10.25, limits.lcl(), limits.ucl(),
                        sigma, 0.5, 0.0, rangeUpperFactor(2) * 0.5, "nelson", "q.engineer", "phase I", Map.of()));
    }

    @Test
    void aRestoredPartKeepsItsDispositionAndRecentIds() throws Exception {
        Serial serial = Serial.of("S-1");
        GaugeId camera = GaugeId.of("cam-01");
        Part part = rebuilt(Part.class, new DispositionPart(serial, Disposition.SCRAP, "crack"),
                new PartProduced(serial, "PN-1234", MachineId.of("mill-01"), "O1234", null, null, T0, MSG_1),
                PartInspected.verdict(serial, null, InspectionResult.FAIL, camera, "crack", T0, MSG_2),
                new PartDispositioned(serial, Disposition.PENDING, Disposition.SCRAP, "crack"));

        String snapshot = snapshotOf(part);

        givenRestored(snapshot, Part.class)
                .when(RecordInspection.verdict(serial, null, InspectionResult.FAIL, camera, "crack", T0, MSG_2))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
        givenRestored(snapshot, Part.class)
                .when(new DispositionPart(serial, Disposition.ACCEPT, "second opinion"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("part S-1 is scrapped; its disposition is final");
    }
}
