package io.cncvision.api.part;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A part was inspected, with this verdict. */
@Revision("1")
public record PartInspected(Serial serial, CharacteristicId characteristicId, InspectionResult result, GaugeId gaugeId,
                            String note, Instant observedAt, SourceMessageId sourceMessageId) {
}
