package io.cncvision.vision.inspection;

import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.part.InspectionMeasurement;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.vision.storage.ImageStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an inspected part into the platform's commands: a {@link RecordInspection} for the part, and a
 * {@link RecordMeasurement} for each measured feature the configuration maps to a characteristic (recipe
 * feature {@code bore-diameter} to {@code pn1234-bore}, say). Each command carries a source message id made of
 * the camera and the frame, so the same frame published twice records nothing new. A part no code or cycle
 * named gets no inspection (the Part aggregate is keyed by serial), but its measurements still go to SPC.
 */
public final class InspectionPublisher {

    private static final Logger log = LoggerFactory.getLogger(InspectionPublisher.class);
    // SourceMessageId holds 256 characters; a longer id (a long file name) is replaced by its digest.
    private static final int MAXIMUM_SOURCE_ID = 256;

    private final CommandPort port;
    private final Function<GaugeId, Map<String, CharacteristicId>> characteristicsOfCamera;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong notTaken = new AtomicLong();
    private final AtomicLong unnamed = new AtomicLong();

    /** Every camera's features feed the same characteristics. */
    public InspectionPublisher(CommandPort port, Map<String, CharacteristicId> characteristicOfFeature) {
        this(port, fixed(Map.copyOf(characteristicOfFeature)));
    }

    /**
     * Each camera's features feed their own characteristics ({@code characteristicsOfCamera} answers an empty map
     * for a camera whose measurements feed none).
     */
    public InspectionPublisher(CommandPort port, Function<GaugeId, Map<String, CharacteristicId>> characteristicsOfCamera) {
        this.port = port;
        this.characteristicsOfCamera = characteristicsOfCamera;
    }

    private static Function<GaugeId, Map<String, CharacteristicId>> fixed(Map<String, CharacteristicId> map) {
        return camera -> map;
    }

    /** The commands {@code part} gives, in the order they are sent. */
    public List<Object> commandsFor(InspectedPart part) {
        String frame = "camera:" + part.camera().value() + "/frame:" + part.frameId();
        List<Object> commands = new ArrayList<>();
        Map<String, CharacteristicId> characteristicOfFeature = characteristicsOfCamera.apply(part.camera());
        if (part.serial() != null) {
            // Each measurement names the characteristic it is recorded on, so that a rejected part leads to the
            // characteristics (and their parts) that share its history.
            List<InspectionMeasurement> measurements = part.measurements().stream()
                    .map(m -> m.on(characteristicOfFeature.get(m.feature()))).toList();
            commands.add(new RecordInspection(part.serial(), null, part.verdict(), part.camera(), null,
                    part.capturedAt(), sourceId(frame + "/inspection"), measurements, part.defects(),
                    part.imageSha256(), part.calibrationId(), part.modelSha256()));
        }
        for (InspectionMeasurement measurement : part.measurements()) {
            CharacteristicId characteristic = characteristicOfFeature.get(measurement.feature());
            if (characteristic != null) {
                commands.add(new RecordMeasurement(characteristic, measurement.value(), part.serial(), part.camera(),
                        part.capturedAt(), sourceId(frame + "/feature:" + measurement.feature())));
            }
        }
        return commands;
    }

    /** Sends the commands of {@code part}; returns how many the port took. */
    public int publish(InspectedPart part) {
        if (part.serial() == null) {
            unnamed.incrementAndGet();
            log.warn("camera {} frame {}: no code or cycle names the part; its measurements are recorded without"
                    + " a serial and no inspection is recorded", part.camera(), part.frameId());
        }
        int taken = 0;
        for (Object command : commandsFor(part)) {
            if (port.dispatch(command)) {
                taken++;
                published.incrementAndGet();
            } else {
                notTaken.incrementAndGet();
            }
        }
        return taken;
    }

    /** Commands the port took. */
    public long published() {
        return published.get();
    }

    /** Commands the port could not take. */
    public long notTaken() {
        return notTaken.get();
    }

    /** Parts published without a serial. */
    public long unnamed() {
        return unnamed.get();
    }

    static SourceMessageId sourceId(String id) {
        if (id.length() <= MAXIMUM_SOURCE_ID) {
            return SourceMessageId.of(id);
        }
        return SourceMessageId.of("sha256:" + ImageStore.sha256(id.getBytes(StandardCharsets.UTF_8)).value());
    }
}
