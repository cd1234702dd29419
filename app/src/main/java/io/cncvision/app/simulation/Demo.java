package io.cncvision.app.simulation;

import io.cncvision.app.CncvisionApplication;
import io.cncvision.api.value.MachineId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform on its embedded PostgreSQL with a simulated shop floor connected to it, set up as a quality
 * engineer would: cameras calibrated, bores defined, control limits established from each lathe's first parts,
 * drift corrected by the wear offset. Each demo starts from an empty store in its own data directory.
 */
public final class Demo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Demo.class);

    /** What the demo runs. */
    public record Settings(int machines, double speed, long seed, Path defects, double defectRate, Path model,
                           Path dataDir, List<String> springArguments) {

        public Settings {
            if (machines < 1 || machines > 8) {
                throw new IllegalArgumentException("--machines must be 1 to 8, not " + machines);
            }
            if (!(speed > 0) || speed > 1000) {
                throw new IllegalArgumentException("--speed must be above 0 and at most 1000, not " + speed);
            }
            if (!(defectRate >= 0) || defectRate > 1) {
                throw new IllegalArgumentException("--defect-rate must be 0 to 1, not " + defectRate);
            }
            if (defects != null && !Files.isDirectory(defects)) {
                throw new IllegalArgumentException("--defects " + defects + " is not a folder");
            }
            if (!Files.isRegularFile(model.resolve("saved_model.pb"))) {
                throw new IllegalArgumentException("the defect model is not at " + model.toAbsolutePath()
                        + " (models/neu-det of the source tree)");
            }
            springArguments = List.copyOf(springArguments);
        }
    }

    private final DemoPlant plant;
    private final ConfigurableApplicationContext context;
    private final DemoDirector director;
    private final Thread establishing;

    private Demo(DemoPlant plant, ConfigurableApplicationContext context, DemoDirector director, Thread establishing) {
        this.plant = plant;
        this.context = context;
        this.director = director;
        this.establishing = establishing;
    }

    /** Starts the shop floor and the platform, sets up the control plan and sets the lathes running. */
    public static Demo start(Settings settings) throws Exception {
        wipe(settings.dataDir());
        DemoPlant plant = DemoPlant.start(settings.machines(), settings.speed(), settings.seed(), settings.defects(),
                settings.defectRate(), Clock.systemUTC());
        ConfigurableApplicationContext context;
        try {
            SpringApplication application = new SpringApplication(CncvisionApplication.class);
            application.setAdditionalProfiles("demo");
            application.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("demoPlant", plant));
            List<String> arguments = new ArrayList<>();
            // The demo always runs on its own embedded PostgreSQL, whatever the environment configures.
            arguments.add("--spring.datasource.url=");
            arguments.add("--cncvision.data-dir=" + settings.dataDir());
            arguments.add("--cncvision.vision.inspection.model=" + settings.model().toAbsolutePath());
            arguments.addAll(plant.springArguments());
            arguments.addAll(settings.springArguments());
            context = application.run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            plant.close();
            throw e;
        }
        DemoDirector director = new DemoDirector(context.getBean(CommandGateway.class),
                context.getBean(JdbcTemplate.class), context.getBean(Clock.class));
        for (DemoPlant.Station station : plant.stations()) {
            director.calibrate(station.camera(), LatheCamera.MM_PER_PIXEL, 1280, 1024);
            director.defineBore(station.machine());
        }
        plant.run();
        // A part is cut in (24 s / speed) and photographed as it leaves: two cycles cover the parts under way.
        Duration deadTime = Duration.ofMillis((long) (2 * 24_000 / settings.speed()) + 500);
        Thread establishing = new Thread(() -> {
            establishWhenReady(plant, director, deadTime);
            stopWhenHeld(plant, director);
        }, "demo-control-plan");
        establishing.setDaemon(true);
        establishing.start();
        return new Demo(plant, context, director, establishing);
    }

    private static void establishWhenReady(DemoPlant plant, DemoDirector director, Duration deadTime) {
        Set<MachineId> waiting = new LinkedHashSet<>();
        plant.stations().forEach(station -> waiting.add(station.machine()));
        try {
            while (!waiting.isEmpty() && !Thread.currentThread().isInterrupted()) {
                waiting.removeIf(machine -> director.establishWhenReady(machine, deadTime));
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the demo's control plan could not be set up", e);
        }
    }

    /** As an operator would, stops each machine the platform puts on quality hold. */
    private static void stopWhenHeld(DemoPlant plant, DemoDirector director) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                director.machinesOnHold().forEach(plant::stop);
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("the demo stopped watching for machines on hold", e);
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public DemoPlant plant() {
        return plant;
    }

    /** The figures of the run so far. */
    public Map<String, Long> summary() {
        return director.summary();
    }

    @Override
    public void close() {
        establishing.interrupt();
        plant.close();
        context.close();
    }

    /** Each demo starts from an empty store: the data directory of the last one is removed. */
    private static void wipe(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
