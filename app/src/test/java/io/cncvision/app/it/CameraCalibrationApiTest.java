package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.value.GaugeId;
import io.cncvision.app.security.Role;
import io.cncvision.vision.calibration.CalibrationTarget;
import io.cncvision.vision.render.TargetRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/gauges/{gaugeId}/calibrations} on a running platform: views of a target rendered through a
 * known lens are uploaded, the platform calibrates the camera and records {@code GaugeCalibrated}; figures made
 * elsewhere are recorded as they are; and every refusal says what is wrong.
 */
class CameraCalibrationApiTest {

    static final double MM_PER_PIXEL = 0.04;
    static final String TARGET = "chessboard:7x5:1.5";
    static final String FIGURES = """
            {"calibrationId": "%s", "cameraMatrix": [768.2, 0, 323.3, 0, 768.1, 237.1, 0, 0, 1],
             "distortionCoefficients": [-0.08, 0.05, 0.0005, -0.0004, 0.0], "mmPerPixel": 0.04,
             "rmsReprojectionErrorPx": 0.05, "imageCount": 5, "viewsFound": 5, "viewsGiven": 5}""";

    @TempDir
    static Path dataDir;

    static RunningPlatform platform;
    static String engineer;
    static List<byte[]> views = new ArrayList<>();
    static byte[] plane;

    @BeforeAll
    static void startAndRenderAKnownCamerasViews() {
        TargetRenderer.CalibrationViews set = TargetRenderer.calibrationViews(640, 480, MM_PER_PIXEL,
                CalibrationTarget.parse(TARGET), 5);
        set.views().forEach(view -> views.add(png(view)));
        plane = png(set.workingPlane());
        platform = RunningPlatform.start(dataDir);
        engineer = platform.token("erin", Role.QUALITY_ENGINEER);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void calibratesACameraFromUploadedViewsAndRecordsGaugeCalibrated() {
        register("cam-cal-1", GaugeKind.CAMERA);

        HttpResponse<String> response = postViews("cam-cal-1", TARGET, "cam-cal-1-2026-11-25", views, plane);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = RunningPlatform.json(response.body());
        assertThat(answer.get("outcome").asText()).isEqualTo("RECORDED");
        assertThat(answer.get("calibrationId").asText()).isEqualTo("cam-cal-1-2026-11-25");
        assertThat(answer.get("mmPerPixel").asDouble()).isCloseTo(MM_PER_PIXEL, within(MM_PER_PIXEL * 0.002));
        assertThat(answer.get("fx").asDouble()).isCloseTo(1.2 * 640, within(1.2 * 640 * 0.005));
        assertThat(answer.get("distortionCoefficients")).hasSize(5);
        assertThat(answer.get("rmsReprojectionErrorPx").asDouble()).isLessThan(0.1);
        assertThat(answer.get("viewsFound").asInt()).isEqualTo(5);
        assertThat(answer.get("viewsGiven").asInt()).isEqualTo(5);

        JsonNode event = calibrations("cam-cal-1").get(0);
        assertThat(event.get("calibrationId").asText()).isEqualTo("cam-cal-1-2026-11-25");
        assertThat(event.get("calibratedBy").asText()).isEqualTo(platform.userId("erin"));
        assertThat(event.get("mmPerPixel").asDouble()).isCloseTo(MM_PER_PIXEL, within(MM_PER_PIXEL * 0.002));
        assertThat(event.get("imageCount").asInt()).isEqualTo(5);
        assertThat(event.get("cameraMatrix")).hasSize(9);
    }

    @Test
    void recordsTheFiguresOfACalibrationMadeElsewhereOnceForItsId() {
        register("cam-cal-2", GaugeKind.CAMERA);
        String figures = FIGURES.formatted("cam-cal-2-a");

        HttpResponse<String> first = platform.post("/api/v1/gauges/cam-cal-2/calibrations", engineer, figures);
        HttpResponse<String> again = platform.post("/api/v1/gauges/cam-cal-2/calibrations", engineer, figures);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(RunningPlatform.json(first.body()).get("outcome").asText()).isEqualTo("RECORDED");
        assertThat(RunningPlatform.json(again.body()).get("outcome").asText()).isEqualTo("DUPLICATE");
        List<JsonNode> events = calibrations("cam-cal-2");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("mmPerPixel").asDouble()).isEqualTo(0.04);
        assertThat(events.get(0).get("cameraMatrix").get(0).asDouble()).isEqualTo(768.2);
        assertThat(events.get(0).get("calibratedBy").asText()).isEqualTo(platform.userId("erin"));
    }

