package io.cncvision.app.cli.audit;

import picocli.CommandLine.Option;

/** The {@code --db} and {@code --db-user} options of the audit commands that read an instance's database. */
public class DatabaseOptions {

    static final String DEFAULT_USER = "postgres";

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "A running instance's database, e.g. jdbc:postgresql://localhost:5432/cncvision, the URL "
                    + "its log names (password from PGPASSWORD).")
    String db;

    @Option(names = "--db-user", defaultValue = DEFAULT_USER, paramLabel = "USER",
            description = "Database user when the URL names none. Default: ${DEFAULT-VALUE}.")
    String dbUser;

    /** The JDBC URL given, or null for none. */
    public String url() {
        return db;
    }

    public String user() {
        return dbUser;
    }
}
