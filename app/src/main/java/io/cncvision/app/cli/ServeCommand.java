package io.cncvision.app.cli;

import io.cncvision.app.CncvisionApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Runs the platform against the configured PostgreSQL (or the embedded one) and, if so configured, Axon Server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the platform.",
                "Spring Boot options pass through, e.g. --server.port=9090, --spring.datasource.url=jdbc:postgresql://...,",
                "--spring.profiles.active=axonserver. Without a datasource URL an embedded PostgreSQL keeps its data in ./data."})
public class ServeCommand implements Runnable {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public void run() {
        SpringApplication.run(CncvisionApplication.class, SpringArguments.of(springArguments));
    }
}
