package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.Specification;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revises a characteristic's specification; history keeps the old one. */
public record ReviseSpecification(@TargetAggregateIdentifier CharacteristicId characteristicId, Specification specification,
                                  String reason) {

    public ReviseSpecification {
        Checks.required("characteristicId", characteristicId);
        Checks.required("specification", specification);
        Checks.text("reason", reason, 512);
    }
}
