package io.cncvision.api.characteristic;

import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.Specification;
import org.axonframework.serialization.Revision;

/** A characteristic's specification was revised. */
@Revision("1")
public record SpecificationRevised(CharacteristicId characteristicId, Specification previous, Specification specification,
                                   String reason) {
}
