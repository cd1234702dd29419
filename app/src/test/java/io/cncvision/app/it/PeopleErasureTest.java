package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.app.cli.people.PeopleCommand;
import io.cncvision.app.people.People;
import io.cncvision.app.security.LocalTokens;
import io.cncvision.app.security.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Names stay out of the audit trail: events carry a person's pseudonymous user id, the name lives in the people
 * registry alone, and erasing it there changes no event.
 */
class PeopleErasureTest {

    /** Erin's name and subject: strings that occur nowhere else, so that finding one in an event means it leaked. */
    private static final String NAME = "Erin Quillfeather";
    private static final String SUBJECT = "erin.quillfeather";

    @TempDir
    static Path dataDir;

    static RunningPlatform platform;
    static String admin;
    static String auditor;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.start(dataDir);
        admin = platform.token("admin-ada", Role.ADMIN);
        auditor = platform.token("aud-iris", Role.AUDITOR);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void eventsCarryTheUserIdTheNameResolvesAndErasureLeavesEveryEventAsItWas() {
        String erin = platform.token(SUBJECT, NAME, Role.QUALITY_ENGINEER, Role.QUALITY_MANAGER);
        platform.lathe1WithItsBore(erin, "S-1");
        for (String value : List.of("12.001", "11.999")) {
            assertThat(platform.post("/api/v1/characteristics/pn1234-bore/measurements", erin,
                    "{\"value\": " + value + ", \"gaugeId\": \"cam-1\"}").statusCode()).isEqualTo(200);
        }
        assertThat(platform.post("/api/v1/characteristics/pn1234-bore/control-limits", erin,
                "{\"fromSubgroup\": 1, \"toSubgroup\": 2, \"reason\": \"baseline\"}").statusCode()).isEqualTo(200);
        String id = platform.userId(SUBJECT);
        assertThat(id).matches(People.USER_ID);

        // The id is who acted, in the metadata of every event Erin caused and in the fields that name an approver.
        assertThat(eventsContaining(id)).isGreaterThanOrEqualTo(5);
        assertThat(platform.jdbc().queryForObject("SELECT count(*) FROM eventstore.events WHERE position("
                + "convert_to(?, 'UTF8') IN payload) > 0", Long.class, "\"approvedBy\":\"" + id + "\"")).isOne();
        // Her name and subject are in no event, payload or metadata, in any form the bytes could hold them.
        for (String leak : List.of(NAME, SUBJECT, "Quillfeather", "quillfeather")) {
            assertThat(eventsContaining(leak)).as(leak).isZero();
        }

        // The name resolves, for those who may ask.
        JsonNode person = platform.getJson("/api/v1/people/" + id, auditor);
        assertThat(person.path("displayName").asText()).isEqualTo(NAME);
        assertThat(person.path("erased").asBoolean()).isFalse();
        assertThat(platform.getJson("/api/v1/people", auditor)).anySatisfy(
                entry -> assertThat(entry.path("userId").asText()).isEqualTo(id));
        String operator = platform.token("op-otto", Role.OPERATOR);
        assertThat(platform.get("/api/v1/people/" + id, operator).statusCode()).isEqualTo(403);
        assertThat(platform.get("/api/v1/people", operator).statusCode()).isEqualTo(403);
        HttpResponse<String> malformed = platform.get("/api/v1/people/erin", auditor);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("userId must be a user id", "'erin'");
        assertThat(platform.get("/api/v1/people/u-aaaaaaaaaaaaaaaa", auditor).statusCode()).isEqualTo(404);

        // Erasure: only an administrator, and it touches no event row, not even to rewrite it unchanged.
        long lastBefore = platform.jdbc().queryForObject("SELECT max(global_index) FROM eventstore.events", Long.class);
        String digestBefore = eventsDigest(lastBefore);
        assertThat(platform.delete("/api/v1/people/" + id, platform.token("qm-7", Role.QUALITY_MANAGER))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> erased = platform.delete("/api/v1/people/" + id, admin);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(eventsDigest(lastBefore)).isEqualTo(digestBefore);

        JsonNode gone = platform.getJson("/api/v1/people/" + id, auditor);
        assertThat(gone.path("userId").asText()).isEqualTo(id);
        assertThat(gone.path("erased").asBoolean()).isTrue();
        assertThat(gone.has("displayName")).isFalse();
        assertThat(gone.path("erasedAt").asText()).isNotBlank();
        assertThat(gone.path("erasedBy").asText()).isEqualTo(platform.userId("admin-ada"));
        assertThat(platform.jdbc().queryForObject("SELECT display_name IS NULL AND subject_key IS NULL FROM "
                + "people.person WHERE user_id = ?", Boolean.class, id)).isTrue();
        assertThat(platform.jdbc().queryForObject("SELECT count(*) FROM people.person WHERE display_name LIKE "
                + "'%Quillfeather%'", Long.class)).isZero();
        // The id stays in the events: the trail still says the same person approved the limits.
        assertThat(eventsContaining(id)).isGreaterThanOrEqualTo(5);
        // Erasing again changes nothing and says so.
        HttpResponse<String> again = platform.delete("/api/v1/people/" + id, admin);
        assertThat(RunningPlatform.json(again.body()).path("erasedAt").asText()).isEqualTo(gone.path("erasedAt").asText());

        // Signing in again, Erin is a stranger: a new id, with her name, and nothing links it to the old one.
        String erinAgain = platform.token(SUBJECT, NAME, Role.QUALITY_ENGINEER);
        assertThat(platform.post("/api/v1/characteristics/pn1234-bore/measurements", erinAgain,
                "{\"value\": 12.000, \"gaugeId\": \"cam-1\"}").statusCode()).isEqualTo(200);
        String newId = platform.userId(SUBJECT);
        assertThat(newId).isNotEqualTo(id).matches(People.USER_ID);
        assertThat(eventsContaining(newId)).isPositive();
        assertThat(platform.getJson("/api/v1/people/" + newId, auditor).path("displayName").asText()).isEqualTo(NAME);
        assertThat(eventsContaining(NAME)).isZero();
    }

    @Test
    void concurrentFirstSightsOfOnePersonEndWithOneId() throws Exception {
        People people = platform.context().getBean(People.class);
        int callers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            List<Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return ids.add(people.userIdFor(LocalTokens.ISSUER, "pat.first-sight", "Pat"));
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
            assertThat(ids).hasSize(1);
            assertThat(platform.jdbc().queryForObject("SELECT count(*) FROM people.person WHERE display_name = 'Pat'",
                    Long.class)).isOne();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCommandLineErasesThroughTheInstancesDatabaseAndNamesWhatIsWrong() {
        String olga = platform.token("olga-cli", "Olga Commandline", Role.OPERATOR);
        assertThat(platform.get("/api/v1/nonconformances", olga).statusCode()).isEqualTo(200);
        String id = platform.userId("olga-cli");
        String url = platform.jdbcUrl();

        Run run = people("erase", id, "--db", url);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("erased the name behind " + id);
        JsonNode gone = platform.getJson("/api/v1/people/" + id, auditor);
        assertThat(gone.path("erased").asBoolean()).isTrue();
        assertThat(gone.path("erasedBy").asText()).isEqualTo(People.COMMAND_LINE);

        assertThat(people("erase", id, "--db", url).out()).contains("was erased already");
        Run unknown = people("erase", "u-aaaaaaaaaaaaaaaa", "--db", url);
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("no person has the user id 'u-aaaaaaaaaaaaaaaa'");
        Run malformed = people("erase", "olga", "--db", url);
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.err()).contains("USER_ID must be a user id", "'olga'");
        Run inUse = people("erase", id, "--data-dir", dataDir.toString());
        assertThat(inUse.status()).isEqualTo(2);
        assertThat(inUse.err()).contains("is in use", "--db");
    }

    private static long eventsContaining(String text) {
        return platform.jdbc().queryForObject("""
                SELECT count(*) FROM eventstore.events
                WHERE position(convert_to(?, 'UTF8') IN payload) > 0
                   OR position(convert_to(?, 'UTF8') IN coalesce(meta_data, ''::bytea)) > 0
                """, Long.class, text, text);
    }

    /** Every column of every event row up to {@code last}, and where each row lies (ctid): an update would move it. */
    private static String eventsDigest(long last) {
        return platform.jdbc().queryForObject("""
                SELECT count(*) || ':' || md5(string_agg(ctid::text || '|' || global_index || '|' || event_identifier
                    || '|' || coalesce(aggregate_type, '') || '|' || aggregate_identifier || '|' || sequence_number
                    || '|' || event_type || '|' || coalesce(payload_revision, '') || '|' || time_stamp || '|'
                    || encode(payload, 'hex') || '|' || coalesce(encode(meta_data, 'hex'), ''), ',' ORDER BY global_index))
                FROM eventstore.events WHERE global_index <= ?
                """, String.class, last);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run people(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new PeopleCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(arguments);
        return new Run(status, out.toString(), err.toString());
    }
}
