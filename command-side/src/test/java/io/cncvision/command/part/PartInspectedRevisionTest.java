package io.cncvision.command.part;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.Sha256;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** PartInspected gained camera fields in revision 2; events stored as revision 1 must still read. */
class PartInspectedRevisionTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    @Test
    void aRevisionOneEventReadsWithNoMeasurementsDefectsOrImage() {
        String stored = """
                {"serial":"S-1","characteristicId":null,"result":"FAIL","gaugeId":"cam-01","note":"crack",
                 "observedAt":"2025-03-03T07:00:00Z","sourceMessageId":"cam-01/frame/88"}
                """;
        PartInspected event = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class,
                new SimpleSerializedType(PartInspected.class.getName(), "1")));

        assertThat(event).isEqualTo(PartInspected.verdict(Serial.of("S-1"), null, InspectionResult.FAIL,
                GaugeId.of("cam-01"), "crack", Instant.parse("2025-03-03T07:00:00Z"),
                SourceMessageId.of("cam-01/frame/88")));
        assertThat(event.measurements()).isEmpty();
        assertThat(event.defects()).isEmpty();
    }

    @Test
    void aRevisionTwoEventRoundTrips() {
        PartInspected event = new PartInspected(Serial.of("S-1"), null, InspectionResult.PASS, GaugeId.of("cam-01"),
                null, Instant.parse("2025-03-03T07:00:00Z"), SourceMessageId.of("cam-01/frame/89"),
                List.of(new InspectionMeasurement("outer-diameter", 24.981, "mm")),
                List.of(new InspectionDefect("inclusion", 0.61, null)), Sha256.of("0".repeat(64)),
                CalibrationId.of("cal-1"), Sha256.of("f".repeat(64)));

        SerializedObject<String> stored = serializer.serialize(event, String.class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((PartInspected) serializer.deserialize(stored)).isEqualTo(event);
    }
}
