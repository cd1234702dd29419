package io.cncvision.api.value;

/** Execution state of a machine, as its controller reports it. */
public enum MachineState {
    OFFLINE,
    IDLE,
    RUNNING,
    STOPPED,
    ALARM,
    MAINTENANCE
}
