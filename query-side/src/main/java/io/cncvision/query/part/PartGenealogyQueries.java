package io.cncvision.query.part;

import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.FindPartGenealogy;
import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.PartGenealogy;
import io.cncvision.projection.SqlTime;
import io.cncvision.query.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers part genealogy queries from {@code readmodel.part} and the part's measurements and inspections. */
@Component
public class PartGenealogyQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public PartGenealogyQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public PartGenealogy handle(FindPartGenealogy query) {
        Map<String, String> serial = Map.of("serial", query.serial().value());
        List<PartGenealogy.Measurement> measurements = jdbc.query("""
                SELECT characteristic_id, value, unit, gauge_id, observed_at, out_of_specification
                FROM readmodel.part_measurement WHERE serial = :serial
                ORDER BY observed_at, characteristic_id, sequence_number
                """, serial, (row, n) -> new PartGenealogy.Measurement(row.getString("characteristic_id"),
                row.getDouble("value"), row.getString("unit"), row.getString("gauge_id"),
                SqlTime.instant(row, "observed_at"), row.getBoolean("out_of_specification")));
        // The inspections before their measurements and defects: those are committed with their inspection, so
        // once an inspection is read, all of its are there to read.
        record InspectionRow(long sequence, String characteristicId, InspectionResult result, String gaugeId,
                             String note, java.time.Instant observedAt, String imageSha256, String calibrationId,
                             String modelSha256) {
        }
        List<InspectionRow> inspectionRows = jdbc.query("""
                SELECT sequence_number, characteristic_id, result, gauge_id, note, observed_at, image_sha256,
                       calibration_id, model_sha256
                FROM readmodel.part_inspection WHERE serial = :serial
                ORDER BY sequence_number
                """, serial, (row, n) -> new InspectionRow(row.getLong("sequence_number"), row.getString("characteristic_id"),
                InspectionResult.valueOf(row.getString("result")), row.getString("gauge_id"), row.getString("note"),
                SqlTime.instant(row, "observed_at"), row.getString("image_sha256"), row.getString("calibration_id"),
                row.getString("model_sha256")));
        Map<Long, List<InspectionMeasurement>> measured = new HashMap<>();
        jdbc.query("""
                SELECT sequence_number, feature, value, unit FROM readmodel.part_inspection_measurement
                WHERE serial = :serial ORDER BY sequence_number, ordinal
                """, serial, row -> {
            measured.computeIfAbsent(row.getLong("sequence_number"), k -> new ArrayList<>())
                    .add(new InspectionMeasurement(row.getString("feature"), row.getDouble("value"),
                            row.getString("unit")));
        });
        Map<Long, List<InspectionDefect>> found = new HashMap<>();
        jdbc.query("""
                SELECT sequence_number, defect_class, confidence, box_x, box_y, box_width, box_height
                FROM readmodel.part_inspection_defect WHERE serial = :serial ORDER BY sequence_number, ordinal
                """, serial, row -> {
            int width = row.getInt("box_width");
            InspectionDefect.Box box = row.wasNull() ? null : new InspectionDefect.Box(row.getInt("box_x"),
                    row.getInt("box_y"), width, row.getInt("box_height"));
            found.computeIfAbsent(row.getLong("sequence_number"), k -> new ArrayList<>())
                    .add(new InspectionDefect(row.getString("defect_class"), row.getDouble("confidence"), box));
        });
        List<PartGenealogy.Inspection> inspections = inspectionRows.stream().map(row -> new PartGenealogy.Inspection(
                row.characteristicId(), row.result(), row.gaugeId(), row.note(), row.observedAt(),
                measured.get(row.sequence()), found.get(row.sequence()), row.imageSha256(), row.calibrationId(),
                row.modelSha256())).toList();
        List<PartGenealogy> parts = jdbc.query("""
                SELECT serial, part_number, machine_id, program, tool_id, lot, produced_at, disposition,
                       quarantined_under, quarantined_at
                FROM readmodel.part WHERE serial = :serial
                """, serial, (row, n) -> new PartGenealogy(row.getString("serial"), row.getString("part_number"),
                row.getString("machine_id"), row.getString("program"), row.getString("tool_id"), row.getString("lot"),
                SqlTime.instant(row, "produced_at"), Disposition.valueOf(row.getString("disposition")), measurements,
                inspections, row.getString("quarantined_under"), SqlTime.instant(row, "quarantined_at")));
        if (!parts.isEmpty()) {
            return parts.get(0);
        }
        if (measurements.isEmpty() && inspections.isEmpty()) {
            throw new NotFoundException("part", query.serial());
        }
        // Measured, but its production is not (yet) reported: no Part aggregate, so no disposition either.
        return new PartGenealogy(query.serial().value(), null, null, null, null, null, null, null, measurements,
                inspections);
    }
}
