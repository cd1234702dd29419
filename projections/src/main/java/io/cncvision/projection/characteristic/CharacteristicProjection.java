package io.cncvision.projection.characteristic;

import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.value.Specification;
import io.cncvision.projection.ReadModelWriter;
import io.cncvision.projection.SqlTime;
import java.sql.Types;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code readmodel.characteristic}: each control-plan line with its current specification and
 * a summary of its measurements. Every update is guarded by the characteristic's event sequence, so a
 * redelivered event is not counted twice.
 */
@Component
@ProcessingGroup(CharacteristicProjection.PROCESSING_GROUP)
public class CharacteristicProjection {

    public static final String PROCESSING_GROUP = "characteristics";

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelWriter writer;

    public CharacteristicProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new ReadModelWriter(jdbc);
    }

    @EventHandler
    public void on(CharacteristicDefined event, @SequenceNumber long sequence) {
        writer.update("""
                INSERT INTO readmodel.characteristic
                    (characteristic_id, part_number, name, unit, nominal, lsl, usl, subgroup_size, chart, last_sequence)
                VALUES (:characteristicId, :partNumber, :name, :unit, :nominal, :lsl, :usl, :subgroupSize, :chart,
                        :sequence)
                ON CONFLICT (characteristic_id) DO NOTHING
                """, specification(characteristic(event.characteristicId().value(), sequence), event.specification())
                .addValue("partNumber", event.partNumber())
                .addValue("name", event.name())
                .addValue("subgroupSize", event.subgroupSize())
                .addValue("chart", event.chart().code()));
    }

    @EventHandler
    public void on(SpecificationRevised event, @SequenceNumber long sequence) {
        applyOnce("unit = :unit, nominal = :nominal, lsl = :lsl, usl = :usl",
                specification(characteristic(event.characteristicId().value(), sequence), event.specification()));
    }

    @EventHandler
    public void on(MeasurementRecorded event, @SequenceNumber long sequence) {
        applyOnce("measurement_count = measurement_count + 1, last_value = :value, last_observed_at = :observedAt",
                characteristic(event.characteristicId().value(), sequence)
                        .addValue("value", event.value())
                        .addValue("observedAt", SqlTime.of(event.observedAt())));
    }

    @EventHandler
    public void on(OutOfSpecificationDetected event, @SequenceNumber long sequence) {
        applyOnce("out_of_specification_count = out_of_specification_count + 1",
                characteristic(event.characteristicId().value(), sequence));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE readmodel.characteristic");
    }

    private static MapSqlParameterSource characteristic(String characteristicId, long sequence) {
        return new MapSqlParameterSource("characteristicId", characteristicId).addValue("sequence", sequence);
    }

    private static MapSqlParameterSource specification(MapSqlParameterSource parameters, Specification specification) {
        return parameters
                .addValue("unit", specification.unit())
                .addValue("nominal", specification.nominal())
                .addValue("lsl", specification.lsl(), Types.DOUBLE)
                .addValue("usl", specification.usl(), Types.DOUBLE);
    }

    /** Applies the assignments unless the row already reflects this event or a later one. */
    private void applyOnce(String assignments, MapSqlParameterSource parameters) {
        writer.update("UPDATE readmodel.characteristic SET " + assignments + ", last_sequence = :sequence"
                + " WHERE characteristic_id = :characteristicId AND last_sequence < :sequence", parameters);
    }
}
