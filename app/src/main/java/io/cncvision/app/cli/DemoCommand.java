package io.cncvision.app.cli;

import io.cncvision.app.CncvisionApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Runs the platform on its embedded PostgreSQL with the demo profile, ready to try on port 8080. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the platform on an embedded PostgreSQL (data in ./data) with the demo profile.",
                "Spring Boot options pass through, e.g. --server.port=9090."})
public class DemoCommand implements Runnable {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public void run() {
        SpringApplication application = new SpringApplication(CncvisionApplication.class);
        application.setAdditionalProfiles("demo");
        List<String> arguments = new ArrayList<>();
        // The demo always runs on its own embedded PostgreSQL, whatever the environment configures.
        arguments.add("--spring.datasource.url=");
        arguments.addAll(List.of(SpringArguments.of(springArguments)));
        application.run(arguments.toArray(String[]::new));
    }
}
