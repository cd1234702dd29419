package io.cncvision.app.web;

import org.springframework.http.HttpStatus;

/** A command the platform did not record, with the HTTP status and the reason the caller is told. */
class CommandRefusedException extends RuntimeException {

    private final HttpStatus status;

    CommandRefusedException(HttpStatus status, String reason, Throwable cause) {
        super(reason, cause);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
