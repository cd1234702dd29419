package io.cncvision.vision.camera;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Makes a camera's frame source from its configuration: a kind and where the camera is. */
public final class FrameSources {

    /** The kinds a configuration may name. */
    public static final List<String> KINDS = List.of("folder", "video", "rtsp", "v4l2", "usb");

    private FrameSources() {
    }

    /**
     * {@code kind} one of {@link #KINDS}; {@code location} a folder, a video file, a stream URL, a device path or
     * a USB camera index. Options: for {@code video}, {@code loop} and {@code paced} (true/false); for
     * {@code v4l2}, {@code width}, {@code height} and {@code fps}; for {@code rtsp}, FFmpeg's own.
     */
    public static FrameSource create(String kind, String location, Map<String, String> options, Clock clock) {
        if (kind == null || location == null || location.isBlank()) {
            throw new IllegalArgumentException("a camera needs its source kind (one of " + KINDS + ") and location");
        }
        Map<String, String> given = options == null ? Map.of() : options;
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "folder" -> new FolderFrameSource(Path.of(location), clock);
            case "video" -> GrabberFrameSource.videoFile(Path.of(location),
                    Boolean.parseBoolean(given.getOrDefault("loop", "false")) ? GrabberFrameSource.AtEnd.LOOP
                            : GrabberFrameSource.AtEnd.STOP,
                    Boolean.parseBoolean(given.getOrDefault("paced", "true")), clock);
            case "rtsp" -> GrabberFrameSource.stream(location, given, clock);
            case "v4l2" -> GrabberFrameSource.v4l2(location, Integer.parseInt(given.getOrDefault("width", "0")),
                    Integer.parseInt(given.getOrDefault("height", "0")),
                    Double.parseDouble(given.getOrDefault("fps", "0")), clock);
            case "usb" -> GrabberFrameSource.usb(Integer.parseInt(location.trim()), clock);
            default -> throw new IllegalArgumentException("camera source kind '" + kind + "' is not one of " + KINDS);
        };
    }
}
