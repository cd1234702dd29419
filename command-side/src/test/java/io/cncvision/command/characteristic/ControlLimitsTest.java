package io.cncvision.command.characteristic;

import static io.cncvision.spc.constants.ControlChartConstants.a2;
import static io.cncvision.spc.constants.ControlChartConstants.a3;
import static io.cncvision.spc.constants.ControlChartConstants.b3;
import static io.cncvision.spc.constants.ControlChartConstants.b4;
import static io.cncvision.spc.constants.ControlChartConstants.c4;
import static io.cncvision.spc.constants.ControlChartConstants.d2;
import static io.cncvision.spc.constants.ControlChartConstants.rangeLowerFactor;
import static io.cncvision.spc.constants.ControlChartConstants.rangeUpperFactor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.EstablishControlLimits;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.PlottedPoint;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.spc.chart.ChartResult;
import io.cncvision.spc.chart.Subgroup;
import io.cncvision.spc.chart.VariablesCharts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Control limits established from recorded subgroups, and later subgroups judged against them by run rules. */
class ControlLimitsTest {

    static final CharacteristicId BORE = CharacteristicId.of("pn1234-bore");
    static final GaugeId CAMERA = GaugeId.of("cam-01");
    // Wide enough that no value below is out of specification.
    static final Specification SPEC = new Specification("mm", 10.0, 0.0, 100.0);
    static final Instant T0 = Instant.parse("2025-03-03T07:00:00Z");
    static final String APPROVER = "q.engineer@plant-1";
    static final String REASON = "phase I study PPAP-77";

    // Montgomery, Introduction to SQC, table 6.3: piston ring inside diameters, the first 25 subgroups of 5.
    static final double[][] PISTON_RINGS = {
            {74.030, 74.002, 74.019, 73.992, 74.008},
            {73.995, 73.992, 74.001, 74.011, 74.004},
            {73.988, 74.024, 74.021, 74.005, 74.002},
            {74.002, 73.996, 73.993, 74.015, 74.009},
            {73.992, 74.007, 74.015, 73.989, 74.014},
            {74.009, 73.994, 73.997, 73.985, 73.993},
            {73.995, 74.006, 73.994, 74.000, 74.005},
            {73.985, 74.003, 73.993, 74.015, 73.988},
            {74.008, 73.995, 74.009, 74.005, 74.004},
            {73.998, 74.000, 73.990, 74.007, 73.995},
            {73.994, 73.998, 73.994, 73.995, 73.990},
            {74.004, 74.000, 74.007, 74.000, 73.996},
            {73.983, 74.002, 73.998, 73.997, 74.012},
            {74.006, 73.967, 73.994, 74.000, 73.984},
            {74.012, 74.014, 73.998, 73.999, 74.007},
            {74.000, 73.984, 74.005, 73.998, 73.996},
            {73.994, 74.012, 73.986, 74.005, 74.007},
            {74.006, 74.010, 74.018, 74.003, 74.000},
            {73.984, 74.002, 74.003, 74.005, 73.997},
            {74.000, 74.010, 74.013, 74.020, 74.003},
            {73.988, 74.001, 74.009, 74.005, 73.996},
            {74.004, 73.999, 73.990, 74.006, 74.009},
            {74.010, 73.989, 73.990, 74.009, 74.014},
            {74.015, 74.008, 73.993, 74.000, 74.010},
            {73.982, 73.984, 73.995, 74.017, 74.013}
    };

