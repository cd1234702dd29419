package io.cncvision.query.spc;

import io.cncvision.api.spc.FindSpcChart;
import io.cncvision.api.spc.SpcChartView;
import io.cncvision.projection.SqlTime;
import io.cncvision.query.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers control chart queries from {@code readmodel.spc_point} and the characteristic it belongs to. */
@Component
public class SpcChartQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public SpcChartQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SpcChartView handle(FindSpcChart query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", query.characteristicId().value())
                .addValue("from", query.fromSubgroup() == null ? Long.MIN_VALUE : query.fromSubgroup())
                .addValue("to", query.toSubgroup() == null ? Long.MAX_VALUE : query.toSubgroup());
        List<SpcChartView> found = jdbc.query("""
                SELECT chart, unit, subgroup_size FROM readmodel.characteristic WHERE characteristic_id = :id
                """, parameters, (row, n) -> new SpcChartView(query.characteristicId().value(), row.getString("chart"),
                row.getString("unit"), row.getInt("subgroup_size"), List.of()));
        SpcChartView characteristic = found.stream().findFirst()
                .orElseThrow(() -> new NotFoundException("characteristic", query.characteristicId()));
        List<SpcChartView.Point> points = jdbc.query("""
                SELECT subgroup, mean, range, standard_deviation, measured_values, observed_at
                FROM readmodel.spc_point
                WHERE characteristic_id = :id AND subgroup BETWEEN :from AND :to
                ORDER BY subgroup
                """, parameters, SpcChartQueries::point);
        return new SpcChartView(characteristic.characteristicId(), characteristic.chart(), characteristic.unit(),
                characteristic.subgroupSize(), points);
    }

    private static SpcChartView.Point point(ResultSet row, int rowNumber) throws SQLException {
        Array values = row.getArray("measured_values");
        return new SpcChartView.Point(row.getLong("subgroup"), row.getDouble("mean"), row.getDouble("range"),
                row.getDouble("standard_deviation"), Arrays.asList((Double[]) values.getArray()),
                SqlTime.instant(row, "observed_at"));
    }
}
