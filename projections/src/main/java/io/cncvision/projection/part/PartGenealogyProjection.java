package io.cncvision.projection.part;

import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.part.Disposition;
import io.cncvision.api.part.InspectionDefect;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.PartDispositioned;
import io.cncvision.api.part.PartInspected;
import io.cncvision.api.part.PartProduced;
import io.cncvision.api.part.PartQuarantined;
import io.cncvision.api.value.CharacteristicId;
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
 * Builds the part genealogy (IATF 16949 8.5.2.1): {@code readmodel.part} from the Part aggregate,
 * {@code readmodel.part_measurement} from measurements of serialised parts and
 * {@code readmodel.part_inspection} from inspections. Measurements and production come from different
 * aggregates, so either may arrive first; rows are keyed by their event, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(PartGenealogyProjection.PROCESSING_GROUP)
public class PartGenealogyProjection {

    public static final String PROCESSING_GROUP = "part-genealogy";

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadModelWriter writer;

    public PartGenealogyProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writer = new ReadModelWriter(jdbc);
    }

    @EventHandler
    public void on(CharacteristicDefined event, @SequenceNumber long sequence) {
        recordSpecification(event.characteristicId(), event.specification(), sequence);
    }

    @EventHandler
    public void on(SpecificationRevised event, @SequenceNumber long sequence) {
        recordSpecification(event.characteristicId(), event.specification(), sequence);
    }

    @EventHandler
    public void on(MeasurementRecorded event, @SequenceNumber long sequence) {
        if (event.partSerial() == null) {
            return;
        }
        // Events of one characteristic arrive in order, so the specification this group holds is the one
        // in force when the value was recorded. It is joined in the INSERT: one statement per measurement.
        writer.update("""
                INSERT INTO readmodel.part_measurement (characteristic_id, sequence_number, serial, value, unit,
                    gauge_id, observed_at, source_message_id, out_of_specification)
                SELECT :characteristicId, :sequence, :serial, :value, s.unit, :gaugeId, :observedAt,
                       :sourceMessageId, coalesce(:value < s.lsl OR :value > s.usl, false)
                FROM (VALUES (1)) AS one
                LEFT JOIN readmodel.part_genealogy_specification s ON s.characteristic_id = :characteristicId
                ON CONFLICT (characteristic_id, sequence_number) DO NOTHING
                """, new MapSqlParameterSource("characteristicId", event.characteristicId().value())
                .addValue("sequence", sequence)
                .addValue("serial", event.partSerial().value())
                .addValue("value", event.value())
                .addValue("gaugeId", event.gaugeId() == null ? null : event.gaugeId().value(), Types.VARCHAR)
                .addValue("observedAt", SqlTime.of(event.observedAt()))
                .addValue("sourceMessageId", event.sourceMessageId() == null ? null : event.sourceMessageId().value(),
                        Types.VARCHAR));
    }

    /**
     * The aggregate's verdict is the record: it marks the measurement it was given for, even where this
     * group held no specification to judge it by.
     */
    @EventHandler
    public void on(OutOfSpecificationDetected event) {
        if (event.partSerial() == null) {
            return;
        }
        writer.update("""
                UPDATE readmodel.part_measurement SET out_of_specification = TRUE
                WHERE characteristic_id = :characteristicId AND serial = :serial AND value = :value
                  AND observed_at = :observedAt AND source_message_id IS NOT DISTINCT FROM :sourceMessageId
                """, new MapSqlParameterSource("characteristicId", event.characteristicId().value())
                .addValue("serial", event.partSerial().value())
                .addValue("value", event.value())
                .addValue("observedAt", SqlTime.of(event.observedAt()))
                .addValue("sourceMessageId", event.sourceMessageId() == null ? null : event.sourceMessageId().value(),
                        Types.VARCHAR));
    }

    @EventHandler
    public void on(PartProduced event, @SequenceNumber long sequence) {
        writer.update("""
                INSERT INTO readmodel.part (serial, part_number, machine_id, program, tool_id, lot, produced_at,
                    disposition, last_sequence)
                VALUES (:serial, :partNumber, :machineId, :program, :toolId, :lot, :producedAt, :disposition, :sequence)
                ON CONFLICT (serial) DO UPDATE
                    SET part_number = EXCLUDED.part_number, machine_id = EXCLUDED.machine_id,
                        program = EXCLUDED.program, tool_id = EXCLUDED.tool_id, lot = EXCLUDED.lot,
                        produced_at = EXCLUDED.produced_at,
                        last_sequence = GREATEST(part.last_sequence, EXCLUDED.last_sequence)
                """, new MapSqlParameterSource("serial", event.serial().value())
                .addValue("partNumber", event.partNumber())
                .addValue("machineId", event.machineId() == null ? null : event.machineId().value(), Types.VARCHAR)
                .addValue("program", event.program(), Types.VARCHAR)
                .addValue("toolId", event.toolId(), Types.VARCHAR)
                .addValue("lot", event.lot(), Types.VARCHAR)
                .addValue("producedAt", SqlTime.of(event.producedAt()))
                .addValue("disposition", Disposition.PENDING.name())
                .addValue("sequence", sequence));
    }

    /** A decision (any disposition but PENDING) releases the part from the nonconformance it was held under. */
    @EventHandler
    public void on(PartDispositioned event, @SequenceNumber long sequence) {
        writer.update("""
                INSERT INTO readmodel.part (serial, disposition, last_sequence)
                VALUES (:serial, :disposition, :sequence)
                ON CONFLICT (serial) DO UPDATE
                    SET disposition = EXCLUDED.disposition, last_sequence = EXCLUDED.last_sequence,
                        quarantined_under = CASE WHEN EXCLUDED.disposition = 'PENDING' THEN part.quarantined_under END,
                        quarantined_at = CASE WHEN EXCLUDED.disposition = 'PENDING' THEN part.quarantined_at END
                    WHERE part.last_sequence < EXCLUDED.last_sequence
                """, new MapSqlParameterSource("serial", event.serial().value())
                .addValue("disposition", event.disposition().name())
                .addValue("sequence", sequence));
    }

    /** The part shows the nonconformance it was last held under; the Part aggregate only holds a produced part. */
    @EventHandler
    public void on(PartQuarantined event, @SequenceNumber long sequence) {
        writer.update("""
                UPDATE readmodel.part
                SET quarantined_under = :nonConformanceId, quarantined_at = :quarantinedAt, last_sequence = :sequence
                WHERE serial = :serial AND last_sequence < :sequence
                """, new MapSqlParameterSource("serial", event.serial().value())
                .addValue("nonConformanceId", event.nonConformanceId().value())
                .addValue("quarantinedAt", SqlTime.of(event.quarantinedAt()))
                .addValue("sequence", sequence));
    }

    @EventHandler
    public void on(PartInspected event, @SequenceNumber long sequence) {
        String serial = event.serial().value();
        writer.update("""
                INSERT INTO readmodel.part_inspection (serial, sequence_number, characteristic_id, result, gauge_id,
                    note, observed_at, image_sha256, calibration_id, model_sha256)
                VALUES (:serial, :sequence, :characteristicId, :result, :gaugeId, :note, :observedAt, :imageSha256,
                    :calibrationId, :modelSha256)
                ON CONFLICT (serial, sequence_number) DO NOTHING
                """, new MapSqlParameterSource("serial", serial)
                .addValue("sequence", sequence)
                .addValue("characteristicId",
                        event.characteristicId() == null ? null : event.characteristicId().value(), Types.VARCHAR)
                .addValue("result", event.result().name())
                .addValue("gaugeId", event.gaugeId() == null ? null : event.gaugeId().value(), Types.VARCHAR)
                .addValue("note", event.note(), Types.VARCHAR)
                .addValue("observedAt", SqlTime.of(event.observedAt()))
                .addValue("imageSha256", event.imageSha256() == null ? null : event.imageSha256().value(), Types.CHAR)
                .addValue("calibrationId", event.calibrationId() == null ? null : event.calibrationId().value(),
                        Types.VARCHAR)
                .addValue("modelSha256", event.modelSha256() == null ? null : event.modelSha256().value(), Types.CHAR));
        for (int i = 0; i < event.measurements().size(); i++) {
            InspectionMeasurement measurement = event.measurements().get(i);
            writer.update("""
                    INSERT INTO readmodel.part_inspection_measurement (serial, sequence_number, ordinal, feature, value,
                        unit)
                    VALUES (:serial, :sequence, :ordinal, :feature, :value, :unit)
                    ON CONFLICT (serial, sequence_number, ordinal) DO NOTHING
                    """, new MapSqlParameterSource("serial", serial)
                    .addValue("sequence", sequence)
                    .addValue("ordinal", i)
                    .addValue("feature", measurement.feature())
                    .addValue("value", measurement.value())
                    .addValue("unit", measurement.unit()));
        }
        for (int i = 0; i < event.defects().size(); i++) {
            InspectionDefect defect = event.defects().get(i);
            InspectionDefect.Box box = defect.box();
            writer.update("""
                    INSERT INTO readmodel.part_inspection_defect (serial, sequence_number, ordinal, defect_class,
                        confidence, box_x, box_y, box_width, box_height)
                    VALUES (:serial, :sequence, :ordinal, :defectClass, :confidence, :x, :y, :width, :height)
                    ON CONFLICT (serial, sequence_number, ordinal) DO NOTHING
                    """, new MapSqlParameterSource("serial", serial)
                    .addValue("sequence", sequence)
                    .addValue("ordinal", i)
                    .addValue("defectClass", defect.defectClass())
                    .addValue("confidence", defect.confidence())
                    .addValue("x", box == null ? null : box.x(), Types.INTEGER)
                    .addValue("y", box == null ? null : box.y(), Types.INTEGER)
                    .addValue("width", box == null ? null : box.width(), Types.INTEGER)
                    .addValue("height", box == null ? null : box.height(), Types.INTEGER));
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE readmodel.part, readmodel.part_measurement,"
                + " readmodel.part_inspection, readmodel.part_inspection_measurement, readmodel.part_inspection_defect,"
                + " readmodel.part_genealogy_specification");
    }

    private void recordSpecification(CharacteristicId characteristicId, Specification specification, long sequence) {
        writer.update("""
                INSERT INTO readmodel.part_genealogy_specification
                    (characteristic_id, unit, nominal, lsl, usl, last_sequence)
                VALUES (:characteristicId, :unit, :nominal, :lsl, :usl, :sequence)
                ON CONFLICT (characteristic_id) DO UPDATE
                    SET unit = EXCLUDED.unit, nominal = EXCLUDED.nominal, lsl = EXCLUDED.lsl, usl = EXCLUDED.usl,
                        last_sequence = EXCLUDED.last_sequence
                    WHERE part_genealogy_specification.last_sequence < EXCLUDED.last_sequence
                """, new MapSqlParameterSource("characteristicId", characteristicId.value())
                .addValue("unit", specification.unit())
                .addValue("nominal", specification.nominal())
                .addValue("lsl", specification.lsl(), Types.DOUBLE)
                .addValue("usl", specification.usl(), Types.DOUBLE)
                .addValue("sequence", sequence));
    }
}
