package io.cncvision.app.cli.audit;

import io.cncvision.app.store.EmbeddedPostgresLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database an {@code audit} or {@code people} command uses: a running instance's, named by
 * {@code --db JDBC_URL}, or else the embedded PostgreSQL on the data directory, started for the command alone (no
 * platform), which is refused while the platform itself runs on it.
 */
public final class AuditDatabase implements AutoCloseable {

    static final String DATABASE = "cncvision";

    private final DataSource dataSource;
    private final EmbeddedPostgres embedded;

    private AuditDatabase(DataSource dataSource, EmbeddedPostgres embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    /** Opens and checks the database; the message of a failure says what is wrong and what to do. */
    public static AuditDatabase open(String jdbcUrl, String user, Path dataDir) throws UnusableDatabaseException {
        AuditDatabase database = jdbcUrl != null ? external(jdbcUrl, user) : embedded(dataDir);
        try (Connection connection = database.dataSource.getConnection();
             var statement = connection.createStatement();
             var row = statement.executeQuery("SELECT to_regclass('eventstore.events') IS NOT NULL")) {
            if (!row.next() || !row.getBoolean(1)) {
                database.close();
                throw new UnusableDatabaseException("the database " + database.describe(jdbcUrl, dataDir)
                        + " has no event store (eventstore.events): is it a cncvision database?");
            }
        } catch (SQLException e) {
            database.close();
            throw new UnusableDatabaseException("cannot connect to " + database.describe(jdbcUrl, dataDir) + ": "
                    + e.getMessage());
        }
        return database;
    }

    private String describe(String jdbcUrl, Path dataDir) {
        return jdbcUrl != null ? jdbcUrl : "the embedded PostgreSQL on " + dataDir.resolve("postgres");
    }

    private static AuditDatabase external(String jdbcUrl, String user) throws UnusableDatabaseException {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new UnusableDatabaseException("--db must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://localhost:5432/cncvision, not '" + jdbcUrl + "'");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new UnusableDatabaseException("--db '" + jdbcUrl + "' is not a valid JDBC URL: " + e.getMessage());
        }
        if (dataSource.getUser() == null) {
            dataSource.setUser(user);
        }
        String password = System.getenv("PGPASSWORD");
        if (dataSource.getPassword() == null && password != null) {
            dataSource.setPassword(password);
        }
        return new AuditDatabase(dataSource, null);
    }

    private static AuditDatabase embedded(Path dataDir) throws UnusableDatabaseException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        if (!Files.isDirectory(pgData)) {
            throw new UnusableDatabaseException("no database in " + pgData + ": pass the instance's --data-dir, or "
                    + "--db JDBC_URL for an instance elsewhere");
        }
        Long running = runningPostmaster(pgData);
        if (running != null) {
            throw new UnusableDatabaseException("the database on " + pgData + " is in use (PostgreSQL pid " + running
                    + ", most likely a running platform); pass --db jdbc:postgresql://localhost:"
                    + port(pgData) + "/" + DATABASE + " to read it through that server");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(pgData, 0);
            return new AuditDatabase(postgres.getDatabase("postgres", DATABASE), postgres);
        } catch (IOException e) {
            throw new UnusableDatabaseException("cannot start the embedded PostgreSQL on " + pgData + ": "
                    + e.getMessage());
        }
    }

    /** The pid of a live postmaster on the directory, or null. */
    private static Long runningPostmaster(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            long pid = Long.parseLong(lines.get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String port(Path pgData) {
        try {
            return Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).strip();
        } catch (IOException | RuntimeException e) {
            return "PORT";
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the server stops with the process anyway; the pack is written or the error already said
            }
        }
    }

    /** The database cannot be used; the message says why and what to do. */
    public static final class UnusableDatabaseException extends Exception {
        UnusableDatabaseException(String message) {
            super(message);
        }
    }
}
