package io.cncvision.saga.maintenance;

import java.time.Duration;

/** How long a started work order may take before it is escalated as overdue. */
public record WorkOrderAllowance(Duration completion) {

    public WorkOrderAllowance {
        if (completion == null || completion.isNegative() || completion.isZero()) {
            throw new IllegalArgumentException("the completion allowance must be positive, not " + completion);
        }
    }
}
