package io.cncvision.vision.inspection;

import io.cncvision.api.gauge.ReportGaugeOffline;
import io.cncvision.api.gauge.ReportGaugeOnline;
import io.cncvision.api.value.GaugeId;
import io.cncvision.vision.camera.CameraListener;
import java.time.Instant;

/** A camera's outages as commands on its gauge: recorded offline once per outage, and online again. */
public final class GaugeStatusCommands implements CameraListener {

    private final CommandPort port;

    public GaugeStatusCommands(CommandPort port) {
        this.port = port;
    }

    @Override
    public void wentOffline(GaugeId camera, String reason, Instant at) {
        port.dispatch(new ReportGaugeOffline(camera, reason.length() > 512 ? reason.substring(0, 512) : reason, at));
    }

    @Override
    public void cameOnline(GaugeId camera, Instant at) {
        port.dispatch(new ReportGaugeOnline(camera, at));
    }
}
