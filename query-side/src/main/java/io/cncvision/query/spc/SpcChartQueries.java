package io.cncvision.query.spc;

import io.cncvision.api.characteristic.PlottedPoint;
import io.cncvision.api.spc.FindSpcCapability;
import io.cncvision.api.spc.FindSpcChart;
import io.cncvision.api.spc.SpcCapabilityView;
import io.cncvision.api.spc.SpcChartView;
import io.cncvision.projection.SqlTime;
import io.cncvision.projection.spc.ChartCapability;
import io.cncvision.query.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers control chart and capability queries from the chart read model and the characteristic it belongs to. */
@Component
public class SpcChartQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final ChartCapability capability;

    public SpcChartQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.capability = new ChartCapability(jdbc);
    }

    @QueryHandler
    public SpcCapabilityView handle(FindSpcCapability query) {
        SpcCapabilityView view = capability.of(query);
        if (view == null) {
            throw new NotFoundException("characteristic", query.characteristicId());
        }
        return view;
    }

    @QueryHandler
    public SpcChartView handle(FindSpcChart query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", query.characteristicId().value())
                .addValue("from", query.fromSubgroup() == null ? Long.MIN_VALUE : query.fromSubgroup())
                .addValue("to", query.toSubgroup() == null ? Long.MAX_VALUE : query.toSubgroup());
        List<SpcChartView> found = jdbc.query("""
                SELECT chart, unit, subgroup_size FROM readmodel.characteristic WHERE characteristic_id = :id
                """, parameters, (row, n) -> new SpcChartView(query.characteristicId().value(), row.getString("chart"),
                row.getString("unit"), row.getInt("subgroup_size"), null, List.of(), List.of()));
        SpcChartView characteristic = found.stream().findFirst()
                .orElseThrow(() -> new NotFoundException("characteristic", query.characteristicId()));
        List<SpcChartView.Point> points = jdbc.query("""
                SELECT subgroup, mean, range, standard_deviation, measured_values, observed_at, sample_count, sample_size,
                    plotted, plotted_lcl, plotted_ucl, plotted_secondary
                FROM readmodel.spc_point
                WHERE characteristic_id = :id AND subgroup BETWEEN :from AND :to
                ORDER BY subgroup
                """, parameters, SpcChartQueries::point);
        SpcChartView.Limits limits = jdbc.query("""
                SELECT *,
                    ARRAY(SELECT key FROM jsonb_each(parameters) ORDER BY key) AS parameter_names,
                    ARRAY(SELECT CAST(value AS FLOAT8) FROM jsonb_each(parameters) ORDER BY key) AS parameter_values
                FROM readmodel.spc_limits WHERE characteristic_id = :id
                ORDER BY sequence_number DESC LIMIT 1
                """, parameters, SpcChartQueries::limits).stream().findFirst().orElse(null);
        List<SpcChartView.Signal> signals = jdbc.query("""
                SELECT subgroup, rule, subgroups, value, observed_at FROM readmodel.spc_signal
                WHERE characteristic_id = :id AND subgroup BETWEEN :from AND :to
                ORDER BY subgroup, rule
                """, parameters, SpcChartQueries::signal);
        return new SpcChartView(characteristic.characteristicId(), characteristic.chart(), characteristic.unit(),
                characteristic.subgroupSize(), limits, points, signals);
    }

    private static SpcChartView.Limits limits(ResultSet row, int rowNumber) throws SQLException {
        return new SpcChartView.Limits(row.getLong("from_subgroup"), row.getLong("to_subgroup"), row.getDouble("center"),
                row.getDouble("lcl"), row.getDouble("ucl"), row.getDouble("sigma"), row.getDouble("secondary_center"),
                row.getDouble("secondary_lcl"), row.getDouble("secondary_ucl"), row.getString("rules"),
                row.getString("approved_by"), row.getString("reason"), SqlTime.instant(row, "established_at"),
                parameters((String[]) row.getArray("parameter_names").getArray(),
                        (Double[]) row.getArray("parameter_values").getArray()));
    }

    private static Map<String, Double> parameters(String[] names, Double[] values) {
        Map<String, Double> parameters = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            parameters.put(names[i], values[i]);
        }
        return parameters;
    }

    private static SpcChartView.Signal signal(ResultSet row, int rowNumber) throws SQLException {
        Array subgroups = row.getArray("subgroups");
        return new SpcChartView.Signal(row.getLong("subgroup"), row.getString("rule"),
                Arrays.asList((Long[]) subgroups.getArray()), row.getDouble("value"), SqlTime.instant(row, "observed_at"));
    }

    private static SpcChartView.Point point(ResultSet row, int rowNumber) throws SQLException {
        Array values = row.getArray("measured_values");
        Double plotted = row.getObject("plotted", Double.class);
        return new SpcChartView.Point(row.getLong("subgroup"), row.getDouble("mean"),
                row.getObject("range", Double.class), row.getObject("standard_deviation", Double.class),
                values == null ? null : Arrays.asList((Double[]) values.getArray()), SqlTime.instant(row, "observed_at"),
                row.getObject("sample_count", Long.class), row.getObject("sample_size", Long.class),
                plotted == null ? null : new PlottedPoint(plotted, row.getDouble("plotted_lcl"),
                        row.getDouble("plotted_ucl"), row.getObject("plotted_secondary", Double.class)));
    }
}
