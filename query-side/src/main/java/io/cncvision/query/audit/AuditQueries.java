package io.cncvision.query.audit;

import io.cncvision.api.audit.AuditEvent;
import io.cncvision.api.audit.FindAuditEvents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers audit queries straight from the event store, {@code eventstore.events}, in global order. */
@Component
public class AuditQueries {

    private static final String SELECT = """
            SELECT global_index, event_identifier, aggregate_type, aggregate_identifier, sequence_number,
                   event_type, payload_revision, time_stamp,
                   convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta_data
            FROM eventstore.events
            WHERE global_index > :after
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public AuditQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<AuditEvent> handle(FindAuditEvents query) {
        String ofAggregate = query.aggregateId() == null ? "" : " AND aggregate_identifier = :aggregateId";
        return jdbc.query(SELECT + ofAggregate + " ORDER BY global_index LIMIT :limit",
                new MapSqlParameterSource("after", query.afterGlobalIndex())
                        .addValue("aggregateId", query.aggregateId())
                        .addValue("limit", query.limit()),
                AuditQueries::event);
    }

    private static AuditEvent event(ResultSet row, int rowNumber) throws SQLException {
        String timestamp = row.getString("time_stamp");
        return new AuditEvent(row.getLong("global_index"), row.getString("event_identifier"),
                row.getString("aggregate_type"), row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                simpleName(row.getString("event_type")), row.getString("payload_revision"),
                timestamp == null ? null : DateTimeUtils.parseInstant(timestamp), row.getString("payload"),
                row.getString("meta_data"));
    }

    /** {@code io.cncvision.api.characteristic.MeasurementRecorded} becomes {@code MeasurementRecorded}. */
    static String simpleName(String eventType) {
        if (eventType == null) {
            return null;
        }
        return eventType.substring(Math.max(eventType.lastIndexOf('.'), eventType.lastIndexOf('$')) + 1);
    }
}
