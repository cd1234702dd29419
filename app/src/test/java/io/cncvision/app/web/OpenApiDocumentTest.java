package io.cncvision.app.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cncvision.app.security.SecurityConfiguration;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The public OpenAPI description of the command endpoints, as {@code GET /v3/api-docs} serves it. */
@WebMvcTest(controllers = {MachineCommandController.class, CharacteristicCommandController.class,
        PartCommandController.class, GaugeCommandController.class})
@Import({SecurityConfiguration.class, CommandSender.class, CommandApiTest.FixedClock.class,
        CommandProblemResponses.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class})
class OpenApiDocumentTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("cncvision.data-dir", dataDir::toString);
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway gateway;

    @ParameterizedTest
    @ValueSource(strings = {"400", "401", "403"})
    void everyCommandDocumentsItsProblemAnswers(String status) throws Exception {
        String response = "$.paths['/api/v1/machines'].post.responses['" + status + "']";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(response + ".description").isNotEmpty())
                .andExpect(jsonPath(response + ".content['application/problem+json'].schema['$ref']")
                        .value("#/components/schemas/ProblemDetail"));
    }

    @org.junit.jupiter.api.Test
    void aCameraCalibrationIsTakenAsUploadedViewsOrAsFigures() throws Exception {
        String body = "$.paths['/api/v1/gauges/{gaugeId}/calibrations'].post.requestBody.content";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(body + "['multipart/form-data'].schema.properties.view").exists())
                .andExpect(jsonPath(body + "['multipart/form-data'].schema.properties.plane").exists())
                .andExpect(jsonPath(body + "['application/json'].schema['$ref']")
                        .value("#/components/schemas/RecordCameraCalibrationRequest"));
    }
}
