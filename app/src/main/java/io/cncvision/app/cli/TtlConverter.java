package io.cncvision.app.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a token lifetime: {@code 90s}, {@code 30m}, {@code 8h}, {@code 2d}, or an ISO-8601 duration ({@code PT8H}). */
final class TtlConverter implements ITypeConverter<Duration> {

    /** Longer-lived tokens are better issued by a real identity provider, which can revoke them. */
    static final Duration MAX = Duration.ofDays(366);

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static Duration parse(String value) {
        Duration ttl = positive("ttl", value);
        if (ttl.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("ttl '" + value + "' is longer than the most allowed, " + MAX.toDays() + "d");
        }
        return ttl;
    }

    /** {@code value} as a positive duration (30s, 8h, 2d, PT8H); {@code what} names it in errors. */
    static Duration positive(String what, String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Duration ttl;
        Matcher shortForm = SHORT.matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            ttl = switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                ttl = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(what + " '" + value
                        + "' is not a duration: write 30m, 8h, 2d or an ISO-8601 duration such as PT8H");
            }
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be positive");
        }
        return ttl;
    }
}
