package io.cncvision.command.characteristic;

import static io.cncvision.command.characteristic.ControlLimitsTest.APPROVER;
import static io.cncvision.command.characteristic.ControlLimitsTest.BORE;
import static io.cncvision.command.characteristic.ControlLimitsTest.REASON;
import static io.cncvision.command.characteristic.ControlLimitsTest.SPEC;
import static io.cncvision.command.characteristic.ControlLimitsTest.at;
import static io.cncvision.command.characteristic.ControlLimitsTest.defined;
import static io.cncvision.command.characteristic.ControlLimitsTest.frame;
import static io.cncvision.command.characteristic.ControlLimitsTest.history;
import static io.cncvision.command.characteristic.ControlLimitsTest.individuals;
import static io.cncvision.command.characteristic.ControlLimitsTest.measure;
import static io.cncvision.command.characteristic.ControlLimitsTest.recorded;
import static io.cncvision.command.characteristic.ControlLimitsTest.subgroups;
import static io.cncvision.spc.constants.ControlChartConstants.d2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.CountRecorded;
import io.cncvision.api.characteristic.EstablishControlLimits;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.PlottedPoint;
import io.cncvision.api.characteristic.RecordCount;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.value.ChartType;
import io.cncvision.spc.chart.AttributeSample;
import io.cncvision.spc.chart.ChartResult;
import io.cncvision.spc.chart.ControlCharts;
import io.cncvision.spc.chart.Subgroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attribute (p, np, c, u) and time-weighted (EWMA, CUSUM) charts live: limits established from
 * recorded samples equal those {@code spc analyze} computes from the same baseline, and later
 * points are plotted and judged with their own limits.
 */
class LiveChartsTest {

