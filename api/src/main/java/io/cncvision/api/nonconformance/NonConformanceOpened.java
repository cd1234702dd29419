package io.cncvision.api.nonconformance;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A nonconformance was opened; as {@link OpenNonConformance}. */
@Revision("1")
public record NonConformanceOpened(NonConformanceId nonConformanceId, NonConformanceSource source, String description,
                                   MachineId machineId, CharacteristicId characteristicId, GaugeId gaugeId,
                                   List<Serial> serials, Instant openedAt) {

    public NonConformanceOpened {
        serials = serials == null ? List.of() : List.copyOf(serials);
    }
}
