package io.cncvision.app.it;

import static io.cncvision.app.it.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cncvision.app.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged command survives a crash of the database: cameras keep recording measurements over REST
 * while PostgreSQL is killed with SIGKILL (no shutdown, no checkpoint: the last commits are only in the
 * WAL), and after the platform starts again on the same data directory every measurement answered
 * RECORDED is in the audit trail, in order, with at most the one that was in flight beside them.
 *
 * <p>Killing the process cannot take away what the kernel already holds in its page cache; a power cut
 * could. So the test also checks the settings that make a commit reach the disk before it is acknowledged:
 * fsync and synchronous_commit on.
 */
class DurabilityTest {

    private static final int CAMERAS = 4;
    // Measurements acknowledged, all cameras together, before the database is killed.
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    // Upper bound per camera, in case the kill never comes; stays below the audit page of 1000 events.
    private static final int MAX_PER_CAMERA = 400;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedMeasurementsSurviveKillOfPostgres() throws Exception {
        // Per camera, in sending order: the source message ids answered RECORDED.
        List<List<String>> acknowledged = new ArrayList<>();
        for (int c = 0; c < CAMERAS; c++) {
            acknowledged.add(new CopyOnWriteArrayList<>());
        }

        // A pool that gives up quickly: with its database dead, closing the instance would otherwise wait
        // Hikari's default 30 s for each connection that shutdown asks for.
        try (RunningPlatform first = RunningPlatform.start(dataDir, "--spring.datasource.hikari.connection-timeout=1000")) {
            assertThat(first.jdbc().queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(first.jdbc().queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");

            String engineer = first.token("qe-quinn", Role.QUALITY_ENGINEER);
            for (int c = 0; c < CAMERAS; c++) {
                HttpResponse<String> defined = first.post("/api/v1/characteristics", engineer, definition(c));
                assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
            }

            // One camera per characteristic, each sending one measurement after the other until one is not
            // acknowledged (or it fails to reach the platform at all).
            String token = first.token("cam-durable", Role.MACHINE);
            ExecutorService cameras = Executors.newFixedThreadPool(CAMERAS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CAMERAS; c++) {
                    int camera = c;
                    done.add(cameras.submit(() -> {
                        for (int m = 0; m < MAX_PER_CAMERA; m++) {
                            String id = sourceMessageId(camera, m);
                            HttpResponse<String> response;
                            try {
                                response = first.post(measurements(camera), token, "{\"value\": "
                                        + (10.0 + (m % 7) * 0.001) + ", \"gaugeId\": \"cam-" + camera
                                        + "\", \"sourceMessageId\": \"" + id + "\"}");
                            } catch (UncheckedIOException e) {
                                return;
                            }
                            if (response.statusCode() != 200) {
                                return;
                            }
                            assertThat(json(response.body()).path("outcome").asText()).isEqualTo("RECORDED");
                            acknowledged.get(camera).add(id);
                        }
                    }));
                }

                await().atMost(WAIT).pollInterval(Duration.ofMillis(5))
                        .until(() -> total(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL);
                // Mid-stream: each camera has a request in flight.
                killPostgres(dataDir.resolve("postgres"));

                for (Future<?> future : done) {
                    future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
            } finally {
                cameras.shutdownNow();
            }
            assertThat(total(acknowledged)).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            // Closing the instance now logs the failures of a platform whose database is gone; that is expected.
        }

        try (RunningPlatform second = RunningPlatform.start(dataDir)) {
            String auditor = second.token("aud-iris", Role.AUDITOR);
            for (int c = 0; c < CAMERAS; c++) {
                List<String> recorded = second.auditEvents(characteristicId(c), auditor).stream()
                        .filter(event -> event.path("type").asText().equals("MeasurementRecorded"))
                        .map(event -> event.path("payload").path("sourceMessageId").asText())
                        .toList();
                List<String> acked = acknowledged.get(c);
                // Everything acknowledged, in order, without a hole; beyond it at most the one request that was
                // in flight, committed but not answered before the database died.
                assertThat(recorded).as("measurements of %s", characteristicId(c))
                        .startsWith(acked.toArray(String[]::new));
                assertThat(recorded.size()).as("measurements of %s beyond the %d acknowledged",
                        characteristicId(c), acked.size()).isBetween(acked.size(), acked.size() + 1);
                int camera = c;
                assertThat(recorded).containsExactlyElementsOf(IntStream.range(0, recorded.size())
                        .mapToObj(m -> sourceMessageId(camera, m)).toList());
            }
        }
    }

    private static int total(List<List<String>> acknowledged) {
        return acknowledged.stream().mapToInt(List::size).sum();
    }

    /**
     * SIGKILL to the postmaster, as the kernel's OOM killer would end it; then waits for its
     * backends, which notice their postmaster is gone, so that the next start finds no one on the data.
     */
    private static void killPostgres(Path pgData) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(
                () -> new AssertionError("no PostgreSQL process " + pid + " on " + pgData));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        assertThat(postmaster.destroyForcibly()).as("SIGKILL to PostgreSQL pid %d", pid).isTrue();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<ProcessHandle> all = new ArrayList<>(backends);
        all.add(postmaster);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        assertThat(all.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toList()))
                .as("PostgreSQL processes still alive after SIGKILL of the postmaster").isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String characteristicId(int c) {
        return "pn-durable-" + c;
    }

    private static String measurements(int c) {
        return "/api/v1/characteristics/" + characteristicId(c) + "/measurements";
    }

    private static String sourceMessageId(int c, int m) {
        return "cam-" + c + "/" + String.format("%06d", m);
    }

    private static String definition(int c) {
        return "{\"characteristicId\": \"" + characteristicId(c) + "\", \"partNumber\": \"PN-DUR\", \"name\": \"Durable "
                + c + "\", \"unit\": \"mm\", \"nominal\": 10.0, \"lsl\": 9.9, \"usl\": 10.1, \"subgroupSize\": 5, "
                + "\"chart\": \"xbar-r\"}";
    }
}
