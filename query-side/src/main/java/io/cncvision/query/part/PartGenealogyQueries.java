package io.cncvision.query.part;

import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.FindPartGenealogy;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.PartGenealogy;
import io.cncvision.projection.SqlTime;
import io.cncvision.query.NotFoundException;
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
        List<PartGenealogy.Inspection> inspections = jdbc.query("""
                SELECT characteristic_id, result, gauge_id, note, observed_at
                FROM readmodel.part_inspection WHERE serial = :serial
                ORDER BY sequence_number
                """, serial, (row, n) -> new PartGenealogy.Inspection(row.getString("characteristic_id"),
                InspectionResult.valueOf(row.getString("result")), row.getString("gauge_id"), row.getString("note"),
                SqlTime.instant(row, "observed_at")));
        List<PartGenealogy> parts = jdbc.query("""
                SELECT serial, part_number, machine_id, program, tool_id, lot, produced_at, disposition
                FROM readmodel.part WHERE serial = :serial
                """, serial, (row, n) -> new PartGenealogy(row.getString("serial"), row.getString("part_number"),
                row.getString("machine_id"), row.getString("program"), row.getString("tool_id"), row.getString("lot"),
                SqlTime.instant(row, "produced_at"), Disposition.valueOf(row.getString("disposition")), measurements,
                inspections));
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
