package io.cncvision.projection.gauge;

import io.cncvision.api.gauge.AsLeftCondition;
import io.cncvision.api.gauge.GaugeCalibrated;
import io.cncvision.api.gauge.GaugeCalibrationCertified;
import io.cncvision.api.gauge.GaugeCalibrationExpired;
import io.cncvision.api.gauge.GaugeCameOnline;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.gauge.GaugeWentOffline;
import io.cncvision.projection.ReadModelWriter;
import io.cncvision.projection.SqlTime;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code readmodel.gauge} (each gauge, whether it delivers, the calibration in force) and
 * {@code readmodel.gauge_calibration} (every calibration recorded). Updates are guarded by the gauge's event
 * sequence, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(GaugeProjection.PROCESSING_GROUP)
public class GaugeProjection {

    public static final String PROCESSING_GROUP = "gauges";

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelWriter writer;

    public GaugeProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new ReadModelWriter(jdbc);
    }

    @EventHandler
    public void on(GaugeRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writer.update("""
                INSERT INTO readmodel.gauge (gauge_id, kind, name, registered_at, last_sequence)
                VALUES (:gaugeId, :kind, :name, :recordedAt, :sequence)
                ON CONFLICT (gauge_id) DO NOTHING
                """, gauge(event.gaugeId().value(), sequence)
                .addValue("kind", event.kind().name())
                .addValue("name", event.name())
                .addValue("recordedAt", SqlTime.of(recordedAt)));
    }

    @EventHandler
    public void on(GaugeCalibrated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writer.update("""
                INSERT INTO readmodel.gauge_calibration
                    (gauge_id, calibration_id, camera_matrix, distortion_coefficients, mm_per_pixel,
                     rms_reprojection_error_px, image_count, calibrated_at, calibrated_by, recorded_at)
                VALUES (:gaugeId, :calibrationId, :cameraMatrix, :distortion, :mmPerPixel, :rms, :imageCount,
                        :calibratedAt, :calibratedBy, :recordedAt)
                ON CONFLICT (gauge_id, calibration_id) DO NOTHING
                """, gauge(event.gaugeId().value(), sequence)
                .addValue("calibrationId", event.calibrationId().value())
                .addValue("cameraMatrix", doubles(event.cameraMatrix()))
                .addValue("distortion", doubles(event.distortionCoefficients()))
                .addValue("mmPerPixel", event.mmPerPixel())
                .addValue("rms", event.rmsReprojectionErrorPx())
                .addValue("imageCount", event.imageCount())
                .addValue("calibratedAt", SqlTime.of(event.calibratedAt()))
                .addValue("calibratedBy", event.calibratedBy())
                .addValue("recordedAt", SqlTime.of(recordedAt)));
        applyOnce("calibration_id = :calibrationId", gauge(event.gaugeId().value(), sequence)
                .addValue("calibrationId", event.calibrationId().value()));
    }

    @EventHandler
    public void on(GaugeCalibrationCertified event, @SequenceNumber long sequence) {
        applyOnce("status = :status, certification_id = :certificationId, due_at = :dueAt",
                gauge(event.gaugeId().value(), sequence)
                        .addValue("status", (event.asLeft() == AsLeftCondition.FAILED
                                ? GaugeStatus.FAILED : GaugeStatus.CALIBRATED).name())
                        .addValue("certificationId", event.calibrationId().value())
                        .addValue("dueAt", event.dueAt() == null ? null : SqlTime.of(event.dueAt())));
    }

    @EventHandler
    public void on(GaugeCalibrationExpired event, @SequenceNumber long sequence) {
        applyOnce("status = :status", gauge(event.gaugeId().value(), sequence)
                .addValue("status", GaugeStatus.EXPIRED.name()));
    }

    @EventHandler
    public void on(GaugeWentOffline event, @SequenceNumber long sequence) {
        applyOnce("offline_since = :observedAt, offline_reason = :reason", gauge(event.gaugeId().value(), sequence)
                .addValue("observedAt", SqlTime.of(event.observedAt()))
                .addValue("reason", event.reason()));
    }

    @EventHandler
    public void on(GaugeCameOnline event, @SequenceNumber long sequence) {
        applyOnce("offline_since = NULL, offline_reason = NULL", gauge(event.gaugeId().value(), sequence));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE readmodel.gauge, readmodel.gauge_calibration");
    }

    private static MapSqlParameterSource gauge(String gaugeId, long sequence) {
        return new MapSqlParameterSource("gaugeId", gaugeId).addValue("sequence", sequence);
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Applies the assignments unless the row already reflects this event or a later one. */
    private void applyOnce(String assignments, MapSqlParameterSource parameters) {
        writer.update("UPDATE readmodel.gauge SET " + assignments + ", last_sequence = :sequence"
                + " WHERE gauge_id = :gaugeId AND last_sequence < :sequence", parameters);
    }
}
