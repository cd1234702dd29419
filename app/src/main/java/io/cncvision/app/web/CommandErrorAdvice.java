package io.cncvision.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every failure of a command endpoint (the controllers of this package only; the query side
 * answers its own) as {@code application/problem+json} naming the field or the rule.
 *
 * <p>Ordered before Spring Boot's generic problem-details handler, which would otherwise answer an
 * unreadable body with "Failed to read request" and no field.
 */
@RestControllerAdvice(basePackageClasses = CommandErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandErrorAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(CommandErrorAdvice.class);

    @ExceptionHandler(CommandRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CommandRefusedException exception) {
        if (exception.status().is5xxServerError()) {
            LOG.warn("Command not confirmed: {}", exception.getMessage(), exception.getCause());
        }
        return problem(exception.status(), exception.getMessage(), null);
    }

    /** A request field (or path segment) the value types refused. */
    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException exception) {
        return problem(HttpStatus.BAD_REQUEST, exception.getMessage(), exception.field());
    }

    /** A command or value type refused its arguments in its constructor; the message names the field or rule. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidCommand(IllegalArgumentException exception) {
        return problem(HttpStatus.BAD_REQUEST, exception.getMessage(), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException exception) {
        JsonBodyProblem body = JsonBodyProblem.of(exception);
        return problem(HttpStatus.BAD_REQUEST, body.detail(), body.field());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidArgument(MethodArgumentNotValidException exception) {
        FieldError first = exception.getBindingResult().getFieldError();
        String detail = exception.getBindingResult().getAllErrors().stream()
                .map(error -> error instanceof FieldError field
                        ? field.getField() + " " + field.getDefaultMessage()
                        : error.getDefaultMessage())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("the request is not valid");
        return problem(HttpStatus.BAD_REQUEST, detail, first != null ? first.getField() : null);
    }

    /** Anything else: Spring MVC's own errors keep their status; the rest is ours to fix, so 500 with no internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) throws Exception {
        if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            throw exception; // Spring Security answers these (401, 403).
        }
        if (exception instanceof ErrorResponse errorResponse) {
            return ResponseEntity.status(errorResponse.getStatusCode()).headers(errorResponse.getHeaders())
                    .body(errorResponse.getBody());
        }
        LOG.error("Command failed unexpectedly", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "the command failed on the server; its log says why", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
