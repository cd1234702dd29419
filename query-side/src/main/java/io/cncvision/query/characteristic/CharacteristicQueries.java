package io.cncvision.query.characteristic;

import io.cncvision.api.characteristic.CharacteristicView;
import io.cncvision.api.characteristic.FindAllCharacteristics;
import io.cncvision.api.characteristic.FindCharacteristic;
import io.cncvision.projection.SqlTime;
import io.cncvision.query.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers characteristic queries from {@code readmodel.characteristic}. */
@Component
public class CharacteristicQueries {

    private static final String SELECT = """
            SELECT characteristic_id, part_number, name, unit, nominal, lsl, usl, subgroup_size, chart,
                   measurement_count, out_of_specification_count, last_value, last_observed_at
            FROM readmodel.characteristic
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public CharacteristicQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public CharacteristicView handle(FindCharacteristic query) {
        return jdbc.query(SELECT + " WHERE characteristic_id = :characteristicId",
                        Map.of("characteristicId", query.characteristicId().value()), CharacteristicQueries::view)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("characteristic", query.characteristicId()));
    }

    @QueryHandler
    public List<CharacteristicView> handle(FindAllCharacteristics query) {
        return jdbc.query(SELECT + " ORDER BY characteristic_id", CharacteristicQueries::view);
    }

    private static CharacteristicView view(ResultSet row, int rowNumber) throws SQLException {
        return new CharacteristicView(row.getString("characteristic_id"), row.getString("part_number"),
                row.getString("name"), row.getString("unit"), row.getDouble("nominal"),
                row.getObject("lsl", Double.class), row.getObject("usl", Double.class), row.getInt("subgroup_size"),
                row.getString("chart"), row.getLong("measurement_count"), row.getLong("out_of_specification_count"),
                row.getObject("last_value", Double.class), SqlTime.instant(row, "last_observed_at"));
    }
}
