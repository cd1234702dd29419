package io.cncvision.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts between {@link Instant} and the TIMESTAMPTZ columns of the read models, so both sides agree. */
public final class SqlTime {

    private SqlTime() {
    }

    /** The value to bind for a TIMESTAMPTZ parameter; null stays null. */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The instant a TIMESTAMPTZ column holds, or null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
