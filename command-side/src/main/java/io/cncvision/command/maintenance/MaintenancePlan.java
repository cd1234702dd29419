package io.cncvision.command.maintenance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.maintenance.MaintenancePlanIdentity;
import io.cncvision.api.maintenance.MaintenancePlanSet;
import io.cncvision.api.maintenance.MaintenancePredicted;
import io.cncvision.api.maintenance.RecordMaintenancePrediction;
import io.cncvision.api.maintenance.SetMaintenancePlan;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A machine's maintenance plan: per component, the remaining useful life below which work is scheduled, and the
 * predictions measured against it. The prediction is recorded here, not on the Machine, because whether it asks
 * for work depends on the plan at that moment; recording the verdict in the event keeps a later change of the plan
 * from rewriting why a work order was scheduled.
 */
@Aggregate
public class MaintenancePlan {

    @AggregateIdentifier
    private String planId;
    private Map<String, Double> thresholdHours = new HashMap<>();

    /** For Axon and Jackson: rebuilds from events, and starts a plan its first command creates. */
    protected MaintenancePlan() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(SetMaintenancePlan command) {
        if (Double.valueOf(command.remainingLifeThresholdHours()).equals(thresholdHours.get(command.component()))) {
            return CommandOutcome.UNCHANGED;
        }
        apply(new MaintenancePlanSet(command.machineId(), command.component(), command.remainingLifeThresholdHours(),
                command.setAt()));
        return CommandOutcome.RECORDED;
    }

    /** A prediction is recorded with or without a plan; only one below the plan's threshold asks for work. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordMaintenancePrediction command) {
        Double threshold = thresholdHours.get(command.component());
        boolean below = threshold != null && command.remainingLifeHours() < threshold;
        apply(new MaintenancePredicted(command.machineId(), command.component(), command.remainingLifeHours(),
                threshold, below, command.predictedAt(), command.modelVersion()));
        return CommandOutcome.RECORDED;
    }

    @EventSourcingHandler
    private void on(MaintenancePlanSet event) {
        planId = MaintenancePlanIdentity.of(event.machineId());
        thresholdHours.put(event.component(), event.remainingLifeThresholdHours());
    }

    @EventSourcingHandler
    private void on(MaintenancePredicted event) {
        planId = MaintenancePlanIdentity.of(event.machineId());
    }
}
