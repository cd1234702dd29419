package io.cncvision.spc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunRuleEvaluatorTest {

    /** The signals of {@code rule} alone, judging {@code z} against centre 0 and sigma 1. */
    private static List<Signal> signalsOf(RunRule rule, double... z) {
        RuleSet set = rule.name().startsWith("NELSON") ? RuleSet.NELSON : RuleSet.WESTERN_ELECTRIC;
        return RunRuleEvaluator.evaluate(set, z, 0.0, 1.0).stream().filter(s -> s.rule() == rule).toList();
    }

    private static Signal signal(RunRule rule, int from, int to) {
        return new Signal(rule, IntStream.rangeClosed(from, to).toArray(), to);
    }

    private static double[] repeat(int times, double... block) {
        double[] out = new double[times * block.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = block[i % block.length];
        }
        return out;
    }

    private static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void nelson1FiresOnlyStrictlyBeyondThreeSigma() {
        assertThat(signalsOf(RunRule.NELSON_1, 0.5, 3.0, -3.01, 0.2, -3.0))
                .containsExactly(new Signal(RunRule.NELSON_1, new int[] {2}, 2));
    }

    @Test
    void nelson2FiresAtTheNinthPointOnOneSideAndAtEveryPointAfter() {
        double[] series = concat(new double[] {-0.5}, repeat(5, 0.4, 0.5));
        assertThat(signalsOf(RunRule.NELSON_2, series))
                .containsExactly(signal(RunRule.NELSON_2, 1, 9), signal(RunRule.NELSON_2, 2, 10));
    }

    @Test
    void nelson2RunIsBrokenByAPointOnTheCentre() {
        double[] series = concat(repeat(4, -0.4, -0.5), new double[] {0.0}, repeat(4, -0.4, -0.5));
        assertThat(signalsOf(RunRule.NELSON_2, series)).isEmpty();
    }

    @Test
    void nelson3FiresOnSixStrictlyIncreasingOrDecreasingPoints() {
        assertThat(signalsOf(RunRule.NELSON_3, 0.1, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6))
                .containsExactly(signal(RunRule.NELSON_3, 1, 6), signal(RunRule.NELSON_3, 2, 7));
        assertThat(signalsOf(RunRule.NELSON_3, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0))
                .containsExactly(signal(RunRule.NELSON_3, 0, 5));
    }

    @Test
    void nelson3TrendIsBrokenByATie() {
        assertThat(signalsOf(RunRule.NELSON_3, 0.0, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6)).isEmpty();
    }

    @Test
    void nelson4FiresOnFourteenPointsAlternating() {
        assertThat(signalsOf(RunRule.NELSON_4, repeat(7, 0.1, -0.1)))
                .containsExactly(signal(RunRule.NELSON_4, 0, 13));
        assertThat(signalsOf(RunRule.NELSON_4, concat(repeat(6, 0.1, -0.1), new double[] {0.1}))).isEmpty();
    }

    @Test
    void nelson4AlternationIsBrokenByAZeroDifference() {
        double[] series = concat(repeat(4, 0.1, -0.1), new double[] {-0.1}, repeat(3, 0.1, -0.1));
        assertThat(signalsOf(RunRule.NELSON_4, series)).isEmpty();
    }

    @Test
    void nelson5NamesTheTwoPointsBeyondTwoSigmaOnTheSameSide() {
        assertThat(signalsOf(RunRule.NELSON_5, 0.0, 2.5, 0.0, 2.1))
                .containsExactly(new Signal(RunRule.NELSON_5, new int[] {1, 3}, 3));
    }

    @Test
    void nelson5FiresOnlyWhenTheCompletingPointIsBeyondTwoSigma() {
        assertThat(signalsOf(RunRule.NELSON_5, -2.5, -2.5, 0.0, 0.0))
                .containsExactly(new Signal(RunRule.NELSON_5, new int[] {0, 1}, 1));
        assertThat(signalsOf(RunRule.NELSON_5, 2.5, -2.5, 2.0, 0.0, 2.5)).isEmpty();
    }

    @Test
    void nelson6NamesTheFourPointsBeyondOneSigmaOnTheSameSide() {
        assertThat(signalsOf(RunRule.NELSON_6, 1.5, 1.5, 0.0, 1.5, 1.5, 1.5))
                .containsExactly(new Signal(RunRule.NELSON_6, new int[] {0, 1, 3, 4}, 4),
                        new Signal(RunRule.NELSON_6, new int[] {1, 3, 4, 5}, 5));
        assertThat(signalsOf(RunRule.NELSON_6, 1.5, 1.5, -1.5, 1.0, 1.5)).isEmpty();
    }

    @Test
    void kOutOfMRulesNeedOnlyKPointsAtTheStartOfASeries() {
        assertThat(signalsOf(RunRule.NELSON_6, -1.5, -1.5, -1.5, -1.5))
                .containsExactly(new Signal(RunRule.NELSON_6, new int[] {0, 1, 2, 3}, 3));
        assertThat(signalsOf(RunRule.WE_2, 2.5, 2.5))
                .containsExactly(new Signal(RunRule.WE_2, new int[] {0, 1}, 1));
    }

    @Test
    void nelson7FiresOnFifteenPointsWithinOneSigmaBoundaryIncluded() {
        double[] within = concat(repeat(3, 0.5, 0.5, -1.0, -0.5), new double[] {0.0, 1.0, 0.2});
        assertThat(signalsOf(RunRule.NELSON_7, within)).containsExactly(signal(RunRule.NELSON_7, 0, 14));
        within[7] = 1.01;
        assertThat(signalsOf(RunRule.NELSON_7, within)).isEmpty();
    }

    @Test
    void nelson8FiresOnEightPointsBeyondOneSigmaEitherSide() {
        double[] beyond = concat(new double[] {0.0}, repeat(4, 1.5, -1.1));
        assertThat(signalsOf(RunRule.NELSON_8, beyond)).containsExactly(signal(RunRule.NELSON_8, 1, 8));
        beyond[4] = -1.0;
        assertThat(signalsOf(RunRule.NELSON_8, beyond)).isEmpty();
    }

    @Test
    void westernElectricRulesFireLikeTheirNelsonCounterparts() {
        assertThat(signalsOf(RunRule.WE_1, 0.0, -3.5)).containsExactly(new Signal(RunRule.WE_1, new int[] {1}, 1));
        assertThat(signalsOf(RunRule.WE_2, -2.1, 0.0, -2.1))
                .containsExactly(new Signal(RunRule.WE_2, new int[] {0, 2}, 2));
        assertThat(signalsOf(RunRule.WE_3, -1.1, -1.1, -1.1, 0.0, -1.1))
                .containsExactly(new Signal(RunRule.WE_3, new int[] {0, 1, 2, 4}, 4));
    }

    @Test
    void westernElectric4FiresAtTheEighthPointOnOneSide() {
        double[] series = concat(new double[] {0.5}, repeat(4, -0.4, -0.5));
        assertThat(signalsOf(RunRule.WE_4, series)).containsExactly(signal(RunRule.WE_4, 1, 8));
        assertThat(signalsOf(RunRule.WE_4, java.util.Arrays.copyOf(series, 8))).isEmpty();
    }

    @Test
    void zonesFollowEachPointsOwnCentreAndSigma() {
        // a p chart with varying sample sizes: the same fraction is beyond 3σ only where sigma is small
        double[] p = {0.10, 0.10};
        double[] center = {0.05, 0.05};
        double[] sigma = {0.015, 0.03};
        assertThat(RunRuleEvaluator.evaluate(RuleSet.NELSON, p, center, sigma))
                .containsExactly(new Signal(RunRule.NELSON_1, new int[] {0}, 0));
    }

    @Test
    void noRulesSignalNothing() {
        assertThat(RunRuleEvaluator.evaluate(RuleSet.NONE, new double[] {5, 5, 5}, 0, 1)).isEmpty();
    }

    @Test
    void signalsAreOrderedByPointThenRule() {
        double[] series = {2.5, 3.5};
        assertThat(RunRuleEvaluator.evaluate(RuleSet.NELSON, series, 0, 1)).containsExactly(
                new Signal(RunRule.NELSON_1, new int[] {1}, 1),
                new Signal(RunRule.NELSON_5, new int[] {0, 1}, 1));
    }

    @Test
    void rejectsArraysOfDifferentLengths() {
        assertThatThrownBy(() -> RunRuleEvaluator.evaluate(RuleSet.NELSON, new double[3], new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3, 2 and 3");
    }

    @Test
    void rejectsNaNNamingItsIndex() {
        assertThatThrownBy(() -> RunRuleEvaluator.evaluate(RuleSet.NELSON, new double[] {0, 1, Double.NaN}, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value at index 2");
        assertThatThrownBy(() -> RunRuleEvaluator.evaluate(RuleSet.NELSON, new double[] {0, 1},
                new double[] {0, Double.NaN}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("center at index 1");
    }

    @Test
    void rejectsSigmaThatIsNotPositiveAndFiniteNamingItsIndex() {
        for (double bad : new double[] {0.0, -1.0, Double.POSITIVE_INFINITY, Double.NaN}) {
            assertThatThrownBy(() -> RunRuleEvaluator.evaluate(RuleSet.NELSON, new double[] {0, 1},
                    new double[] {0, 0}, new double[] {1, bad}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma at index 1");
        }
    }
}
