package io.cncvision.app.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads request fields into the domain's value types, which check themselves; a value they refuse
 * becomes an {@link InvalidFieldException} naming the request field it came from.
 */
final class RequestFields {

    private RequestFields() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, field + " is required");
        }
        return value;
    }

    /** The value the parser makes of a required field, such as {@code MachineId::of}. */
    static <T> T parse(String field, String raw, Function<String, T> parser) {
        return parseOptional(field, required(field, raw), parser);
    }

    /** As {@link #parse}, but an absent field is null. */
    static <T> T parseOptional(String field, String raw, Function<String, T> parser) {
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    /** The constant of a required enum field, by name, ignoring case and accepting '-' for '_'. */
    static <E extends Enum<E>> E constant(String field, String raw, Class<E> type) {
        String name = required(field, raw).strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, field + " '" + raw + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
