package io.cncvision.app.connectors;

import io.cncvision.api.machine.ConfirmToolOffsetAdjustment;
import io.cncvision.api.machine.ReportToolOffsetAdjustmentFailed;
import io.cncvision.api.machine.ToolOffsetAdjustmentRequested;
import io.cncvision.cnc.MachineConnector;
import io.cncvision.cnc.OffsetWrite;
import io.cncvision.cnc.OffsetWritten;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each correction the machines accepted through their connector: the value the machine holds plus the
 * correction, read back, and confirmed to the machine's record; or reported failed, with why. A request past its
 * write-by time is not written: whoever asked has stopped waiting for it. Its processor starts at the head of
 * the event stream, so a fresh instance never replays old corrections onto a machine.
 */
@ProcessingGroup(ToolOffsetWriter.PROCESSING_GROUP)
public class ToolOffsetWriter {

    public static final String PROCESSING_GROUP = "tool-offset-writer";

    private static final Logger log = LoggerFactory.getLogger(ToolOffsetWriter.class);

    private final MachineConnectors machines;
    private final OffsetValues offsets;
    private final CommandGateway gateway;
    private final Clock clock;

    ToolOffsetWriter(MachineConnectors machines, OffsetValues offsets, CommandGateway gateway, Clock clock) {
        this.machines = machines;
        this.offsets = offsets;
        this.gateway = gateway;
        this.clock = clock;
    }

    @EventHandler
    public void on(ToolOffsetAdjustmentRequested request) {
        Instant now = clock.instant();
        MachineConnector connector = machines.connectors().get(request.machineId().value());
        Optional<Double> current = offsets.last(request.machineId(), request.offset());
        String refusal = null;
        if (now.isAfter(request.writeBy())) {
            refusal = "the request expired at " + request.writeBy() + " before it could be written";
        } else if (connector == null) {
            refusal = "machine " + request.machineId() + " has no connector on this instance";
        } else if (current.isEmpty()) {
            refusal = "offset " + request.offset() + " has not been read from machine " + request.machineId()
                    + "; a correction is not written over an unknown value";
        }
        if (refusal != null) {
            failed(request, refusal, now);
            return;
        }
        double target = current.get() + request.deltaMm();
        try {
            long waitMillis = Math.max(1, Duration.between(now, request.writeBy()).toMillis());
            OffsetWritten written = connector.writeOffset(new OffsetWrite(request.offset(), target))
                    .get(waitMillis, TimeUnit.MILLISECONDS);
            offsets.written(request.machineId(), request.offset(), written.confirmed());
            log.info(String.format(Locale.ROOT, "machine %s: %s %.4f -> %.4f mm (%+.4f) for %s", request.machineId(),
                    request.offset(), current.get(), written.confirmed(), request.deltaMm(),
                    request.characteristicId()));
            gateway.send(new ConfirmToolOffsetAdjustment(request.machineId(), request.requestId(), current.get(),
                    written.confirmed(), written.at())).exceptionally(e -> {
                        log.warn("machine {}: the write of {} could not be confirmed", request.machineId(),
                                request.requestId(), e);
                        return null;
                    });
        } catch (ExecutionException e) {
            failed(request, String.valueOf(e.getCause().getMessage()), clock.instant());
        } catch (TimeoutException e) {
            failed(request, "the machine did not answer the write by " + request.writeBy(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(request, "interrupted while writing", clock.instant());
        }
    }

    private void failed(ToolOffsetAdjustmentRequested request, String reason, Instant at) {
        log.warn("machine {}: correction {} of {} not written: {}", request.machineId(), request.requestId(),
                request.offset(), reason);
        gateway.send(new ReportToolOffsetAdjustmentFailed(request.machineId(), request.requestId(), reason, at))
                .exceptionally(e -> {
                    log.warn("machine {}: the failure of {} could not be recorded", request.machineId(),
                            request.requestId(), e);
                    return null;
                });
    }
}
