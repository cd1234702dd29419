package io.cncvision.spc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void equalsComparesThePointsByContent() {
        Signal one = new Signal(RunRule.NELSON_5, new int[] {1, 3}, 3);
        Signal same = new Signal(RunRule.NELSON_5, new int[] {1, 3}, 3);
        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(new Signal(RunRule.NELSON_5, new int[] {2, 3}, 3));
        assertThat(one).hasToString("NELSON_5 at 3 [1, 3]");
    }

    @Test
    void cannotBeChangedThroughItsPoints() {
        int[] points = {1, 3};
        Signal signal = new Signal(RunRule.NELSON_5, points, 3);
        points[0] = 2;
        signal.points()[0] = 2;
        assertThat(signal.points()).containsExactly(1, 3);
    }

    @Test
    void rejectsPointsThatDoNotEndWhereTheRuleFires() {
        assertThatThrownBy(() -> new Signal(RunRule.NELSON_1, new int[] {2}, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Signal(RunRule.NELSON_5, new int[] {3, 1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
