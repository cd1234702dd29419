package io.cncvision.projection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.ParsedSql;

/**
 * The schema a set of read models lives in: {@code readmodel}, kept live by the projections, or a replay of the
 * plant as of a moment ({@code asof_20260301t100000z}). Projections and queries name {@code readmodel.} in their
 * SQL; {@link #jdbc} hands them a template that sends the same SQL to this schema instead.
 */
public record ReadModelSchema(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern LIVE_PREFIX = Pattern.compile("\\breadmodel\\.");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    public static final ReadModelSchema LIVE = new ReadModelSchema("readmodel");

    public ReadModelSchema {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name '" + name
                    + "' must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit");
        }
    }

    /** The replay of every read model as of the instant: {@code asof_yyyymmddthhmmss[_nanos]z}. */
    public static ReadModelSchema asOf(Instant asOf) {
        String seconds = SECONDS.format(asOf).toLowerCase();
        String fraction = asOf.getNano() == 0 ? ""
                : "_" + String.format("%09d", asOf.getNano()).replaceFirst("0+$", "");
        return new ReadModelSchema("asof_" + seconds + fraction + "z");
    }

    /** A replay of one processing group's read models only: never mistaken for the whole plant's. */
    public ReadModelSchema onlyFor(String processingGroup) {
        return new ReadModelSchema(name + "_" + processingGroup.toLowerCase().replaceAll("[^a-z0-9]", "_"));
    }

    public boolean live() {
        return equals(LIVE);
    }

    /** A template whose statements, written for {@code readmodel}, reach this schema's tables. */
    public NamedParameterJdbcTemplate jdbc(JdbcTemplate jdbc) {
        return live() ? new NamedParameterJdbcTemplate(jdbc) : new Redirected(jdbc, name);
    }

    /** Rewrites {@code readmodel.} before the SQL is parsed; every query, update and batch is parsed first. */
    private static final class Redirected extends NamedParameterJdbcTemplate {

        private final String replacement;

        Redirected(JdbcTemplate jdbc, String schema) {
            super(jdbc);
            this.replacement = Matcher.quoteReplacement(schema + ".");
        }

        @Override
        protected ParsedSql getParsedSql(String sql) {
            return super.getParsedSql(LIVE_PREFIX.matcher(sql).replaceAll(replacement));
        }
    }
}
