package io.cncvision.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TtlConverterTest {

    @ParameterizedTest
    @CsvSource({
            "90s, PT1M30S",
            "30m, PT30M",
            "8h, PT8H",
            "8H, PT8H",
            "2d, PT48H",
            "PT8H, PT8H",
            "pt15m, PT15M",
            "P2D, PT48H",
            "PT1H30M, PT1H30M"})
    void readsShortFormsAndIsoDurations(String text, String expected) {
        assertThat(TtlConverter.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8", "eight hours", "8w", "h8", "-1h", "PT-5M"})
    void refusesWhatIsNoPositiveDuration(String text) {
        assertThatThrownBy(() -> TtlConverter.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "PT0S"})
    void refusesAZeroLifetime(String text) {
        assertThatThrownBy(() -> TtlConverter.parse(text)).hasMessageContaining("must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"367d", "P400D"})
    void refusesLifetimesOverAYear(String text) {
        assertThatThrownBy(() -> TtlConverter.parse(text)).hasMessageContaining("366d");
    }
}
