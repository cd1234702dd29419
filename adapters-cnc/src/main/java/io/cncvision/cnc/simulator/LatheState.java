package io.cncvision.cnc.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * What the simulated lathe shows at one moment, as its controller would publish it.
 *
 * @param execution MTConnect Execution value: ACTIVE while cutting, READY between parts, STOPPED on a fault
 * @param partSerial serial of the last part made ({@link SimulatedLathe#partSerial}), null before the first
 * @param alarms active alarms by code, with their level (WARNING or FAULT) and text
 * @param offsets tool offsets by name ({@code T1.wear.x}: the diameter compensation of tool 1, in mm)
 * @param lastBore bore diameter of the last part made, in mm (0 before the first)
 */
public record LatheState(Instant time, String execution, String program, long partCount, String partSerial,
                         double spindleSpeed,
                         double spindleLoad, double feedOverride, int activeTool, double xPosition, double zPosition,
                         Map<String, Alarm> alarms, Map<String, Double> offsets, double lastBore, long sequence) {

    /** An active alarm: {@code level} is WARNING or FAULT. */
    public record Alarm(String level, String text) {
    }
}
