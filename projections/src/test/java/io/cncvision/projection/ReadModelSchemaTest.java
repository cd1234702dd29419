package io.cncvision.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.GaugeRegistered;
import io.cncvision.api.value.GaugeId;
import io.cncvision.projection.gauge.GaugeProjection;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ReadModelSchemaTest {

    @Test
    void namesAReplayByItsInstantInUtc() {
        assertThat(ReadModelSchema.asOf(Instant.parse("2026-03-01T10:00:00Z")).name())
                .isEqualTo("asof_20260301t100000z");
    }

    @Test
    void keepsTheFractionOfASecondSoTwoInstantsNeverShareASchema() {
        assertThat(ReadModelSchema.asOf(Instant.parse("2026-03-01T10:00:00.120Z")).name())
                .isEqualTo("asof_20260301t100000_12z");
        assertThat(ReadModelSchema.asOf(Instant.parse("2026-03-01T10:00:00.000000001Z")).name())
                .isEqualTo("asof_20260301t100000_000000001z");
    }

    @Test
    void aReplayOfOneProcessingGroupIsNamedApart() {
        assertThat(ReadModelSchema.asOf(Instant.parse("2026-03-01T10:00:00Z")).onlyFor("spc-chart").name())
                .isEqualTo("asof_20260301t100000z_spc_chart");
    }

    @Test
    void refusesANameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> new ReadModelSchema("x; DROP SCHEMA readmodel"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case letters, digits or underscores");
    }

    @Test
    void sendsStatementsWrittenForTheLiveSchemaToItsOwnTables() {
        ReadModelDatabase database = ReadModelDatabase.cleared();
        JdbcTemplate jdbc = database.jdbc().getJdbcTemplate();
        ReadModelSchema past = new ReadModelSchema("asof_schema_test");
        jdbc.execute("DROP SCHEMA IF EXISTS " + past.name() + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + past.name());
        jdbc.execute("CREATE TABLE " + past.name() + ".gauge (LIKE readmodel.gauge INCLUDING ALL)");

        new GaugeProjection(past.jdbc(jdbc)).on(new GaugeRegistered(GaugeId.of("caliper-1"), GaugeKind.CALIPER, "Caliper 1"),
                0, Instant.parse("2026-03-01T10:00:00Z"));

        assertThat(jdbc.queryForList("SELECT gauge_id FROM " + past.name() + ".gauge", String.class))
                .containsExactly("caliper-1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM readmodel.gauge", Long.class)).isZero();
        assertThat(ReadModelSchema.LIVE.live()).isTrue();
        assertThat(past.live()).isFalse();
    }
}
