package io.cncvision.spc.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpecLimitsTest {

    @Test
    void acceptsOneSidedAndTwoSidedLimits() {
        assertThat(SpecLimits.atMost(5).twoSided()).isFalse();
        assertThat(SpecLimits.atLeast(5).twoSided()).isFalse();
        assertThat(SpecLimits.between(1, 5).withTarget(3).twoSided()).isTrue();
    }

    @Test
    void refusesASpecificationWithoutLimits() {
        assertThatThrownBy(() -> new SpecLimits(null, null, 3.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a specification needs at least one limit (lsl or usl)");
    }

    @Test
    void refusesLowerLimitNotBelowUpper() {
        assertThatThrownBy(() -> SpecLimits.between(5, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lsl must be below usl, got lsl=5.0, usl=5.0");
    }

    @Test
    void refusesNonFiniteLimits() {
        assertThatThrownBy(() -> SpecLimits.atMost(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("usl must be a finite number, got Infinity");
        assertThatThrownBy(() -> new SpecLimits(Double.NaN, 1.0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lsl must be a finite number, got NaN");
    }

    @Test
    void refusesATargetOutsideTheLimits() {
        assertThatThrownBy(() -> SpecLimits.between(1, 5).withTarget(6))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("target 6.0 lies outside the specification [1.0, 5.0]");
    }
}
