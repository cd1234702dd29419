package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The parts measured on the characteristic since its last good subgroup, which may share the fault that opened
 * the nonconformance; {@code sinceSubgroup} is the first subgroup they span (0 when no subgroup was good yet).
 */
@Revision("1")
public record SuspectPartsIdentified(CharacteristicId characteristicId, NonConformanceId nonConformanceId,
                                     Serial trigger, List<Serial> serials, long sinceSubgroup, Instant identifiedAt) {

    public SuspectPartsIdentified {
        serials = List.copyOf(serials);
    }
}
