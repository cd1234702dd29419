package io.cncvision.app.web;

import static io.cncvision.app.web.RequestFields.parse;
import static io.cncvision.app.web.RequestFields.parseOptional;

import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.OpenNonConformance;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /api/v1/nonconformances}: a person reports a nonconformance (IATF 16949 8.7). */
public record OpenNonConformanceRequest(
        @Schema(example = "Bore 12.031 mm on SN-000417, above USL 12.02", requiredMode = Schema.RequiredMode.REQUIRED)
        String description,
        @Schema(example = "mill-01") String machineId,
        @Schema(example = "pn1234-bore") String characteristicId,
        @Schema(example = "cam-1") String gaugeId,
        @Schema(description = "The parts it concerns; holding them is containment's", example = "[\"SN-000417\"]")
        List<String> serials) {

    OpenNonConformance toCommand(NonConformanceId id, Instant now) {
        return new OpenNonConformance(id, NonConformanceSource.PERSON, description,
                parseOptional("machineId", machineId, MachineId::of),
                parseOptional("characteristicId", characteristicId, CharacteristicId::of),
                parseOptional("gaugeId", gaugeId, GaugeId::of), serials("serials", serials), now);
    }

    /** Each serial of a list field, refused by the index it has there; an absent list is empty. */
    static List<Serial> serials(String field, List<String> raw) {
        List<Serial> serials = new ArrayList<>();
        if (raw != null) {
            for (int i = 0; i < raw.size(); i++) {
                serials.add(parse(field + "[" + i + "]", raw.get(i), Serial::of));
            }
        }
        return serials;
    }
}
