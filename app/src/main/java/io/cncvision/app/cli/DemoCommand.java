package io.cncvision.app.cli;

import io.cncvision.app.simulation.Demo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code cncvision demo}: the platform on an embedded PostgreSQL with simulated lathes and cameras connected to
 * it and the loop closed, running until stopped or for {@code --duration}, after which it prints what happened.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the platform on an embedded PostgreSQL (data in ./data/demo, emptied at each start) with",
                "simulated lathes (OPC-UA, then Modbus TCP) and a camera at each: parts are gauged and identified,",
                "drift is corrected by tool offset, rejected parts open nonconformances and their suspects are held.",
                "Spring Boot options pass through, e.g. --server.port=9090."})
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--machines", paramLabel = "N", defaultValue = "2", description = "Simulated lathes (default 2).")
    int machines;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "60",
            description = "How many times faster than real time parts are made (default 60: a part every 0.4 s).")
    double speed;

    @Option(names = "--duration", paramLabel = "D", converter = RunTimeConverter.class,
            description = "Run this long (120 seconds, 2m), then print a summary and exit; without it, run until stopped.")
    Duration duration;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the shop floor (default 1).")
    long seed;

    @Option(names = "--defects", paramLabel = "DIR",
            description = "Defect images a part shows now and then (default ../shared/data/vision/neu-det-train if"
                    + " present, else drawn scratches).")
    Path defects;

    @Option(names = "--defect-rate", paramLabel = "R", defaultValue = "0.03",
            description = "Share of parts that show a defect (default 0.03).")
    double defectRate;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Demo.Settings settings;
        try {
            settings = new Demo.Settings(machines, speed, seed, defects != null ? defects : defaultDefects(),
                    defectRate, model(), Path.of("data", "demo"), List.of(SpringArguments.of(springArguments)));
        } catch (IllegalArgumentException e) {
            System.err.println("cncvision demo: " + e.getMessage());
            return 2;
        }
        Demo demo = Demo.start(settings);
        String port = demo.context().getEnvironment().getProperty("local.server.port", "8080");
        System.out.println("cncvision demo: " + machines + " lathes and cameras at speed " + speed + "; the platform is"
                + " at http://localhost:" + port + " (API under /api/v1, OpenAPI at /v3/api-docs)");
        System.out.println("cncvision demo: a token to read it with: ./cncvision token --data-dir data/demo --user"
                + " quality.manager --roles QUALITY_MANAGER");
        String database = databaseUrl(demo);
        System.out.println("cncvision demo: its database is " + database + "; check its audit trail with:"
                + " ./cncvision audit verify --data-dir data/demo --db '" + database + "'");
        if (duration == null) {
            return 0;
        }
        Thread.sleep(duration.toMillis());
        Map<String, Long> summary = demo.summary();
        long notPhotographed = demo.plant().partsNotPhotographed();
        demo.close();
        System.out.println("cncvision demo: ran " + duration.toSeconds() + " s");
        summary.forEach((name, value) -> System.out.println("  " + name + ": " + value));
        if (notPhotographed > 0) {
            System.out.println("  parts not photographed (camera behind): " + notPhotographed);
        }
        System.out.println(summary.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}")));
        System.out.flush();
        // Axon's threads outlive the closed platform; the summary is the demo's last word.
        System.exit(0);
        return 0;
    }

    private static Path defaultDefects() {
        Path shared = Path.of("..", "shared", "data", "vision", "neu-det-train");
        return Files.isDirectory(shared) ? shared : null;
    }

    /** The committed defect model, from the working directory or the source tree the jar was built in. */
    private static Path model() {
        Path here = Path.of("models", "neu-det");
        if (Files.isDirectory(here)) {
            return here;
        }
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent();
            if (root != null && root.getParent() != null && Files.isDirectory(root.getParent().resolve(here))) {
                return root.getParent().resolve(here);
            }
        } catch (Exception e) {
            // not run from a jar of the source tree: the working directory's answer stands
        }
        return here;
    }

    /** The JDBC URL of the demo's embedded PostgreSQL, with its user, as the audit commands take it. */
    private static String databaseUrl(Demo demo) throws SQLException {
        try (Connection connection = demo.context().getBean(DataSource.class).getConnection()) {
            String url = connection.getMetaData().getURL();
            return url.contains("user=") ? url : url + (url.contains("?") ? "&" : "?") + "user="
                    + connection.getMetaData().getUserName();
        }
    }
}
