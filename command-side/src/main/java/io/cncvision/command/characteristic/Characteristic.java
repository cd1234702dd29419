package io.cncvision.command.characteristic;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.CharacteristicDefined;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.MeasurementRecorded;
import io.cncvision.api.characteristic.OutOfSpecificationDetected;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.characteristic.ReviseSpecification;
import io.cncvision.api.characteristic.SpecificationRevised;
import io.cncvision.api.characteristic.SubgroupCompleted;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.Specification;
import io.cncvision.command.RecentMessageIds;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One line of a control plan: its specification, its chart, and the subgroup its measurements are
 * filling.
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
            apply(new SubgroupCompleted(characteristicId, subgroup, List.copyOf(subgroupValues), statistics.mean(),
                    statistics.range(), statistics.standardDeviation(), command.observedAt()));
        }
        return CommandOutcome.RECORDED;
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
    }
}
