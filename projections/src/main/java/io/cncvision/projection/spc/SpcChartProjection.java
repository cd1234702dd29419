package io.cncvision.projection.spc;

import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.spc.FindSpcChart;
import io.cncvision.api.spc.SpcChartView;
import io.cncvision.projection.ReadModelWriter;
import io.cncvision.projection.SqlTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Builds {@code readmodel.spc_point}: each completed subgroup once, whatever is delivered twice. */
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
        writer.update("""
                INSERT INTO readmodel.spc_point (characteristic_id, subgroup, mean, range, standard_deviation,
                    measured_values, observed_at)
                VALUES (:characteristicId, :subgroup, :mean, :range, :standardDeviation, :values, :observedAt)
                ON CONFLICT (characteristic_id, subgroup) DO NOTHING
                """, new MapSqlParameterSource("characteristicId", event.characteristicId().value())
                .addValue("subgroup", event.subgroup())
                .addValue("mean", event.mean())
                .addValue("range", event.range())
                .addValue("standardDeviation", event.standardDeviation())
                .addValue("values", event.values().toArray(Double[]::new))
                .addValue("observedAt", SqlTime.of(event.observedAt())));
        // Live subscribers hear of the point once the batch that stores it has committed.
        updates.emit(FindSpcChart.class, query -> query.characteristicId().equals(event.characteristicId()),
                new SpcChartView.Point(event.subgroup(), event.mean(), event.range(), event.standardDeviation(),
                        event.values(), event.observedAt()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE readmodel.spc_point");
    }
}
