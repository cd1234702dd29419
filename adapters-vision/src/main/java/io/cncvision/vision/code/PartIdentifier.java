package io.cncvision.vision.code;

import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.Serial;
import io.cncvision.vision.camera.Frame;
import java.awt.Rectangle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the part in a frame: the serial its DataMatrix or QR code reads, else what {@link SerialFallback} says.
 * A code whose text is not a valid serial is logged and treated as no code. Not thread-safe (its code reader
 * is not): one per worker.
 */
public final class PartIdentifier {

    private static final Logger log = LoggerFactory.getLogger(PartIdentifier.class);

    /** How the part was named. */
    public enum Source { CODE, FALLBACK }

    /** The part's serial and how it was found. */
    public record Identification(Serial serial, Source source) {
    }

    private final SerialCodeReader reader = new SerialCodeReader();
    private final SerialFallback fallback;
    private final Rectangle codeRegion;

    /** {@code codeRegion}: a region of the frame centred on where the code is marked; null for the whole frame. */
    public PartIdentifier(SerialFallback fallback, Rectangle codeRegion) {
        this.fallback = fallback;
        this.codeRegion = codeRegion == null ? null : new Rectangle(codeRegion);
    }

    public PartIdentifier(SerialFallback fallback) {
        this(fallback, null);
    }

    public Optional<Identification> identify(Frame frame) {
        Optional<SerialCodeReader.Decoded> decoded = reader.read(frame.image(), codeRegion);
        if (decoded.isPresent()) {
            try {
                return Optional.of(new Identification(Serial.of(decoded.get().text().trim()), Source.CODE));
            } catch (IllegalArgumentException notASerial) {
                log.warn("camera {} frame {}: the {} code reads '{}', which is not a serial: {}", frame.camera(),
                        frame.frameId(), decoded.get().format(), decoded.get().text(), notASerial.getMessage());
            }
        }
        GaugeId camera = frame.camera();
        return fallback.serialFor(camera, frame.capturedAt()).map(serial -> new Identification(serial, Source.FALLBACK));
    }
}
