package io.cncvision.cnc.mtconnect;

import java.util.List;

/** An agent's MTConnectError answer: e.g. {@code OUT_OF_RANGE} when a sample starts before its buffer. */
public record ErrorDocument(String instanceId, List<Error> errors) implements MtConnectDocument {

    public ErrorDocument {
        errors = List.copyOf(errors);
    }

    public boolean has(String errorCode) {
        return errors.stream().anyMatch(error -> errorCode.equals(error.errorCode()));
    }

    @Override
    public String toString() {
        return errors.stream().map(error -> error.errorCode() + ": " + error.text()).toList().toString();
    }

    /** One error: its code (OUT_OF_RANGE, INVALID_REQUEST, NO_DEVICE, ...) and the agent's text. */
    public record Error(String errorCode, String text) {
    }
}
