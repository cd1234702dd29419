package io.cncvision.vision.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CalibrationTargetTest {

    @Test
    void readsAChessboardByItsInnerCornersAndSquareSize() {
        assertThat(CalibrationTarget.parse("chessboard:9x6:5.0")).isEqualTo(CalibrationTarget.chessboard(9, 6, 5.0));
    }

    @Test
    void readsACircleGridIgnoringCaseAndSurroundingSpace() {
        assertThat(CalibrationTarget.parse(" Circles:7x5:4 ")).isEqualTo(CalibrationTarget.circleGrid(7, 5, 4.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "chessboard", "chessboard:9x6", "chessboard:9*6:5", "board:9x6:5", "circles:7x5:-4",
            "chessboard:9x6:5mm"})
    void refusesASpecNotOfTheFormNamingTheForm(String spec) {
        assertThatThrownBy(() -> CalibrationTarget.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target '" + spec + "' is not " + CalibrationTarget.SPEC_FORM);
    }

    @Test
    void refusesATargetTooSmallToCalibrateWith() {
        assertThatThrownBy(() -> CalibrationTarget.parse("chessboard:2x6:5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target 'chessboard:2x6:5': a target needs at least 3x3 points, not 2x6");
    }

    @Test
    void refusesAZeroPitch() {
        assertThatThrownBy(() -> CalibrationTarget.parse("circles:7x5:0.0"))
                .hasMessageContaining("pitchMm must be positive");
    }
}