    private FixtureConfiguration<Characteristic> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Characteristic.class);
    }

    static CharacteristicDefined defined(ChartType chart, int subgroupSize) {
        return new CharacteristicDefined(BORE, "PN-1234", "bore diameter", SPEC, subgroupSize, chart);
    }

    static Instant at(long second) {
        return T0.plusSeconds(second);
    }

    static SourceMessageId frame(long n) {
        return SourceMessageId.of("cam-01/frame/" + n);
    }

    static RecordMeasurement measure(double value, long n) {
        return new RecordMeasurement(BORE, value, Serial.of("S-" + n), CAMERA, at(n), frame(n));
    }

    static MeasurementRecorded recorded(double value, long n, long subgroup) {
        return new MeasurementRecorded(BORE, value, Serial.of("S-" + n), CAMERA, at(n), frame(n), subgroup);
    }

    /** The events that recording these subgroups, in order from subgroup 1, leaves. */
    static List<Object> subgroups(double[]... values) {
        List<Object> events = new ArrayList<>();
        long n = 0;
        for (int i = 0; i < values.length; i++) {
            List<Double> subgroup = Arrays.stream(values[i]).boxed().toList();
            for (double value : values[i]) {
                events.add(recorded(value, ++n, i + 1));
            }
            SubgroupStatistics statistics = SubgroupStatistics.of(subgroup);
            events.add(new SubgroupCompleted(BORE, i + 1, subgroup, statistics.mean(), statistics.range(),
                    statistics.standardDeviation(), at(n), null));
        }
        return events;
    }

    /** Individual values as subgroups of one, numbered from {@code first}. */
    static List<Object> individuals(long first, double... values) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            long n = first + i;
            events.add(recorded(values[i], n, n));
            events.add(new SubgroupCompleted(BORE, n, List.of(values[i]), values[i], 0.0, 0.0, at(n), null));
        }
        return events;
    }

    static List<Object> history(Object defined, List<Object> recorded, Object... more) {
        List<Object> events = new ArrayList<>();
        events.add(defined);
        events.addAll(recorded);
        events.addAll(List.of(more));
        return events;
    }

    // An individuals baseline: 10, 10.5, 10, 10.5 has mean 10.25 and every moving range 0.5.
    static final double IMR_CENTER = 10.25;
    static final double IMR_SIGMA = 0.5 / d2(2);
    static final ControlLimitsEstablished IMR_LIMITS = imrLimits("nelson");

    static ControlLimitsEstablished imrLimits(String rules) {
        return new ControlLimitsEstablished(BORE, 1, 4, "imr", IMR_CENTER, IMR_CENTER - 3 * IMR_SIGMA,
                IMR_CENTER + 3 * IMR_SIGMA, IMR_SIGMA, 0.5, rangeLowerFactor(2) * 0.5, rangeUpperFactor(2) * 0.5, rules,
                APPROVER, REASON, Map.of());
    }

    static List<Object> imrBaseline(ControlLimitsEstablished limits, double... judged) {
        List<Object> events = history(defined(ChartType.IMR, 1), individuals(1, 10.0, 10.5, 10.0, 10.5), limits);
        events.addAll(individuals(5, judged));
        return events;
    }

    /** The point a phase-II subgroup plots: its value and secondary against the limits in force. */
    static PlottedPoint plotted(double value, ControlLimitsEstablished limits, double secondary) {
        return new PlottedPoint(value, limits.lcl(), limits.ucl(), secondary);
    }

    static OutOfControlSignalled signalled(long subgroup, String rule, List<Long> subgroups, double value,
                                           ControlLimitsEstablished limits) {
        return new OutOfControlSignalled(BORE, subgroup, rule, subgroups, value, limits.center(), limits.lcl(),
                limits.ucl(), at(subgroup));
    }

    @Test
    void xbarRLimitsAreTheGrandMeanPlusMinusA2TimesTheMeanRange() {
        // subgroup 1: mean 10, range 1; subgroup 2: mean 10, range 0.5; subgroup 3 is not in the baseline
        double meanRange = 0.75;
        fixture.given(history(defined(ChartType.XBAR_R, 3),
                        subgroups(new double[] {10.0, 10.5, 9.5}, new double[] {10.0, 10.25, 9.75},
                                new double[] {12.0, 12.0, 13.0})))
                .when(new EstablishControlLimits(BORE, 1, 2, "nelson", APPROVER, REASON, null))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new ControlLimitsEstablished(BORE, 1, 2, "xbar-r", 10.0, 10.0 - a2(3) * meanRange,
                        10.0 + a2(3) * meanRange, meanRange / d2(3), meanRange, rangeLowerFactor(3) * meanRange,
                        rangeUpperFactor(3) * meanRange, "nelson", APPROVER, REASON, Map.of()));
        // the exact constants round to the table's A2(3) = 1.023 and D4(3) = 2.575
        assertThat(a2(3)).isCloseTo(1.023, within(5e-4));
        assertThat(rangeUpperFactor(3)).isCloseTo(2.575, within(5e-4));
    }

    @Test
    void pistonRingBaselineGivesMontgomerysPublishedLimits() {
        double grandMean = 0;
        double meanRange = 0;
        List<Subgroup> subgroups = new ArrayList<>();
        for (double[] values : PISTON_RINGS) {
            SubgroupStatistics statistics = SubgroupStatistics.of(Arrays.stream(values).boxed().toList());
            grandMean += statistics.mean();
            meanRange += statistics.range();
            subgroups.add(Subgroup.of(String.valueOf(subgroups.size() + 1), values));
        }
        grandMean /= 25;
        meanRange /= 25;
        ControlLimitsEstablished expected = new ControlLimitsEstablished(BORE, 1, 25, "xbar-r", grandMean,
                grandMean - a2(5) * meanRange, grandMean + a2(5) * meanRange, meanRange / d2(5), meanRange,
                rangeLowerFactor(5) * meanRange, rangeUpperFactor(5) * meanRange, "nelson", APPROVER, REASON, Map.of());

        fixture.given(history(defined(ChartType.XBAR_R, 5), subgroups(PISTON_RINGS)))
                .when(new EstablishControlLimits(BORE, 1, 25, "nelson", APPROVER, REASON, null))
                .expectEvents(expected);

        // Montgomery example 6.1, printed to six decimals
        assertThat(expected.center()).isCloseTo(74.001176, within(5e-7));
        assertThat(expected.lcl()).isCloseTo(73.988048, within(5e-7));
        assertThat(expected.ucl()).isCloseTo(74.014304, within(5e-7));
        assertThat(expected.secondaryCenter()).isCloseTo(0.02276, within(5e-7));
        // exactly 0.0481260005; the printed 0.048125 is from qcc's rounded d2(5), d3(5) (see VariablesChartsTest)
        assertThat(expected.secondaryUcl()).isCloseTo(0.048125, within(1.1e-6));
        assertThat(expected.secondaryLcl()).isZero();
        // and the same as spc analyze computes from the values
        ChartResult analyzed = VariablesCharts.xbarR(subgroups);
        assertThat(expected.center()).isCloseTo(analyzed.center(), within(1e-12));
        assertThat(expected.lcl()).isCloseTo(analyzed.lcl(), within(1e-12));
        assertThat(expected.ucl()).isCloseTo(analyzed.ucl(), within(1e-12));
        assertThat(expected.sigma()).isCloseTo(analyzed.sigma(), within(1e-15));
        assertThat(expected.secondaryUcl()).isCloseTo(analyzed.secondary().ucl(), within(1e-15));
    }

    @Test
    void xbarSLimitsAreTheGrandMeanPlusMinusA3TimesTheMeanStandardDeviation() {
        // standard deviations 0.5 and 0.25
        double meanSd = 0.375;
        fixture.given(history(defined(ChartType.XBAR_S, 3),
                        subgroups(new double[] {10.0, 10.5, 9.5}, new double[] {11.0, 11.25, 10.75})))
                .when(new EstablishControlLimits(BORE, 1, 2, "western-electric", APPROVER, REASON, null))
                .expectEvents(new ControlLimitsEstablished(BORE, 1, 2, "xbar-s", 10.5, 10.5 - a3(3) * meanSd,
                        10.5 + a3(3) * meanSd, meanSd / c4(3), meanSd, b3(3) * meanSd, b4(3) * meanSd,
                        "western-electric", APPROVER, REASON, Map.of()));
    }

    @Test
    void individualsLimitsAreTheMeanPlusMinusThreeMovingRangeSigmas() {
        fixture.given(history(defined(ChartType.IMR, 1), individuals(1, 10.0, 10.5, 10.0, 10.5, 20.0)))
                .when(new EstablishControlLimits(BORE, 1, 4, "nelson", APPROVER, REASON, null))
                .expectEvents(IMR_LIMITS);
        assertThat(IMR_LIMITS.secondaryUcl()).isCloseTo(3.267 * 0.5, within(5e-4));
    }

    @Test
    void refusesABaselineWithASubgroupNotYetRecorded() {
        fixture.given(history(defined(ChartType.IMR, 1), individuals(1, 10.0, 10.5, 10.0), recorded(10.5, 4, 4)))
                .when(new EstablishControlLimits(BORE, 1, 4, "nelson", APPROVER, REASON, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("subgroup 4 of pn1234-bore is not recorded: the last completed subgroup is 3")
                .expectNoEvents();
    }

    @Test
    void refusesABaselineThatHasLeftTheHistoryNamingWhatIsHeld() {
        double[] values = new double[SubgroupHistory.CAPACITY + 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10.0 + (i % 2) * 0.5;
        }
        fixture.given(history(defined(ChartType.IMR, 1), individuals(1, values)))
                .when(new EstablishControlLimits(BORE, 2, 30, "nelson", APPROVER, REASON, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(allOf(containsString("subgroup 2 of pn1234-bore is no longer held"),
                        containsString("the last 1000 completed subgroups are kept, 3..1002")))
                .expectNoEvents();
    }

    @Test
    void aBaselineStillHeldAfterTheHistoryWrapsGivesItsOwnLimits() {
        double[] values = new double[SubgroupHistory.CAPACITY + 4];
        Arrays.fill(values, 50.0);
        double[] baseline = {10.0, 10.5, 10.0, 10.5};
        System.arraycopy(baseline, 0, values, SubgroupHistory.CAPACITY, 4);
        fixture.given(history(defined(ChartType.IMR, 1), individuals(1, values)))
                .when(new EstablishControlLimits(BORE, 1001, 1004, "nelson", APPROVER, REASON, null))
                .expectEvents(new ControlLimitsEstablished(BORE, 1001, 1004, "imr", IMR_LIMITS.center(),
                        IMR_LIMITS.lcl(), IMR_LIMITS.ucl(), IMR_LIMITS.sigma(), 0.5, IMR_LIMITS.secondaryLcl(),
                        IMR_LIMITS.secondaryUcl(), "nelson", APPROVER, REASON, Map.of()));
    }

    @Test
    void refusesABaselineOfASingleSubgroup() {
        fixture.given(history(defined(ChartType.IMR, 1), individuals(1, 10.0, 10.5)))
                .when(new EstablishControlLimits(BORE, 2, 2, "nelson", APPROVER, REASON, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("a baseline needs at least 2 subgroups; 2..2 of pn1234-bore holds 1")
                .expectNoEvents();
    }

    @Test
    void refusesABaselineWithoutVariation() {
        fixture.given(history(defined(ChartType.IMR, 1), individuals(1, 10.0, 10.0, 10.0)))
                .when(new EstablishControlLimits(BORE, 1, 3, "nelson", APPROVER, REASON, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("show no variation"))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownRuleSetNamingTheKnownOnes() {
        fixture.given(history(defined(ChartType.IMR, 1), individuals(1, 10.0, 10.5)))
                .when(new EstablishControlLimits(BORE, 1, 2, "shewhart", APPROVER, REASON, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(allOf(containsString("shewhart"), containsString("western-electric")))
                .expectNoEvents();
    }

    @Test
    void nothingIsJudgedBeforeLimitsAreEstablished() {
        fixture.given(history(defined(ChartType.IMR, 1), individuals(1, 10.0, 10.5, 10.0, 10.5)))
                .when(measure(20.0, 5))
                .expectEvents(recorded(20.0, 5, 5), new SubgroupCompleted(BORE, 5, List.of(20.0), 20.0, 0.0, 0.0, at(5), null));
    }

    @Test
    void aPointBeyondThreeSigmaSignalsNelson1AtItsSubgroup() {
        fixture.given(imrBaseline(IMR_LIMITS, 10.0, 10.5))
                .when(measure(12.0, 7))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(recorded(12.0, 7, 7), new SubgroupCompleted(BORE, 7, List.of(12.0), 12.0, 0.0, 0.0, at(7), plotted(12.0, IMR_LIMITS, 1.5)),
                        signalled(7, "NELSON_1", List.of(7L), 12.0, IMR_LIMITS));
    }

    @Test
    void aPointInsideTheLimitsSignalsNothing() {
        fixture.given(imrBaseline(IMR_LIMITS, 10.0, 10.5))
                .when(measure(11.5, 7))
                .expectEvents(recorded(11.5, 7, 7), new SubgroupCompleted(BORE, 7, List.of(11.5), 11.5, 0.0, 0.0, at(7), plotted(11.5, IMR_LIMITS, 1.0)));
    }

    @Test
    void aSubgroupMeanIsJudgedWithTheSigmaOfAMean() {
        // sigma of single values R-bar/d2(4); the mean of 4 varies half that, so 3 of those sigmas is 1.5 sigma
        double meanRange = 1.0;
        double sigma = meanRange / d2(4);
        ControlLimitsEstablished limits = new ControlLimitsEstablished(BORE, 1, 2, "xbar-r", 10.0,
                10.0 - a2(4) * meanRange, 10.0 + a2(4) * meanRange, sigma, meanRange, 0.0,
                rangeUpperFactor(4) * meanRange, "nelson", APPROVER, REASON, Map.of());
        double high = 10.0 + 1.6 * sigma;
        fixture.given(history(defined(ChartType.XBAR_R, 4),
                        subgroups(new double[] {9.5, 10.5, 10.0, 10.0}, new double[] {9.5, 10.5, 10.0, 10.0}),
                        limits, recorded(high, 9, 3), recorded(high, 10, 3), recorded(high, 11, 3)))
                .when(measure(high, 12))
                .expectEvents(recorded(high, 12, 3),
                        new SubgroupCompleted(BORE, 3, List.of(high, high, high, high), high, 0.0, 0.0, at(12), plotted(high, limits, 0.0)),
                        new OutOfControlSignalled(BORE, 3, "NELSON_1", List.of(3L), high, 10.0, limits.lcl(),
                                limits.ucl(), at(12)));
    }

    @Test
    void nineSubgroupsOnOneSideOfTheCentreSignalNelson2NamingAllNine() {
        fixture.given(imrBaseline(IMR_LIMITS, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5))
                .when(measure(10.5, 13))
                .expectEvents(recorded(10.5, 13, 13), new SubgroupCompleted(BORE, 13, List.of(10.5), 10.5, 0.0, 0.0, at(13), plotted(10.5, IMR_LIMITS, 0.0)),
                        signalled(13, "NELSON_2", LongStream.rangeClosed(5, 13).boxed().toList(), 10.5, IMR_LIMITS));
    }

    @Test
    void establishingLimitsAgainReplacesThemAndStartsTheRunsAfresh() {
        List<Object> given = imrBaseline(IMR_LIMITS, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5);
        ControlLimitsEstablished again = new ControlLimitsEstablished(BORE, 1, 4, "imr", IMR_CENTER,
                IMR_LIMITS.lcl(), IMR_LIMITS.ucl(), IMR_SIGMA, 0.5, 0.0, IMR_LIMITS.secondaryUcl(), "nelson",
                APPROVER, "re-approved after gauge R&R", Map.of());
        given.add(again);
        fixture.given(given)
                .when(measure(10.5, 13))
                .expectEvents(recorded(10.5, 13, 13), new SubgroupCompleted(BORE, 13, List.of(10.5), 10.5, 0.0, 0.0, at(13), plotted(10.5, again, 0.0)));
    }

    @Test
    void establishingAgainComputesFromTheNewBaseline() {
        fixture.given(imrBaseline(IMR_LIMITS, 11.0, 11.5))
                .when(new EstablishControlLimits(BORE, 3, 6, "none", APPROVER, "process moved after tool change", null))
                .expectEvents(new ControlLimitsEstablished(BORE, 3, 6, "imr", 10.75, 10.75 - 3 * IMR_SIGMA,
                        10.75 + 3 * IMR_SIGMA, IMR_SIGMA, 0.5, 0.0, IMR_LIMITS.secondaryUcl(), "none", APPROVER,
                        "process moved after tool change", Map.of()));
    }

    @Test
    void aSubgroupJudgedAgainstReplacedLimitsUsesTheNewCentre() {
        ControlLimitsEstablished lower = new ControlLimitsEstablished(BORE, 1, 4, "imr", 8.0, 8.0 - 3 * IMR_SIGMA,
                8.0 + 3 * IMR_SIGMA, IMR_SIGMA, 0.5, 0.0, 1.0, "nelson", APPROVER, REASON, Map.of());
        List<Object> given = imrBaseline(IMR_LIMITS, 10.0);
        given.add(lower);
        fixture.given(given)
                .when(measure(10.0, 6))
                .expectEvents(recorded(10.0, 6, 6), new SubgroupCompleted(BORE, 6, List.of(10.0), 10.0, 0.0, 0.0, at(6), plotted(10.0, lower, 0.0)),
                        signalled(6, "NELSON_1", List.of(6L), 10.0, lower));
    }

    @Test
    void westernElectricRulesSignalUnderTheirOwnNames() {
        ControlLimitsEstablished limits = imrLimits("western-electric");
        fixture.given(imrBaseline(limits, 10.5))
                .when(measure(12.0, 6))
                .expectEvents(recorded(12.0, 6, 6), new SubgroupCompleted(BORE, 6, List.of(12.0), 12.0, 0.0, 0.0, at(6), plotted(12.0, limits, 1.5)),
                        signalled(6, "WE_1", List.of(6L), 12.0, limits));
    }

    @Test
    void noRulesSignalNothing() {
        fixture.given(imrBaseline(imrLimits("none"), 10.5))
                .when(measure(12.0, 6))
                .expectEvents(recorded(12.0, 6, 6), new SubgroupCompleted(BORE, 6, List.of(12.0), 12.0, 0.0, 0.0, at(6), plotted(12.0, imrLimits("none"), 1.5)));
    }

    static ControlLimitsEstablished xbarRLimits(int n, double center, double meanRange) {
        return new ControlLimitsEstablished(BORE, 1, 2, "xbar-r", center, center - a2(n) * meanRange,
                center + a2(n) * meanRange, meanRange / d2(n), meanRange, rangeLowerFactor(n) * meanRange,
                rangeUpperFactor(n) * meanRange, "nelson", APPROVER, REASON, Map.of());
    }

    @Test
    void aRangeAboveTheRChartUclSignalsR1() {
        // R-bar 0.75, UCL_R = D4(3) 0.75 = 1.93; the range 2 of a subgroup centred on the centre line
        ControlLimitsEstablished limits = xbarRLimits(3, 10.0, 0.75);
        fixture.given(history(defined(ChartType.XBAR_R, 3),
                        subgroups(new double[] {10.0, 10.5, 9.5}, new double[] {10.0, 10.25, 9.75}),
                        limits, recorded(9.0, 7, 3), recorded(10.0, 8, 3)))
                .when(measure(11.0, 9))
                .expectEvents(recorded(11.0, 9, 3),
                        new SubgroupCompleted(BORE, 3, List.of(9.0, 10.0, 11.0), 10.0, 2.0, 1.0, at(9), plotted(10.0, limits, 2.0)),
                        new OutOfControlSignalled(BORE, 3, "R_1", List.of(3L), 2.0, 0.75, 0.0,
                                limits.secondaryUcl(), at(9)));
    }

    @Test
    void aRangeBelowAPositiveRChartLclSignalsR1() {
        // for subgroups of 7, D3 = 0.076: a subgroup of equal values has a range below the LCL
        double[] baseline = {9.5, 10.5, 10.0, 10.0, 10.0, 10.0, 10.0};
        ControlLimitsEstablished limits = xbarRLimits(7, 10.0, 1.0);
        assertThat(limits.secondaryLcl()).isCloseTo(0.076, within(5e-4));
        List<Object> given = history(defined(ChartType.XBAR_R, 7), subgroups(baseline, baseline), limits);
        for (int n = 15; n <= 20; n++) {
            given.add(recorded(10.0, n, 3));
        }
        fixture.given(given)
                .when(measure(10.0, 21))
                .expectEvents(recorded(10.0, 21, 3),
                        new SubgroupCompleted(BORE, 3, List.of(10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0), 10.0, 0.0, 0.0,
                                at(21), plotted(10.0, limits, 0.0)),
                        new OutOfControlSignalled(BORE, 3, "R_1", List.of(3L), 0.0, 1.0, limits.secondaryLcl(),
                                limits.secondaryUcl(), at(21)));
    }

    @Test
    void aStandardDeviationAboveTheSChartUclSignalsS1() {
        // S-bar 0.375, UCL_S = B4(3) 0.375 = 0.963; the subgroup 9.5, 10.5, 11.5 has s = 1 and sits on the centre
        double meanSd = 0.375;
        ControlLimitsEstablished limits = new ControlLimitsEstablished(BORE, 1, 2, "xbar-s", 10.5,
                10.5 - a3(3) * meanSd, 10.5 + a3(3) * meanSd, meanSd / c4(3), meanSd, b3(3) * meanSd, b4(3) * meanSd,
                "nelson", APPROVER, REASON, Map.of());
        fixture.given(history(defined(ChartType.XBAR_S, 3),
                        subgroups(new double[] {10.0, 10.5, 9.5}, new double[] {11.0, 11.25, 10.75}),
                        limits, recorded(9.5, 7, 3), recorded(10.5, 8, 3)))
                .when(measure(11.5, 9))
                .expectEvents(recorded(11.5, 9, 3),
                        new SubgroupCompleted(BORE, 3, List.of(9.5, 10.5, 11.5), 10.5, 2.0, 1.0, at(9), plotted(10.5, limits, 1.0)),
                        new OutOfControlSignalled(BORE, 3, "S_1", List.of(3L), 1.0, meanSd, 0.0, limits.secondaryUcl(),
                                at(9)));
    }

    @Test
    void aJumpAboveTheMovingRangeUclSignalsMr1AfterTheRunRules() {
        // 10 -> 12: moving range 2 > D4(2) 0.5 = 1.63, and 12 is beyond 3 sigma too
        fixture.given(imrBaseline(IMR_LIMITS, 10.0))
                .when(measure(12.0, 6))
                .expectEvents(recorded(12.0, 6, 6), new SubgroupCompleted(BORE, 6, List.of(12.0), 12.0, 0.0, 0.0, at(6), plotted(12.0, IMR_LIMITS, 2.0)),
                        signalled(6, "NELSON_1", List.of(6L), 12.0, IMR_LIMITS),
                        new OutOfControlSignalled(BORE, 6, "MR_1", List.of(6L), 2.0, 0.5, 0.0,
                                IMR_LIMITS.secondaryUcl(), at(6)));
    }

    @Test
    void theFirstJudgedMovingRangeSpansTheLastBaselineValue() {
        // the baseline ends at 10.5; 9.0 is 1.5 from it, inside UCL_MR 1.63, and inside LCL 8.92
        fixture.given(imrBaseline(IMR_LIMITS))
                .when(measure(9.0, 5))
                .expectEvents(recorded(9.0, 5, 5), new SubgroupCompleted(BORE, 5, List.of(9.0), 9.0, 0.0, 0.0, at(5), plotted(9.0, IMR_LIMITS, 1.5)));
    }

    @Test
    void theFirstJudgedValueSignalsBothChartsWhenFarFromTheLastBaselineValue() {
        // 8.75 is below LCL 8.92 and 1.75 from the last baseline value 10.5, above UCL_MR 1.63
        fixture.given(imrBaseline(IMR_LIMITS))
                .when(measure(8.75, 5))
                .expectEvents(recorded(8.75, 5, 5), new SubgroupCompleted(BORE, 5, List.of(8.75), 8.75, 0.0, 0.0, at(5), plotted(8.75, IMR_LIMITS, 1.75)),
                        signalled(5, "NELSON_1", List.of(5L), 8.75, IMR_LIMITS),
                        new OutOfControlSignalled(BORE, 5, "MR_1", List.of(5L), 1.75, 0.5, 0.0,
                                IMR_LIMITS.secondaryUcl(), at(5)));
    }

    @Test
    void refusesABaselineThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new EstablishControlLimits(BORE, 5, 4, "nelson", APPROVER, REASON, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toSubgroup");
        assertThatThrownBy(() -> new EstablishControlLimits(BORE, 0, 4, "nelson", APPROVER, REASON, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromSubgroup");
        assertThatThrownBy(() -> new EstablishControlLimits(BORE, 1, 4, "nelson", " ", REASON, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("approvedBy");
    }
}
