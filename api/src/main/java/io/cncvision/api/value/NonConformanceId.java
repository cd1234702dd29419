package io.cncvision.api.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/** A nonconformance report (NCR) number: URL-safe, 1-64 characters (NCR-20261125-7F3A9C01B2). */
public record NonConformanceId(@JsonValue String value) {

    public NonConformanceId {
        Ids.slug("non conformance id", value);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    @JsonCreator
    public static NonConformanceId of(String value) {
        return new NonConformanceId(value);
    }

    /** A new report number for a nonconformance opened at {@code openedAt}: its day and 40 random bits. */
    public static NonConformanceId next(Instant openedAt) {
        return of(String.format(Locale.ROOT, "NCR-%s-%010X", DAY.format(openedAt), RANDOM.nextLong() & 0xFF_FFFF_FFFFL));
    }

    /**
     * The report number of the nonconformance {@code trigger} opens (a rejected part's serial, a signal): the
     * trigger's day and 40 bits of its digest, so that the same trigger handled again opens the same report.
     */
    public static NonConformanceId forTrigger(Instant at, String trigger) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(trigger.getBytes(StandardCharsets.UTF_8));
            return of("NCR-" + DAY.format(at) + "-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 5));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
