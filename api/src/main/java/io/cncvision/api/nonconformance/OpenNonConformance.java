package io.cncvision.api.nonconformance;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a nonconformance report (IATF 16949 8.7): what opened it, what is wrong, and what it concerns: the
 * machine, characteristic, gauge and parts named where known (each may be absent, the parts list empty).
 */
public record OpenNonConformance(@TargetAggregateIdentifier NonConformanceId nonConformanceId,
                                 NonConformanceSource source, String description, MachineId machineId,
                                 CharacteristicId characteristicId, GaugeId gaugeId, List<Serial> serials,
                                 Instant openedAt) {

    public OpenNonConformance {
        Checks.required("nonConformanceId", nonConformanceId);
        Checks.required("source", source);
        Checks.text("description", description, 2048);
        serials = serials == null ? List.of() : List.copyOf(serials);
        Checks.required("openedAt", openedAt);
    }
}
