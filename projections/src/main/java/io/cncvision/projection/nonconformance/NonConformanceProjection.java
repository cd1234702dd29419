package io.cncvision.projection.nonconformance;

import io.cncvision.api.nonconformance.ContainmentApplied;
import io.cncvision.api.nonconformance.CorrectiveActionAssigned;
import io.cncvision.api.nonconformance.DispositionSigned;
import io.cncvision.api.nonconformance.NonConformanceClosed;
import io.cncvision.api.nonconformance.NonConformanceOpened;
import io.cncvision.api.nonconformance.NonConformanceStatus;
import io.cncvision.api.nonconformance.RootCauseRecorded;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.projection.ReadModelWriter;
import io.cncvision.projection.SqlTime;
import java.sql.Types;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the NCR register (IATF 16949 8.7, 10.2): {@code readmodel.nonconformance} with its
 * {@code nonconformance_containment} and {@code nonconformance_action} rows. Every event of one
 * nonconformance is applied once, guarded by its sequence number, so redelivery changes nothing; the status
 * only moves forward (containment after the signature leaves it DISPOSITIONED).
 */
@Component
@ProcessingGroup(NonConformanceProjection.PROCESSING_GROUP)
public class NonConformanceProjection {

    public static final String PROCESSING_GROUP = "nonconformances";

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelWriter writer;

    public NonConformanceProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new ReadModelWriter(jdbc);
    }

    @EventHandler
    public void on(NonConformanceOpened event, @SequenceNumber long sequence) {
        writer.update("""
                INSERT INTO readmodel.nonconformance (nonconformance_id, source, status, description, machine_id,
                    characteristic_id, gauge_id, serials, opened_at, last_sequence)
                VALUES (:id, :source, :status, :description, :machineId, :characteristicId, :gaugeId, :serials,
                    :openedAt, :sequence)
                ON CONFLICT (nonconformance_id) DO NOTHING
                """, nonConformance(event.nonConformanceId(), sequence)
                .addValue("source", event.source().name())
                .addValue("status", NonConformanceStatus.OPEN.name())
                .addValue("description", event.description())
                .addValue("machineId", event.machineId() == null ? null : event.machineId().value(), Types.VARCHAR)
                .addValue("characteristicId",
                        event.characteristicId() == null ? null : event.characteristicId().value(), Types.VARCHAR)
                .addValue("gaugeId", event.gaugeId() == null ? null : event.gaugeId().value(), Types.VARCHAR)
                .addValue("serials", serials(event.serials()))
                .addValue("openedAt", SqlTime.of(event.openedAt())));
    }

    @EventHandler
    public void on(ContainmentApplied event, @SequenceNumber long sequence) {
        writer.update("""
                INSERT INTO readmodel.nonconformance_containment (nonconformance_id, sequence_number, action,
                    applied_at, serials)
                VALUES (:id, :sequence, :action, :appliedAt, :serials)
                ON CONFLICT (nonconformance_id, sequence_number) DO NOTHING
                """, nonConformance(event.nonConformanceId(), sequence)
                .addValue("action", event.action())
                .addValue("appliedAt", SqlTime.of(event.appliedAt()))
                .addValue("serials", serials(event.serials())));
        applyOnce("status = CASE WHEN status = 'OPEN' THEN 'CONTAINED' ELSE status END",
                nonConformance(event.nonConformanceId(), sequence));
    }

    @EventHandler
    public void on(RootCauseRecorded event, @SequenceNumber long sequence) {
        applyOnce("root_cause = :rootCause, root_cause_method = :method, root_cause_recorded_by = :recordedBy,"
                + " root_cause_recorded_at = :recordedAt", nonConformance(event.nonConformanceId(), sequence)
                .addValue("rootCause", event.rootCause())
                .addValue("method", event.method())
                .addValue("recordedBy", event.recordedBy())
                .addValue("recordedAt", SqlTime.of(event.recordedAt())));
    }

    @EventHandler
    public void on(CorrectiveActionAssigned event, @SequenceNumber long sequence) {
        writer.update("""
                INSERT INTO readmodel.nonconformance_action (nonconformance_id, sequence_number, action, owner_id,
                    due_on, assigned_at)
                VALUES (:id, :sequence, :action, :ownerId, :dueOn, :assignedAt)
                ON CONFLICT (nonconformance_id, sequence_number) DO NOTHING
                """, nonConformance(event.nonConformanceId(), sequence)
                .addValue("action", event.action())
                .addValue("ownerId", event.ownerId())
                .addValue("dueOn", event.dueOn(), Types.DATE)
                .addValue("assignedAt", SqlTime.of(event.assignedAt())));
        applyOnce("status = status", nonConformance(event.nonConformanceId(), sequence));
    }

    @EventHandler
    public void on(DispositionSigned event, @SequenceNumber long sequence) {
        applyOnce("status = 'DISPOSITIONED', disposition = :disposition, disposition_justification = :justification,"
                + " concession_expires_at = :concessionExpiresAt, signer_id = :signerId, signature_meaning = :meaning,"
                + " signed_at = :signedAt, authenticated_at = :authenticatedAt",
                nonConformance(event.nonConformanceId(), sequence)
                        .addValue("disposition", event.disposition().name())
                        .addValue("justification", event.justification())
                        .addValue("concessionExpiresAt", SqlTime.of(event.concessionExpiresAt()),
                                Types.TIMESTAMP_WITH_TIMEZONE)
                        .addValue("signerId", event.signature().signerId())
                        .addValue("meaning", event.signature().meaning())
                        .addValue("signedAt", SqlTime.of(event.signature().signedAt()))
                        .addValue("authenticatedAt", SqlTime.of(event.signature().authenticatedAt())));
    }

    @EventHandler
    public void on(NonConformanceClosed event, @SequenceNumber long sequence) {
        applyOnce("status = 'CLOSED', closed_at = :closedAt, closed_by = :closedBy, closing_note = :note",
                nonConformance(event.nonConformanceId(), sequence)
                        .addValue("closedAt", SqlTime.of(event.closedAt()))
                        .addValue("closedBy", event.closedBy())
                        .addValue("note", event.note()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE readmodel.nonconformance, readmodel.nonconformance_containment,"
                + " readmodel.nonconformance_action");
    }

    private static MapSqlParameterSource nonConformance(NonConformanceId id, long sequence) {
        return new MapSqlParameterSource("id", id.value()).addValue("sequence", sequence);
    }

    private static String[] serials(List<Serial> serials) {
        return serials.stream().map(Serial::value).toArray(String[]::new);
    }

    /** Applies the assignments unless the row already reflects this event or a later one. */
    private void applyOnce(String assignments, MapSqlParameterSource parameters) {
        writer.update("UPDATE readmodel.nonconformance SET " + assignments + ", last_sequence = :sequence"
                + " WHERE nonconformance_id = :id AND last_sequence < :sequence", parameters);
    }
}
