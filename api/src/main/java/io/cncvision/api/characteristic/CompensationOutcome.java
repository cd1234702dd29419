package io.cncvision.api.characteristic;

/** How a reaction to an out-of-control signal by tool offset ended. */
public enum CompensationOutcome {
    /** The process showed the plan's subgroups in control after the correction. */
    BACK_IN_CONTROL,
    /** The process signalled again after the plan's last correction. */
    STILL_OUT_OF_CONTROL,
    /** The machine did not confirm the offset write in time, or reported it failed. */
    NOT_CONFIRMED,
    /** The machine refused the correction: beyond the plan's bounds, or the machine on hold. */
    REFUSED,
    /** Too few subgroups came in the verification time to judge the correction. */
    UNVERIFIED
}
