package io.cncvision.app.cli.vision;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cncvision.api.value.CalibrationId;
import io.cncvision.vision.calibration.CalibrationTarget;
import io.cncvision.vision.calibration.CameraCalibration;
import io.cncvision.vision.calibration.TargetCalibrator;
import io.cncvision.vision.defect.DefectImages;
import io.cncvision.vision.defect.UnreadableImageException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncvision vision calibrate}: calibrates a camera from image files of a target, offline, and prints the
 * figures as the one JSON object {@code POST /api/v1/gauges/{gaugeId}/calibrations} takes. A file that cannot be
 * read is named on standard error and left out; the status is then 2, as it is when no calibration can be made.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Calibrate a camera from views of a chessboard or circle grid; one JSON object on stdout,",
                "the body POST /api/v1/gauges/{gaugeId}/calibrations takes (with --calibration-id), plus",
                "imageWidth, imageHeight, viewsFound and viewsGiven:",
                "  {\"cameraMatrix\":[...9],\"distortionCoefficients\":[k1,k2,p1,p2,k3],\"mmPerPixel\":0.05,",
                "   \"rmsReprojectionErrorPx\":0.06,\"imageCount\":12,...}",
                "Views show the target in varied poses, filling much of the image; the plane view shows it",
                "lying on the working plane, where the millimetres per pixel are measured."})
public class CalibrateCommand implements Callable<Integer> {

    static final int FAILED = 2;
    private static final String NAME = "cncvision vision calibrate: ";

    @Option(names = "--target", required = true, paramLabel = "SPEC",
            description = "chessboard:COLUMNSxROWS:SQUARE_MM (inner corners) or circles:COLUMNSxROWS:SPACING_MM, "
                    + "e.g. chessboard:9x6:5.0")
    String target;

    @Option(names = "--plane", required = true, paramLabel = "FILE",
            description = "The target lying on the working plane.")
    Path plane;

    @Option(names = "--calibration-id", paramLabel = "ID",
            description = "The calibration's id, put in the JSON so it can be posted as it is.")
    String calibrationId;

    @Parameters(paramLabel = "VIEW", arity = "1..*", description = "Views of the target (PNG, BMP, JPEG, ...).")
    List<Path> views;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        CliLogging.warningsToStandardError();
        CalibrationTarget calibrationTarget;
        try {
            calibrationTarget = CalibrationTarget.parse(target);
            if (calibrationId != null) {
                CalibrationId.of(calibrationId);
            }
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage());
            return FAILED;
        }
        boolean anyUnreadable = false;
        List<BufferedImage> images = new ArrayList<>();
        for (Path view : views) {
            try {
                images.add(DefectImages.read(view));
            } catch (UnreadableImageException e) {
                err.println(NAME + e.getMessage());
                anyUnreadable = true;
            }
        }
        BufferedImage planeImage;
        try {
            planeImage = DefectImages.read(plane);
        } catch (UnreadableImageException e) {
            err.println(NAME + e.getMessage() + " (the working plane view); no calibration made");
            return FAILED;
        }
        if (images.isEmpty()) {
            err.println(NAME + "none of the " + views.size() + " views could be read; no calibration made");
            return FAILED;
        }
        CameraCalibration calibration;
        try {
            calibration = new TargetCalibrator(calibrationTarget).calibrate(images, planeImage);
        } catch (IllegalArgumentException e) {
            err.println(NAME + e.getMessage() + "; no calibration made");
            return FAILED;
        }
        out.println(json(calibration, views.size()));
        out.flush();
        return anyUnreadable ? FAILED : 0;
    }

    private String json(CameraCalibration calibration, int viewsGiven) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            if (calibrationId != null) {
                json.writeStringField("calibrationId", calibrationId);
            }
            json.writeArrayFieldStart("cameraMatrix");
            for (double value : calibration.cameraMatrix()) {
                json.writeNumber(value);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("distortionCoefficients");
            for (double value : calibration.distortionCoefficients()) {
                json.writeNumber(value);
            }
            json.writeEndArray();
            json.writeNumberField("mmPerPixel", calibration.mmPerPixel());
            json.writeNumberField("rmsReprojectionErrorPx", calibration.rmsReprojectionErrorPx());
            json.writeNumberField("imageCount", calibration.imageCount());
            // Informational: the server ignores these.
            json.writeNumberField("imageWidth", calibration.imageWidth());
            json.writeNumberField("imageHeight", calibration.imageHeight());
            json.writeNumberField("viewsFound", calibration.imageCount());
            json.writeNumberField("viewsGiven", viewsGiven);
            json.writeEndObject();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
