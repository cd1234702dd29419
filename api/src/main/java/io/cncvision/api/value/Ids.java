package io.cncvision.api.value;

import java.util.regex.Pattern;

/** Shared checks for the identifiers of the domain, so every id type refuses bad values the same way. */
final class Ids {

    /** URL-safe: letters, digits, dot, dash, underscore; starts with a letter or digit; at most 64 characters. */
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {
    }

    static String slug(String kind, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank");
        }
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " '" + value
                    + "' must be 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return value;
    }

    static String text(String kind, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(kind + " must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(kind + " must not contain control characters");
        }
        return value;
    }

    static double finite(String kind, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(kind + " must be a finite number, not " + value);
        }
        return value;
    }
}
