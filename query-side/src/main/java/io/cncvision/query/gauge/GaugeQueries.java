package io.cncvision.query.gauge;

import io.cncvision.api.gauge.CalibrationView;
import io.cncvision.api.gauge.FindAllGauges;
import io.cncvision.api.gauge.FindGauge;
import io.cncvision.api.gauge.FindGaugeCalibrations;
import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.gauge.GaugeView;
import io.cncvision.projection.SqlTime;
import io.cncvision.query.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers gauge queries from {@code readmodel.gauge} and its calibration register. */
@Component
public class GaugeQueries {

    private static final String CALIBRATION_COLUMNS = """
            c.calibration_id, c.camera_matrix, c.distortion_coefficients, c.mm_per_pixel,
            c.rms_reprojection_error_px, c.image_count, c.calibrated_at, c.calibrated_by, c.recorded_at
            """;
    private static final String SELECT = "SELECT g.gauge_id, g.kind, g.name, g.registered_at, g.offline_since,"
            + " g.offline_reason, g.status, g.certification_id, g.due_at, " + CALIBRATION_COLUMNS + """
            FROM readmodel.gauge g
            LEFT JOIN readmodel.gauge_calibration c ON c.gauge_id = g.gauge_id AND c.calibration_id = g.calibration_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public GaugeQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public GaugeView handle(FindGauge query) {
        return jdbc.query(SELECT + " WHERE g.gauge_id = :gaugeId", Map.of("gaugeId", query.gaugeId().value()),
                        GaugeQueries::gauge)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("gauge", query.gaugeId()));
    }

    @QueryHandler
    public List<GaugeView> handle(FindAllGauges query) {
        return jdbc.query(SELECT + " ORDER BY g.gauge_id", GaugeQueries::gauge);
    }

    @QueryHandler
    public List<CalibrationView> handle(FindGaugeCalibrations query) {
        Map<String, String> gauge = Map.of("gaugeId", query.gaugeId().value());
        if (jdbc.queryForObject("SELECT count(*) FROM readmodel.gauge WHERE gauge_id = :gaugeId", gauge,
                Integer.class) == 0) {
            throw new NotFoundException("gauge", query.gaugeId());
        }
        return jdbc.query("SELECT c.gauge_id, " + CALIBRATION_COLUMNS + """
                FROM readmodel.gauge_calibration c WHERE c.gauge_id = :gaugeId ORDER BY c.recorded_at, c.calibration_id
                """, gauge, (row, n) -> calibration(row));
    }

    private static GaugeView gauge(ResultSet row, int rowNumber) throws SQLException {
        return new GaugeView(row.getString("gauge_id"), GaugeKind.valueOf(row.getString("kind")),
                row.getString("name"), SqlTime.instant(row, "registered_at"), SqlTime.instant(row, "offline_since"),
                row.getString("offline_reason"), row.getString("calibration_id") == null ? null : calibration(row),
                GaugeStatus.valueOf(row.getString("status")), row.getString("certification_id"),
                SqlTime.instant(row, "due_at"));
    }

    private static CalibrationView calibration(ResultSet row) throws SQLException {
        return new CalibrationView(row.getString("gauge_id"), row.getString("calibration_id"),
                doubles(row.getArray("camera_matrix")), doubles(row.getArray("distortion_coefficients")),
                row.getDouble("mm_per_pixel"), row.getDouble("rms_reprojection_error_px"), row.getInt("image_count"),
                SqlTime.instant(row, "calibrated_at"), row.getString("calibrated_by"),
                SqlTime.instant(row, "recorded_at"));
    }

    private static List<Double> doubles(Array array) throws SQLException {
        return Arrays.asList((Double[]) array.getArray());
    }
}
