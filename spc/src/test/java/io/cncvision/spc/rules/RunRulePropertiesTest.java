package io.cncvision.spc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Generated series: planted patterns fire exactly where planted, in-control noise rarely, and both evaluators agree. */
class RunRulePropertiesTest {

    /**
     * A pattern for one rule, in sigmas from the centre, with guard points at its ends that stop it
     * from running on into the base series; {@code points} are offsets of the points the signal names.
     */
    record Plant(RunRule rule, double[] z, int[] points) {

        RuleSet set() {
            return rule.name().startsWith("NELSON") ? RuleSet.NELSON : RuleSet.WESTERN_ELECTRIC;
        }

        @Override
        public String toString() {
            return rule.name();
        }
    }

    private static int[] range(int from, int to) {
        return IntStream.rangeClosed(from, to).toArray();
    }

    private static final double[] NINE_ABOVE = {-0.5, 0.3, 0.7, 0.3, 0.7, 0.3, 0.7, 0.3, 0.7, 0.3, -0.5};
    private static final double[] EIGHT_ABOVE = {-0.5, 0.3, 0.7, 0.3, 0.7, 0.3, 0.7, 0.3, 0.7, -0.5};
    private static final double[] ONE_BEYOND_3 = {3.5};
    private static final double[] TWO_OF_THREE = {0.0, 2.5, 0.0, 2.5, 0.0};
    private static final double[] FOUR_OF_FIVE = {0.0, 1.5, 1.5, 0.5, 1.5, 1.5, 0.0};

    private static final List<Plant> PLANTS = List.of(
            new Plant(RunRule.NELSON_1, ONE_BEYOND_3, new int[] {0}),
            new Plant(RunRule.NELSON_2, NINE_ABOVE, range(1, 9)),
            new Plant(RunRule.NELSON_3, new double[] {0.0, -1.2, -0.7, -0.2, 0.3, 0.8, 1.3, 0.0}, range(1, 6)),
            new Plant(RunRule.NELSON_4, new double[] {1.5, 0.4, -0.4, 0.4, -0.4, 0.4, -0.4, 0.4, -0.4, 0.4, -0.4,
                    0.4, -0.4, 0.4, -0.4, -1.5}, range(1, 14)),
            new Plant(RunRule.NELSON_5, TWO_OF_THREE, new int[] {1, 3}),
            new Plant(RunRule.NELSON_6, FOUR_OF_FIVE, new int[] {1, 2, 4, 5}),
            new Plant(RunRule.NELSON_7, new double[] {1.5, 0.5, 0.5, -0.5, -0.5, 0.5, 0.5, -0.5, -0.5, 0.5, 0.5,
                    -0.5, -0.5, 0.5, 0.5, -0.5, -1.5}, range(1, 15)),
            new Plant(RunRule.NELSON_8, new double[] {0.0, 1.5, 1.5, -1.5, -1.5, 1.5, 1.5, -1.5, -1.5, 0.0}, range(1, 8)),
            new Plant(RunRule.WE_1, ONE_BEYOND_3, new int[] {0}),
            new Plant(RunRule.WE_2, TWO_OF_THREE, new int[] {1, 3}),
            new Plant(RunRule.WE_3, FOUR_OF_FIVE, new int[] {1, 2, 4, 5}),
            new Plant(RunRule.WE_4, EIGHT_ABOVE, range(1, 8)));

    @Provide
    Arbitrary<Plant> plants() {
        return Arbitraries.of(PLANTS);
    }

    /**
     * A base series that fires no rule: levels +0.5, +1.5, -0.5, -1.5 in turn, each jittered by up to
     * 0.2σ, starting at a random phase. Runs on one side last two points, trends three, alternation
     * three, and no five points hold more than two beyond 1σ on one side.
     */
    private static double[] inControlBase(Random random, int length) {
        double[] levels = {0.5, 1.5, -0.5, -1.5};
        int phase = random.nextInt(4);
        double[] z = new double[length];
        for (int i = 0; i < length; i++) {
            z[i] = levels[(phase + i) % 4] + (random.nextDouble() * 0.4 - 0.2);
        }
        return z;
    }

    @Property(tries = 1000)
    void aPlantedPatternFiresExactlyItsRuleAtExactlyItsPoints(@ForAll("plants") Plant plant,
            @ForAll long seed, @ForAll @IntRange(min = 20, max = 80) int baseLength, @ForAll boolean mirrored) {
        Random random = new Random(seed);
        double center = random.nextDouble() * 200 - 100;
        double sigma = 0.001 + random.nextDouble() * 10;
        double[] z = inControlBase(random, baseLength);
        assertThat(RunRuleEvaluator.evaluate(plant.set(), scale(z, center, sigma), center, sigma)).isEmpty();

        int at = random.nextInt(baseLength - plant.z().length + 1);
        for (int i = 0; i < plant.z().length; i++) {
            z[at + i] = mirrored ? -plant.z()[i] : plant.z()[i];
        }
        int[] points = IntStream.of(plant.points()).map(offset -> at + offset).toArray();

        assertThat(RunRuleEvaluator.evaluate(plant.set(), scale(z, center, sigma), center, sigma))
                .containsExactly(new Signal(plant.rule(), points, points[points.length - 1]));
    }