    private FixtureConfiguration<Characteristic> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Characteristic.class);
    }

    static CharacteristicDefined attributeChart(ChartType chart) {
        return new CharacteristicDefined(BORE, "PN-1234", "bore burrs", SPEC, 1, chart);
    }

    static RecordCount count(long count, long size, long n) {
        return new RecordCount(BORE, count, size, at(n), frame(n));
    }

    /** Samples of p, u or (of size 1) c charts, whose plotted value is count / size. */
    static List<Object> counts(long[][] samples) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < samples.length; i++) {
            events.add(new CountRecorded(BORE, i + 1, samples[i][0], samples[i][1],
                    (double) samples[i][0] / samples[i][1], at(i + 1), frame(i + 1), null));
        }
        return events;
    }

    static ChartResult analyzed(io.cncvision.spc.chart.ChartType chart, long[][] samples) {
        List<AttributeSample> list = new ArrayList<>();
        for (int i = 0; i < samples.length; i++) {
            list.add(new AttributeSample(String.valueOf(i + 1), samples[i][0], samples[i][1]));
        }
        return ControlCharts.attributes(chart, list, OptionalInt.empty());
    }

    /** Captures what a command applied, for assertions on figures that are computed, not typed. */
    static final class Applied extends BaseMatcher<List<EventMessage<?>>> {
        final List<Object> payloads = new ArrayList<>();

        @Override
        public boolean matches(Object actual) {
            for (Object message : (List<?>) actual) {
                payloads.add(((EventMessage<?>) message).getPayload());
            }
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }

        <T> T only(Class<T> type) {
            List<T> found = payloads.stream().filter(type::isInstance).map(type::cast).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }

        <T> List<T> all(Class<T> type) {
            return payloads.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    // Parts inspected per shift and the rejects among them: varying sample sizes.
    static final long[][] REJECTS = {{3, 120}, {5, 150}, {2, 100}, {4, 130}, {6, 160}, {3, 110}, {4, 140}, {5, 150}};

    @Test
    void pChartLimitsAreThoseOfSpcAnalyzeAndEachPointIsJudgedAtItsOwnSize() {
        ChartResult expected = analyzed(io.cncvision.spc.chart.ChartType.P, REJECTS);
        Applied established = new Applied();
        fixture.given(history(attributeChart(ChartType.P), counts(REJECTS)))
                .when(new EstablishControlLimits(BORE, 1, REJECTS.length, "nelson", APPROVER, REASON, null))
                .expectEventsMatching(established);
        ControlLimitsEstablished limits = established.only(ControlLimitsEstablished.class);
        assertThat(limits.chart()).isEqualTo("p");
        assertThat(limits.center()).isEqualTo(32.0 / 1060);
        assertThat(limits.center()).isEqualTo(expected.center());
        assertThat(limits.lcl()).isEqualTo(expected.lcl());
        assertThat(limits.ucl()).isEqualTo(expected.ucl());
        assertThat(limits.sigma()).isEqualTo(expected.sigma());
        assertThat(limits.parameters()).isEmpty();

        // 12 rejects in 80 parts: p = 0.15, far above p-bar + 3 sqrt(p-bar (1 - p-bar) / 80)
        double pBar = limits.center();
        double halfWidth = 3 * Math.sqrt(pBar * (1 - pBar) / 80);
        List<Object> given = history(attributeChart(ChartType.P), counts(REJECTS), limits);
        fixture.given(given)
                .when(count(12, 80, 9))
                .expectResultMessagePayload(CommandOutcome.RECORDED)
                .expectEvents(new CountRecorded(BORE, 9, 12, 80, 0.15, at(9), frame(9),
                                new PlottedPoint(0.15, 0.0, pBar + halfWidth, null)),
                        new OutOfControlSignalled(BORE, 9, "NELSON_1", List.of(9L), 0.15, pBar, 0.0, pBar + halfWidth,
                                at(9)));
    }

    @Test
    void uChartCountsDefectsPerUnitAndCChartLimitsComeFromTheMeanCount() {
        long[][] defects = {{7, 2}, {9, 3}, {4, 2}, {12, 4}, {8, 3}, {5, 2}};
        Applied u = new Applied();
        fixture.given(history(attributeChart(ChartType.U), counts(defects)))
                .when(new EstablishControlLimits(BORE, 1, 6, "nelson", APPROVER, REASON, null))
                .expectEventsMatching(u);
        ChartResult expectedU = analyzed(io.cncvision.spc.chart.ChartType.U, defects);
        assertThat(u.only(ControlLimitsEstablished.class).center()).isEqualTo(45.0 / 16).isEqualTo(expectedU.center());
        assertThat(u.only(ControlLimitsEstablished.class).ucl()).isEqualTo(expectedU.ucl());

        long[][] perUnit = {{7, 1}, {9, 1}, {4, 1}, {12, 1}, {8, 1}, {5, 1}};
        Applied c = new Applied();
        fixture = new AggregateTestFixture<>(Characteristic.class);
        fixture.given(history(attributeChart(ChartType.C), counts(perUnit)))
                .when(new EstablishControlLimits(BORE, 1, 6, "nelson", APPROVER, REASON, null))
                .expectEventsMatching(c);
        ControlLimitsEstablished limits = c.only(ControlLimitsEstablished.class);
        assertThat(limits.center()).isEqualTo(7.5);
        assertThat(limits.ucl()).isCloseTo(7.5 + 3 * Math.sqrt(7.5), within(1e-12));
        assertThat(limits.lcl()).isZero();
    }

    @Test
    void npAndCChartsKeepTheFirstSampleSize() {
        fixture.given(attributeChart(ChartType.NP), new CountRecorded(BORE, 1, 2, 50, 2.0, at(1), frame(1), null))
                .when(count(3, 40, 2))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(allOf(containsString("size must be 50"), containsString("p charts")))
                .expectNoEvents();
        fixture.given(attributeChart(ChartType.P))
                .when(count(51, 50, 1))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("must not exceed size"))
                .expectNoEvents();
    }

    @Test
    void countsAndMeasurementsGoToTheirOwnCharts() {
        fixture.given(attributeChart(ChartType.P))
                .when(measure(10.0, 1))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("record counts, not measurements"));
        fixture.given(defined(ChartType.XBAR_R, 3))
                .when(count(1, 10, 1))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("record measurements, not counts"));
    }

    @Test
    void aRepeatedCountRecordsNothing() {
        fixture.given(attributeChart(ChartType.P), new CountRecorded(BORE, 1, 2, 50, 0.04, at(1), frame(1), null))
                .when(count(2, 50, 1))
                .expectResultMessagePayload(CommandOutcome.DUPLICATE)
                .expectNoEvents();
    }

    // Subgroups of 4 around 10 with ranges 1: sigma = 1/d2(4), sigma of a mean half that.
    static final double[][] BASELINE = {{9.5, 10.5, 10.0, 10.0}, {10.0, 9.5, 10.5, 10.0}, {10.5, 10.0, 9.5, 10.0}};

    static List<Subgroup> baselineSubgroups() {
        List<Subgroup> subgroups = new ArrayList<>();
        for (double[] values : BASELINE) {
            subgroups.add(Subgroup.of(String.valueOf(subgroups.size() + 1), values));
        }
        return subgroups;
    }

    @Test
    void ewmaLimitsAreThoseOfSpcAnalyzeWithTheChosenLambdaAndWidth() {
        Applied established = new Applied();
        fixture.given(history(defined(ChartType.EWMA, 4), subgroups(BASELINE)))
                .when(new EstablishControlLimits(BORE, 1, 3, "nelson", APPROVER, REASON, Map.of("lambda", 0.1)))
                .expectEventsMatching(established);
        ControlLimitsEstablished limits = established.only(ControlLimitsEstablished.class);
        ChartResult expected = io.cncvision.spc.chart.TimeWeightedCharts.ewma(baselineSubgroups(), 3, 0.1, 3);
        assertThat(limits.center()).isEqualTo(expected.center()).isEqualTo(10.0);
        assertThat(limits.sigma()).isEqualTo(expected.sigma()).isEqualTo(1 / d2(4));
        assertThat(limits.lcl()).isCloseTo(expected.lcl(), within(1e-12));
        assertThat(limits.ucl()).isCloseTo(expected.ucl(), within(1e-12));
        assertThat(limits.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("lambda", 0.1, "L", 3.0));
    }

    @Test
    void ewmaSignalsASustainedSmallShiftWithTimeVaryingLimits() {
        double sigmaOfMean = 1 / d2(4) / 2;
        ControlLimitsEstablished limits = new ControlLimitsEstablished(BORE, 1, 3, "ewma", 10.0,
                10.0 - 3 * sigmaOfMean * Math.sqrt(0.2 / 1.8), 10.0 + 3 * sigmaOfMean * Math.sqrt(0.2 / 1.8),
                1 / d2(4), 0, 0, 0, "nelson", APPROVER, REASON, Map.of("lambda", 0.2, "L", 3.0));
        // a shift of 1.5 sigmas of the mean: every later subgroup is four values at 10 + 1.5 sigmaOfMean
        double shifted = 10.0 + 1.5 * sigmaOfMean;
        double z = 10.0;
        int firstSignal = 0;
        for (int point = 1; point <= 30 && firstSignal == 0; point++) {
            List<Object> given = history(defined(ChartType.EWMA, 4), subgroups(BASELINE), limits);
            long n = 12;
            for (long subgroup = 4; subgroup < 4 + point; subgroup++) {
                for (int i = 0; i < 4 && !(subgroup == 3 + point && i == 3); i++) {
                    given.add(recorded(shifted, ++n, subgroup));
                }
                if (subgroup < 3 + point) {
                    given.add(new SubgroupCompleted(BORE, subgroup, List.of(shifted, shifted, shifted, shifted), shifted,
                            0.0, 0.0, at(n), null));
                }
            }
            Applied applied = new Applied();
            fixture = new AggregateTestFixture<>(Characteristic.class);
            fixture.given(given).when(measure(shifted, ++n)).expectEventsMatching(applied);

            z = 0.2 * shifted + 0.8 * z;
            double halfWidth = 3 * sigmaOfMean * Math.sqrt(0.2 / 1.8 * (1 - Math.pow(0.8, 2.0 * point)));
            PlottedPoint plotted = applied.only(SubgroupCompleted.class).plotted();
            assertThat(plotted.value()).isCloseTo(z, within(1e-12));
            assertThat(plotted.ucl()).isCloseTo(10.0 + halfWidth, within(1e-12));
            assertThat(plotted.lcl()).isCloseTo(10.0 - halfWidth, within(1e-12));
            List<OutOfControlSignalled> signals = applied.all(OutOfControlSignalled.class);
            if (z > 10.0 + halfWidth) {
                assertThat(signals).singleElement().satisfies(signal -> {
                    assertThat(signal.rule()).isEqualTo("NELSON_1");
                    assertThat(signal.value()).isEqualTo(plotted.value());
                    assertThat(signal.ucl()).isEqualTo(plotted.ucl());
                });
                firstSignal = point;
            } else {
                assertThat(signals).isEmpty();
            }
        }
        // z_i = 1.5 (1 - 0.8^i) against sqrt(1 - 0.64^i) sigmas: 0.886 < 0.912 at i = 4, 1.009 > 0.945 at i = 5
        assertThat(firstSignal).isEqualTo(5);
    }

    @Test
    void cusumAccumulatesDeviationsBeyondKAndSignalsWhenASumPassesH() {
        Applied established = new Applied();
        fixture.given(history(defined(ChartType.CUSUM, 1), individuals(1, 10.0, 10.5, 10.0, 10.5)))
                .when(new EstablishControlLimits(BORE, 1, 4, "western-electric", APPROVER, REASON, null))
                .expectEventsMatching(established);
        ControlLimitsEstablished limits = established.only(ControlLimitsEstablished.class);
        double sigma = 0.5 / d2(2);
        assertThat(limits.sigma()).isEqualTo(sigma);
        assertThat(limits.ucl()).isCloseTo(4 * sigma, within(1e-12));
        assertThat(limits.lcl()).isCloseTo(-4 * sigma, within(1e-12));
        assertThat(limits.center()).isZero();
        assertThat(limits.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("k", 0.5, "h", 4.0, "mean", 10.25));

        // each value 1.5 sigma below the mean adds 1 sigma to the lower sum: the fifth passes h = 4
        double low = 10.25 - 1.5 * sigma;
        List<Object> given = history(defined(ChartType.CUSUM, 1), individuals(1, 10.0, 10.5, 10.0, 10.5), limits);
        given.addAll(individuals(5, low, low, low));
        Applied fourth = new Applied();
        fixture.given(given).when(measure(low, 8)).expectEventsMatching(fourth);
        assertThat(fourth.only(SubgroupCompleted.class).plotted().secondary()).isCloseTo(-4 * sigma, within(1e-12));
        assertThat(fourth.all(OutOfControlSignalled.class)).isEmpty();

        given.addAll(individuals(8, low));
        Applied fifth = new Applied();
        fixture.given(given).when(measure(low, 9)).expectEventsMatching(fifth);
        PlottedPoint point = fifth.only(SubgroupCompleted.class).plotted();
        assertThat(point.value()).isZero();
        assertThat(point.secondary()).isCloseTo(-5 * sigma, within(1e-12));
        OutOfControlSignalled signal = fifth.only(OutOfControlSignalled.class);
        assertThat(signal.rule()).isEqualTo("WE_1");
        assertThat(signal.value()).isCloseTo(-5 * sigma, within(1e-12));
        assertThat(signal.lcl()).isEqualTo(limits.secondaryLcl());
    }

    @Test
    void parametersAreCheckedAgainstTheChart() {
        fixture.given(history(defined(ChartType.XBAR_R, 4), subgroups(BASELINE)))
                .when(new EstablishControlLimits(BORE, 1, 3, "nelson", APPROVER, REASON, Map.of("lambda", 0.2)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(allOf(containsString("lambda"), containsString("takes none")))
                .expectNoEvents();
        fixture.given(history(defined(ChartType.EWMA, 4), subgroups(BASELINE)))
                .when(new EstablishControlLimits(BORE, 1, 3, "nelson", APPROVER, REASON, Map.of("lambda", 1.5)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("parameters.lambda must be between 0 (exclusive) and 1"))
                .expectNoEvents();
        fixture.given(history(defined(ChartType.CUSUM, 4), subgroups(BASELINE)))
                .when(new EstablishControlLimits(BORE, 1, 3, "nelson", APPROVER, REASON, Map.of("H", 5.0)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(allOf(containsString("[H]"), containsString("[h, k]")))
                .expectNoEvents();
    }

    @Test
    void aBaselineWithoutDefectsIsRefused() {
        fixture.given(history(attributeChart(ChartType.C), counts(new long[][] {{0, 1}, {0, 1}, {0, 1}})))
                .when(new EstablishControlLimits(BORE, 1, 3, "nelson", APPROVER, REASON, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("no width"))
                .expectNoEvents();
    }

    @Test
    void everyContractChartIsAnSpcChartOfTheSameKind() {
        for (ChartType chart : ChartType.values()) {
            io.cncvision.spc.chart.ChartType spc = SpcCharts.of(chart);
            assertThat(spc.id()).isEqualTo(chart.code());
            assertThat(spc.isVariables()).isEqualTo(chart.isVariables());
        }
        assertThat(io.cncvision.spc.chart.ChartType.values()).hasSameSizeAs(ChartType.values());
    }
}
