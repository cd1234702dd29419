package io.cncvision.cnc;

/**
 * What a connector hears from a machine, whatever the protocol calls it. Each machine's configuration
 * maps its protocol addresses to these signals; a signal with several instances (axes, tools,
 * alarms) names the instance by its key.
 */
public enum MachineSignal {
    /** Execution state (text): ACTIVE, READY, STOPPED, INTERRUPTED, FEED_HOLD, ... or the platform's own names. */
    EXECUTION(false),
    /** The running program's name (text). */
    PROGRAM(false),
    /** Parts made (a counter): each increase completes that many cycles. */
    PART_COUNT(false),
    /**
     * The serial of the part just made (text: a macro variable, a PLC string, MTConnect's PartId), which
     * names the cycle the part counter completes.
     */
    PART_ID(false),
    /** Spindle speed in rev/min. */
    SPINDLE_SPEED(true),
    /** Spindle load in percent. */
    SPINDLE_LOAD(true),
    /** Feed override in percent. */
    FEED_OVERRIDE(true),
    /** An alarm or condition, keyed by its code: its level (NORMAL, WARNING, FAULT) and text. */
    ALARM(false),
    /** The active tool number. */
    ACTIVE_TOOL(true),
    /** A tool offset, keyed by its name (e.g. {@code T3.wear.x}); writable where the protocol allows. */
    TOOL_OFFSET(true),
    /** An axis position, keyed by the axis name. */
    AXIS_POSITION(true);

    private final boolean telemetry;

    MachineSignal(boolean telemetry) {
        this.telemetry = telemetry;
    }

    /**
     * True for the high-rate values that go to the telemetry path rather than becoming events: speeds,
     * loads, overrides, positions, tools and offsets.
     */
    public boolean isTelemetry() {
        return telemetry;
    }
}
