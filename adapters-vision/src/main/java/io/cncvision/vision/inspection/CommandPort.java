package io.cncvision.vision.inspection;

/**
 * How the vision adapter hands commands to the platform; the app puts them on its command bus, buffered and
 * retried. False when the command could not be taken (the buffer is full): the port counts and logs it.
 */
@FunctionalInterface
public interface CommandPort {

    boolean dispatch(Object command);
}
