package io.cncvision.vision.gauge;

/** A feature could not be measured in an image: what was looked for and why it was not found. */
public class GaugeException extends Exception {

    public GaugeException(String message) {
        super(message);
    }
}
