package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the reaction plan by which a tool offset corrects the characteristic's drift; the same plan again records nothing. */
public record PlanCompensation(@TargetAggregateIdentifier CharacteristicId characteristicId, CompensationPlan plan,
                               String approvedBy) {

    public PlanCompensation {
        Checks.required("characteristicId", characteristicId);
        Checks.required("plan", plan);
        Checks.text("approvedBy", approvedBy, 128);
    }
}
