package io.cncvision.app.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Documents once the problems every command can answer with (each {@code POST} under {@code /api/v1}); the
 * answers that differ from command to command stay in the annotations on its controller method.
 */
@Component
class CommandProblemResponses implements OpenApiCustomizer {

    private static final String COMMANDS = "/api/v1/";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** Descriptions by status code, in the order of the codes. */
    private static final Map<String, String> EVERY_COMMAND = new TreeMap<>(Map.of(
            "400", "Malformed JSON, or a missing or invalid field (named in the problem)",
            "401", "No valid bearer token",
            "403", "The token has none of the roles the command needs"));

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        String problemSchema = problemDetailSchema(openApi);
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(COMMANDS) && item.getPost() != null) {
                ApiResponses responses = item.getPost().getResponses();
                EVERY_COMMAND.forEach((status, description) -> {
                    if (!responses.containsKey(status)) {
                        responses.addApiResponse(status, new ApiResponse().description(description)
                                .content(new Content().addMediaType(PROBLEM_JSON,
                                        new MediaType().schema(new Schema<>().$ref(problemSchema)))));
                    }
                });
            }
        });
    }

    /** Registers {@link ProblemDetail} among the document's schemas, if no annotation did; returns its reference. */
    private static String problemDetailSchema(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        Components components = openApi.getComponents();
        ModelConverters.getInstance().read(ProblemDetail.class).forEach((name, schema) -> {
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchemas(name, schema);
            }
        });
        return Components.COMPONENTS_SCHEMAS_REF + ProblemDetail.class.getSimpleName();
    }
}
