package io.cncvision.api.characteristic;

import io.cncvision.api.Checks;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.Specification;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines one line of a control plan: what is measured on which part, its specification and its chart. */
public record DefineCharacteristic(@TargetAggregateIdentifier CharacteristicId characteristicId, String partNumber,
                                   String name, Specification specification, int subgroupSize, ChartType chart) {

    public DefineCharacteristic {
        Checks.required("characteristicId", characteristicId);
        Checks.text("partNumber", partNumber, 64);
        Checks.text("name", name, 128);
        Checks.required("specification", specification);
        Checks.required("chart", chart);
        SubgroupSizes.check(chart, subgroupSize);
    }
}
