package io.cncvision.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.projection.ReadModelSchema;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** At most {@code keep} replays are kept, the least recently used dropped first, never one in use or being built. */
class StoredReplaysTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant A = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant B = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant C = Instant.parse("2026-03-03T10:00:00Z");
    private static final Instant D = Instant.parse("2026-03-04T10:00:00Z");
    private static final Instant E = Instant.parse("2026-03-05T10:00:00Z");

    @RegisterExtension
    static final ReplayDatabase database = new ReplayDatabase();

    private final ReplayDatabase.MovingClock clock = new ReplayDatabase.MovingClock(T0);

    @Test
    void aReplayPastTheCapDropsTheLeastRecentlyUsedOnes() {
        StoredReplays stored = stored(3);
        Replay replay = replay(stored);
        replay.run(A, null);
        clock.advance(Duration.ofMinutes(2));
        replay.run(B, null);
        clock.advance(Duration.ofMinutes(2));
        replay.run(C, null);
        clock.advance(Duration.ofMinutes(2));
        assertThat(stored.touch(schema(A))).isTrue(); // read again: now the most recently used

        clock.advance(Duration.ofMinutes(10));
        replay.run(D, null);
        assertThat(schemas()).containsExactly(name(A), name(C), name(D));

        clock.advance(Duration.ofMinutes(10));
        replay.run(E, null);
        assertThat(schemas()).containsExactly(name(A), name(D), name(E));
        assertThat(stored.list()).extracting(StoredReplays.Stored::lastUsed)
                .containsExactly(T0.plus(Duration.ofMinutes(6)), T0.plus(Duration.ofMinutes(16)),
                        T0.plus(Duration.ofMinutes(26)));
    }

    @Test
    void aReplayOfAnInstantKeptReplacesItWithoutDroppingAnother() {
        StoredReplays stored = stored(2);
        Replay replay = replay(stored);
        replay.run(A, null);
        clock.advance(Duration.ofMinutes(5));
        replay.run(B, null);
        clock.advance(Duration.ofMinutes(5));

        replay.run(B, null);

        assertThat(schemas()).containsExactly(name(A), name(B));
    }

    @Test
    void aReplayUsedWithinTheLastMinuteIsNotDroppedAndTheCapWaits() {
        StoredReplays stored = stored(1);
        Replay replay = replay(stored);
        replay.run(A, null);
        clock.advance(Duration.ofMinutes(10));
        stored.touch(schema(A));
        clock.advance(Duration.ofSeconds(10));

        replay.run(B, null);
        assertThat(schemas()).as("A was handed to a reader 10 s ago").containsExactly(name(A), name(B));

        clock.advance(Duration.ofMinutes(2));
        replay.run(C, null);
        assertThat(schemas()).containsExactly(name(C));
    }

    @Test
    void aReplayBeingReadIsNotDroppedTheNextLeastRecentlyUsedIs() throws Exception {
        StoredReplays stored = stored(2);
        Replay replay = replay(stored);
        replay.run(A, null);
        clock.advance(Duration.ofMinutes(2));
        replay.run(B, null);
        clock.advance(Duration.ofMinutes(10));

        try (Connection reader = database.dataSource().getConnection()) {
            reader.setAutoCommit(false);
            try (var read = reader.createStatement()) {
                read.executeQuery("SELECT * FROM " + name(A) + ".characteristic").close();
            }
            replay.run(C, null); // A's tables are held by the open read
            assertThat(schemas()).containsExactly(name(A), name(C));
            reader.commit();
        }
    }

    @Test
    void leftoversOfInterruptedReplaysAreDroppedButNotOneBeingWritten() {
        StoredReplays stored = stored(20);
        replay(stored).run(A, null);
        ReadModelSchema interrupted = new ReadModelSchema(name(B) + "_wip_1a2b3c");
        ReadModelSchema beingWritten = new ReadModelSchema(name(C) + "_wip_4d5e6f");
        database.jdbc().execute("CREATE SCHEMA " + interrupted.name());
        database.jdbc().execute("CREATE TABLE " + interrupted.name() + ".characteristic (characteristic_id TEXT)");
        database.jdbc().execute("CREATE SCHEMA " + name(D)); // a replay whose unlogged record a crash emptied
        database.jdbc().execute("CREATE TABLE " + name(D) + "." + Replay.RECORD + " (as_of TIMESTAMPTZ)");
        try (StoredReplays.Writing writing = stored.writing(beingWritten)) {
            database.jdbc().execute("CREATE SCHEMA " + beingWritten.name());

            assertThat(stored.dropLeftovers(null)).containsExactlyInAnyOrder(interrupted.name(), name(D));

            assertThat(schemas()).containsExactly(name(A), beingWritten.name());
            assertThat(stored.drop(schema -> true).inUse()).containsExactly(beingWritten.name());
        }
        assertThat(stored.dropLeftovers(null)).containsExactly(beingWritten.name());
    }

    @Test
    void aNewReplayOfAnInstantFirstDropsWhatAnInterruptedReplayOfItLeft() {
        StoredReplays stored = stored(20);
        String leftOfA = name(A) + "_wip_abcdef";
        String leftOfB = name(B) + "_wip_abcdef";
        database.jdbc().execute("CREATE SCHEMA " + leftOfA);
        database.jdbc().execute("CREATE SCHEMA " + leftOfB);

        replay(stored).run(A, null);

        assertThat(schemas()).containsExactly(name(A), leftOfB);
    }

    @Test
    void aCapBelowOneIsRefusedNamingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stored(0))
                .hasMessageContaining("cncvision.audit.replay.keep must be at least 1");
    }

    private StoredReplays stored(int keep) {
        return new StoredReplays(database.dataSource(), clock, keep, Duration.ofMinutes(1));
    }

    private Replay replay(StoredReplays stored) {
        return new Replay(database.dataSource(), Replay.standaloneSerializer(), null, clock, stored);
    }

    private static ReadModelSchema schema(Instant asOf) {
        return ReadModelSchema.asOf(asOf);
    }

    private static String name(Instant asOf) {
        return schema(asOf).name();
    }

    private static List<String> schemas() {
        return database.jdbc().queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'asof\\_%' ORDER BY 1",
                String.class);
    }
}