    @Test
    void refusesASupersededCalibrationIdWithConflict() {
        register("cam-cal-3", GaugeKind.CAMERA);
        assertThat(platform.post("/api/v1/gauges/cam-cal-3/calibrations", engineer, FIGURES.formatted("first"))
                .statusCode()).isEqualTo(200);
        assertThat(platform.post("/api/v1/gauges/cam-cal-3/calibrations", engineer, FIGURES.formatted("second"))
                .statusCode()).isEqualTo(200);
        long before = platform.eventCount();

        HttpResponse<String> response = postViews("cam-cal-3", TARGET, "first", views, plane);

        assertProblem(response, 409, "calibration first of gauge cam-cal-3 was recorded before and has been superseded");
        assertThat(platform.eventCount()).isEqualTo(before);
    }

    @Test
    void refusesToCalibrateAGaugeThatIsNoCamera() {
        register("caliper-cal-1", GaugeKind.CALIPER);

        assertProblem(platform.post("/api/v1/gauges/caliper-cal-1/calibrations", engineer, FIGURES.formatted("c1")),
                409, "gauge caliper-cal-1 is a CALIPER, not a camera");
    }

    @Test
    void anUnknownGaugeIsNotFound() {
        assertProblem(platform.post("/api/v1/gauges/cam-nowhere/calibrations", engineer, FIGURES.formatted("c1")),
                404, "gauge cam-nowhere is not registered");
    }

    @Test
    void anOperatorMayNotCalibrate() {
        register("cam-cal-4", GaugeKind.CAMERA);
        long before = platform.eventCount();

        HttpResponse<String> response = platform.post("/api/v1/gauges/cam-cal-4/calibrations",
                platform.token("olga", Role.OPERATOR), FIGURES.formatted("c1"));

        assertProblem(response, 403, "needs one of the roles");
        assertThat(platform.eventCount()).isEqualTo(before);
    }

    @Test
    void aBadTargetSpecIsABadRequestNamingTheForm() {
        register("cam-cal-5", GaugeKind.CAMERA);

        JsonNode problem = assertProblem(postViews("cam-cal-5", "chessboard:7by5", "c1", views, plane), 400,
                "target 'chessboard:7by5' is not chessboard:COLUMNSxROWS:SQUARE_MM or circles:COLUMNSxROWS:SPACING_MM");
        assertThat(problem.get("field").asText()).isEqualTo("target");
    }

    @Test
    void aFileThatIsNoImageIsNamed() {
        register("cam-cal-6", GaugeKind.CAMERA);
        Multipart body = form(TARGET, "c1");
        views.forEach(view -> body.file("view", "view.png", view));
        body.file("view", "notes.txt", "calibrated on Tuesday".getBytes(StandardCharsets.UTF_8));
        body.file("plane", "plane.png", plane);

        JsonNode problem = assertProblem(body.post("/api/v1/gauges/cam-cal-6/calibrations"), 400,
                "view 'notes.txt' is not an image");
        assertThat(problem.get("field").asText()).isEqualTo("view");
    }

    @Test
    void aTargetFoundInTooFewViewsIsABadRequestSayingSo() {
        register("cam-cal-7", GaugeKind.CAMERA);

        // The views show 7x5 inner corners; a 9x6 board is in none of them.
        assertProblem(postViews("cam-cal-7", "chessboard:9x6:1.5", "c1", views, plane), 400,
                "was found in 0 of 5 views; at least 3 are needed");
    }

    private static void register(String gaugeId, GaugeKind kind) {
        platform.context().getBean(CommandGateway.class).sendAndWait(new RegisterGauge(GaugeId.of(gaugeId), kind, gaugeId));
    }

    private static List<JsonNode> calibrations(String gaugeId) {
        return platform.jdbc().queryForList("""
                        SELECT convert_from(payload, 'UTF8') FROM eventstore.events
                        WHERE aggregate_identifier = ? AND event_type LIKE '%.GaugeCalibrated' ORDER BY sequence_number""",
                String.class, gaugeId).stream().map(RunningPlatform::json).toList();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(RunningPlatform.PROBLEM_JSON));
        JsonNode problem = RunningPlatform.json(response.body());
        assertThat(problem.get("detail").asText()).contains(detail);
        return problem;
    }

    private static HttpResponse<String> postViews(String gaugeId, String target, String calibrationId,
                                                  List<byte[]> viewImages, byte[] planeImage) {
        Multipart body = form(target, calibrationId);
        for (int i = 0; i < viewImages.size(); i++) {
            body.file("view", "view-" + i + ".png", viewImages.get(i));
        }
        body.file("plane", "plane.png", planeImage);
        return body.post("/api/v1/gauges/" + gaugeId + "/calibrations");
    }

    private static Multipart form(String target, String calibrationId) {
        return new Multipart().text("target", target).text("calibrationId", calibrationId);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A multipart/form-data body (RFC 7578), as curl -F sends it. */
    private static final class Multipart {

        private final String boundary = "----cncvision" + UUID.randomUUID();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Multipart text(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            bytes.writeBytes(content);
            write("\r\n");
            return this;
        }

        HttpResponse<String> post(String path) {
            write("--" + boundary + "--\r\n");
            return platform.post(path, engineer, "multipart/form-data; boundary=" + boundary, bytes.toByteArray());
        }

        private void write(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
