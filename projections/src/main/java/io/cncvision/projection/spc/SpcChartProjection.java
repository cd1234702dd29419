package io.cncvision.projection.spc;

import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.CountRecorded;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.PlottedPoint;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.spc.FindSpcChart;
import io.cncvision.api.spc.SpcChartView;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.projection.ReadModelWriter;
import io.cncvision.projection.SqlTime;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the control chart read model ({@code readmodel.spc_point}, {@code spc_limits}, {@code spc_signal}):
 * each fact once, whatever is delivered twice, and tells live subscribers.
 */
@Component
@ProcessingGroup("spc-chart")
public class SpcChartProjection {

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelWriter writer;
    private final QueryUpdateEmitter updates;

    public SpcChartProjection(NamedParameterJdbcTemplate jdbc, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.writer = new ReadModelWriter(jdbc);
        this.updates = updates;
    }

    @EventHandler
    public void on(SubgroupCompleted event) {
        insertPoint(new SpcChartView.Point(event.subgroup(), event.mean(), event.range(), event.standardDeviation(),
                event.values(), event.observedAt(), null, null, event.plotted()), event.characteristicId());
    }

    @EventHandler
    public void on(CountRecorded event) {
        insertPoint(new SpcChartView.Point(event.subgroup(), event.value(), null, null, null, event.observedAt(),
                event.count(), event.size(), event.plotted()), event.characteristicId());
    }

    private void insertPoint(SpcChartView.Point point, CharacteristicId characteristicId) {
        PlottedPoint plotted = point.plotted();
        writer.update("""
                INSERT INTO readmodel.spc_point (characteristic_id, subgroup, mean, range, standard_deviation,
                    measured_values, observed_at, sample_count, sample_size, plotted, plotted_lcl, plotted_ucl,
                    plotted_secondary)
                VALUES (:characteristicId, :subgroup, :mean, :range, :standardDeviation, :values, :observedAt,
                    :count, :size, :plotted, :plottedLcl, :plottedUcl, :plottedSecondary)
                ON CONFLICT (characteristic_id, subgroup) DO NOTHING
                """, new MapSqlParameterSource("characteristicId", characteristicId.value())
                .addValue("subgroup", point.subgroup())
                .addValue("mean", point.mean())
                .addValue("range", point.range(), Types.DOUBLE)
                .addValue("standardDeviation", point.standardDeviation(), Types.DOUBLE)
                .addValue("values", point.values() == null ? null : point.values().toArray(Double[]::new), Types.ARRAY)
                .addValue("observedAt", SqlTime.of(point.observedAt()))
                .addValue("count", point.count(), Types.BIGINT)
                .addValue("size", point.size(), Types.BIGINT)
                .addValue("plotted", plotted == null ? null : plotted.value(), Types.DOUBLE)
                .addValue("plottedLcl", plotted == null ? null : plotted.lcl(), Types.DOUBLE)
                .addValue("plottedUcl", plotted == null ? null : plotted.ucl(), Types.DOUBLE)
                .addValue("plottedSecondary", plotted == null ? null : plotted.secondary(), Types.DOUBLE));
        emit(characteristicId, new SpcChartView.Update(point, null, null));
    }

    @EventHandler
    public void on(ControlLimitsEstablished event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // events recorded before charts had parameters carry none
        Map<String, Double> parameters = new TreeMap<>(event.parameters() == null ? Map.of() : event.parameters());
        writer.update("""
                INSERT INTO readmodel.spc_limits (characteristic_id, sequence_number, from_subgroup, to_subgroup, center,
                    lcl, ucl, sigma, secondary_center, secondary_lcl, secondary_ucl, rules, approved_by, reason,
                    established_at, parameters)
                VALUES (:characteristicId, :sequence, :from, :to, :center, :lcl, :ucl, :sigma, :secondaryCenter,
                        :secondaryLcl, :secondaryUcl, :rules, :approvedBy, :reason, :establishedAt,
                        (SELECT COALESCE(jsonb_object_agg(name, value), '{}')
                         FROM unnest(CAST(:parameterNames AS TEXT[]), CAST(:parameterValues AS FLOAT8[])) AS p(name, value)))
                ON CONFLICT (characteristic_id, sequence_number) DO NOTHING
                """, new MapSqlParameterSource("characteristicId", event.characteristicId().value())
                .addValue("sequence", sequence)
                .addValue("from", event.fromSubgroup())
                .addValue("to", event.toSubgroup())
                .addValue("center", event.center())
                .addValue("lcl", event.lcl())
                .addValue("ucl", event.ucl())
                .addValue("sigma", event.sigma())
                .addValue("secondaryCenter", event.secondaryCenter())
                .addValue("secondaryLcl", event.secondaryLcl())
                .addValue("secondaryUcl", event.secondaryUcl())
                .addValue("rules", event.rules())
                .addValue("approvedBy", event.approvedBy())
                .addValue("reason", event.reason())
                .addValue("establishedAt", SqlTime.of(recordedAt))
                .addValue("parameterNames", parameters.keySet().toArray(String[]::new), Types.ARRAY)
                .addValue("parameterValues", parameters.values().toArray(Double[]::new), Types.ARRAY));
        emit(event.characteristicId(), new SpcChartView.Update(null, null, new SpcChartView.Limits(event.fromSubgroup(),
                event.toSubgroup(), event.center(), event.lcl(), event.ucl(), event.sigma(), event.secondaryCenter(),
                event.secondaryLcl(), event.secondaryUcl(), event.rules(), event.approvedBy(), event.reason(),
                recordedAt, parameters)));
    }

    @EventHandler
    public void on(OutOfControlSignalled event) {
        writer.update("""
                INSERT INTO readmodel.spc_signal (characteristic_id, subgroup, rule, subgroups, value, observed_at)
                VALUES (:characteristicId, :subgroup, :rule, :subgroups, :value, :observedAt)
                ON CONFLICT (characteristic_id, subgroup, rule) DO NOTHING
                """, new MapSqlParameterSource("characteristicId", event.characteristicId().value())
                .addValue("subgroup", event.subgroup())
                .addValue("rule", event.rule())
                .addValue("subgroups", event.subgroups().toArray(Long[]::new))
                .addValue("value", event.value())
                .addValue("observedAt", SqlTime.of(event.observedAt())));
        emit(event.characteristicId(), new SpcChartView.Update(null, new SpcChartView.Signal(event.subgroup(),
                event.rule(), event.subgroups(), event.value(), event.observedAt()), null));
    }

    /** Live subscribers hear of it once the batch that stores it has committed. */
    private void emit(CharacteristicId characteristicId, SpcChartView.Update update) {
        updates.emit(FindSpcChart.class, query -> query.characteristicId().equals(characteristicId), update);
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE readmodel.spc_point, readmodel.spc_limits, readmodel.spc_signal");
    }
}
