package io.cncvision.app.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How long to run: seconds as a bare number (120), or a duration (2m, 1h, PT90S). */
final class RunTimeConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            String text = value == null ? "" : value.strip();
            return text.matches("\\d{1,9}") ? TtlConverter.positive("duration", text + "s")
                    : TtlConverter.positive("duration", text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
