package io.cncvision.app.cli.vision;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cncvision vision}: gauging, training and classification on image files. */
@Command(name = "vision", mixinStandardHelpOptions = true,
        description = "Measure parts in images, train a defect classifier, classify images.",
        subcommands = {MeasureCommand.class, TrainCommand.class, ClassifyCommand.class})
public class VisionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
