package io.cncvision.app.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded PostgreSQL with the settings an audit trail needs; shared by the app and the tools. */
public final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    /** The database the platform keeps its event store and read models in. */
    public static final String DATABASE = "cncvision";

    private EmbeddedPostgresLauncher() {
    }

    public static EmbeddedPostgres start(Path pgData, int port) throws IOException {
        stopOrphanedPostmaster(pgData);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Durability: an acknowledged commit is on disk before the client hears of it.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .start();
    }

    /**
     * A platform killed with SIGKILL leaves its PostgreSQL running on the data directory, which would keep
     * the next start waiting forever. Such a server has no clients left, so it is asked to shut down
     * (SIGTERM: a clean shutdown that writes a checkpoint) before a new one starts.
     */
    static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(pgData);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("PostgreSQL (pid {}) left running on {} by an earlier run; shutting it down", process.pid(), pgData);
        process.destroy();
        Instant deadline = Instant.now().plus(STOP_WAIT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for PostgreSQL pid " + process.pid() + " to stop", e);
            }
        }
        if (process.isAlive()) {
            throw new IOException("PostgreSQL pid " + process.pid() + " still runs on " + pgData + " after "
                    + STOP_WAIT.toSeconds() + " s; stop it, then start again");
        }
    }

    /** The PostgreSQL running on the data directory, if any: a running platform's, or one a killed one left. */
    public static Optional<ProcessHandle> runningPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }
}
