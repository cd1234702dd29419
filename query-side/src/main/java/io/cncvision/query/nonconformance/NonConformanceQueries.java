package io.cncvision.query.nonconformance;

import io.cncvision.api.nonconformance.ElectronicSignature;
import io.cncvision.api.nonconformance.FindNonConformance;
import io.cncvision.api.nonconformance.FindNonConformances;
import io.cncvision.api.nonconformance.NonConformanceDisposition;
import io.cncvision.api.nonconformance.NonConformanceSource;
import io.cncvision.api.nonconformance.NonConformanceStatus;
import io.cncvision.api.nonconformance.NonConformanceView;
import io.cncvision.projection.SqlTime;
import io.cncvision.query.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers nonconformance queries from {@code readmodel.nonconformance}, its containments and its actions. */
@Component
public class NonConformanceQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public NonConformanceQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public NonConformanceView handle(FindNonConformance query) {
        List<NonConformanceView> found = find("nonconformance_id = :id",
                new MapSqlParameterSource("id", query.nonConformanceId().value()));
        if (found.isEmpty()) {
            throw new NotFoundException("nonconformance", query.nonConformanceId());
        }
        return found.get(0);
    }

    /** The register, newest first. */
    @QueryHandler
    public List<NonConformanceView> handle(FindNonConformances query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("status", query.status() == null ? null : query.status().name(), Types.VARCHAR)
                .addValue("machineId", query.machineId() == null ? null : query.machineId().value(), Types.VARCHAR)
                .addValue("characteristicId",
                        query.characteristicId() == null ? null : query.characteristicId().value(), Types.VARCHAR);
        return find("(CAST(:status AS VARCHAR) IS NULL OR status = :status)"
                + " AND (CAST(:machineId AS VARCHAR) IS NULL OR machine_id = :machineId)"
                + " AND (CAST(:characteristicId AS VARCHAR) IS NULL OR characteristic_id = :characteristicId)",
                parameters);
    }

    // The nonconformances before their containments and actions: those may only have been added since, never
    // removed, so each view is what its nonconformance held at least when it was read.
    private List<NonConformanceView> find(String where, MapSqlParameterSource parameters) {
        List<Row> rows = jdbc.query("SELECT * FROM readmodel.nonconformance WHERE " + where
                + " ORDER BY opened_at DESC, nonconformance_id", parameters, (row, n) -> row(row));
        if (rows.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids",
                rows.stream().map(r -> r.id).toList());
        Map<String, List<NonConformanceView.Containment>> containments = new HashMap<>();
        jdbc.query("""
                SELECT nonconformance_id, action, applied_at, serials FROM readmodel.nonconformance_containment
                WHERE nonconformance_id IN (:ids) ORDER BY nonconformance_id, sequence_number
                """, ids, row -> {
            containments.computeIfAbsent(row.getString("nonconformance_id"), k -> new ArrayList<>())
                    .add(new NonConformanceView.Containment(row.getString("action"), SqlTime.instant(row, "applied_at"),
                            strings(row.getArray("serials"))));
        });
        Map<String, List<NonConformanceView.CorrectiveAction>> actions = new HashMap<>();
        jdbc.query("""
                SELECT nonconformance_id, action, owner_id, due_on, assigned_at FROM readmodel.nonconformance_action
                WHERE nonconformance_id IN (:ids) ORDER BY nonconformance_id, sequence_number
                """, ids, row -> {
            actions.computeIfAbsent(row.getString("nonconformance_id"), k -> new ArrayList<>())
                    .add(new NonConformanceView.CorrectiveAction(row.getString("action"), row.getString("owner_id"),
                            row.getObject("due_on", java.time.LocalDate.class), SqlTime.instant(row, "assigned_at")));
        });
        return rows.stream().map(row -> row.view(containments.getOrDefault(row.id, List.of()),
                actions.getOrDefault(row.id, List.of()))).toList();
    }

    /** One row of {@code readmodel.nonconformance}, waiting for its containments and actions. */
    private record Row(String id, NonConformanceView partial) {

        NonConformanceView view(List<NonConformanceView.Containment> containments,
                                List<NonConformanceView.CorrectiveAction> actions) {
            Set<String> held = new LinkedHashSet<>();
            containments.forEach(containment -> held.addAll(containment.serials()));
            NonConformanceView p = partial;
            return new NonConformanceView(p.nonConformanceId(), p.source(), p.status(), p.description(), p.machineId(),
                    p.characteristicId(), p.gaugeId(), p.serials(), List.copyOf(held), containments, p.rootCause(),
                    actions, p.disposition(), p.openedAt(), p.closedAt(), p.closedBy(), p.closingNote());
        }
    }

    private static Row row(ResultSet row) throws SQLException {
        String rootCause = row.getString("root_cause");
        String disposition = row.getString("disposition");
        NonConformanceView view = new NonConformanceView(row.getString("nonconformance_id"),
                NonConformanceSource.valueOf(row.getString("source")),
                NonConformanceStatus.valueOf(row.getString("status")), row.getString("description"),
                row.getString("machine_id"), row.getString("characteristic_id"), row.getString("gauge_id"),
                strings(row.getArray("serials")), List.of(), List.of(),
                rootCause == null ? null : new NonConformanceView.RootCause(rootCause,
                        row.getString("root_cause_method"), row.getString("root_cause_recorded_by"),
                        SqlTime.instant(row, "root_cause_recorded_at")),
                List.of(),
                disposition == null ? null : new NonConformanceView.SignedDisposition(
                        NonConformanceDisposition.valueOf(disposition), row.getString("disposition_justification"),
                        SqlTime.instant(row, "concession_expires_at"),
                        new ElectronicSignature(row.getString("signer_id"), row.getString("signature_meaning"),
                                SqlTime.instant(row, "signed_at"), SqlTime.instant(row, "authenticated_at"))),
                SqlTime.instant(row, "opened_at"), SqlTime.instant(row, "closed_at"), row.getString("closed_by"),
                row.getString("closing_note"));
        return new Row(view.nonConformanceId(), view);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
