package io.cncvision.app.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The people registry ({@code people.person}): a pseudonymous user id per (issuer, subject), and the display name
 * behind it until it is erased. A person once seen costs no database round trip for {@link #REVALIDATE_AFTER}; then
 * one statement confirms the id (and records the sighting), so an erasure made by another process takes effect
 * within that time, and one made here at once.
 */
@Component
public class People implements UserIds {

    /** How long a known id is trusted from memory before the registry is asked again. */
    static final Duration REVALIDATE_AFTER = Duration.ofMinutes(5);
    /** Who erased a name when it was done on the command line, not through the API. */
    public static final String COMMAND_LINE = "command line";
    /** What every user id looks like: {@code u-} and 16 base32 characters (80 random bits). */
    public static final Pattern USER_ID = Pattern.compile("u-[a-z2-7]{16}");

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int DISPLAY_NAME_MAX = 400;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** By hex subject key: the subject itself is not kept, in memory either. */
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** Counts erasures here, so that an id read before one is not cached after it. */
    private final AtomicLong erasures = new AtomicLong();

    public People(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    private record Known(String userId, String displayName, Instant confirmedAt) {
    }

    /** What {@link #erase} found. */
    public enum Erasure { ERASED, ALREADY_ERASED, NO_SUCH_PERSON }

    @Override
    public String userIdFor(String issuer, String subject, String displayName) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a person needs a subject");
        }
        String name = displayName == null || displayName.isBlank() ? subject : displayName.strip();
        if (name.length() > DISPLAY_NAME_MAX) {
            name = name.substring(0, DISPLAY_NAME_MAX);
        }
        byte[] key = subjectKey(issuer, subject);
        String cacheKey = HexFormat.of().formatHex(key);
        Instant now = clock.instant();
        Known seen = known.get(cacheKey);
        if (seen != null && seen.displayName().equals(name) && now.isBefore(seen.confirmedAt().plus(REVALIDATE_AFTER))) {
            return seen.userId();
        }
        // First sight, or time to confirm: one statement either way. Of concurrent first sights one inserts and the
        // others meet its row, so all of them end with its id.
        long erasuresBefore = erasures.get();
        String userId = jdbc.queryForObject("""
                INSERT INTO people.person (user_id, subject_key, display_name, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (subject_key) DO UPDATE SET display_name = EXCLUDED.display_name,
                                                        last_seen = EXCLUDED.last_seen
                RETURNING user_id
                """, String.class, newUserId(), key, name, Timestamp.from(now), Timestamp.from(now));
        known.put(cacheKey, new Known(userId, name, now));
        if (erasures.get() != erasuresBefore) {
            // An erasure ran meanwhile and may have cleared the entry just put back: ask the registry next time.
            known.remove(cacheKey);
        }
        return userId;
    }

    /** The user id of the person the issuer knows as the subject, without recording a sighting; empty if none. */
    public Optional<String> userIdOf(String issuer, String subject) {
        return jdbc.queryForList("SELECT user_id FROM people.person WHERE subject_key = ?", String.class,
                subjectKey(issuer, subject)).stream().findFirst();
    }

    /** The person with this id, erased or not; empty for an id never given. */
    public Optional<Person> find(String userId) {
        return jdbc.query("SELECT * FROM people.person WHERE user_id = ?", People::person, userId).stream().findFirst();
    }

    /** Everyone, in the order first seen. */
    public List<Person> all() {
        return jdbc.query("SELECT * FROM people.person ORDER BY first_seen, user_id", People::person);
    }

    /** The people with these ids, by id; ids never given are absent. */
    public Map<String, Person> find(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return new NamedParameterJdbcTemplate(jdbc)
                .query("SELECT * FROM people.person WHERE user_id IN (:ids)", Map.of("ids", userIds), People::person)
                .stream().collect(Collectors.toMap(Person::userId, Function.identity()));
    }

    /**
     * Erases the person's name and the key to their subject, keeping the id and recording when and by whom. No
     * event changes. The same subject signing in later is a stranger and gets a new id.
     */
    public Erasure erase(String userId, String erasedBy) {
        int erased = jdbc.update("""
                UPDATE people.person SET display_name = NULL, subject_key = NULL, erased_at = ?, erased_by = ?
                WHERE user_id = ? AND erased_at IS NULL
                """, Timestamp.from(clock.instant()), erasedBy, userId);
        erasures.incrementAndGet();
        known.values().removeIf(seen -> seen.userId().equals(userId));
        if (erased == 1) {
            return Erasure.ERASED;
        }
        return find(userId).isPresent() ? Erasure.ALREADY_ERASED : Erasure.NO_SUCH_PERSON;
    }

    /** SHA-256 of the issuer, a line feed and the subject: the registry's key, with no subject in clear. */
    static byte[] subjectKey(String issuer, String subject) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return sha256.digest(((issuer == null ? "" : issuer) + "\n" + subject).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private String newUserId() {
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        StringBuilder id = new StringBuilder("u-");
        // 80 bits, five at a time.
        long high = 0;
        int buffered = 0;
        for (byte b : bits) {
            high = (high << 8) | (b & 0xff);
            buffered += 8;
            while (buffered >= 5) {
                id.append(BASE32[(int) (high >>> (buffered - 5)) & 31]);
                buffered -= 5;
            }
        }
        return id.toString();
    }

    private static Person person(ResultSet row, int rowNumber) throws SQLException {
        return new Person(row.getString("user_id"), row.getString("display_name"), instant(row, "first_seen"),
                instant(row, "last_seen"), instant(row, "erased_at"), row.getString("erased_by"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
