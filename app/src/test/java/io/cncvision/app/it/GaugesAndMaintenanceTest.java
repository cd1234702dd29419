package io.cncvision.app.it;

import static io.cncvision.app.it.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cncvision.api.gauge.GaugeKind;
import io.cncvision.api.gauge.RegisterGauge;
import io.cncvision.api.value.GaugeId;
import io.cncvision.app.security.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gauge certification and maintenance over REST: a certificate makes a gauge calibrated until due; a prediction
 * below a machine's plan becomes a work order, which a technician starts and completes; bad input, refusals and
 * roles are answered as the API says.
 */
class GaugesAndMaintenanceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void certificationAndWorkOrdersOverRest() {
        try (RunningPlatform platform = RunningPlatform.start(dataDir)) {
            String engineer = platform.token("qe-quinn", Role.QUALITY_ENGINEER);
            String technician = platform.token("tech-tom", Role.MAINTENANCE);
            String operator = platform.token("op-olga", Role.OPERATOR);
            String machine = platform.token("mill-01", Role.MACHINE);

            // Gauge certification.
            platform.context().getBean(CommandGateway.class)
                    .sendAndWait(new RegisterGauge(GaugeId.of("micrometer-3"), GaugeKind.MICROMETER, "Micrometer 3"));
            Instant due = Instant.now().plus(180, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            String certificate = "{\"calibrationId\": \"mic-3-2026\", \"asFound\": \"OUT_OF_TOLERANCE\", "
                    + "\"asLeft\": \"ADJUSTED\", \"certificate\": \"https://lab.example/cert/4711\", \"dueAt\": \""
                    + due + "\"}";
            assertThat(platform.post("/api/v1/gauges/micrometer-3/certifications", operator, certificate).statusCode())
                    .isEqualTo(403);
            HttpResponse<String> certified = platform.post("/api/v1/gauges/micrometer-3/certifications", engineer,
                    certificate);
            assertThat(certified.statusCode()).as(certified.body()).isEqualTo(200);
            assertThat(json(certified.body()).path("outcome").asText()).isEqualTo("RECORDED");
            await().atMost(WAIT).until(() -> "CALIBRATED".equals(
                    platform.getJson("/api/v1/gauges/micrometer-3", engineer).path("status").asText()));
            JsonNode gauge = platform.getJson("/api/v1/gauges/micrometer-3", engineer);
            assertThat(gauge.path("dueAt").asText()).isEqualTo(due.toString());
            assertThat(gauge.path("certificationId").asText()).isEqualTo("mic-3-2026");

            HttpResponse<String> badCondition = platform.post("/api/v1/gauges/micrometer-3/certifications", engineer,
                    certificate.replace("ADJUSTED", "BENT"));
            assertThat(badCondition.statusCode()).isEqualTo(400);
            assertThat(badCondition.body()).contains("asLeft");
            HttpResponse<String> noDue = platform.post("/api/v1/gauges/micrometer-3/certifications", engineer,
                    "{\"calibrationId\": \"mic-3-x\", \"asFound\": \"IN_TOLERANCE\", \"asLeft\": \"IN_TOLERANCE\", "
                            + "\"certificate\": \"c-1\"}");
            assertThat(noDue.statusCode()).isEqualTo(400);
            assertThat(noDue.body()).contains("dueAt");
            HttpResponse<String> unknownGauge = platform.post("/api/v1/gauges/gauge-404/certifications", engineer,
                    certificate);
            assertThat(unknownGauge.statusCode()).isEqualTo(404);
            assertThat(unknownGauge.body()).contains("gauge gauge-404 is not registered");

            // A prediction below the machine's plan schedules a work order.
            assertThat(platform.post("/api/v1/machines/mill-01/maintenance-plan", operator,
                    "{\"component\": \"spindle\", \"remainingLifeThresholdHours\": 48}").statusCode()).isEqualTo(403);
            HttpResponse<String> plan = platform.post("/api/v1/machines/mill-01/maintenance-plan", technician,
                    "{\"component\": \"spindle\", \"remainingLifeThresholdHours\": 48}");
            assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
            HttpResponse<String> badPlan = platform.post("/api/v1/machines/mill-01/maintenance-plan", technician,
                    "{\"component\": \"spindle\"}");
            assertThat(badPlan.statusCode()).isEqualTo(400);
            assertThat(badPlan.body()).contains("remainingLifeThresholdHours");
            HttpResponse<String> prediction = platform.post("/api/v1/machines/mill-01/predictions", machine,
                    "{\"component\": \"spindle\", \"remainingLifeHours\": 30, \"modelVersion\": \"rul-1.2\"}");
            assertThat(prediction.statusCode()).as(prediction.body()).isEqualTo(200);

            JsonNode predicted = await().atMost(WAIT).until(() -> platform.getJson("/api/v1/work-orders", technician),
                    orders -> orders.size() == 1);
            JsonNode workOrder = predicted.get(0);
            assertThat(workOrder.path("source").asText()).isEqualTo("PREDICTION");
            assertThat(workOrder.path("machineId").asText()).isEqualTo("mill-01");
            assertThat(workOrder.path("component").asText()).isEqualTo("spindle");
            assertThat(workOrder.path("status").asText()).isEqualTo("SCHEDULED");
            String id = workOrder.path("workOrderId").asText();

            // A technician starts and completes it; out of order is refused.
            HttpResponse<String> early = platform.post("/api/v1/work-orders/" + id + "/complete", technician, "{}");
            assertThat(early.statusCode()).isEqualTo(409);
            assertThat(platform.post("/api/v1/work-orders/" + id + "/start", operator, "{}").statusCode())
                    .isEqualTo(403);
            assertThat(platform.post("/api/v1/work-orders/" + id + "/start", technician, "{}").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> completed = platform.post("/api/v1/work-orders/" + id + "/complete", technician,
                    "{\"toolChanged\": \"T1\", \"note\": \"bearing replaced\"}");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
            await().atMost(WAIT).until(() -> "COMPLETED".equals(
                    platform.getJson("/api/v1/work-orders/" + id, technician).path("status").asText()));
            JsonNode done = platform.getJson("/api/v1/work-orders/" + id, technician);
            assertThat(done.path("startedBy").asText()).isEqualTo(platform.userId("tech-tom"));
            assertThat(done.path("completedBy").asText()).isEqualTo(platform.userId("tech-tom"));
            assertThat(done.path("toolChanged").asText()).isEqualTo("T1");

            // A person's work order: created with its Location, unknown ones are 404.
            HttpResponse<String> scheduled = platform.post("/api/v1/work-orders", technician,
                    "{\"workOrderId\": \"wo-manual-1\", \"machineId\": \"mill-01\", \"reason\": \"coolant leak\", "
                            + "\"due\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
            assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
            assertThat(scheduled.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/api/v1/work-orders/wo-manual-1"));
            assertThat(platform.post("/api/v1/work-orders", technician,
                    "{\"workOrderId\": \"wo-manual-1\", \"machineId\": \"mill-01\", \"reason\": \"again\", "
                            + "\"due\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}").statusCode())
                    .isEqualTo(409);
            HttpResponse<String> noReason = platform.post("/api/v1/work-orders", technician,
                    "{\"machineId\": \"mill-01\", \"due\": \"" + Instant.now() + "\"}");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body()).contains("reason");
            HttpResponse<String> unknown = platform.post("/api/v1/work-orders/wo-404/start", technician, "{}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("work order wo-404 is not scheduled");
            await().atMost(WAIT).until(() -> platform.get("/api/v1/work-orders/wo-manual-1", technician)
                    .statusCode() == 200);
            assertThat(platform.get("/api/v1/work-orders/wo-404", technician).statusCode()).isEqualTo(404);
        }
    }
}