    private static double[] scale(double[] z, double center, double sigma) {
        return IntStream.range(0, z.length).mapToDouble(i -> center + z[i] * sigma).toArray();
    }

    /** Each rule's false-alarm probability per point on independent N(0,1) points (exact, ignoring the series' start). */
    private static double falseAlarmRate(RunRule rule) {
        double beyond1 = 0.15865525393145707; // P(Z > 1)
        double beyond2 = 0.022750131948179195; // P(Z > 2)
        return switch (rule) {
            case NELSON_1, WE_1 -> 0.0026997960632601866;
            case NELSON_2 -> 2 * Math.pow(0.5, 9);
            case NELSON_3 -> 2.0 / 720; // 2 of the 6! orderings are monotone
            case NELSON_4 -> 2.0 * 199_360_981 / 87_178_291_200.0; // 2 E(14) / 14!, E the zigzag numbers
            case NELSON_5, WE_2 -> 2 * beyond2 * (1 - Math.pow(1 - beyond2, 2));
            case NELSON_6, WE_3 -> 2 * beyond1 * (4 * Math.pow(beyond1, 3) * (1 - beyond1) + Math.pow(beyond1, 4));
            case NELSON_7 -> Math.pow(1 - 2 * beyond1, 15);
            case NELSON_8 -> Math.pow(2 * beyond1, 8);
            case WE_4 -> 2 * Math.pow(0.5, 8);
        };
    }

    private static double[] normalSeries(Random random, int length) {
        return IntStream.range(0, length).mapToDouble(i -> random.nextGaussian()).toArray();
    }

    private static int[] firingsPerRule(List<Signal> signals) {
        int[] firings = new int[RunRule.values().length];
        signals.forEach(signal -> firings[signal.rule().ordinal()]++);
        return firings;
    }

    @Property(tries = 100)
    void inControlNoiseFiresNoRuleFarMoreOftenThanItsFalseAlarmRate(@ForAll long seed) {
        int length = 2000;
        double[] values = normalSeries(new Random(seed), length);
        List<Signal> signals = new ArrayList<>(RunRuleEvaluator.evaluate(RuleSet.NELSON, values, 0, 1));
        signals.addAll(RunRuleEvaluator.evaluate(RuleSet.WESTERN_ELECTRIC, values, 0, 1));
        int[] firings = firingsPerRule(signals);
        for (RunRule rule : RunRule.values()) {
            // a run fires at each point it lasts, so a run rule's firings cluster: in 20,000 simulated
            // series none came near eight times its rate, nor three times for the single-point rules
            double factor = rule == RunRule.NELSON_1 || rule == RunRule.WE_1 ? 3 : 8;
            double bound = Math.max(0.01, factor * falseAlarmRate(rule));
            assertThat(firings[rule.ordinal()] / (double) length).as(rule.name()).isLessThanOrEqualTo(bound);
        }
    }

    @Property(tries = 2)
    void overManyPointsEachRuleFiresAtItsFalseAlarmRate(@ForAll long seed) {
        int length = 2_000_000;
        double[] values = normalSeries(new Random(seed), length);
        List<Signal> signals = new ArrayList<>(RunRuleEvaluator.evaluate(RuleSet.NELSON, values, 0, 1));
        signals.addAll(RunRuleEvaluator.evaluate(RuleSet.WESTERN_ELECTRIC, values, 0, 1));
        int[] firings = firingsPerRule(signals);
        for (RunRule rule : RunRule.values()) {
            double expected = falseAlarmRate(rule) * length;
            // five standard deviations, counting firings as clustered (runs fire at each point they last),
            // which widens the variance up to about six times a Poisson count's
            double tolerance = 5 * Math.sqrt(6 * expected);
            assertThat((double) firings[rule.ordinal()]).as(rule.name())
                    .isBetween(expected - tolerance, expected + tolerance);
        }
    }

    @Property(tries = 500)
    void theWindowGivesTheSameSignalsAsTheWholeSeries(@ForAll long seed, @ForAll RuleSet set,
            @ForAll @IntRange(min = 0, max = 200) int length, @ForAll boolean coarse, @ForAll boolean varyingLimits) {
        Random random = new Random(seed);
        double[] values = new double[length];
        double[] center = new double[length];
        double[] sigma = new double[length];
        for (int i = 0; i < length; i++) {
            center[i] = varyingLimits ? random.nextDouble() : 0.0;
            sigma[i] = varyingLimits ? 0.5 + random.nextDouble() : 1.0;
            // coarse values repeat, land on the centre and on zone boundaries
            values[i] = coarse ? (random.nextInt(15) - 7) * 0.5 : center[i] + sigma[i] * random.nextGaussian() * 1.3;
        }
        RunRuleWindow window = new RunRuleWindow(set);
        List<Signal> incremental = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            incremental.addAll(window.add(values[i], center[i], sigma[i]));
        }
        assertThat(incremental).isEqualTo(RunRuleEvaluator.evaluate(set, values, center, sigma));
    }
}
