package io.cncvision.vision.gauge;

/** A recipe that cannot be used; the message names the file and the field. */
public class RecipeException extends Exception {

    public RecipeException(String message) {
        super(message);
    }

    public RecipeException(String message, Throwable cause) {
        super(message, cause);
    }
}
