package io.cncvision.app.vision;

import io.cncvision.api.machine.CycleCompleted;
import io.cncvision.vision.code.LastCycleSerialFallback;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Tells the serial fallback of each machine's completed cycles, as they are recorded, so that a camera watching
 * the machine's outfeed can name a part whose code does not read. Subscribing: only cycles recorded while the
 * platform runs matter, never a replay of old ones.
 */
@ProcessingGroup(PartsFromCycles.PROCESSING_GROUP)
final class PartsFromCycles {

    static final String PROCESSING_GROUP = "vision-part-from-cycle";

    private final LastCycleSerialFallback fallback;

    PartsFromCycles(LastCycleSerialFallback fallback) {
        this.fallback = fallback;
    }

    @EventHandler
    void on(CycleCompleted cycle) {
        fallback.cycleCompleted(cycle);
    }
}
