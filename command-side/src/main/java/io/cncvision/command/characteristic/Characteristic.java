package io.cncvision.command.characteristic;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.CompensationConcluded;
import io.cncvision.api.characteristic.CompensationPlan;
import io.cncvision.api.characteristic.CompensationPlanned;
import io.cncvision.api.characteristic.ConcludeCompensation;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.CorrectionProposed;
import io.cncvision.api.characteristic.CountRecorded;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.EstablishControlLimits;
import io.cncvision.api.characteristic.IdentifySuspects;
import io.cncvision.api.characteristic.MeasuredByGaugeOutOfCalibration;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.NoteProcessAdjustment;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.PlanCompensation;
import io.cncvision.api.characteristic.ProcessAdjusted;
import io.cncvision.api.characteristic.RecordCount;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.characteristic.ReviseSpecification;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.characteristic.SuspectPartsIdentified;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.Specification;
import io.cncvision.command.RecentMessageIds;
import io.cncvision.spc.chart.AttributeLimits;
import io.cncvision.spc.chart.ShewhartLimits;
import io.cncvision.spc.rules.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One line of a control plan: its specification, its chart, the subgroup its measurements are
 * filling, and, once limits are established from recorded subgroups, the judgement of every later
 * subgroup by the chosen run rules.
 */
// Revision 2 judges through LiveChart; snapshots of revision 1 are skipped and the aggregate rebuilt from its events.
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "characteristicSnapshotTrigger", cache = "aggregateCache")
public class Characteristic {

    /** Subgroups whose mean tells the level a correction starts from, on an EWMA chart. */
    private static final int EWMA_LEVEL_SUBGROUPS = 3;
    /** Signals of the secondary chart: a spread, which no offset corrects. */
    private static final Set<String> DISPERSION_RULES = Set.of("R_1", "S_1", "MR_1");

    @AggregateIdentifier
    private CharacteristicId characteristicId;
    private Specification specification;
    private ChartType chart;
    private int subgroupSize;
    private long measurementCount;
    // The values of the subgroup being filled, in the order they were measured.
    private ArrayList<Double> openSubgroup = new ArrayList<>();
    private RecentMessageIds recentMessageIds = new RecentMessageIds();
    // The recent completed subgroups a baseline for control limits is chosen from.
    private SubgroupHistory history = new SubgroupHistory();
    // The chart judged against the limits in force; null until the first are established.
    private LiveChart live;
    // The sample size of every count of an np or c chart, set by the first; 0 before it.
    private long constantSize;
    // How a tool offset corrects the characteristic's drift; null when nothing corrects it.
    private CompensationPlan compensation;
    // The parts of the recent subgroups, for containment.
    private SuspectWindow suspects = new SuspectWindow();
    // The process adjustments and concluded reactions already recorded, so a repeat records nothing.
    private LinkedHashSet<String> adjustments = new LinkedHashSet<>();
    private LinkedHashSet<Long> concluded = new LinkedHashSet<>();
    // After an adjustment, the run rules start afresh at the first subgroup completed at or after this; null when
    // no adjustment waits to take effect.
    private Instant restartFrom;

    /** For Axon and Jackson: rebuilds from events or a snapshot. */
    protected Characteristic() {
    }

    @CommandHandler
    public Characteristic(DefineCharacteristic command) {
        apply(new CharacteristicDefined(command.characteristicId(), command.partNumber(), command.name(),
                command.specification(), command.subgroupSize(), command.chart()));
    }

    @CommandHandler
    public CommandOutcome handle(ReviseSpecification command) {
        Specification revised = command.specification();
        if (revised.equals(specification)) {
            return CommandOutcome.UNCHANGED;
        }
        // Every value of a characteristic is in its one unit; a chart mixing units would be meaningless.
        if (!revised.unit().equals(specification.unit())) {
            throw new IllegalArgumentException("specification.unit of characteristic " + characteristicId + " is "
                    + specification.unit() + "; a revision cannot change it to " + revised.unit()
                    + " (define a new characteristic instead)");
        }
        apply(new SpecificationRevised(characteristicId, specification, revised, command.reason()));
        return CommandOutcome.RECORDED;
    }

