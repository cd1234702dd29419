package io.cncvision.api.part;

import java.time.Instant;
import java.util.List;

/**
 * A part's genealogy (IATF 16949 8.5.2.1): the machine, program, tool and lot that made it, every
 * measurement and inspection of it, and its disposition. Production fields are null when measurements
 * arrived for a serial whose production was not (yet) reported. {@code quarantinedUnder} names the
 * nonconformance the part is held under, with {@code quarantinedAt}; both null while it is not held.
 */
public record PartGenealogy(String serial, String partNumber, String machineId, String program, String toolId,
                            String lot, Instant producedAt, Disposition disposition, List<Measurement> measurements,
                            List<Inspection> inspections, String quarantinedUnder, Instant quarantinedAt) {

    /** A part that is not held under any nonconformance. */
    public PartGenealogy(String serial, String partNumber, String machineId, String program, String toolId,
                         String lot, Instant producedAt, Disposition disposition, List<Measurement> measurements,
                         List<Inspection> inspections) {
        this(serial, partNumber, machineId, program, toolId, lot, producedAt, disposition, measurements, inspections,
                null, null);
    }

    /** One measured value of the part. */
    public record Measurement(String characteristicId, double value, String unit, String gaugeId, Instant observedAt,
                              boolean outOfSpecification) {
    }

    /**
     * One inspection verdict on the part; a camera's also names what it measured, the defects it found and the
     * image, calibration and model it used (null, or empty lists, for a manual inspection).
     */
    public record Inspection(String characteristicId, InspectionResult result, String gaugeId, String note,
                             Instant observedAt, List<InspectionMeasurement> measurements,
                             List<InspectionDefect> defects, String imageSha256, String calibrationId,
                             String modelSha256) {

        public Inspection {
            measurements = measurements == null ? List.of() : List.copyOf(measurements);
            defects = defects == null ? List.of() : List.copyOf(defects);
        }
    }
}
