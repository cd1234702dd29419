package io.cncvision.app.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * What was wrong with a request body that could not be read, in words a client can act on: the field
 * (a path such as {@code nominal}) and the rule, or the line and column where the JSON breaks.
 */
record JsonBodyProblem(String field, String detail) {

    static JsonBodyProblem of(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        // Broken JSON inside a list or nested object arrives wrapped in a mapping exception; the parser knows the place.
        if (cause instanceof JsonMappingException && cause.getCause() instanceof JsonParseException parse) {
            return ofParse(parse);
        }
        if (cause instanceof JsonMappingException mapping) {
            return ofMapping(mapping);
        }
        if (cause instanceof JsonParseException parse) {
            return ofParse(parse);
        }
        String message = String.valueOf(exception.getMessage());
        if (cause == null && message.startsWith("Required request body is missing")) {
            return new JsonBodyProblem(null, "a JSON request body is required");
        }
        return new JsonBodyProblem(null, "the request body is not readable JSON: "
                + (cause != null ? cause.getMessage() : message));
    }

    private static JsonBodyProblem ofMapping(JsonMappingException mapping) {
        String field = path(mapping.getPath());
        String rule;
        if (mapping instanceof ValueInstantiationException || mapping.getCause() instanceof IllegalArgumentException) {
            // A value type or record refused the value in its constructor: its message names the rule.
            rule = rootCause(mapping).getMessage();
        } else if (mapping instanceof InvalidFormatException format) {
            rule = "cannot read " + quoted(format.getValue()) + " as " + expected(format.getTargetType());
        } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            rule = "expected " + expected(mismatch.getTargetType());
        } else {
            rule = mapping.getOriginalMessage();
        }
        return new JsonBodyProblem(field, field == null ? rule : field + ": " + rule);
    }

    private static JsonBodyProblem ofParse(JsonParseException parse) {
        String field = parse.getProcessor() != null ? pointerPath(parse.getProcessor()) : null;
        JsonLocation location = parse.getLocation();
        StringBuilder detail = new StringBuilder("malformed JSON");
        if (location != null && location.getLineNr() > 0) {
            detail.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        if (field != null) {
            detail.append(" (field ").append(field).append(')');
        }
        detail.append(": ").append(parseRule(parse));
        return new JsonBodyProblem(field, detail.toString());
    }

    private static String parseRule(JsonParseException parse) {
        if (parse instanceof JsonEOFException) {
            return "the body ends before the JSON does";
        }
        String message = String.valueOf(parse.getOriginalMessage());
        if (message.startsWith("Non-standard token")) {
            // Jackson suggests a parser feature; the client needs to know the rule instead.
            return "NaN and Infinity are not JSON numbers; send a finite number";
        }
        return message;
    }

    private static String pointerPath(JsonParser parser) {
        if (parser.getParsingContext() == null) {
            return null;
        }
        JsonPointer pointer = parser.getParsingContext().pathAsPointer();
        String path = pointer.toString();
        if (path.isEmpty()) {
            return null;
        }
        // "/a/0/b" -> "a[0].b"
        StringBuilder field = new StringBuilder();
        for (String segment : path.substring(1).split("/")) {
            if (segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
                field.append('[').append(segment).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }

    /** "specification.lsl", "values[2]"; null for the body itself. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable current = throwable;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static String quoted(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-25T10:00:00Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }
}
