package io.cncvision.api.part;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An inspection rejected the part (IATF 16949 8.7.1): made on {@code machineId}, measured on
 * {@code characteristicIds}, rejected for {@code reason} (the defects found, or features that could not be
 * gauged). Recorded with the failing {@link PartInspected}, so that containment starts from it.
 */
@Revision("1")
public record PartRejected(Serial serial, MachineId machineId, List<CharacteristicId> characteristicIds,
                           GaugeId gaugeId, String reason, Instant observedAt) {

    public PartRejected {
        characteristicIds = characteristicIds == null ? List.of() : List.copyOf(characteristicIds);
    }
}
