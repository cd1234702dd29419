package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.Specification;
import org.axonframework.serialization.Revision;

/** A control-plan line was defined. */
@Revision("1")
public record CharacteristicDefined(CharacteristicId characteristicId, String partNumber, String name,
                                    Specification specification, int subgroupSize, ChartType chart) {
}
