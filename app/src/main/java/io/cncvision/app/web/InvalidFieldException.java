package io.cncvision.app.web;

/** A request field that holds no valid value; the answer names it. */
class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
