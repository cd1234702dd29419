package io.cncvision.command.characteristic;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.ControlLimitsEstablished;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.EstablishControlLimits;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfControlSignalled;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.characteristic.ReviseSpecification;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.Specification;
import io.cncvision.command.RecentMessageIds;
import io.cncvision.spc.chart.ShewhartLimits;
import io.cncvision.spc.rules.RuleSet;
import io.cncvision.spc.rules.RunRuleWindow;
import io.cncvision.spc.rules.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One line of a control plan: its specification, its chart, the subgroup its measurements are
 * filling, and, once limits are established from recorded subgroups, the judgement of every later
 * subgroup by the chosen run rules.
 */
@Aggregate(snapshotTriggerDefinition = "characteristicSnapshotTrigger", cache = "aggregateCache")
public class Characteristic {

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
    // The limits in force, null until the first are established.
    private ControlLimitsEstablished limits;
    // The subgroups judged against those limits; its point 0 is subgroup firstJudgedSubgroup.
    private RunRuleWindow judged;
    private long firstJudgedSubgroup;

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
        if (chart != ChartType.XBAR_R && chart != ChartType.XBAR_S && chart != ChartType.IMR) {
            throw new IllegalArgumentException(
                    "control limits for " + chart.code() + " charts are not established live yet");
        }
        RuleSet rules = RuleSet.parse(command.rules());
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
        ShewhartLimits computed = BaselineLimits.of(chart, subgroupSize, history, from, to);
        if (!(computed.sigma() > 0)) {
            throw new IllegalArgumentException("subgroups " + from + ".." + to + " of " + characteristicId
                    + " show no variation; control limits would have no width");
        }
        apply(new ControlLimitsEstablished(characteristicId, from, to, chart.code(), computed.center(),
                computed.lcl(), computed.ucl(), computed.sigma(), computed.secondaryCenter(), computed.secondaryLcl(),
                computed.secondaryUcl(), rules.code(), command.approvedBy(), command.reason()));
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

        apply(new MeasurementRecorded(characteristicId, command.value(), command.partSerial(), command.gaugeId(),
                command.observedAt(), command.sourceMessageId(), subgroup));
        if (specification.isOutside(command.value())) {
            apply(new OutOfSpecificationDetected(characteristicId, command.value(), command.partSerial(),
                    specification, command.observedAt(), command.sourceMessageId()));
        }
        if (subgroupValues.size() == subgroupSize) {
            SubgroupStatistics statistics = SubgroupStatistics.of(subgroupValues);
            List<OutOfControlSignalled> signals = limits == null ? List.of()
                    : judge(subgroup, statistics, command.observedAt());
            apply(new SubgroupCompleted(characteristicId, subgroup, List.copyOf(subgroupValues), statistics.mean(),
                    statistics.range(), statistics.standardDeviation(), command.observedAt()));
            signals.forEach(AggregateLifecycle::apply);
        }
        return CommandOutcome.RECORDED;
    }

    /**
     * The signals a completed subgroup raises against the limits in force: each run rule that fires
     * at its mean (judged on a copy of the window, which moves when SubgroupCompleted is applied),
     * then a point of the secondary chart beyond its limits, named for that chart: {@code R_1},
     * {@code S_1} or {@code MR_1} (an LCL of 0 cannot be crossed).
     */
    private List<OutOfControlSignalled> judge(long subgroup, SubgroupStatistics statistics, Instant observedAt) {
        List<OutOfControlSignalled> signals = new ArrayList<>();
        for (Signal signal : judged.copy().add(statistics.mean(), limits.center(), plottedSigma())) {
            List<Long> pattern = Arrays.stream(signal.points()).mapToObj(point -> firstJudgedSubgroup + point).toList();
            signals.add(new OutOfControlSignalled(characteristicId, subgroup, signal.rule().name(), pattern,
                    statistics.mean(), limits.center(), limits.lcl(), limits.ucl(), observedAt));
        }
        // the moving range spans this value and the previous subgroup's, which a baseline of 2 or more guarantees
        double dispersion = switch (chart) {
            case XBAR_S -> statistics.standardDeviation();
            case IMR -> Math.abs(statistics.mean() - history.mean(subgroup - 1));
            default -> statistics.range();
        };
        if (dispersion > limits.secondaryUcl() || (limits.secondaryLcl() > 0 && dispersion < limits.secondaryLcl())) {
            String secondary = switch (chart) {
                case XBAR_S -> "S_1";
                case IMR -> "MR_1";
                default -> "R_1";
            };
            signals.add(new OutOfControlSignalled(characteristicId, subgroup, secondary, List.of(subgroup), dispersion,
                    limits.secondaryCenter(), limits.secondaryLcl(), limits.secondaryUcl(), observedAt));
        }
        return signals;
    }

    // The plotted mean of n values varies sigma / sqrt(n); for an individuals chart n = 1.
    private double plottedSigma() {
        return limits.sigma() / Math.sqrt(subgroupSize);
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
    }

    @EventSourcingHandler
    private void on(SubgroupCompleted event) {
        openSubgroup.clear();
        history.add(event.subgroup(), event.mean(), event.range(), event.standardDeviation());
        if (limits != null) {
            judged.add(event.mean(), limits.center(), plottedSigma());
        }
    }

    @EventSourcingHandler
    private void on(ControlLimitsEstablished event) {
        limits = event;
        judged = new RunRuleWindow(RuleSet.parse(event.rules()));
        firstJudgedSubgroup = history.lastCompleted() + 1;
    }
}