    /**
     * Computes limits from recorded subgroups only. A baseline needs at least
     * {@value BaselineLimits#MINIMUM_SUBGROUPS} subgroups (Montgomery advises 20-25; the approver
     * answers for the choice, which the event records) and must still be in the history.
     */
    @CommandHandler
    public CommandOutcome handle(EstablishControlLimits command) {
        RuleSet rules = RuleSet.parse(command.rules());
        Map<String, Double> parameters = SpcCharts.parameters(chart, command.parameters());
        long from = command.fromSubgroup();
        long to = command.toSubgroup();
        if (to - from + 1 < BaselineLimits.MINIMUM_SUBGROUPS) {
            throw new IllegalArgumentException("a baseline needs at least " + BaselineLimits.MINIMUM_SUBGROUPS
                    + " subgroups; " + from + ".." + to + " of " + characteristicId + " holds " + (to - from + 1));
        }
        if (to > history.lastCompleted()) {
            throw new IllegalArgumentException("subgroup " + to + " of " + characteristicId
                    + " is not recorded: the last completed subgroup is " + history.lastCompleted());
        }
        if (from < history.oldestHeld()) {
            throw new IllegalArgumentException("subgroup " + from + " of " + characteristicId
                    + " is no longer held: the last " + SubgroupHistory.CAPACITY + " completed subgroups are kept, "
                    + history.oldestHeld() + ".." + history.lastCompleted());
        }
        BaselineLimits.Computed computed = BaselineLimits.of(chart, subgroupSize, history, from, to, parameters);
        ShewhartLimits limits = computed.limits();
        if (!(limits.sigma() > 0)) {
            throw new IllegalArgumentException("subgroups " + from + ".." + to + " of " + characteristicId
                    + " show no variation; control limits would have no width");
        }
        apply(new ControlLimitsEstablished(characteristicId, from, to, chart.code(), limits.center(), limits.lcl(),
                limits.ucl(), limits.sigma(), limits.secondaryCenter(), limits.secondaryLcl(), limits.secondaryUcl(),
                rules.code(), command.approvedBy(), command.reason(), computed.parameters()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(RecordMeasurement command) {
        if (!chart.isVariables()) {
            throw new IllegalArgumentException("characteristic " + characteristicId + " is charted as "
                    + chart.code() + "; record counts, not measurements");
        }
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        long subgroup = measurementCount / subgroupSize + 1;
        List<Double> subgroupValues = new ArrayList<>(openSubgroup);
        subgroupValues.add(command.value());

        MeasurementRecorded recorded = new MeasurementRecorded(characteristicId, command.value(), command.partSerial(),
                command.gaugeId(), command.observedAt(), command.sourceMessageId(), subgroup, command.gaugeStatus());
        apply(recorded);
        if (recorded.byGaugeOutOfCalibration()) {
            apply(new MeasuredByGaugeOutOfCalibration(characteristicId, command.gaugeId(), command.gaugeStatus(),
                    command.value(), command.partSerial(), subgroup, command.observedAt()));
        }
        if (specification.isOutside(command.value())) {
            apply(new OutOfSpecificationDetected(characteristicId, command.value(), command.partSerial(),
                    specification, command.observedAt(), command.sourceMessageId()));
        }
        if (subgroupValues.size() == subgroupSize) {
            SubgroupStatistics statistics = SubgroupStatistics.of(subgroupValues);
            LiveChart.Judgement judgement = live == null ? null : chartFor(subgroup, command.observedAt())
                    .judge(subgroup, statistics.mean(),
                            chart == ChartType.XBAR_S ? statistics.standardDeviation() : statistics.range(),
                            subgroupSize);
            apply(new SubgroupCompleted(characteristicId, subgroup, List.copyOf(subgroupValues), statistics.mean(),
                    statistics.range(), statistics.standardDeviation(), command.observedAt(),
                    judgement == null ? null : judgement.point()));
            signal(subgroup, judgement, command.observedAt());
            proposeCorrection(subgroup, judgement, command.observedAt());
        }
        return CommandOutcome.RECORDED;
    }

    /**
     * With a compensation plan, a signal of the plotted statistic proposes a correction: the offset move that
     * brings the pattern's level back to the chart's centre line, the level the process showed in control, bounded
     * by the plan's largest step. Aiming at nominal instead would leave a process whose centre is off nominal
     * running on one side of its centre line, which the run rules read as out of control. A dispersion signal (R, S,
     * MR) proposes none, as no offset narrows a spread. One proposal per subgroup, from its first such signal.
     */
    private void proposeCorrection(long subgroup, LiveChart.Judgement judgement, Instant observedAt) {
        if (compensation == null || judgement == null) {
            return;
        }
        for (LiveChart.Finding finding : judgement.findings()) {
            if (DISPERSION_RULES.contains(finding.rule())) {
                continue;
            }
            // The level is the mean of the pattern's subgroups. An EWMA signal's pattern is its one subgroup, and its
            // statistic lags a drift by (1 - lambda) / lambda subgroups: the last few subgroups tell the level better.
            List<Long> basis = chart == ChartType.EWMA
                    ? java.util.stream.LongStream.rangeClosed(Math.max(history.oldestHeld(), subgroup - EWMA_LEVEL_SUBGROUPS + 1),
                    subgroup).boxed().toList()
                    : finding.subgroups();
            double level = basis.stream().filter(s -> s >= history.oldestHeld()).mapToDouble(history::mean).average()
                    .orElse(finding.value());
            // The level the process showed in control: the chart's centre line (a CUSUM's target mean).
            double target = chart == ChartType.CUSUM ? live.limits().parameters().get(SpcCharts.MEAN)
                    : live.limits().center();
            double correction = (target - level) / compensation.effect();
            double bounded = Math.max(-compensation.maxStepMm(), Math.min(compensation.maxStepMm(), correction));
            apply(new CorrectionProposed(characteristicId, subgroup, finding.rule(), basis, level, target,
                    bounded, compensation, observedAt));
            return;
        }
    }

    /** Only a measured characteristic drifts in a way an offset corrects; counts are not compensated. */
    @CommandHandler
    public CommandOutcome handle(PlanCompensation command) {
        if (!chart.isVariables()) {
            throw new IllegalArgumentException("characteristic " + characteristicId + " is charted as " + chart.code()
                    + " (counts); a tool offset compensates only a measured characteristic");
        }
        if (command.plan().equals(compensation)) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new CompensationPlanned(characteristicId, command.plan(), command.approvedBy()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(NoteProcessAdjustment command) {
        if (adjustments.contains(command.reference())) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new ProcessAdjusted(characteristicId, command.reference(), history.lastCompleted(), command.adjustedAt(),
                command.effectiveFrom()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(ConcludeCompensation command) {
        if (concluded.contains(command.signalSubgroup())) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new CompensationConcluded(characteristicId, command.signalSubgroup(), command.outcome(),
                command.corrections(), command.totalCorrectionMm(), command.nonConformanceId(), command.detail(),
                command.concludedAt()));
        return CommandOutcome.RECORDED;
    }

    @CommandHandler
    public CommandOutcome handle(IdentifySuspects command) {
        SuspectWindow.Suspects found = suspects.suspectsOf(command.trigger());
        apply(new SuspectPartsIdentified(characteristicId, command.nonConformanceId(), command.trigger(),
                found.serials(), found.sinceSubgroup(), command.requestedAt()));
        return CommandOutcome.RECORDED;
    }

    /**
     * One attribute sample, one point. np and c charts plot raw counts, so every sample of theirs must
     * have the size of the first.
     */
    @CommandHandler
    public CommandOutcome handle(RecordCount command) {
        if (chart.isVariables()) {
            throw new IllegalArgumentException("characteristic " + characteristicId + " is charted as "
                    + chart.code() + "; record measurements, not counts");
        }
        if ((chart == ChartType.P || chart == ChartType.NP) && command.count() > command.size()) {
            throw new IllegalArgumentException("count (" + command.count() + " defectives) must not exceed size ("
                    + command.size() + " parts) on the " + chart.code() + " chart of " + characteristicId);
        }
        if ((chart == ChartType.NP || chart == ChartType.C) && constantSize != 0 && command.size() != constantSize) {
            throw new IllegalArgumentException("size must be " + constantSize + " on the " + chart.code()
                    + " chart of " + characteristicId + ", as its first sample's, not " + command.size()
                    + "; varying sizes are charted on " + (chart == ChartType.NP ? "p" : "u") + " charts");
        }
        if (recentMessageIds.contains(command.sourceMessageId())) {
            return CommandOutcome.DUPLICATE;
        }
        long subgroup = history.lastCompleted() + 1;
        LiveChart.Judgement judgement = live == null ? null
                : live.copy().judge(subgroup, command.count(), Double.NaN, command.size());
        double value = AttributeLimits.statistic(SpcCharts.of(chart), command.count(), command.size());
        apply(new CountRecorded(characteristicId, subgroup, command.count(), command.size(), value, command.observedAt(),
                command.sourceMessageId(), judgement == null ? null : judgement.point()));
        signal(subgroup, judgement, command.observedAt());
        return CommandOutcome.RECORDED;
    }

    private void signal(long subgroup, LiveChart.Judgement judgement, Instant observedAt) {
        if (judgement == null) {
            return;
        }
        for (LiveChart.Finding finding : judgement.findings()) {
            apply(new OutOfControlSignalled(characteristicId, subgroup, finding.rule(), finding.subgroups(),
                    finding.value(), finding.center(), finding.lcl(), finding.ucl(), observedAt));
        }
    }

    @EventSourcingHandler
    private void on(CharacteristicDefined event) {
        characteristicId = event.characteristicId();
        specification = event.specification();
        chart = event.chart();
        subgroupSize = event.subgroupSize();
    }

    @EventSourcingHandler
    private void on(SpecificationRevised event) {
        specification = event.specification();
    }

    @EventSourcingHandler
    private void on(MeasurementRecorded event) {
        measurementCount++;
        openSubgroup.add(event.value());
        recentMessageIds.remember(event.sourceMessageId());
        suspects.measured(event.subgroup(), event.partSerial(), true);
    }

    @EventSourcingHandler
    private void on(OutOfSpecificationDetected event) {
        suspects.outOfSpecification((measurementCount - 1) / subgroupSize + 1);
    }

    @EventSourcingHandler
    private void on(OutOfControlSignalled event) {
        suspects.signalled(event.subgroup());
    }

    @EventSourcingHandler
    private void on(CompensationPlanned event) {
        compensation = event.plan();
    }

    @EventSourcingHandler
    private void on(ProcessAdjusted event) {
        remember(adjustments, event.reference());
        restartFrom = event.effectiveFrom();
    }

    /** The chart that judges subgroup {@code subgroup}: afresh from it when it is the first after an adjustment. */
    private LiveChart chartFor(long subgroup, Instant observedAt) {
        return restartsAt(observedAt) ? live.restartedAt(subgroup) : live.copy();
    }

    private boolean restartsAt(Instant observedAt) {
        return restartFrom != null && !observedAt.isBefore(restartFrom);
    }

    @EventSourcingHandler
    private void on(CompensationConcluded event) {
        remember(concluded, event.signalSubgroup());
    }

    private static <T> void remember(LinkedHashSet<T> seen, T value) {
        seen.add(value);
        if (seen.size() > 256) {
            seen.remove(seen.iterator().next());
        }
    }

    @EventSourcingHandler
    private void on(SubgroupCompleted event) {
        suspects.completed(event.subgroup());
        openSubgroup.clear();
        history.add(event.subgroup(), event.mean(), event.range(), event.standardDeviation());
        if (live != null) {
            if (restartsAt(event.observedAt())) {
                live = live.restartedAt(event.subgroup());
                restartFrom = null;
            }
            live.judge(event.subgroup(), event.mean(),
                    chart == ChartType.XBAR_S ? event.standardDeviation() : event.range(), subgroupSize);
        }
    }

    @EventSourcingHandler
    private void on(CountRecorded event) {
        history.addCount(event.subgroup(), event.count(), event.size());
        recentMessageIds.remember(event.sourceMessageId());
        if (constantSize == 0) {
            constantSize = event.size();
        }
        if (live != null) {
            live.judge(event.subgroup(), event.count(), Double.NaN, event.size());
        }
    }

    @EventSourcingHandler
    private void on(ControlLimitsEstablished event) {
        long last = history.lastCompleted();
        live = new LiveChart(chart, subgroupSize, event, last + 1, last == 0 ? 0 : history.mean(last));
    }
}
