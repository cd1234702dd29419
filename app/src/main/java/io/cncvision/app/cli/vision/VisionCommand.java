package io.cncvision.app.cli.vision;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cncvision vision}: gauging, camera calibration, training and classification on image files. */
@Command(name = "vision", mixinStandardHelpOptions = true,
        description = "Measure parts in images, calibrate a camera, train a defect classifier, classify images.",
        subcommands = {MeasureCommand.class, CalibrateCommand.class, TrainCommand.class, ClassifyCommand.class})
public class VisionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
