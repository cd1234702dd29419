package io.cncvision.query;

/** Thrown by a query handler when the thing asked for does not exist; the REST API answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super(kind + " '" + id + "' not found");
    }
}
