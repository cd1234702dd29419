package io.cncvision.api.part;

import io.cncvision.api.Checks;
import io.cncvision.api.value.Serial;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Decides what becomes of a part (IATF 16949 8.7.1). */
public record DispositionPart(@TargetAggregateIdentifier Serial serial, Disposition disposition, String reason) {

    public DispositionPart {
        Checks.required("serial", serial);
        Checks.required("disposition", disposition);
        Checks.text("reason", reason, 512);
    }
}
