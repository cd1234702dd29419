package io.cncvision.vision.defect;

import java.nio.file.Path;

/** A file that could not be classified because it is empty, truncated or not an image; the message names it. */
public class UnreadableImageException extends Exception {

    private final transient Path file;

    public UnreadableImageException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
