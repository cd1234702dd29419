package io.cncvision.query.characteristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.CharacteristicView;
import io.cncvision.api.characteristic.FindAllCharacteristics;
import io.cncvision.api.characteristic.FindCharacteristic;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.projection.characteristic.CharacteristicProjection;
import io.cncvision.query.NotFoundException;
import io.cncvision.query.QueryDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class CharacteristicQueriesTest {

    private static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    private static final Specification SPEC = new Specification("mm", 25.0, null, 25.05);
    private static final Instant T1 = Instant.parse("2026-11-25T09:00:00Z");

    private CharacteristicProjection projection;
    private CharacteristicQueries queries;

    @BeforeEach
    void emptyReadModel() {
        NamedParameterJdbcTemplate jdbc = QueryDatabase.cleared().jdbc();
        projection = new CharacteristicProjection(jdbc);
        queries = new CharacteristicQueries(jdbc);
    }

    @Test
    void findsACharacteristicWithItsMeasurementSummary() {
        projection.on(new CharacteristicDefined(BORE, "PN-1234", "Bore diameter", SPEC, 1, ChartType.IMR), 0);
        projection.on(new MeasurementRecorded(BORE, 25.07, null, GaugeId.of("cam-01"), T1, SourceMessageId.of("m1"),
                1), 1);
        projection.on(new OutOfSpecificationDetected(BORE, 25.07, null, SPEC, T1, SourceMessageId.of("m1")), 2);

        assertThat(queries.handle(new FindCharacteristic(BORE))).isEqualTo(new CharacteristicView("pn1234-bore",
                "PN-1234", "Bore diameter", "mm", 25.0, null, 25.05, 1, "imr", 1, 1, 25.07, T1));
    }

    @Test
    void definedButUnmeasuredCharacteristicHasNoLastValue() {
        projection.on(new CharacteristicDefined(BORE, "PN-1234", "Bore diameter", SPEC, 5, ChartType.XBAR_R), 0);

        CharacteristicView view = queries.handle(new FindCharacteristic(BORE));
        assertThat(view.measurementCount()).isZero();
        assertThat(view.lastValue()).isNull();
        assertThat(view.lastObservedAt()).isNull();
    }

    @Test
    void listsEveryCharacteristicById() {
        for (String id : new String[] {"pn1234-depth", "pn1234-bore"}) {
            projection.on(new CharacteristicDefined(CharacteristicId.of(id), "PN-1234", id, SPEC, 1, ChartType.IMR), 0);
        }

        assertThat(queries.handle(new FindAllCharacteristics())).extracting(CharacteristicView::characteristicId)
                .containsExactly("pn1234-bore", "pn1234-depth");
    }

    @Test
    void unknownCharacteristicIsNotFound() {
        assertThatThrownBy(() -> queries.handle(new FindCharacteristic(CharacteristicId.of("nope"))))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("characteristic 'nope' not found");
    }
}
